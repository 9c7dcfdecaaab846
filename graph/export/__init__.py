"""Exports of the graph for Gephi, Cytoscape, yEd, Graphviz, D3, spreadsheets and RDF tools."""

from __future__ import annotations

from .views import VIEWS, ViewOptions, build_view

__all__ = ["VIEWS", "ViewOptions", "build_view"]
