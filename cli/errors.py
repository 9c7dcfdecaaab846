"""Errors on the command line, mapped once: one line on stderr, and an exit code per kind of error."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import NoReturn

import typer

from ..graph.errors import ThbGraphError, ValidationFailed

__all__ = ["EXIT_INTERNAL", "EXIT_INTERRUPTED", "exit_code", "run_reporting_errors"]

EXIT_ERROR = 1  # any ThbGraphError: bad input, a missing store, failed validation, a refused query
EXIT_INTERNAL = 2  # a bug: reported in one line, the traceback with THBGRAPH_DEBUG=1
EXIT_INTERRUPTED = 130  # Ctrl-C: the store is unchanged (writes are atomic)


def exit_code(exc: BaseException) -> int:
    """The exit code of an error."""
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(exc, ThbGraphError):
        return EXIT_ERROR
    return EXIT_INTERNAL


def _fail(message: str, exc: BaseException) -> NoReturn:
    typer.echo(message, err=True)
    sys.exit(exit_code(exc))


def run_reporting_errors(command: Callable[[], object]) -> None:
    """Run the command line; every error ends as one line (a SHACL report first, when there is one)."""
    try:
        command()
    except ThbGraphError as exc:
        if isinstance(exc, ValidationFailed) and exc.report:
            typer.echo(exc.report, err=True)  # the readable SHACL report, then the one-line error
        _fail(f"thbgraph: error: {exc.message or exc.kind}", exc)
    except KeyboardInterrupt as exc:
        _fail("thbgraph: interrupted; the store is unchanged", exc)
    except Exception as exc:
        if os.environ.get("THBGRAPH_DEBUG"):
            raise
        _fail(
            f"thbgraph: internal error: {type(exc).__name__}: {exc} "
            "(set THBGRAPH_DEBUG=1 for the traceback, and please report it)",
            exc,
        )
