"""The caps are settings: one dataclass, read from the environment, documented in one table."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from thbgraph.graph import caps as caps_module
from thbgraph.graph.caps import ENV, MIN_WORKER_MB, ZERO_MEANS, Caps, caps, with_caps
from thbgraph.graph.errors import ThbGraphError


def test_defaults_and_values_from_the_environment() -> None:
    assert Caps.from_env({}) == Caps()
    read = Caps.from_env({"THBGRAPH_PDF_MAX_DECODE_S": "2.5", "THBGRAPH_QUEUE": "7"})
    assert read.pdf_max_decode_s == 2.5 and read.queue == 7 and isinstance(read.queue, int)


def test_a_value_that_is_not_a_number_is_refused_in_one_line_naming_the_variable() -> None:
    with pytest.raises(ThbGraphError, match=r"^THBGRAPH_QUEUE='many': expected an integer$"):
        Caps.from_env({"THBGRAPH_QUEUE": "many"})


@pytest.mark.parametrize("name", [f.name for f in fields(Caps)])
@pytest.mark.parametrize("raw", ["-1", "0", "nan", "-inf"])
def test_a_negative_zero_or_infinite_cap_is_refused_in_one_line_naming_the_variable(
    name: str, raw: str
) -> None:
    """0 is accepted only where the table gives it a meaning (ZERO_MEANS); a negative cap was
    taken as given (a negative queue, memory or size refuses everything, or nothing)."""
    if raw == "0" and name in ZERO_MEANS:
        assert getattr(Caps.from_env({ENV[name]: raw}), name) == 0
        return
    whole = next(f for f in fields(Caps) if f.name == name).type in {"int", int}
    expected = "an integer" if whole and raw in {"nan", "-inf"} else ".*above 0"
    with pytest.raises(ThbGraphError, match=rf"^{ENV[name]}='{raw}': expected {expected}$"):
        Caps.from_env({ENV[name]: raw})


def test_limits_refuse_negative_zero_and_malformed_values(monkeypatch: pytest.MonkeyPatch) -> None:
    from thbgraph.graph.settings import Limits

    monkeypatch.setenv("THBGRAPH_QUERY_TIMEOUT", "2.5")
    assert Limits().query_timeout_s == 2.5
    for name, raw in [
        ("THBGRAPH_QUERY_TIMEOUT", "0"),
        ("THBGRAPH_MAX_RESULTS", "-10"),
        ("THBGRAPH_MAX_BODY", "1.5"),
        ("THBGRAPH_MAX_DOCUMENT", "big"),
    ]:
        monkeypatch.setenv(name, raw)
        with pytest.raises(
            ThbGraphError, match=rf"^{name}='{re.escape(raw)}': expected .*above 0$"
        ):
            Limits()
        monkeypatch.delenv(name)


def test_every_cap_has_a_variable_and_a_documented_default() -> None:
    doc = caps_module.__doc__ or ""
    rows = {m[0]: (m[1], m[2]) for m in re.findall(r"^\| (\w+) \| (\w+) \| ([\d.]+) \|", doc, re.M)}
    for f in fields(Caps):
        assert rows[f.name][0] == ENV[f.name], f.name
        assert float(rows[f.name][1]) == float(f.default), f.name  # type: ignore[arg-type]


def test_query_workers_share_the_memory_budget() -> None:
    both = Caps(workers_memory_mb=1792)
    assert both.memory_per_worker_mb(2) == 896
    assert both.memory_per_worker_mb(8) == MIN_WORKER_MB  # never below what a worker needs
    assert Caps(worker_memory_mb=3000).memory_per_worker_mb(2) == 3000  # explicit wins


def test_with_caps_overrides_for_a_block_only() -> None:
    before = caps()
    with with_caps(queue=1) as changed:
        assert caps().queue == 1 and changed.queue == 1
    assert caps() is before
