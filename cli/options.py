"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["StoreOption"]

StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store",
        help="Store directory, or sparql+http://host:port/query for a remote SPARQL server "
        "(default: $THBGRAPH_STORE or ~/.local/share/thbgraph/store).",
    ),
]
