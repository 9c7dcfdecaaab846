"""The `thbgraph` command line: each command forwards to a plain function of the library.

Commands live in one module each (`cli/<name>.py`) and register themselves on `app`.
Errors become one line on stderr and an exit code, in one place (`cli/errors.py`).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

import typer

from .errors import run_reporting_errors

__all__ = ["app", "main"]

app = typer.Typer(
    name="thbgraph",
    help="A knowledge graph of anti-trafficking commitments, meetings, actors and publications.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from ..graph import __version__

        typer.echo(f"thbgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """A knowledge graph of anti-trafficking commitments, meetings, actors and publications."""


# Command modules, imported in this order; each adds its commands to `app`.
COMMAND_MODULES = [
    "extract",  # extract, evaluate
    "build",  # build, add, remove
    "validate",  # validate
    "traceability",  # cited-by, query, show, resolve
    "storecmd",  # load, graphs, dump
    "changes",  # changes
    "release",  # release, diff
    "timeline",  # meetings, commitment (--since/--until)
    "serve",  # serve
    "export",  # export
    "synth",  # synth
    "evaluate",  # evaluate
]


def _register(command: str | None = None) -> None:
    """Import the command modules, in order, stopping at the one that defines `command`.

    A command pays only for its own imports (`add` loads no export, serve or query modules);
    `--help`, an unknown command or None import them all.
    """
    for name in COMMAND_MODULES:
        if importlib.util.find_spec(f"{__name__}.{name}") is not None:
            importlib.import_module(f"{__name__}.{name}")
        if command is not None and command in _command_names():
            return


def _command_names() -> set[str]:
    return {
        str(c.name or getattr(c.callback, "__name__", "")).replace("_", "-")
        for c in app.registered_commands
    }


def main() -> None:
    """Console-script entry point."""
    _register(sys.argv[1] if len(sys.argv) > 1 else None)
    run_reporting_errors(app)
