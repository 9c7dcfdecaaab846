"""Fixtures of the API tests: a store from hand-made data, and a real `thbgraph serve` on 127.0.0.1."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest

from thbgraph.graph.store import Generation
from thbgraph.graph.store.loader import load_rdf_file
from thbgraph.graph.store.remote import RemoteGraphStore

HERE = Path(__file__).parent
W3C = HERE / "w3c"
KASEI = "http://kasei.us/2009/09/sparql/data/"
TEST_TIMEOUT_S = 3.0
TEST_MAX_RESULTS = 5000


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_store(root: Path) -> Path:
    """A store holding tests/api/data/mini.trig and the W3C protocol graphs data1-3."""
    with Generation(root) as gen:
        quads = ox.parse((HERE / "data" / "mini.trig").read_bytes(), format=ox.RdfFormat.TRIG)
        gen.store.inner.extend(list(quads))
        gen.commit()
    for n in (1, 2, 3):
        load_rdf_file(root, W3C / f"data{n}.nt", f"{KASEI}data{n}.rdf")
    return root


def load_remote_store(location: str) -> str:
    """The same data as `make_store`, put on a remote SPARQL server through the Graph Store Protocol."""
    quads = list(ox.parse((HERE / "data" / "mini.trig").read_bytes(), format=ox.RdfFormat.TRIG))
    with RemoteGraphStore(location) as store:
        store.replace_all(quads)
        for n in (1, 2, 3):  # a graph outside thbgraph's own, as `thbgraph load` adds locally
            store.put_graph(f"{KASEI}data{n}.rdf", (W3C / f"data{n}.nt").read_bytes())
    return location


def _graph_conftest() -> Any:
    spec = importlib.util.spec_from_file_location(
        "thbgraph_tests_graph_conftest", HERE.parent / "graph" / "conftest.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# A real Oxigraph SPARQL server on 127.0.0.1 (one per test module), as in the graph tests.
oxigraph_server = _graph_conftest().oxigraph_server


@pytest.fixture(scope="session")
def api_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The path of the test store."""
    return make_store(tmp_path_factory.mktemp("api") / "store")


class Server:
    """A running `thbgraph serve`."""

    def __init__(self, process: subprocess.Popen[bytes], port: int, store: Path | str) -> None:
        self.process = process
        self.port = port
        self.store = store
        self.base = f"http://127.0.0.1:{port}"
        self.timeout = TEST_TIMEOUT_S
        self.max_results = TEST_MAX_RESULTS

    def url(self, path: str) -> str:
        return self.base + path


def start_server(
    store: Path | str,
    *,
    workers: int = 2,
    timeout: float = TEST_TIMEOUT_S,
    processes: int | None = None,
    env: dict[str, str] | None = None,
) -> Server:
    """Start `thbgraph serve` on a free port and wait until it answers.

    Its output goes to a file, not a pipe: a pipe nobody reads fills up under load and stalls it.
    `processes`: server processes (default: the command's, one per core); `env`: more variables.
    """
    port = free_port()
    env = {
        **os.environ,
        "THBGRAPH_MAX_RESULTS": str(TEST_MAX_RESULTS),
        "THBGRAPH_MAX_BODY": str(64 * 1024),
        "NO_PROXY": "*",
        **(env or {}),
    }
    cmd = [
        sys.executable,
        "-c",
        "from thbgraph.cli import main; main()",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--store",
        str(store),
        "--timeout",
        str(timeout),
        "--workers",
        str(workers),
        *(["--processes", str(processes)] if processes else []),
    ]
    log = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the server)
    process = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Server(process, port, store)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            out = log.read().decode(errors="replace")
            raise RuntimeError(f"thbgraph serve exited: {out}")
        try:
            r = httpx.get(server.url("/sparql"), params={"query": "ASK {}"}, timeout=5)
            if r.status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("thbgraph serve did not answer within 60 s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(5)


@pytest.fixture(scope="session")
def server(api_store: Path) -> Iterator[Server]:
    """A real server over the test store, for the whole session."""
    srv = start_server(api_store)
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def remote_server(oxigraph_server: str, start_thbgraph_server: Any) -> Server:
    """`thbgraph serve --store sparql+http://...` over the test data on a real Oxigraph server."""
    return start_thbgraph_server(load_remote_store(oxigraph_server))


@pytest.fixture()
def client(server: Server) -> Iterator[httpx.Client]:
    """An httpx client bound to the server (no proxies, no redirects followed)."""
    with httpx.Client(base_url=server.base, timeout=30, trust_env=False) as c:
        yield c


@pytest.fixture(scope="session")
def start_thbgraph_server() -> Iterator[Any]:
    """A function that starts `thbgraph serve` over a given store; all are stopped at the end."""
    started: list[Server] = []

    def start(store: Path | str, **options: Any) -> Server:
        srv = start_server(store, **options)
        started.append(srv)
        return srv

    yield start
    for srv in started:
        stop_server(srv)
