"""REST parameters with quotes, angle brackets, newlines and SPARQL fragments cannot change a query."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.helpers.listener import Listener


@pytest.fixture(scope="module")
def served(built_store: Path, start_thbgraph_server: Any) -> Any:
    return start_thbgraph_server(built_store)


HOSTILE = [
    '" } ; DROP ALL ; #',
    "MC.DEC/6/18> } UNION { ?s ?p ?o } #",
    "x\n} SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } #",
    "<script>alert(1)</script>",
    "'; DELETE WHERE { ?s ?p ?o } ; '",
    "?commitment",
]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize(
    "path,param",
    [
        ("/api/cited-by", "symbol"),
        ("/api/resolve", "ref"),
        ("/api/search", "q"),
        ("/api/meetings", "cites"),
        ("/api/commitments", "text"),
    ],
)
def test_rest_parameters_cannot_change_a_query(
    served: Any, path: str, param: str, value: str
) -> None:
    with httpx.Client(base_url=served.base, timeout=30, trust_env=False) as c:
        r = c.get(path, params={param: value})
        assert r.status_code in (200, 400, 404, 422), r.text
        assert r.status_code != 500
        if r.status_code == 200:
            body = r.text
            # an injected UNION would have returned the whole graph
            assert len(body) < 200_000
        # the graph is unchanged: MC.DEC/6/18 still has its one meeting
        ok = c.get("/api/cited-by", params={"symbol": "MC.DEC/6/18"})
        assert ok.status_code == 200 and len(ok.json()["meetings"]) == 1


# --- The query guard against a live server, with a real listener on 127.0.0.1 ---------------


ESCAPED_SERVICE = [
    r"PREFIX ex: <http://example.org/> SELECT * WHERE { OPTIONAL { ?s ex:p\# ?o } "
    r"SERVICE <http://127.0.0.1:{port}/sparql> { ?x ?y ?z } }",
    r"PREFIX ex: <http://example.org/> SELECT * WHERE { OPTIONAL { ?s ex:p\' ?o } "
    r"SERVICE <http://127.0.0.1:{port}/sparql> { ?x ?y ?z } }",
    r"PREFIX ex: <http://example.org/> SELECT * WHERE { OPTIONAL { ?s ex:p\# ?o }"
    "\n"
    r" SE\u0052VICE <http://127.0.0.1:{port}/sparql> { ?x ?y ?z } }",
]


@pytest.mark.parametrize("template", ESCAPED_SERVICE)
def test_escaped_service_never_reaches_a_listener(
    served: Any, listener: Listener, template: str
) -> None:
    query = template.replace("{port}", str(listener.port))
    with httpx.Client(base_url=served.base, timeout=30, trust_env=False) as c:
        r = c.get("/sparql", params={"query": query})
        assert r.status_code == 400, r.text
    assert listener.hits == []


def test_escaped_service_through_the_cli_never_reaches_a_listener(
    built_store: Path, listener: Listener
) -> None:
    import subprocess
    import sys

    for template in ESCAPED_SERVICE:
        query = template.replace("{port}", str(listener.port))
        cmd = [sys.executable, "-m", "thbgraph.cli", "query", query, "--store", str(built_store)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert done.returncode not in (0, 139, -11), done.stderr
        assert "Traceback" not in done.stderr
    assert listener.hits == []


@pytest.mark.parametrize(
    "query",
    [
        r"PREFIX ex: <http://example.org/> SELECT * WHERE { OPTIONAL { ?s ex:p\# ?o } } LIMIT 1",
        r"PREFIX ex: <http://example.org/> SELECT * WHERE { OPTIONAL { ?s ex:p\' ?o } } LIMIT 1",
        'SELECT ?v { BIND("SERVICE <http://127.0.0.1:9/> {}" AS ?v) }',
    ],
)
def test_harmless_queries_with_the_same_escapes_run(served: Any, query: str) -> None:
    with httpx.Client(base_url=served.base, timeout=30, trust_env=False) as c:
        assert c.get("/sparql", params={"query": query}).status_code == 200


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("SELECT * WHERE { " + "{" * 5000 + "}" * 5000 + " }", "max_query"),
        ("SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }", "max_query"),
        ("SELECT * WHERE { FILTER(" + "!" * 9000 + "true) }", "max_query"),
        ("PREFIX f: <http://f/> SELECT * { ?s ?p ?o FILTER(f:nope(?o)) } LIMIT 1", "nope"),
    ],
    ids=["braces", "parens", "bangs", "unknown-function"],
)
def test_hostile_queries_are_400_and_the_server_keeps_serving(
    served: Any, query: str, needle: str
) -> None:
    with httpx.Client(base_url=served.base, timeout=30, trust_env=False) as c:
        r = c.post("/sparql", data={"query": query})
        assert r.status_code == 400, r.text
        assert needle in r.text
        assert c.get("/sparql", params={"query": "ASK {}"}).status_code == 200
