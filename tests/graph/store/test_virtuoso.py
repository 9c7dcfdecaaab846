"""The remote store on a real OpenLink Virtuoso (Debian's virtuoso-opensource) on 127.0.0.1.

Opt-in: skipped unless THBGRAPH_VIRTUOSO=1 (or THBGRAPH_OPTIN=1) and `virtuoso-t` is installed
(`apt-get install virtuoso-opensource`). The endpoint-layout tests at the top always run.
"""

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

from thbgraph.graph.answers import cited_by
from thbgraph.graph.errors import StoreError
from thbgraph.graph.queries import run_named
from thbgraph.graph.store import GraphStore, open_store
from thbgraph.graph.store.remote import GRAPH_SCOPE, RemoteGraphStore, parse_remote_location
from thbgraph.graph.vocab import GRAPH_RUNS

VIRTRDF = "http://www.openlinksw.com/schemas/virtrdf#"  # one of Virtuoso's own graphs
MAX_ROWS = 10000  # Virtuoso's default ResultSetMaxRows, set explicitly in the test's virtuoso.ini


@pytest.fixture(autouse=True)
def _no_store_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in (
        "THBGRAPH_UPDATE_URL",
        "THBGRAPH_GSP_URL",
        "THBGRAPH_DATASET",
        "THBGRAPH_STORE_USER",
        "THBGRAPH_STORE_PASSWORD",
    ):
        monkeypatch.delenv(var, raising=False)


# -- endpoint layouts (no server) ----------------------------------------------------------------
def test_layouts_of_virtuoso_graphdb_neptune_and_fuseki() -> None:
    v = parse_remote_location("sparql+http://127.0.0.1:8890/sparql")
    assert (v.query, v.update, v.gsp, v.dataset) == (
        "http://127.0.0.1:8890/sparql",
        "http://127.0.0.1:8890/sparql",
        "http://127.0.0.1:8890/sparql-graph-crud",
        "explicit",
    )
    va = parse_remote_location("sparql+http://127.0.0.1:8890/sparql-auth")
    assert (va.update, va.gsp) == (
        "http://127.0.0.1:8890/sparql-auth",
        "http://127.0.0.1:8890/sparql-graph-crud-auth",
    )
    g = parse_remote_location("sparql+http://h:7200/repositories/thb")
    assert (g.update, g.gsp, g.dataset) == (
        "http://h:7200/repositories/thb/statements",
        "http://h:7200/repositories/thb/rdf-graphs/service",
        "union",
    )
    n = parse_remote_location(
        "sparql+https://db.cluster-x.eu-west-1.neptune.amazonaws.com:8182/sparql"
    )
    assert (n.update, n.gsp) == (
        "https://db.cluster-x.eu-west-1.neptune.amazonaws.com:8182/sparql",
        "https://db.cluster-x.eu-west-1.neptune.amazonaws.com:8182/sparql/gsp/",
    )
    f = parse_remote_location("sparql+http://h:3030/ds/query")
    assert (f.update, f.gsp) == ("http://h:3030/ds/update", "http://h:3030/ds/data")


def test_settings_come_from_the_environment_and_are_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("THBGRAPH_GSP_URL", "http://h:1/crud")
    monkeypatch.setenv("THBGRAPH_DATASET", "union")
    monkeypatch.setenv("THBGRAPH_STORE_USER", "dba")
    e = parse_remote_location("sparql+http://h:1/sparql")
    assert (e.gsp, e.dataset, e.user) == ("http://h:1/crud", "union", "dba")
    monkeypatch.setenv("THBGRAPH_DATASET", "everything")
    with pytest.raises(StoreError, match="THBGRAPH_DATASET must be one of union, explicit"):
        parse_remote_location("sparql+http://h:1/sparql")
    monkeypatch.delenv("THBGRAPH_DATASET")
    with pytest.raises(StoreError, match="THBGRAPH_STORE_USER and THBGRAPH_STORE_PASSWORD"):
        parse_remote_location("sparql+http://dba:secret@h:1/sparql")


# -- a real Virtuoso -----------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _virtuoso_binary() -> str:
    if os.environ.get("THBGRAPH_VIRTUOSO") != "1" and os.environ.get("THBGRAPH_OPTIN") != "1":
        pytest.skip("opt-in: set THBGRAPH_VIRTUOSO=1 (or THBGRAPH_OPTIN=1) to run against Virtuoso")
    found = shutil.which("virtuoso-t")
    if not found:
        pytest.skip(
            "THBGRAPH_VIRTUOSO=1 but virtuoso-t is missing: apt-get install virtuoso-opensource"
        )
    return found


INI = """[Database]
DatabaseFile       = {d}/virtuoso.db
ErrorLogFile       = {d}/virtuoso.log
LockFile           = {d}/virtuoso.lck
TransactionFile    = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = {d}/virtuoso-temp.db
TransactionFile    = {d}/virtuoso-temp.trx
[Parameters]
ServerPort         = 127.0.0.1:{sql}
DisableUnixSocket  = 1
DirsAllowed        = {d}
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
[HTTPServer]
ServerPort         = 127.0.0.1:{http}
ServerRoot         = {d}
ServerThreads      = 10
MaxClientConnections = 10
[SPARQL]
ResultSetMaxRows   = {max_rows}
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Virtuoso with its own database in a temp dir; yields its base URL."""
    exe = _virtuoso_binary()
    d = tmp_path_factory.mktemp("virtuoso")
    http = _free_port()
    ini = d / "virtuoso.ini"
    ini.write_text(
        INI.format(d=d, sql=_free_port(), http=http, max_rows=MAX_ROWS), encoding="utf-8"
    )
    log = (d / "server.out").open("wb")
    proc = subprocess.Popen(
        [exe, "+foreground", "+configfile", str(ini)], cwd=d, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{http}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"virtuoso-t exited with {proc.returncode}: see {d}/server.out")
        try:
            ask = httpx.get(
                f"{base}/sparql", params={"query": "ASK {}"}, timeout=2, trust_env=False
            )
            if ask.status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail(f"Virtuoso did not answer on {base}/sparql: see {d}/server.out")
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    log.close()


