"""Fixtures of the export tests: the hand-made sample dataset as an in-memory and an on-disk store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from thbgraph.graph.store import Generation, GraphStore, open_store

DATA = Path(__file__).parent / "data"
XSD = Path(__file__).parent / "xsd" / "gexf.xsd"
TB = "https://w3id.org/thbgraph/id/"
MEETING_2020 = TB + "meeting/2020-11-03-meeting-of-national-anti-trafficking-co-ordinators"
MEETING_2003 = TB + "meeting/2003-07-17-anti-trafficking-focal-point-meeting"
MC_DEC_6_18 = TB + "commitment/mc-dec-6-18"


def _sample_nquads() -> bytes:
    inner = ox.Store()
    inner.load(path=str(DATA / "sample.trig"), format=ox.RdfFormat.TRIG)
    return ox.serialize(inner, format=ox.RdfFormat.N_QUADS) or b""


@pytest.fixture(scope="session")
def sample_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store holding the sample dataset (tests/graph/export/data/sample.trig)."""
    root = tmp_path_factory.mktemp("export-store") / "store"
    gen = Generation(root)
    gen.load_nquads(_sample_nquads())
    gen.commit()
    return root


@pytest.fixture(scope="session")
def sample_store(sample_store_path: Path) -> Iterator[GraphStore]:
    """The sample store, opened read-only."""
    with open_store(sample_store_path) as store:
        yield store


@pytest.fixture(scope="session")
def sample_quad_count() -> int:
    """Quads of the sample without the volatile runs graph."""
    return sum(1 for line in _sample_nquads().decode().splitlines() if "/graph/runs>" not in line)


class Ids:
    """IRIs of the sample that tests refer to."""

    TB = TB
    MEETING_2020 = MEETING_2020
    MEETING_2003 = MEETING_2003
    MEETING_2018 = TB + "meeting/2018-05-23-meeting-of-national-anti-trafficking-co-ordinators"
    MC_DEC_6_18 = MC_DEC_6_18
    PC_DEC_557 = TB + "commitment/pc-dec-557"
    XSD = XSD


@pytest.fixture(scope="session")
def ids() -> type[Ids]:
    """The sample's IRIs (conftest cannot be imported under --import-mode=importlib)."""
    return Ids
