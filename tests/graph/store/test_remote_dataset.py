"""A remote Oxigraph server started without --union-default-graph: found when connecting, and
said in one line with what to do (issue 17), instead of "unknown commitment symbol" later."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from thbgraph.graph.errors import StoreError
from thbgraph.graph.store import open_store
from thbgraph.graph.store.remote import RemoteGraphStore

QUAD = ox.Quad(
    ox.NamedNode("https://w3id.org/thbgraph/id/commitment/mc-dec-6-18"),
    ox.NamedNode("http://www.w3.org/2004/02/skos/core#notation"),
    ox.Literal("MC.DEC/6/18"),
    ox.NamedNode("https://w3id.org/thbgraph/graph/register"),
)


@pytest.fixture(scope="module")
def plain_oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server whose default graph is its own (no --union-default-graph)."""
    exe = Path(sys.executable).parent / "oxigraph"
    binary = str(exe) if exe.exists() else shutil.which("oxigraph")
    if not binary:
        pytest.fail("the `oxigraph` server (PyPI package oxigraph) is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = tmp_path_factory.mktemp("oxigraph-plain")
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(data), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/query", params={"query": "ASK {}"}, timeout=1)
            break
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail("the Oxigraph server did not start")
            time.sleep(0.1)
    yield f"sparql+http://127.0.0.1:{port}/query"
    proc.terminate()
    proc.wait(timeout=10)


def test_an_empty_server_passes_then_our_data_shows_the_mode(plain_oxigraph: str) -> None:
    with RemoteGraphStore(plain_oxigraph) as store:
        store.check_dataset()  # nothing of ours yet: nothing to tell
        store.replace_all([QUAD])
        with pytest.raises(StoreError, match="--union-default-graph") as caught:
            store.check_dataset()
    assert "THBGRAPH_DATASET=explicit" in str(caught.value)
    with pytest.raises(StoreError, match="does not query the union"):
        open_store(plain_oxigraph)
    open_store(plain_oxigraph, read_only=False).close()  # writing needs no union


def test_explicit_dataset_mode_reads_the_same_server(
    plain_oxigraph: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with RemoteGraphStore(plain_oxigraph) as store:
        store.replace_all([QUAD])
    monkeypatch.setenv("THBGRAPH_DATASET", "explicit")
    with open_store(plain_oxigraph) as store:
        rows = store.select("SELECT ?s WHERE { ?s ?p 'MC.DEC/6/18' }")
    assert [r["s"] for r in rows] == [QUAD.subject.value]


def test_the_cli_says_what_to_do(plain_oxigraph: str) -> None:
    with RemoteGraphStore(plain_oxigraph) as store:
        store.replace_all([QUAD])
    env = {k: v for k, v in os.environ.items() if k != "THBGRAPH_DATASET"}
    done = subprocess.run(
        [sys.executable, "-c", "from thbgraph.cli import main; main()", "cited-by",
         "MC.DEC/6/18", "--store", plain_oxigraph],
        capture_output=True, text=True, timeout=120, env={**env, "NO_PROXY": "*"},
    )  # fmt: skip
    assert done.returncode != 0
    lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "--union-default-graph" in lines[0], done.stderr
    assert "unknown commitment" not in done.stderr and "Traceback" not in done.stderr


def test_serve_refuses_to_start_and_says_why(plain_oxigraph: str) -> None:
    with RemoteGraphStore(plain_oxigraph) as store:
        store.replace_all([QUAD])
    env = {k: v for k, v in os.environ.items() if k != "THBGRAPH_DATASET"}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = subprocess.run(
        [sys.executable, "-c", "from thbgraph.cli import main; main()", "serve",
         "--host", "127.0.0.1", "--port", str(port), "--store", plain_oxigraph],
        capture_output=True, text=True, timeout=120, env={**env, "NO_PROXY": "*"},
    )  # fmt: skip
    assert done.returncode != 0
    assert "--union-default-graph" in done.stderr and "Traceback" not in done.stderr