def _thbgraph(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "thbgraph.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **env},
    )


DBA = {"THBGRAPH_STORE_USER": "dba", "THBGRAPH_STORE_PASSWORD": "dba"}


def _own_graph_size(base: str, graph: str) -> int:
    """Quads in one graph, asked without thbgraph (to see what it must leave alone)."""
    rows = httpx.post(
        f"{base}/sparql",
        data={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"},
        headers={"Accept": "application/sparql-results+json"},
        trust_env=False,
    ).json()["results"]["bindings"]
    return int(rows[0]["n"]["value"])


@pytest.mark.optin
def test_anonymous_endpoint_cannot_write_and_says_which_settings_to_use(virtuoso: str) -> None:
    out = _thbgraph("build", "--store", f"sparql+{virtuoso}/sparql", env={})
    assert out.returncode != 0
    assert "403" in out.stderr and "THBGRAPH_STORE_USER" in out.stderr
    with RemoteGraphStore(f"sparql+{virtuoso}/sparql") as store:
        assert store.named_graphs() == []


@pytest.mark.optin
def test_build_on_virtuoso_answers_like_the_embedded_store(
    virtuoso: str, built_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_before = _own_graph_size(virtuoso, VIRTRDF)
    location = f"sparql+{virtuoso}/sparql-auth"
    out = _thbgraph("build", "--store", location, env=DBA)
    assert out.returncode == 0, out.stderr
    assert "built 5 document(s)" in out.stdout
    for k, v in DBA.items():
        monkeypatch.setenv(k, v)
    with open_store(location) as remote, open_store(built_store) as local:
        assert remote.named_graphs() == local.named_graphs()
        assert len(remote) == len(local)
        # Virtuoso keeps xsd:nonNegativeInteger and spells booleans "1": loaded into an
        # Oxigraph store, its quads normalise like the embedded store's and must be equal
        normalised = ox.Store()
        normalised.extend(remote._quads())
        skip = [str(GRAPH_RUNS)]
        assert GraphStore(normalised).canonical_nquads(
            exclude_graphs=skip
        ) == local.canonical_nquads(exclude_graphs=skip)
        remote_answer = cited_by(remote, "mc.dec/6/18")
        assert remote_answer == cited_by(local, "MC.DEC/6/18")
        assert len(remote_answer["meetings"]) == 1
        assert remote_answer["meetings"][0]["online"] is True  # xsd:boolean "1" read as true
        for name in ("commitments", "meetings", "symbols"):  # rows in any order
            assert sorted(map(str, run_named(remote, name))) == sorted(
                map(str, run_named(local, name))
            )
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        assert remote.select(count) == local.select(count)  # the explicit dataset: ours only
        ours = len(local)
    # Virtuoso's default graph is the union of *all* its graphs, its system graphs too
    monkeypatch.setenv("THBGRAPH_DATASET", "union")
    with open_store(location) as union:
        assert union.select(count)[0]["n"] > ours
    assert _own_graph_size(virtuoso, VIRTRDF) == system_before > 0


@pytest.mark.optin
def test_results_cut_by_virtuoso_are_an_error_not_a_short_answer(
    virtuoso: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THBGRAPH_DATASET", "union")  # Virtuoso's own graphs: rows to spare
    with RemoteGraphStore(f"sparql+{virtuoso}/sparql") as store:
        n = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
        copies = list(range(MAX_ROWS // n + 2))  # n * copies rows > MAX_ROWS
        with pytest.raises(StoreError, match=f"cut the results at {MAX_ROWS} rows"):
            store.select("SELECT ?s ?copy WHERE { ?s ?p ?o }", bindings={"copy": copies})
        assert len(store.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 5")) == 5  # under the cap


@pytest.mark.optin
def test_replace_all_drops_only_our_graphs(virtuoso: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for k, v in DBA.items():
        monkeypatch.setenv(k, v)
    system_before = _own_graph_size(virtuoso, VIRTRDF)
    g = GRAPH_SCOPE + "test-only"
    quad = ox.Quad(
        ox.NamedNode("http://example.org/a"),
        ox.NamedNode("http://example.org/p"),
        ox.Literal('a "quoted" } ; DROP ALL #', language="en-GB"),
        ox.NamedNode(g),
    )
    with RemoteGraphStore(f"sparql+{virtuoso}/sparql-auth") as store:
        store.replace_all([quad])
        assert store.named_graphs() == [(g, 1)]
        rows = store.select(
            "SELECT ?s WHERE { ?s <http://example.org/p> ?o }",
            bindings={"o": ox.Literal('a "quoted" } ; DROP ALL #', language="en-gb")},
        )
        assert rows == [{"s": "http://example.org/a"}]
        with pytest.raises(StoreError, match="outside thbgraph's graphs"):
            store.replace_all(
                [ox.Quad(quad.subject, quad.predicate, quad.object, ox.NamedNode(VIRTRDF))]
            )
    assert _own_graph_size(virtuoso, VIRTRDF) == system_before > 0
