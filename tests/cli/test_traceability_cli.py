"""`thbgraph cited-by`, `query`, `show` on the bundled graph, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def thbgraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "thbgraph.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cited_by_mc_dec_6_18_is_one_online_meeting_evidenced_by_two_documents(
    built_store: Path,
) -> None:
    out = thbgraph("cited-by", "MC.DEC/6/18", "--format", "json", "--store", str(built_store))
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert len(answer["meetings"]) == 1
    meeting = answer["meetings"][0]
    assert (meeting["start_date"], meeting["end_date"]) == ("2020-11-03", "2020-11-04")
    assert meeting["online"] is True
    types = sorted(d["type"] for d in meeting["documents"])
    assert types == ["Agenda", "Summary"]
    for d in meeting["documents"]:
        assert d["passages"]
        assert all("MC.DEC/6/18" in p["text"] for p in d["passages"])


@pytest.mark.parametrize("typed", ["mc.dec/6/18", "MC Decision 6/18", " MC.DEC/6/18 "])
def test_cited_by_accepts_symbols_as_people_write_them(built_store: Path, typed: str) -> None:
    out = thbgraph("cited-by", typed, "--format", "json", "--store", str(built_store))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["commitment"]["symbol"] == "MC.DEC/6/18"


def test_cited_by_shows_a_repaired_reading(built_store: Path) -> None:
    out = thbgraph("cited-by", "PC.DEC/637", "--format", "json", "--store", str(built_store))
    assert out.returncode == 0, out.stderr
    passages = [
        p for m in json.loads(out.stdout)["meetings"] for d in m["documents"] for p in d["passages"]
    ]
    repaired = [p for p in passages if p["quote"]["text"] == "PC.EC/637"]
    assert repaired and repaired[0]["method"] == "repaired-symbol"
    assert "PC.DEC/637" in repaired[0]["note"]


def test_unknown_symbol_is_one_line_with_suggestions(built_store: Path) -> None:
    out = thbgraph("cited-by", "MC.DEC/6/81", "--store", str(built_store))
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "unknown commitment symbol" in lines[0] and "MC.DEC/6/18" in lines[0]


def test_cited_by_csv_and_table(built_store: Path) -> None:
    out = thbgraph("cited-by", "CETS No. 197", "--format", "csv", "--store", str(built_store))
    assert out.returncode == 0, out.stderr
    header, *rows = out.stdout.strip().splitlines()
    assert header.startswith("symbol,meeting,")
    assert rows
    table = thbgraph("cited-by", "CETS 197", "--store", str(built_store))
    assert table.returncode == 0 and "CETS No. 197" in table.stdout


def test_query_runs_sparql_and_refuses_service(built_store: Path) -> None:
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?m a <https://w3id.org/thbgraph/ontology#Meeting> }"
    out = thbgraph("query", q, "--format", "json", "--store", str(built_store))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)[0]["n"] >= 3
    bad = thbgraph(
        "query",
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "--store",
        str(built_store),
    )
    assert bad.returncode == 1 and "SERVICE" in bad.stderr


def test_missing_store_is_one_clear_line(tmp_path: Path) -> None:
    out = thbgraph("cited-by", "MC.DEC/6/18", "--store", str(tmp_path / "nowhere"))
    assert out.returncode == 1
    assert "thbgraph build" in out.stderr and "Traceback" not in out.stderr


def test_show_lists_facts_with_their_graphs(built_store: Path) -> None:
    out = thbgraph("show", "MC.DEC/6/18", "--format", "json", "--store", str(built_store))
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert any(r["graph"].endswith("/graph/register") for r in rows)
    assert any(r["direction"] == "in" for r in rows)


def test_query_list_names_the_bundled_queries() -> None:
    out = thbgraph("query", "--list")
    assert out.returncode == 0, out.stderr
    assert "cited_by" in out.stdout.split()


def test_a_mistyped_named_query_suggests_the_nearest(built_store: Path) -> None:
    out = thbgraph("query", "cited_byy", "--store", str(built_store))
    assert out.returncode != 0
    assert "cited_by" in out.stderr and "--list" in out.stderr
    assert "syntax" not in out.stderr.lower() and "Traceback" not in out.stderr


def test_show_at_80_columns_writes_prefixed_names_and_wraps(built_store: Path) -> None:
    env = {**__import__("os").environ, "COLUMNS": "80"}
    out = subprocess.run(
        [sys.executable, "-m", "thbgraph.cli", "show", "MC.DEC/6/18", "--store", str(built_store)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    assert "…" not in out.stdout
    assert "thb:" in out.stdout or "schema:" in out.stdout
    assert "https://w3id.org/thbgraph/ontology#" not in out.stdout
    assert max(len(line) for line in out.stdout.splitlines()) <= 80
