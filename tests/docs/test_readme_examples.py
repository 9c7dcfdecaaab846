"""The README's examples, run as a reader would run them on the bundled graph, with their outputs asserted
(issue 15, item 7): every SPARQL block, the `cited-by` console example, the Python snippet, the REST calls.

A new SPARQL example without an expectation here fails `test_every_sparql_example_has_its_expected_rows`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from thbgraph.graph.store import open_store

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SPARQL = re.findall(r"```sparql\n(.*?)```", README, flags=re.DOTALL)
MEETING_2020 = (
    "https://w3id.org/thbgraph/id/meeting/"
    "2020-11-03-meeting-of-national-anti-trafficking-co-ordinators-and-rappo"
)
ID = "https://w3id.org/thbgraph/id/"


def _rows(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{k: str(v) for k, v in r.items() if v is not None} for r in rows]


def _citing_sentences(rows: list[dict[str, str]]) -> None:
    assert len(rows) == 2  # one per citing document, never twice (the union is a set)
    for r in rows:
        assert r["meeting"] == MEETING_2020 and r["start"] == "2020-11-03"
        assert r["quote"].endswith("Including of Unaccompanied Minors (MC.DEC/6/18).")
        assert "OSCE Action Plan to Combat Trafficking in Human Beings (PC.DEC/557)" in r["quote"]


CITED_2020 = [
    "CETS No. 197",
    "MC.DEC/3/06",
    "MC.DEC/6/17",
    "MC.DEC/6/18",
    "MC.DEC/7/17",
    "PC.DEC/1107/Corr.1",
    "PC.DEC/557",
    "PC.DEC/637",
    "PC.DEC/670",
    "PC.DEC/685",
]
MOST_CITED = [
    ("CETS No. 197", "3"),
    ("MC(10).JOUR/2", "1"),
    ("MC(8).DEC/1", "1"),
    ("MC.DEC/3/06", "1"),
    ("MC.DEC/6/17", "1"),
    ("MC.DEC/6/18", "1"),
    ("MC.DEC/7/17", "1"),
    ("PC.DEC/1107/Corr.1", "1"),
    ("PC.DEC/557", "1"),
    ("PC.DEC/637", "1"),
    ("PC.DEC/670", "1"),
    ("PC.DEC/685", "1"),
]
MEETINGS = [
    ("2003-07-17-anti-trafficking-focal-point-meeting-of-the-osce-missions-to", "2003-07-17"),
    ("2018-05-23-meeting-of-national-anti-trafficking-co-ordinators-and-rappo", "2018-05-23"),
    ("2020-11-03-meeting-of-national-anti-trafficking-co-ordinators-and-rappo", "2020-11-03"),
    ("2021-11-16-meeting-of-national-anti-trafficking-co-ordinators-and-rappo", "2021-11-16"),
]

# (a phrase only that example's query contains, what its rows must be)
EXPECTED: list[tuple[str, list[dict[str, str]] | Callable[[list[dict[str, str]]], None]]] = [
    ("SELECT ?meeting ?start ?quote", _citing_sentences),
    ("FILTER(YEAR(?d) = 2020)", [{"symbol": s} for s in CITED_2020]),
    (
        "COUNT(DISTINCT ?meeting) AS ?meetings",
        [{"symbol": s, "meetings": n} for s, n in MOST_CITED],
    ),
    (
        "oa:refinedBy ?inSentence",
        [
            {
                "file": "000_46f1c8b510004226.txt",
                "words": "MC.DEC/6/18",
                "start": "1775",
                "end": "1786",
            },
            {
                "file": "002_2e1ad919f53edd39.txt",
                "words": "MC.DEC/6/18",
                "start": "3438",
                "end": "3449",
            },
        ],
    ),
    (
        "?meeting a schema:Event",
        [{"meeting": ID + "meeting/" + m, "start": d} for m, d in MEETINGS],
    ),
    (
        'thb:resolutionMethod "repaired-symbol"',
        [
            {
                "citation": ID + "citation/002_2e1ad919f53edd39/403-412",
                "note": "read as PC.DEC/637: 'PC.EC' is not a document series",
            }
        ],
    ),
]


def _example(phrase: str) -> str:
    found = [q for q in SPARQL if phrase in q]
    assert len(found) == 1, f"{phrase!r} names {len(found)} README examples, not one"
    return found[0]


def test_every_sparql_example_has_its_expected_rows() -> None:
    assert len(SPARQL) == len(EXPECTED)
    assert {_example(phrase) for phrase, _ in EXPECTED} == set(SPARQL)


@pytest.mark.parametrize(("phrase", "expected"), EXPECTED, ids=[p for p, _ in EXPECTED])
def test_sparql_example_gives_its_rows(
    built_store: Path,
    phrase: str,
    expected: list[dict[str, str]] | Callable[[list[dict[str, str]]], None],
) -> None:
    with open_store(built_store) as kg:
        rows = _rows(kg.select(_example(phrase)))
    if callable(expected):
        expected(rows)
    else:
        assert rows == expected


def _thbgraph(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from thbgraph.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
    )


def test_the_cited_by_console_example(built_store: Path) -> None:
    block = re.search(
        r"```console\n\$ \.venv/bin/thbgraph (cited-by [^\n]+)\n(.*?)```", README, re.S
    )
    assert block is not None
    command, shown = block.group(1).split(), block.group(2).splitlines()
    out = _thbgraph(*command, "--store", str(built_store))
    assert out.returncode == 0, out.stderr
    lines = [line.rstrip() for line in out.stdout.splitlines()]
    head = shown[0].split("...")[0].rstrip()  # the README elides the end of the title
    assert lines[0].startswith(head) and lines[0].endswith(shown[0].rsplit(":", 1)[1].strip())
    assert shown[2].strip() in lines  # the meeting, its dates and "online"
    header = next(line for line in lines if "document" in line and "passage" in line)
    for column in ("document", "passage", "offsets", "reading"):
        assert column in header
    assert any("1775-1786" in line for line in lines)  # the symbol's offsets, bold in its sentence


def test_the_python_example(built_store: Path) -> None:
    code = re.search(r"```python\n(.*?)```", README, re.S)
    assert code is not None
    out = subprocess.run(
        [sys.executable, "-c", code.group(1)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "THBGRAPH_STORE": str(built_store)},
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == (
        "2020-11-03 Meeting of National Anti-Trafficking Co-ordinators and Rapporteurs or "
        "equivalent mechanisms ['000_46f1c8b510004226.txt', '002_2e1ad919f53edd39.txt']"
    )


@pytest.fixture(scope="module")
def served(built_store: Path) -> Iterator[str]:
    """`thbgraph serve` over the bundled graph on 127.0.0.1 (the server the README starts)."""
    import socket
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-c", "from thbgraph.cli import main; main()", "serve"]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--store", str(built_store)]
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(
            cmd, stdout=sink, stderr=subprocess.STDOUT, env={**os.environ, "NO_PROXY": "*"}
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, "thbgraph serve exited"
            try:
                if (
                    httpx.get(base + "/sparql", params={"query": "ASK {}"}, timeout=5).status_code
                    == 200
                ):
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "thbgraph serve did not answer within 60 s"
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def test_the_cited_by_rest_call(served: str) -> None:
    path = re.search(r"`(/api/cited-by\?symbol=[^`]+)`", README)
    assert path is not None
    data = httpx.get(served + path.group(1), timeout=30).json()
    assert [m["iri"] for m in data["meetings"]] == [MEETING_2020]
    passages = [p for d in data["meetings"][0]["documents"] for p in d["passages"]]
    assert [(p["quote"]["text"], p["start"] + p["quote"]["start"]) for p in passages] == [
        ("MC.DEC/6/18", 1775),
        ("MC.DEC/6/18", 3438),
    ]
    assert all(p["text"].endswith("(MC.DEC/6/18).") for p in passages)


def _items(page: Any) -> list[dict[str, Any]]:
    """The entries of a list answer (a paged object, or a plain list)."""
    return page["items"] if isinstance(page, dict) else page


@pytest.mark.parametrize(
    ("path", "check"),
    [
        (
            "/api/commitments/MC.DEC/6/18",
            lambda d: d["symbol"] == "MC.DEC/6/18" and d["place"] == "Milan",
        ),
        ("/api/commitments", lambda d: "MC.DEC/6/18" in {c["symbol"] for c in _items(d)}),
        ("/api/meetings", lambda d: MEETING_2020 in {m["iri"] for m in _items(d)}),
        ("/api/actors", lambda d: len(_items(d)) >= 5),
        ("/api/publications", lambda d: len(d) >= 1),
        ("/api/resolve?ref=MC%20Decision%206/18", lambda d: "MC.DEC/6/18" in str(d)),
    ],
)
def test_the_rest_calls_of_the_table(served: str, path: str, check: Callable[[Any], bool]) -> None:
    assert path.split("?")[0].rstrip("/").rsplit("/MC.DEC", 1)[0] in README
    r = httpx.get(served + path, timeout=30)
    assert r.status_code == 200, r.text
    assert check(r.json())
