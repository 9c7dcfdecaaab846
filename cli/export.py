"""`thbgraph export`: write a view of the graph for Gephi, Cytoscape, yEd, Graphviz, D3 or RDF tools."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..graph.errors import ThbGraphError
from ..graph.export.formats import FORMATS, export
from ..graph.export.views import VIEWS, ViewOptions
from ..graph.settings import default_store_path
from ..graph.store import open_store
from . import app


def _construct_text(value: str) -> str:
    """`@file.rq` reads the query from a file; anything else is the query itself."""
    if not value.startswith("@"):
        return value
    path = Path(value[1:])
    try:
        return path.read_text("utf-8")
    except OSError as exc:
        raise ThbGraphError(f"--construct: cannot read {path}: {exc.strerror}") from exc


@app.command("export")
def export_command(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")
    ] = "graphml",
    view: Annotated[str, typer.Option(help=f"One of: {', '.join(VIEWS)}.")] = "full",
    focus: Annotated[
        str | None, typer.Option(help="Keep the ego network of this IRI or symbol (MC.DEC/6/18).")
    ] = None,
    depth: Annotated[int, typer.Option(min=0, help="Radius of the ego network.")] = 1,
    year_from: Annotated[
        int | None, typer.Option("--from", help="Drop nodes dated before this year.")
    ] = None,
    year_to: Annotated[
        int | None, typer.Option("--to", help="Drop nodes dated after this year.")
    ] = None,
    types: Annotated[
        str | None, typer.Option(help="Keep only these node types, e.g. meeting,commitment.")
    ] = None,
    construct: Annotated[
        str | None,
        typer.Option(help="A SPARQL CONSTRUCT query (or @file.rq) whose result is the graph."),
    ] = None,
    metrics: Annotated[
        bool, typer.Option(help="Compute degree, betweenness and communities.")
    ] = True,
    store: Annotated[
        Path | None, typer.Option(help="The store directory (default: $THBGRAPH_STORE).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; '-' or none: stdout.")
    ] = None,
) -> None:
    """Export a view of the graph (or a CONSTRUCT result) as GraphML, GEXF, Cytoscape.js, D3, DOT, CSV or RDF."""
    if fmt == "csv" and output is not None and output.suffix.lower() == ".csv":
        raise ThbGraphError(
            f"-o {output}: --format csv writes two tables (nodes.csv and edges.csv) "
            f"in one ZIP: use -o {output.with_suffix('.zip')}"
        )
    options = ViewOptions(
        view=view,
        focus=focus,
        depth=depth,
        year_from=year_from,
        year_to=year_to,
        types=tuple(t.strip() for t in (types or "").split(",") if t.strip()),
        construct=_construct_text(construct) if construct else None,
        metrics=metrics,
    )
    with open_store(store or default_store_path()) as kg_store:
        result = export(kg_store, options, fmt)
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(result.content)
        sys.stdout.buffer.flush()
        return
    try:
        output.write_bytes(result.content)
    except OSError as exc:
        raise ThbGraphError(f"-o: cannot write {output}: {exc.strerror}") from exc
    typer.echo(f"wrote {output} ({len(result.content)} bytes, {result.media_type})", err=True)
