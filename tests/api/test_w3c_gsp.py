"""The W3C Graph Store Protocol tests (indirect identification) against the read-only /store.

The store is read-only over HTTP, so every write of the manifest (PUT) must answer 405 with
`Allow`, and is then carried out the way a researcher would: `thbgraph load` (load_rdf_file)
replaces the named graph in a new store generation, which the running server picks up. The reads
(GET, HEAD) are then checked as the manifest says: status, and a graph isomorphic to the body.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace
from rdflib.collection import Collection
from rdflib.compare import isomorphic

from thbgraph.graph.store import Generation
from thbgraph.graph.store.loader import load_rdf_file

MANIFEST = Path(__file__).parent / "w3c" / "gsp" / "manifest-indirect.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
STATUS = {"OK": 200, "Created": 201, "NoContent": 204, "NotFound": 404}

# Tests that need a write the loader cannot stand in for, by name, with the reason.
NOT_APPLICABLE = {
    "put_get_default": "the default graph is the union of all graphs, not a graph one can PUT",
    "put_delete_get_delete_indirect": "DELETE of a graph has no `thbgraph` counterpart yet",
    "post_get_post_get_indirect": "POST merges (and multipart) have no `thbgraph` counterpart",
    "post_get_new_graph": "graph creation by POST is a write; the store is read-only",
}


def _cases() -> list[dict[str, Any]]:
    g = Graph().parse(MANIFEST, format="turtle")
    cases = []
    for test in sorted(g.subjects(MF.action, None)):
        name = str(test).rsplit("#", 1)[-1]
        action = g.value(test, MF.action)
        requests = []
        for req in Collection(g, g.value(action, HT.requests)):
            headers = {}
            if g.value(req, HT.headers) is not None:
                for h in Collection(g, g.value(req, HT.headers)):
                    headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
            body = g.value(req, HT.body)
            resp = g.value(req, HT.resp)
            expected_body = g.value(resp, HT.body)
            requests.append(
                {
                    "method": str(g.value(req, HT.methodName)),
                    "path": str(g.value(req, HT.absolutePath)),
                    "headers": headers,
                    "body": None if body is None else str(g.value(body, CNT.chars)),
                    "statuses": {
                        str(s).rsplit("#", 1)[-1] for s in g.objects(resp, MF.expectedStatus)
                    },
                    "expected": None
                    if expected_body is None
                    else str(g.value(expected_body, CNT.chars)),
                }
            )
        cases.append({"name": name, "requests": requests})
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def gsp_server(
    tmp_path_factory: pytest.TempPathFactory, start_thbgraph_server: Any
) -> Iterator[tuple[Any, Path]]:
    root = tmp_path_factory.mktemp("gsp") / "store"
    with Generation(root) as gen:
        gen.store.inner.add(
            ox.Quad(
                ox.NamedNode("urn:x:s"),
                ox.NamedNode("urn:x:p"),
                ox.Literal("o"),
                ox.NamedNode("urn:x:graph"),
            )
        )
        gen.commit()
    yield start_thbgraph_server(root), root


def test_manifest_has_the_read_only_cases() -> None:
    names = {c["name"] for c in CASES}
    assert {"head_existing_indirect", "head_non_existing_indirect"} <= names


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_gsp_case(case: dict[str, Any], gsp_server: tuple[Any, Path], tmp_path: Path) -> None:
    if case["name"] in NOT_APPLICABLE:
        pytest.skip(NOT_APPLICABLE[case["name"]])
    server, root = gsp_server
    with httpx.Client(base_url=server.base, timeout=30, trust_env=False) as client:
        for n, req in enumerate(case["requests"]):
            path = req["path"].replace("/gsp", "/store", 1)
            if req["method"] == "PUT":
                refused = client.put(path, content=req["body"].encode(), headers=req["headers"])
                assert refused.status_code == 405
                assert "GET" in refused.headers["allow"]
                graph = dict(parse_qsl(urlsplit(path).query))["graph"]
                data = tmp_path / f"{n}.ttl"
                data.write_text(req["body"], encoding="utf-8")
                load_rdf_file(root, data, graph)
                continue
            response = client.request(req["method"], path, headers=req["headers"])
            expected = {STATUS[s] for s in req["statuses"] if s in STATUS}
            assert response.status_code in expected, (case["name"], n, response.text[:200])
            if req["expected"] is not None and req["method"] == "GET":
                media = response.headers["content-type"].split(";")[0]
                assert media == "text/turtle"
                got = Graph().parse(data=response.text, format="turtle")
                want = Graph().parse(data=req["expected"], format="turtle")
                assert isomorphic(got, want), response.text
