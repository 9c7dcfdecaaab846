"""`thbgraph serve`: the SPARQL endpoint, the JSON API and the linked-data pages over the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..graph.caps import caps
from ..graph.settings import Limits, default_store_path
from . import app


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            help="Store directory (default: $THBGRAPH_STORE or ~/.local/share/thbgraph/store), "
            "or a SPARQL server: sparql+http://host:port/query (served read-only).",
        ),
    ] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="Query time limit in seconds (default 30).")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", help="Query worker processes (each holds one query).")
    ] = 2,
) -> None:
    """Serve /sparql, /store, the JSON API (/docs) and /id/ pages until interrupted."""
    import uvicorn  # the API is imported only when serving

    from ..api.app import create_app
    from ..api.http_limits import GuardedH11Protocol

    limits = Limits() if timeout is None else Limits(query_timeout_s=timeout)
    api_app = create_app(store or default_store_path(), limits, workers=workers)
    typer.echo(f"thbgraph: serving http://{host}:{port}/sparql (docs at /docs)", err=True)
    uvicorn.run(
        api_app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        # Slow clients cannot hold the server: idle keep-alive connections close after a few
        # seconds, headers are bounded in size, and open connections are capped (503 past it).
        timeout_keep_alive=caps().keepalive_s,
        limit_concurrency=caps().max_connections,
        h11_max_incomplete_event_size=16 * 1024,
        backlog=2048,
        http=GuardedH11Protocol,
    )
