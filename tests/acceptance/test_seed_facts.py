"""Acceptance: what a careful analyst reads in the five seed documents (seed-facts.json) is found.

Every `required` citation, meeting (dates, place or online), person and publication must be
found; organisations and countries need F1 >= 0.9. `optional` items never count against
precision. A per-document, per-field precision/recall/F1 table is printed to the terminal.
Matching rules follow the file's "about" text: symbols exact, publications by normalised title
(rapidfuzz ratio >= 85), persons by name, countries by code, organisations by acronym or name
through the register.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz

from thbgraph.graph.extract import extract
from thbgraph.graph.model import Extraction, Meeting
from thbgraph.graph.readers import read_document
from thbgraph.graph.register import load_register

FACTS = json.loads((Path(__file__).parent / "seed-facts.json").read_text("utf-8"))
DOCS = {d["source"]: d for d in FACTS["documents"]}
FIELDS = ["citations", "meetings", "organisations", "persons", "publications", "countries"]


@dataclass
class Score:
    """Matches of one field in one document."""

    found: int = 0  # items extracted (minus those matching only optional truth)
    correct: int = 0  # extracted items matching required truth
    required: int = 0
    recalled: int = 0  # required truth items found
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()  # extracted items that match no truth item

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@cache
def run(source: str) -> Extraction:
    path = Path(str(resources.files("thbgraph.graph.corpus"))) / "documents" / source
    doc = read_document(path)
    return extract(doc.text, source=source, page_starts=doc.page_starts, sha256=doc.sha256)


def _norm(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", title.casefold()).split())


def _org_ident(name: str) -> str:
    entry = load_register().find_organisation(name)
    return entry.key if entry else name.casefold()


def _meeting_matches(found: Meeting, truth: dict[str, Any]) -> bool:
    if found.role != truth["role"]:
        return False
    if truth.get("start_date") is None:  # an undated mentioned meeting: by title or place
        if truth.get("place") and found.place == truth["place"]:
            return True
        return fuzz.token_set_ratio(_norm(found.title or ""), _norm(truth["title"])) >= 80
    return (
        found.start_date == truth["start_date"]
        and found.end_date == truth["end_date"]
        and (
            found.online is True
            if truth.get("online")
            else found.place == truth.get("place") and not found.online
        )
    )


def _matcher(field: str):
    """(extracted item, truth item) -> bool for one field."""
    if field == "citations":
        return lambda f, t: f == t
    if field == "meetings":
        return _meeting_matches
    if field == "organisations":
        return lambda f, t: f == _org_ident(t)
    if field == "persons":
        return lambda f, t: f.casefold() == t["name"].casefold()
    if field == "publications":
        return lambda f, t: fuzz.ratio(_norm(f), _norm(t["title"])) >= 85
    return lambda f, t: f == t  # countries by code


def _found_items(extraction: Extraction, field: str) -> list[Any]:
    if field == "citations":
        return sorted({c.symbol for c in extraction.citations if c.resolved and c.symbol})
    if field == "meetings":
        return list(extraction.meetings)
    if field == "organisations":
        return sorted({o.key or o.name.casefold() for o in extraction.organisations})
    if field == "persons":
        return sorted({p.name for p in extraction.persons})
    if field == "publications":
        return [p.title for p in extraction.publications]
    return sorted({c.code for c in extraction.countries})


def _describe(item: Any) -> str:
    if isinstance(item, dict):
        return item.get("title") or item.get("name") or json.dumps(item)
    return str(item)


@cache
def score(source: str, field: str) -> Score:
    truth = DOCS[source][field]
    required, optional = truth["required"], truth["optional"]
    match = _matcher(field)
    found = _found_items(run(source), field)
    s = Score(required=len(required))
    hit_required = [any(match(f, t) for f in found) for t in required]
    s.recalled = sum(hit_required)
    s.missing = tuple(
        _describe(t) for t, hit in zip(required, hit_required, strict=True) if not hit
    )
    for f in found:
        if any(match(f, t) for t in required):
            s.found += 1
            s.correct += 1
        elif not any(match(f, t) for t in optional):
            s.found += 1
            s.extra += (_describe(f.title if isinstance(f, Meeting) else f),)
    return s


@pytest.mark.parametrize("source", list(DOCS))
def test_document_type_and_date(source: str) -> None:
    truth = DOCS[source]["document"]
    doc = run(source).document
    assert (doc.type, doc.date) == (truth["type"], truth["date"])


@pytest.mark.parametrize("field", ["citations", "meetings", "persons", "publications"])
@pytest.mark.parametrize("source", list(DOCS))
def test_every_required_item_is_found(source: str, field: str) -> None:
    s = score(source, field)
    assert not s.missing, f"{source}: {field} not found: {list(s.missing)}; found {list(s.extra)}"


@pytest.mark.parametrize("source", list(DOCS))
def test_subject_meeting_title_organisers_and_counts(source: str) -> None:
    for truth in DOCS[source]["meetings"]["required"]:
        found = next(m for m in run(source).meetings if _meeting_matches(m, truth))
        assert fuzz.token_set_ratio(_norm(found.title or ""), _norm(truth["title"])) >= 90
        assert {_org_ident(o) for o in found.organisers} == {
            _org_ident(o) for o in truth["organisers"]
        }
        for count in ("participants_count", "states_count"):
            assert getattr(found, count) == truth.get(count), count


@pytest.mark.parametrize("field", ["organisations", "countries"])
@pytest.mark.parametrize("source", list(DOCS))
def test_f1_of_actors_and_places(source: str, field: str) -> None:
    s = score(source, field)
    assert s.f1 >= 0.9, (
        f"{source}: {field} F1 {s.f1:.2f} (P {s.precision:.2f}, R {s.recall:.2f}); "
        f"missing {list(s.missing)}; not in the truth {list(s.extra)}"
    )


@pytest.mark.parametrize("source", list(DOCS))
def test_evidence_offsets_quote_the_text(source: str) -> None:
    extraction = run(source)
    text = extraction.text
    for c in extraction.citations:
        assert text[c.start : c.end] == c.text
    for m in extraction.meetings:
        for name, ev in m.facts.items():
            assert text[ev.start : ev.end] == ev.text, name
        for item in m.agenda:
            assert (
                item.evidence is None
                or text[item.evidence.start : item.evidence.end] == item.evidence.text
            )


def test_subject_meeting_cites_through_its_documents() -> None:
    """Across documents: the agenda and the summary of 3-4 November 2020 both cite MC.DEC/6/18."""
    citing = [
        s
        for s in DOCS
        if any(c.symbol == "MC.DEC/6/18" for c in run(s).citations)
        and any(m.role == "subject" and m.start_date == "2020-11-03" for m in run(s).meetings)
    ]
    assert sorted(citing) == sorted(FACTS["across_documents"]["same_meeting"][0])


def test_print_precision_recall_table(capsys: pytest.CaptureFixture[str]) -> None:
    """Print P/R/F1 per field per document and overall (micro-averaged), whatever `-s` says."""
    rows = [f"{'document':<28}{'field':<15}{'P':>6}{'R':>6}{'F1':>6}  missing"]
    totals = {f: Score() for f in FIELDS}
    for source in DOCS:
        for field in FIELDS:
            s = score(source, field)
            t = totals[field]
            t.found += s.found
            t.correct += s.correct
            t.required += s.required
            t.recalled += s.recalled
            missing = "; ".join(s.missing)[:50] + (
                " | extra: " + "; ".join(s.extra) if s.extra else ""
            )
            rows.append(
                f"{source[:26]:<28}{field:<15}{s.precision:6.2f}{s.recall:6.2f}{s.f1:6.2f}  {missing}"
            )
    for field, t in totals.items():
        rows.append(f"{'ALL':<28}{field:<15}{t.precision:6.2f}{t.recall:6.2f}{t.f1:6.2f}")
    with capsys.disabled():
        print("\nseed-facts acceptance: precision / recall / F1\n" + "\n".join(rows))
    assert len(rows) == 1 + len(DOCS) * len(FIELDS) + len(FIELDS)
