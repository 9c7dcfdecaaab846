"""`thbgraph changes`: the store's change log (builds, adds, removes), newest first."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer

from ..graph.changes import patch_path, read_changes
from ..graph.settings import default_store_path
from ..graph.store import open_store
from . import app
from .options import StoreOption


@app.command()
def changes(
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=10000, help="Newest changes to show.")
    ] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
    store: StoreOption = None,
) -> None:
    """What each build, add, remove and load changed: when, which documents, quads added and
    removed (--json: with the path of its RDF Patch)."""
    with open_store(store or default_store_path()) as kg:
        log = read_changes(kg, limit=limit)
        generation = getattr(kg, "generation", None)
    for c in log:
        if as_json:
            patch = patch_path(generation, c.generation) if generation else None
            row = {**asdict(c), "patch": str(patch) if patch else None}  # its RDF Patch file
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            typer.echo(
                f"{c.published}  {c.kind:<6}  +{c.added:<7} -{c.removed:<7}  {', '.join(c.documents)}"
            )
