"""`thbgraph release` (a dated, numbered, canonical dump with checksums and VoID/DCAT) and
`thbgraph diff A B` (what changed between two releases or generations)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ..graph.release import diff as diff_versions
from ..graph.release import make_release, release_folder
from ..graph.settings import default_store_path
from . import app
from .options import StoreOption


@app.command()
def release(store: StoreOption = None) -> None:
    """Write the next release of the store under STORE/releases/r<N>/: the canonical dump
    (sorted N-Quads, gzip), its VoID + DCAT description, release.json and SHA256SUMS."""
    root = store or default_store_path()
    made = make_release(root)
    folder = release_folder(root, made.name)
    typer.echo(
        f"release {made.name} ({made.date}): {made.quads} quads in {len(made.graphs)} graphs"
    )
    for name, digest in made.files.items():
        typer.echo(f"  {folder}/{name}  sha256 {digest}")
    typer.echo(f"cite as: {made.citation}")


@app.command()
def diff(
    source: Annotated[str, typer.Argument(help="A release (r3 or 3), a generation, or current.")],
    target: Annotated[
        str, typer.Argument(help="A release (r3 or 3), a generation, or current.")
    ] = "current",
    output: Annotated[
        str, typer.Option("--format", help="text or json.", case_sensitive=False)
    ] = "text",
    store: StoreOption = None,
) -> None:
    """What changed from SOURCE to TARGET: per graph, quads added and removed, entities affected."""
    if output.lower() not in ("text", "json"):
        raise typer.BadParameter(f"--format {output!r}: use text or json")
    found = diff_versions(store or default_store_path(), source, target)
    if output.lower() == "json":
        typer.echo(json.dumps(found.as_json(), ensure_ascii=False, indent=1))
        return
    typer.echo(
        f"{source} -> {target}: +{found.added} -{found.removed} quads, "
        f"{found.entity_count} entities affected"
    )
    if found.graphs:
        width = max(len(g.graph) for g in found.graphs)
        typer.echo(f"{'graph':<{width}}  {'added':>8}  {'removed':>8}  {'entities':>8}")
        for g in found.graphs:
            typer.echo(f"{g.graph:<{width}}  {g.added:>8}  {g.removed:>8}  {g.entities:>8}")
    for iri in found.entities[:20]:
        typer.echo(f"  {iri}")
    if found.entity_count > 20:
        typer.echo(f"  ... and {found.entity_count - 20} more (--format json lists them)")
