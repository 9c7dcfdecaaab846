"""`thbgraph export` run as a real command: files written, errors as one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CLI = [sys.executable, "-c", "from thbgraph.cli import main; main()"]


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], capture_output=True, timeout=120)


def test_export_citations_focus_as_d3(sample_store_path: Path, ids) -> None:
    done = _run(
        "export", "--view", "citations", "--focus", "MC.DEC/6/18", "--depth", "1",
        "--format", "d3", "--store", str(sample_store_path),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    doc = json.loads(done.stdout)
    node_ids = {n["id"] for n in doc["nodes"]}
    assert ids.MEETING_2020 in node_ids
    assert not any(n.get("year") == 2003 for n in doc["nodes"])
    assert ids.MEETING_2003 not in node_ids


def test_export_writes_a_file_and_construct_from_file(
    sample_store_path: Path, tmp_path: Path, ids
) -> None:
    query = tmp_path / "q.rq"
    query.write_text(
        "PREFIX thb: <https://w3id.org/thbgraph/ontology#>\n"
        "CONSTRUCT { ?m thb:cites ?c } WHERE { ?m thb:cites ?c }\n"
    )
    out = tmp_path / "out.cyjs"
    done = _run(
        "export", "--construct", f"@{query}", "--format", "cytoscape",
        "--store", str(sample_store_path), "-o", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    doc = json.loads(out.read_text("utf-8"))
    assert ids.MC_DEC_6_18 in {n["data"]["id"] for n in doc["elements"]["nodes"]}


def test_unknown_format_is_one_line_and_exit_1(sample_store_path: Path) -> None:
    done = _run("export", "--format", "pdf", "--store", str(sample_store_path))
    assert done.returncode == 1
    err = done.stderr.decode().strip()
    assert err.startswith("thbgraph: error: --format") and "\n" not in err


def test_csv_to_a_csv_name_says_why_not_and_writes_nothing(
    sample_store_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.csv"
    done = _run("export", "--format", "csv", "--store", str(sample_store_path), "-o", str(out))
    assert done.returncode == 1
    err = done.stderr.decode().strip()
    assert "ZIP" in err and "x.zip" in err and "\n" not in err
    assert not out.exists()
