"""`thbgraph serve` refuses a malformed process or worker count from the environment in one line
naming the variable (it was an internal error), before anything is started."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    ("name", "value"),
    [("THBGRAPH_PROCESSES", "x"), ("THBGRAPH_PROCESSES", "0"), ("THBGRAPH_WORKERS", "-2")],
)
def test_a_bad_count_is_refused_naming_the_variable(name: str, value: str) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "thbgraph.cli", "serve", "--port", "8799"],
        env={**os.environ, name: value},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1
    assert (
        out.stderr.strip()
        == f"thbgraph: error: {name}={value!r}: expected a whole number of at least 1"
    )


def test_the_counts_are_read_when_well_formed(monkeypatch: pytest.MonkeyPatch) -> None:
    from thbgraph.cli.serve import default_processes, pool_share

    monkeypatch.setenv("THBGRAPH_PROCESSES", "3")
    monkeypatch.setenv("THBGRAPH_WORKERS", "6")
    assert default_processes() == 3
    assert pool_share(None, 3) == 2


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("THBGRAPH_QUERY_TIMEOUT", "-5", "a number above 0"),
        ("THBGRAPH_QUERY_TIMEOUT", "soon", "a number above 0"),
        ("THBGRAPH_MAX_RESULTS", "0", "a whole number above 0"),
        ("THBGRAPH_MAX_BODY", "-1", "a whole number above 0"),
        ("THBGRAPH_QUEUE", "-3", "a whole number above 0"),
        ("THBGRAPH_KEEPALIVE_S", "0", "a whole number above 0"),
        ("THBGRAPH_RESPONSE_CACHE_MB", "-64", "0 (no answers kept) or a number above 0"),
    ],
)
def test_a_negative_or_zero_limit_is_refused_naming_the_variable(
    name: str, value: str, expected: str
) -> None:
    """A negative timeout or cap was taken as given (every query refused at once, or a cache of
    negative size), a malformed timeout was a traceback at import: now one line before anything
    starts."""
    out = subprocess.run(
        [sys.executable, "-m", "thbgraph.cli", "serve", "--port", "8799"],
        env={**os.environ, name: value},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1
    assert out.stderr.strip() == f"thbgraph: error: {name}={value!r}: expected {expected}"
