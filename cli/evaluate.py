"""`thbgraph evaluate`: score the extractors against a truth file, per field, with every miss and false hit."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..graph.evaluate import Evaluation, Score, evaluate
from ..graph.regression import compare, load_baseline, write_baseline
from . import app


class Format(StrEnum):
    table = "table"
    json = "json"


def _f1(score: Score) -> str:
    """F1 for the table; a dash where the field has nothing to score (F1 would read 1.000)."""
    return f"{score.f1:.3f}" if score.tp + score.fp + score.fn else "-"


def _print_table(result: Evaluation, *, findings: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    # wide enough for the per-language columns when the output is a file or a pipe
    console = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 150)
    table = Table(title=f"Extraction scores over {len(result.documents)} documents")
    languages = result.by_language()
    per_language = languages if len(languages) > 1 else {}
    columns = ["field", "TP", "FP", "FN", "precision", "recall", "F1"]
    columns += [f"F1 {lang} ({sum((d.language or '?') == lang for d in result.documents)})"
                for lang in per_language]  # fmt: skip
    for column in columns:
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, s in result.totals.items():
        table.add_row(
            name, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}",
            f"{s.f1:.3f}", *(_f1(totals[name]) for totals in per_language.values()),
        )  # fmt: skip
    console.print(table)
    for doc in result.documents:
        if doc.error:
            console.print(f"[red]{doc.source}: not read: {doc.error}[/red]", markup=True)
    if findings:
        for f in result.findings:
            console.print(f.line(), markup=False, highlight=False)


@app.command("evaluate")
def evaluate_command(
    truth: Annotated[
        Path, typer.Argument(help="Truth file (JSON in the shape of seed-facts.json).")
    ],
    docs_dir: Annotated[
        Path, typer.Argument(help="Folder holding the documents the truth file names.")
    ],
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="table (readable) or json (everything).")
    ] = Format.table,
    findings: Annotated[
        bool, typer.Option("--findings/--no-findings", help="List every miss and false hit.")
    ] = True,
    fail_under: Annotated[
        float | None,
        typer.Option(help="Exit with code 2 when the F1 of any field is below this value."),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="Baseline JSON to compare with: list every fact gained and lost per field."
        ),
    ] = None,
    write_baseline_to: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="Write this run as the new baseline JSON to FILE."),
    ] = None,
    fail_on_loss: Annotated[
        bool, typer.Option(help="Exit with code 3 when a fact of the baseline is lost.")
    ] = False,
) -> None:
    """Score extraction per field (precision, recall, F1) and list every miss and false hit."""
    result = evaluate(truth, docs_dir)
    if output_format is Format.json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_table(result, findings=findings)
    lost = False
    if baseline is not None:
        report = compare(result, load_baseline(baseline))
        if output_format is Format.json:
            typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        else:
            typer.echo(f"Against baseline {baseline}:")
            for line in report.lines():
                typer.echo(line)
        lost = report.has_losses
    if write_baseline_to is not None:
        write_baseline(result, write_baseline_to)
        typer.echo(f"baseline written to {write_baseline_to}", err=True)
    if fail_under is not None:
        low = [n for n, s in result.totals.items() if s.f1 < fail_under]
        if low:
            typer.echo(f"F1 below {fail_under} for: {', '.join(low)}", err=True)
            raise typer.Exit(code=2)
    if lost and fail_on_loss:
        typer.echo("facts of the baseline lost", err=True)
        raise typer.Exit(code=3)


__all__ = ["evaluate_command"]
