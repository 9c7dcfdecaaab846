"""`thbgraph graphs`, `load`, `dump`: look into the store and bring your own RDF into it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..graph.errors import ThbGraphError
from ..graph.settings import default_store_path
from ..graph.store import open_store
from ..graph.store.loader import FORMATS, load_rdf_file
from ..graph.vocab import GRAPH_RUNS
from . import app
from .options import StoreOption


@app.command()
def graphs(store: StoreOption = None) -> None:
    """List the named graphs of the store with their sizes."""
    with open_store(store or default_store_path()) as kg:
        for name, size in kg.named_graphs():
            typer.echo(f"{size:>9}  {name}")


@app.command()
def load(
    file: Annotated[Path, typer.Argument(help="An RDF file: .ttl .nt .nq .trig .rdf .jsonld")],
    graph: Annotated[
        str,
        typer.Option("--graph", help="The named graph (IRI) to load into; replaced if it exists."),
    ],
    format: Annotated[
        str | None,
        typer.Option(
            "--format", help=f"RDF format: {', '.join(FORMATS)} (default: from the extension)."
        ),
    ] = None,
    store: StoreOption = None,
) -> None:
    """Import your own RDF into a named graph beside the extracted graph (kept out of validation)."""
    n = load_rdf_file(store or default_store_path(), file, graph, fmt=format)
    typer.echo(f"loaded {n} triples from {file} into <{graph}>")


def split_runs(nquads: str) -> tuple[str, str]:
    """Sorted N-Quads split into (every graph but the build runs, the build-runs graph)."""
    tail = f"<{GRAPH_RUNS}> .\n"
    lines = nquads.splitlines(keepends=True)
    runs = [line for line in lines if line.endswith(tail)]
    kept = [line for line in lines if not line.endswith(tail)]
    return "".join(kept), "".join(runs)


@app.command()
def dump(
    format: Annotated[str, typer.Option("--format", help="nquads or trig")] = "nquads",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    runs: Annotated[
        Path | None,
        typer.Option("--runs", help="Also write the build-runs graph (volatile) to this file."),
    ] = None,
    store: StoreOption = None,
) -> None:
    """Write the store as N-Quads (canonical: sorted, diffs well) or TriG; the build-runs graph,
    which changes at every build, is left out (`--runs FILE` writes it apart)."""
    if format not in ("nquads", "trig"):
        raise ThbGraphError(f"--format {format!r}: dump writes nquads or trig (all graphs)")
    with open_store(store or default_store_path()) as kg:
        if format == "nquads":
            kept, volatile = split_runs(kg.canonical_nquads())
            data = kept.encode("utf-8")
        else:
            data = kg.dump(FORMATS[format])
            volatile = None
    if runs is not None:
        if volatile is None:
            raise ThbGraphError("--runs: only with --format nquads")
        runs.write_text(volatile, encoding="utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
        typer.echo(f"wrote {len(data)} bytes to {output}")
