"""`thbgraph extract`: print what the extractors read in one document (JSON or a table)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..graph.extract import extract as run_extract
from ..graph.model import Extraction
from ..graph.readers import read_document
from . import app


class OutputFormat(StrEnum):
    json = "json"
    table = "table"


def _table(extraction: Extraction) -> None:
    from rich.console import Console
    from rich.table import Table

    doc = extraction.document
    console = Console()
    summary = Table(title=f"{extraction.source}: {doc.type}, {doc.language}", show_header=False)
    summary.add_row("title", doc.title or "")
    summary.add_row("date", doc.date or "")
    console.print(summary)
    meetings = Table("role", "title", "dates", "where", "organisers", "counts", title="Meetings")
    for m in extraction.meetings:
        where = "online" if m.online else (m.place or "")
        counts = " ".join(
            f"{label} {n}"
            for label, n in (("participants", m.participants_count), ("states", m.states_count))
            if n is not None
        )
        dates = (
            m.start_date or "" if m.start_date == m.end_date else f"{m.start_date} – {m.end_date}"
        )
        meetings.add_row(m.role, m.title or "", dates, where, ", ".join(m.organisers), counts)
    console.print(meetings)
    citations = Table("symbol", "as written", "offsets", "method", "article", title="Citations")
    for c in extraction.citations:
        citations.add_row(
            c.symbol or "(unresolved)", c.text, f"{c.start}-{c.end}", c.method, c.article or ""
        )
    console.print(citations)
    others = Table("kind", "found", title="Actors, publications, places")
    others.add_row(
        "organisations", ", ".join(o.acronym or o.name for o in extraction.organisations)
    )
    others.add_row("persons", ", ".join(p.name for p in extraction.persons))
    others.add_row("publications", "; ".join(p.title for p in extraction.publications))
    others.add_row("countries", ", ".join(c.code for c in extraction.countries))
    others.add_row("topics", ", ".join(extraction.topics))
    console.print(others)
    for w in extraction.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}", highlight=False, markup=True)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="The document to read (.txt, .md ...).")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json (the stable interface) or table.")
    ] = OutputFormat.json,
) -> None:
    """Print the meetings, citations, actors and publications read in one document."""
    doc = read_document(file)
    extraction = run_extract(
        doc.text, source=file.name, page_starts=doc.page_starts, sha256=doc.sha256, links=doc.links
    )
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(extraction.to_json(), ensure_ascii=False, indent=2))
    else:
        _table(extraction)
