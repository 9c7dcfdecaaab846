"""The `meetings_dated` field (issue 14's main figure): a subject meeting counts as found only with
its right start date and place; one case per rule, each a truth meeting, the subject meetings
extracted and the counts (TP, FP, FN) expected."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from thbgraph.graph.evaluate import score_document
from thbgraph.graph.model import Extraction, Meeting
from thbgraph.graph.register import load_register

TEXT = "Expert meeting on labour exploitation, Vienna, 3-4 May 2022.\n"
TITLE = "Expert meeting on labour exploitation"
IN_VIENNA = {"role": "subject", "title": TITLE, "start_date": "2022-05-03", "place": "Vienna"}
ONLINE = {
    "role": "subject",
    "title": TITLE,
    "start_date": "2022-05-03",
    "place": None,
    "online": True,
}
UNDATED = {"role": "subject", "title": TITLE}


def _meeting(**facts: Any) -> Meeting:
    return Meeting(**{"role": "subject", "title": TITLE, **facts})


CASES: list[tuple[str, list[dict[str, Any]], list[Meeting], tuple[int, int, int]]] = [
    ("right date and place", [IN_VIENNA], [_meeting(start_date="2022-05-03", place="Vienna")],
     (1, 0, 0)),
    ("the place in Russian is the register's Vienna", [IN_VIENNA],
     [_meeting(start_date="2022-05-03", place="Вена")], (1, 0, 0)),
    ("a wrong start date: a miss and a false hit", [IN_VIENNA],
     [_meeting(start_date="2022-05-04", place="Vienna")], (0, 1, 1)),
    ("the page's date instead of the meeting's", [IN_VIENNA],
     [_meeting(start_date="2022-05-10", place="Vienna")], (0, 1, 1)),
    ("a wrong place", [IN_VIENNA], [_meeting(start_date="2022-05-03", place="Warsaw")], (0, 1, 1)),
    ("no place found", [IN_VIENNA], [_meeting(start_date="2022-05-03")], (0, 1, 1)),
    ("no start date found", [IN_VIENNA], [_meeting(place="Vienna")], (0, 1, 1)),
    ("a month for a day", [IN_VIENNA], [_meeting(start_date="2022-05", place="Vienna")],
     (0, 1, 1)),
    ("online: date and online flag", [ONLINE], [_meeting(start_date="2022-05-03", online=True)],
     (1, 0, 0)),
    ("online truth, found in person", [ONLINE],
     [_meeting(start_date="2022-05-03", online=False, place="Vienna")], (0, 1, 1)),
    ("online truth, online unknown", [ONLINE], [_meeting(start_date="2022-05-03")], (0, 1, 1)),
    ("online truth, wrong date", [ONLINE], [_meeting(start_date="2022-05-02", online=True)],
     (0, 1, 1)),
    ("in person with no place stated: date, and not online",
     [{**ONLINE, "online": False}], [_meeting(start_date="2022-05-03", place="Vienna")], (1, 0, 0)),
    ("in person with no place stated, found online",
     [{**ONLINE, "online": False}], [_meeting(start_date="2022-05-03", online=True)], (0, 1, 1)),
    ("place only: a start date found costs nothing", [{**IN_VIENNA, "start_date": None}],
     [_meeting(start_date="2022-05-03", place="Vienna")], (1, 0, 0)),
    ("neither date nor place: by title", [UNDATED],
     [_meeting(title="Expert Meeting on Labour Exploitation (OSCE)")], (1, 0, 0)),
    ("neither date nor place: another title", [UNDATED],
     [_meeting(title="Annual report of the national rapporteur")], (0, 1, 1)),
    ("only a mentioned meeting found", [IN_VIENNA],
     [_meeting(role="mentioned", start_date="2022-05-03", place="Vienna")], (0, 0, 1)),
    ("two subject meetings found, one right", [IN_VIENNA],
     [_meeting(start_date="2022-05-03", place="Vienna"),
      _meeting(title="Next meeting", start_date="2022-11-08", place="Vienna")], (1, 1, 0)),
    ("the truth's mentioned meeting found as the subject",
     [IN_VIENNA, {"role": "mentioned", "title": "Next meeting", "start_date": "2022-11-08",
                  "place": "Vienna"}],
     [_meeting(start_date="2022-11-08", place="Vienna")], (0, 1, 1)),
    ("no subject meeting on the page, one found", [],
     [_meeting(start_date="2022-05-03", place="Vienna")], (0, 1, 0)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("truth_meetings", "found", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_a_subject_meeting_counts_only_with_its_start_date_and_place(
    truth_meetings: list[dict[str, Any]], found: list[Meeting], expected: tuple[int, int, int]
) -> None:
    truth = {"source": "doc.txt", "meetings": {"required": truth_meetings, "optional": []}}
    ex = Extraction(source="doc.txt", text=TEXT, meetings=found)
    result = score_document(truth, ex, register=load_register())
    s = result.scores["meetings_dated"]
    assert (s.tp, s.fp, s.fn) == expected
    kinds = [f.kind for f in result.findings if f.field == "meetings_dated"]
    assert kinds.count("miss") == s.fn and kinds.count("false_hit") == s.fp


def test_an_optional_subject_meeting_found_is_no_false_hit() -> None:
    truth = {"source": "doc.txt", "meetings": {"required": [], "optional": [IN_VIENNA]}}
    ex = Extraction(
        source="doc.txt", text=TEXT, meetings=[_meeting(start_date="2022-05-03", place="Vienna")]
    )
    s = score_document(truth, ex).scores["meetings_dated"]
    assert (s.tp, s.fp, s.fn) == (0, 0, 0)


def test_a_miss_names_the_date_and_place_expected_and_the_false_hit_those_found() -> None:
    truth = {"source": "doc.txt", "meetings": {"required": [IN_VIENNA]}}
    ex = Extraction(
        source="doc.txt", text=TEXT, meetings=[_meeting(start_date="2022-05-10", place="Vienna")]
    )
    findings = {
        (f.kind, f.expected, f.found)
        for f in score_document(truth, ex).findings
        if f.field == "meetings_dated"
    }
    assert findings == {
        ("miss", f"{TITLE} (2022-05-03, Vienna)", None),
        ("false_hit", None, f"{TITLE} (2022-05-10, Vienna)"),
    }


def test_the_cli_prints_it_in_the_table_and_in_json_per_language(tmp_path: Path) -> None:
    from thbgraph.cli import _register, app

    _register()
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("en.txt", "fr.txt"):
        (docs / name).write_text(TEXT, encoding="utf-8")
    meetings = {"required": [IN_VIENNA]}
    truth = tmp_path / "truth.json"
    truth.write_text(
        json.dumps({"documents": [
            {"source": "en.txt", "document": {"language": "en"}, "meetings": meetings},
            {"source": "fr.txt", "document": {"language": "fr"}, "meetings": meetings},
        ]}),
        encoding="utf-8",
    )  # fmt: skip
    runner = CliRunner()
    out = runner.invoke(app, ["evaluate", str(truth), str(docs), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert set(data["by_language"]) == {"en", "fr"}
    for totals in (data["totals"], *data["by_language"].values()):
        assert {"tp", "fp", "fn", "f1"} <= set(totals["meetings_dated"])
    table = runner.invoke(app, ["evaluate", str(truth), str(docs), "--no-findings"])
    assert table.exit_code == 0, table.output
    row = next(line for line in table.stdout.splitlines() if "meetings_dated" in line)
    assert "F1 fr (1)" in table.stdout and len(row.split()) >= 8  # totals and a column per language
