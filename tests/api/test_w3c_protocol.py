"""The W3C SPARQL 1.1 Protocol test suite (query side) against a real `thbgraph serve`.

Each query test of tests/api/w3c/manifest.ttl becomes one parametrized test: the HTTP request it
describes is sent, and the status class, the result format and the boolean are checked. The
graphs data1-3 are loaded as the named graphs the manifest names (see conftest.make_store).
Update tests do not apply: the endpoint is read-only (an update is refused, tested elsewhere).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import httpx
import pytest
from rdflib import RDF, Graph, Namespace
from rdflib.collection import Collection

MANIFEST = Path(__file__).parent / "w3c" / "manifest.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")

# Known failures by name, with the reason. None today.
KNOWN_FAILURES: dict[str, str] = {}

BOOLEAN_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
TABULAR_TYPES = BOOLEAN_TYPES | {"text/csv", "text/tab-separated-values"}
RDF_TYPES = {"application/rdf+xml", "text/turtle", "application/n-triples", "application/xhtml+xml"}


def _load_cases() -> list[dict[str, Any]]:
    g = Graph().parse(MANIFEST, format="turtle")
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    cases = []
    for test in Collection(g, g.value(manifest, MF.entries)):
        name = str(test).rsplit("#", 1)[-1]
        if "update" in name:
            continue
        action = g.value(test, MF.action)
        requests = []
        for req in Collection(g, g.value(action, HT.requests)):
            headers = {}
            hlist = g.value(req, HT.headers)
            if hlist is not None:
                for h in Collection(g, hlist):
                    headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
            body = g.value(req, HT.body)
            content = None
            if body is not None:
                encoding = str(g.value(body, CNT.characterEncoding) or "UTF-8")
                content = str(g.value(body, CNT.chars)).encode(encoding.lower())
            resp = g.value(req, HT.resp)
            statuses = {str(s).rsplit("#", 1)[-1] for s in g.objects(resp, MF.expectedStatus)}
            expected_bool = g.value(resp, MF.expectedBoolean)
            fmt = g.value(resp, MF.expectedFormat)
            requests.append(
                {
                    "method": str(g.value(req, HT.methodName)),
                    "path": str(g.value(req, HT.absolutePath)),
                    "headers": headers,
                    "content": content,
                    "statuses": statuses,
                    "boolean": None if expected_bool is None else expected_bool.toPython(),
                    "format": None if fmt is None else str(fmt),
                }
            )
        cases.append({"name": name, "requests": requests})
    return cases


CASES = _load_cases()


def test_the_suite_has_twenty_query_tests() -> None:
    assert len(CASES) == 20


def _boolean(response: httpx.Response) -> bool:
    media = response.headers["content-type"].split(";")[0]
    if media.endswith("json"):
        return json.loads(response.content)["boolean"]
    root = ET.fromstring(response.content)
    node = root.find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert node is not None
    return node.text == "true"


def _status_ok(code: int, statuses: set[str]) -> bool:
    return any(
        (s.startswith("StatusCode") and str(code).startswith(s[len("StatusCode")]))
        for s in statuses
    )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_protocol_case(case: dict[str, Any], server: Any) -> None:
    if case["name"] in KNOWN_FAILURES:
        pytest.xfail(KNOWN_FAILURES[case["name"]])
    with httpx.Client(base_url=server.base, timeout=30, trust_env=False) as client:
        for req in case["requests"]:
            path = req["path"].replace("/sparql/", "/sparql", 1)
            response = client.request(
                req["method"], path, headers=req["headers"], content=req["content"]
            )
            assert _status_ok(response.status_code, req["statuses"]), (
                f"{case['name']}: status {response.status_code}, expected {req['statuses']}: "
                f"{response.text[:300]}"
            )
            media = response.headers.get("content-type", "").split(";")[0]
            if req["format"] == "boolean":
                assert media in BOOLEAN_TYPES
            elif req["format"] == "tabular":
                assert media in TABULAR_TYPES
            elif req["format"] == "RDF":
                assert media in RDF_TYPES
                Graph().parse(data=response.content, format=media)
            if req["boolean"] is not None:
                assert _boolean(response) is req["boolean"]
