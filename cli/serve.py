"""`thbgraph serve`: the SPARQL endpoint, the JSON API and the linked-data pages over the store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..graph.caps import caps
from ..graph.errors import ThbGraphError
from ..graph.settings import Limits, default_store_path
from . import app


def _env_count(name: str, default: int) -> int:
    """A positive whole number from the environment variable `name`, else `default`; refused in
    one line naming the variable."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ThbGraphError(f"{name}={raw!r}: expected a whole number of at least 1") from None
    if value < 1:
        raise ThbGraphError(f"{name}={raw!r}: expected a whole number of at least 1")
    return value


def default_processes() -> int:
    """$THBGRAPH_PROCESSES, else one server process per core (at most 4)."""
    return _env_count("THBGRAPH_PROCESSES", min(4, os.cpu_count() or 1))


def pool_share(workers: int | None, processes: int) -> int:
    """Query workers per server process: `workers` (all processes together, default
    $THBGRAPH_WORKERS or one per core, at least 2) split evenly, at least one each.

    A query is CPU work in pyoxigraph: more workers than cores add no throughput, only memory
    (the workers share one address-space budget, THBGRAPH_MEMORY_MB).
    """
    if workers is None:
        default = max(2, os.cpu_count() or 1)
        workers = _env_count("THBGRAPH_WORKERS", default)
    return max(1, -(-workers // processes))


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
    processes: Annotated[
        int | None,
        typer.Option(
            "--processes",
            min=1,
            max=64,
            help="Server processes sharing the port (default $THBGRAPH_PROCESSES or one per "
            "core, at most 4).",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="SPARQL query worker processes of all server processes together, each holding "
            "one query (default $THBGRAPH_WORKERS or one per core, at least 2).",
        ),
    ] = None,
) -> None:
    """Serve /sparql, /store, the JSON API (/docs) and /id/ pages until interrupted."""
    import uvicorn  # the API is imported only when serving

    from ..api.app import create_app
    from ..api.http_limits import GuardedH11Protocol
    from ..api.prefork import bind_socket, serve_processes

    nproc = processes or default_processes()
    per_process = pool_share(workers, nproc)
    limits = Limits() if timeout is None else Limits(query_timeout_s=timeout)
    # built (and the store checked) once, here; each forked process runs its own lifespan:
    # its REST threads and its query pool
    api_app = create_app(
        store or default_store_path(),
        limits,
        workers=per_process,
        budget_workers=per_process * nproc,
    )
    try:
        sock = bind_socket(host, port)
    except OSError as exc:
        typer.echo(f"thbgraph: error: --host {host} --port {port}: cannot listen: {exc}", err=True)
        raise typer.Exit(1) from exc
    config = uvicorn.Config(
        api_app,
        log_level="warning",
        access_log=False,
        # Slow clients cannot hold the server: idle keep-alive connections close after a few
        # seconds, headers are bounded in size, and open connections are capped (503 past it).
        timeout_keep_alive=caps().keepalive_s,
        limit_concurrency=caps().max_connections,
        h11_max_incomplete_event_size=16 * 1024,
        http=GuardedH11Protocol,
    )
    typer.echo(
        f"thbgraph: serving http://{host}:{port}/sparql (docs at /docs) in {nproc} process(es), "
        f"{per_process} query worker(s) each",
        err=True,
    )

    def run(_index: int) -> None:
        uvicorn.Server(config).run(sockets=[sock])

    if nproc == 1:
        run(0)
        return
    code = serve_processes(run, nproc)
    if code:
        raise typer.Exit(code)
