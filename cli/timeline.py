"""`thbgraph meetings` and `thbgraph commitment`: the meeting list and a commitment's history,
optionally limited to meetings starting within `--since` / `--until` (YYYY-MM-DD, inclusive)."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from ..graph.answers import commitment as commitment_answer
from ..graph.answers import meetings as meetings_answer
from ..graph.settings import default_store_path
from ..graph.store import open_store
from . import app
from .options import StoreOption

Since = Annotated[
    str | None, typer.Option("--since", help="Only meetings starting on or after YYYY-MM-DD.")
]
Until = Annotated[
    str | None, typer.Option("--until", help="Only meetings starting on or before YYYY-MM-DD.")
]
AsJson = Annotated[bool, typer.Option("--json", help="JSON instead of lines of text.")]


def _line(m: dict[str, Any]) -> str:
    where = "online" if m.get("online") else (m.get("place") or "")
    return (
        f"{m.get('start_date') or '????-??-??'}  {m.get('name') or m.get('iri')}  {where}".rstrip()
    )


@app.command()
def meetings(
    since: Since = None,
    until: Until = None,
    year: Annotated[int | None, typer.Option("--year", help="Year the meeting started.")] = None,
    cites: Annotated[
        str | None, typer.Option("--cites", help="Only meetings citing this commitment symbol.")
    ] = None,
    as_json: AsJson = False,
    store: StoreOption = None,
) -> None:
    """The meetings in date order, with their place (or online)."""
    with open_store(store or default_store_path()) as kg:
        found = meetings_answer(kg, year=year, cites=cites, since=since, until=until)  # type: ignore[arg-type]
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    for m in found:
        typer.echo(_line(m))
    typer.echo(f"{len(found)} meeting(s)")


@app.command()
def commitment(
    symbol: Annotated[
        str, typer.Argument(help="A commitment symbol as you write it: MC.DEC/6/18.")
    ],
    since: Since = None,
    until: Until = None,
    as_json: AsJson = False,
    store: StoreOption = None,
) -> None:
    """A commitment's register facts and its history: the meetings that cited it, oldest first."""
    with open_store(store or default_store_path()) as kg:
        found = commitment_answer(kg, symbol, since=since, until=until)  # type: ignore[arg-type]
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    typer.echo(f"{found['symbol']}  {found.get('title') or ''}  ({found.get('date') or 'undated'})")
    history = sorted(found["cited_by"], key=lambda m: str(m.get("start_date") or ""))
    for m in history:
        typer.echo(f"  {_line(m)}")
    typer.echo(f"cited by {len(history)} meeting(s)")
