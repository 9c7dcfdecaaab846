"""`thbgraph validate`: check a store against the SHACL shapes and print the report."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..graph.settings import default_store_path
from ..graph.store import open_store
from ..graph.validate import validate_store
from . import app


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


class Engine(StrEnum):
    fast = "fast"
    pyshacl = "pyshacl"


@app.command()
def validate(
    store: Annotated[
        Path | None,
        typer.Option(
            "--store", help="The graph store to check (default: $THBGRAPH_STORE or the user store)."
        ),
    ] = None,
    all_graphs: Annotated[
        bool,
        typer.Option(
            "--all-graphs",
            help="Also check graphs loaded with `thbgraph load`, not only the built ones.",
        ),
    ] = False,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Print the report as text or JSON.")
    ] = ReportFormat.text,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="fast: Rust core shapes + SPARQL shapes in Oxigraph; pyshacl: the slow reference.",
        ),
    ] = Engine.fast,
) -> None:
    """Validate the register and document graphs against the SHACL shapes.

    Exit code 0 when the graph conforms (warnings and infos allowed), 1 when it has violations.
    """
    with open_store(store if store is not None else default_store_path()) as kg_store:
        report = validate_store(kg_store, all_graphs=all_graphs, engine=engine.value)
    if fmt is ReportFormat.json:
        typer.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        typer.echo(report.text(), nl=False)
    raise typer.Exit(code=0 if report.conforms else 1)
