"""The symbol grammar: every written form gives its canonical symbol; typo repairs are reported."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.symbols import find_symbols, normalise_symbol


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("MC.DEC/6/18", "MC.DEC/6/18"),
        ("MC.DEC/3/06 (2006)", "MC.DEC/3/06"),
        ("MC.DEC/6/2018", "MC.DEC/6/18"),
        ("PC.DEC/557", "PC.DEC/557"),
        ("PC.DEC/1107/Corr.1", "PC.DEC/1107/Corr.1"),
        ("PC.DEC/557/Rev.1", "PC.DEC/557/Rev.1"),
        ("PC.DEC/557/Add.1", "PC.DEC/557/Add.1"),
        ("PC.DEC/1107/Corr. 1", "PC.DEC/1107/Corr.1"),
        ("MC(10).DEC/2", "MC(10).DEC/2"),
        ("MC(10).JOUR/2", "MC(10).JOUR/2"),
        ("PC.JOUR/1140", "PC.JOUR/1140"),
        ("Decision No. 5/08", "MC.DEC/5/08"),
        ("Ministerial Council Decision No. 6/18", "MC.DEC/6/18"),
        ("MC Decision 6/18", "MC.DEC/6/18"),
        ("Permanent Council Decision No. 557", "PC.DEC/557"),
        ("PC Decision No. 1107", "PC.DEC/1107"),
        ("CETS No. 197", "CETS No. 197"),
        ("CETS No.197", "CETS No. 197"),
        ("CETS 197", "CETS No. 197"),
        ("STCE n° 197", "CETS No. 197"),
        ("Решении СМ № 3/06", "MC.DEC/3/06"),  # СМ: Совет министров, the Ministerial Council
        ("Решение Совета министров № 3/06", "MC.DEC/3/06"),
        ("Решение Постоянного совета № 557", "PC.DEC/557"),
        ("Решением ПС № 557", "PC.DEC/557"),  # ПС: Постоянный совет, the Permanent Council
    ],
)
def test_written_forms_give_the_canonical_symbol(written: str, canonical: str) -> None:
    found = find_symbols(f"recalling {written}, and more")
    assert [s.symbol for s in found] == [canonical]
    assert found[0].method == "symbol"


def test_offsets_quote_the_text() -> None:
    text = "in line with PC.DEC/637 (2004) and PC.DEC/670 (2005)."
    for s in find_symbols(text):
        assert text[s.start : s.end] == s.text
    assert [s.text for s in find_symbols(text)] == ["PC.DEC/637", "PC.DEC/670"]


@pytest.mark.parametrize(
    ("written", "canonical", "series"),
    [
        ("PC.EC/637", "PC.DEC/637", "PC.EC"),
        ("MC.DC/6/18", "MC.DEC/6/18", "MC.DC"),
        ("PC.DE/1107", "PC.DEC/1107", "PC.DE"),
    ],
)
def test_near_miss_series_are_repaired_visibly(written: str, canonical: str, series: str) -> None:
    (s,) = find_symbols(f"outlined in {written} (2004)")
    assert (s.symbol, s.text, s.method) == (canonical, written, "repaired-symbol")
    assert s.confidence < 1
    assert s.note == f"read as {canonical}: '{series}' is not a document series"


@pytest.mark.parametrize(
    "text",
    [
        "see https://www.osce.org/cthb/438323 and www.example.org/AB.CD/12",
        "XY.ZZZ/12 is not a series, nor far from one",
        "the 2019-2020 period, 13:30 - 15:00",
        "cets 197 in lower-case prose",
    ],
)
def test_no_symbol_where_there_is_none(text: str) -> None:
    assert find_symbols(text) == []


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("mc.dec/6/18", "MC.DEC/6/18"),
        ("  MC.DEC/6/18 ", "MC.DEC/6/18"),
        ("MC Decision 6/18", "MC.DEC/6/18"),
        ("Ministerial Council Decision No. 6/18", "MC.DEC/6/18"),
        ("cets 197", "CETS No. 197"),
        ("CETS No.197", "CETS No. 197"),
        ("pc.dec/1107/corr.1", "PC.DEC/1107/Corr.1"),
        ("Permanent Council Decision No. 557", "PC.DEC/557"),
    ],
)
def test_normalise_symbol(typed: str, canonical: str) -> None:
    assert normalise_symbol(typed) == canonical


@pytest.mark.parametrize("typed", ["", "foo", "PC.EC/637", "MC.DEC/6/18 and more", "197"])
def test_normalise_symbol_refuses_what_is_not_one_symbol(typed: str) -> None:
    assert normalise_symbol(typed) is None


def test_a_lower_case_abbreviation_is_not_a_body() -> None:
    """ "см." is "see" in Russian: only the capitals СМ name the Ministerial Council."""
    assert [s.symbol for s in find_symbols("Решение см № 3/06")] == []


def _data_examples() -> list[tuple[str, str, str | None]]:
    import json
    from importlib import resources

    path = resources.files("thbgraph.graph.extract") / "data" / "symbol_forms.json"
    forms = json.loads(path.read_text(encoding="utf-8"))["forms"]
    return [(f["name"], w, c) for f in forms for w, c in f["examples"]]


@pytest.mark.parametrize(("form", "written", "canonical"), _data_examples())
def test_data_forms_give_their_examples(form: str, written: str, canonical: str | None) -> None:
    """Every example row of data/symbol_forms.json: written -> canonical (None: no symbol)."""
    text = f"recalling {written}, and more"
    found = find_symbols(text)
    assert [s.symbol for s in found] == ([canonical] if canonical else []), form
    for s in found:
        assert text[s.start : s.end] == s.text


def test_an_eu_decision_number_is_not_a_ministerial_council_decision() -> None:
    """Issue 14: 'Decision No 557/2003' of the EU must not become MC.DEC/557/03."""
    assert find_symbols("under Decision No 557/2003 of the European Parliament") == []
    assert [s.symbol for s in find_symbols("under Decision No. 5/08")] == ["MC.DEC/5/08"]


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [("CM/Rec(2022)21", "CM/Rec(2022)21"), ("Doc. 12096", "Doc. 12096"),
     ("Resolution 2323 (2020)", "PACE Resolution 2323 (2020)")],
)  # fmt: skip
def test_council_of_europe_symbols_can_be_queried(typed: str, canonical: str) -> None:
    assert normalise_symbol(typed) == canonical
