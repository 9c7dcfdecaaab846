"""`thbgraph synth`: write a realistic synthetic corpus with its truth file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..graph.quality.synth import write_corpus
from . import app


@app.command()
def synth(
    out_dir: Annotated[
        Path, typer.Argument(help="Folder to write the documents and truth.json into.")
    ],
    documents: Annotated[
        int, typer.Option("--documents", "-n", min=1, help="How many documents.")
    ] = 100,
    seed: Annotated[
        int, typer.Option(help="Random seed: the same seed gives the same corpus.")
    ] = 0,
) -> None:
    """Write N synthetic meeting documents (agendas, summaries, press releases, conclusions) and truth.json."""
    truth = write_corpus(out_dir, documents, seed=seed)
    typer.echo(f"wrote {documents} documents and {truth}")
