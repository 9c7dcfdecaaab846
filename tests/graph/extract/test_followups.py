"""Follow-up actions: items under a heading, tables and 'Lead:' lines; leads and due dates."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from thbgraph.graph.extract.followups import find_follow_ups
from thbgraph.graph.register import Register, load_register

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register(paths=[FIXTURES / "b_register.ttl"])


def seed(name: str) -> str:
    path = resources.files("thbgraph.graph.corpus") / "documents" / name
    return path.read_text(encoding="utf-8")


def test_seed_004_follow_up_list(reg: Register) -> None:
    text = seed("004_958b14d90dff92ed.txt")
    found = find_follow_ups(text, reg)
    assert len(found) == 8  # the 'Recommendations' list above is not a follow-up list
    assert [f.due for f in found] == [
        None,
        None,
        None,
        "December/January",
        "1-2 weeks",
        "before the ATRF meeting",
        None,
        "1-2 weeks",
    ]
    assert found[0].lead == ["osce-mission-serbia-montenegro"]
    assert found[1].lead == ["OSCE Mission to BiH", "odihr"]
    assert found[6].lead == ["odihr"]  # UNICEF is the object, not the lead
    for f in found:
        assert f.evidence is not None
        assert text[f.evidence.start : f.evidence.end] == f.evidence.text
        assert not f.action.startswith("-")


def test_seed_004_review_comment_is_dropped(reg: Register) -> None:
    found = find_follow_ups(seed("004_958b14d90dff92ed.txt"), reg)
    host = found[3]
    assert host.action.startswith("The OSCE Presence in Albania will host the next")
    assert host.action.endswith("before the final meeting summary is sent out)")
    assert "What do you think" not in host.action


@pytest.mark.parametrize(
    "source",
    [
        "000_46f1c8b510004226.txt",
        "001_c7656a1bae82c630.txt",
        "002_2e1ad919f53edd39.txt",
        "003_36499e4a6194a2d9.txt",
    ],
)
def test_documents_without_follow_up_lists(source: str, reg: Register) -> None:
    assert find_follow_ups(seed(source), reg) == []


def test_table_and_lead_lines(reg: Register) -> None:
    text = (FIXTURES / "b_conclusions_en.txt").read_text(encoding="utf-8")
    found = [(f.action, f.lead, f.due) for f in find_follow_ups(text, reg)]
    assert found == [
        ("Circulate the meeting report to all participants", ["odihr"], "30 April 2022"),
        (
            "Draft a regional referral protocol",
            ["National Agency for the Prohibition of Trafficking in Persons"],
            "end of 2022",
        ),
        ("Organise a follow-up webinar on supply chains", ["odihr"], "June 2022"),
    ]


def test_french_follow_up(reg: Register) -> None:
    text = (FIXTURES / "b_press_fr.txt").read_text(encoding="utf-8")
    found = [(f.lead, f.due) for f in find_follow_ups(text, reg)]
    assert found == [(["coe"], "fin avril"), (["osce"], "septembre")]


def test_next_steps_with_wrapped_items_and_dates(reg: Register) -> None:
    text = (
        "Next steps:\n"
        "1. ODIHR will publish the handbook\n"
        "   by 15 March 2023.\n"
        "2. GRETA and the OSCE should meet within two weeks.\n"
        "\n"
        "Annex\n"
    )
    found = find_follow_ups(text, reg)
    assert [(f.action, f.lead, f.due) for f in found] == [
        ("ODIHR will publish the handbook by 15 March 2023", ["odihr"], "15 March 2023"),
        ("GRETA and the OSCE should meet within two weeks", ["greta", "osce"], "two weeks"),
    ]
    assert found[0].evidence is not None and "\n" in found[0].evidence.text


def test_responsible_and_by_month_without_heading(reg: Register) -> None:
    text = (
        "The meeting agreed on the following.\n"
        "Update the referral guidelines - Responsible: GRETA and ODIHR\n"
        "Nothing else was agreed.\n"
        "- The OSCE will convene the working group by December. Lead: OSCE\n"
    )
    found = [(f.action, f.lead, f.due) for f in find_follow_ups(text, reg)]
    assert found == [
        ("Update the referral guidelines", ["greta", "odihr"], None),
        ("The OSCE will convene the working group by December", ["osce"], "December"),
    ]
