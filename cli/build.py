"""`thbgraph build`, `add`, `remove`: write the graph store from documents, atomically."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..graph.pipeline import (
    add_documents,
    build_store,
    bundled_corpus,
    corpus_files,
    remove_documents,
)
from ..graph.settings import default_store_path
from . import app
from .options import StoreOption

if TYPE_CHECKING:
    from rich.progress import Progress


def _progress(total: int) -> tuple[Progress, object]:
    """The extraction progress bar of `build` (rich is imported here: `add` does not need it)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        transient=True,
        disable=total < 20,
    )
    task = bar.add_task("", total=total)
    return bar, task


@app.command()
def build(
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="Folder of documents (default: the bundled corpus)."),
    ] = None,
    store: StoreOption = None,
) -> None:
    """Build the knowledge graph from a corpus and swap it in only if it validates."""
    store_path = store or default_store_path()
    files = corpus_files(corpus or bundled_corpus())
    bar, task = _progress(len(files))
    with bar:

        def step(name: str) -> None:
            bar.update(task, advance=1, description=name)  # type: ignore[arg-type]

        report = build_store(store_path, corpus=corpus, progress=step)
    typer.echo(report.summary())


@app.command()
def add(
    files: Annotated[list[Path], typer.Argument(help="Documents to add or replace.")],
    store: StoreOption = None,
) -> None:
    """Add or replace documents in the store; only their named graphs change."""
    report = add_documents(store or default_store_path(), files)
    typer.echo(report.summary().replace("built", "added", 1))


@app.command()
def remove(
    documents: Annotated[list[str], typer.Argument(help="Document ids or file names.")],
    store: StoreOption = None,
) -> None:
    """Remove documents and everything only they supported."""
    removed = remove_documents(store or default_store_path(), documents)
    typer.echo(f"removed {len(removed)} document(s): {', '.join(removed)}")
