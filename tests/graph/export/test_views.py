"""The views: what each holds, and the filters (focus/depth, years, types, CONSTRUCT)."""

from __future__ import annotations

import pytest

from thbgraph.graph.errors import QueryError, ThbGraphError, UnknownEntityError
from thbgraph.graph.export import VIEWS, ViewOptions, build_view


def test_full_view_has_entities_as_nodes_and_literals_as_attributes(sample_store, ids) -> None:
    kg = build_view(sample_store, ViewOptions(view="full"))
    assert all(str(n).startswith(ids.TB) for n in kg.nodes)
    assert not any("/citation/" in n or "/evidence/" in n or "/activity/" in n for n in kg.nodes)
    meeting = kg.nodes[ids.MEETING_2020]
    assert meeting["type"] == "meeting"
    assert meeting["year"] == 2020
    assert meeting["thb_participantsCount"] == "110"
    assert kg.has_edge(ids.MEETING_2020, ids.MC_DEC_6_18, key="thb:cites")
    # two document graphs state that the 2020 meeting cites MC.DEC/6/18
    assert kg.edges[ids.MEETING_2020, ids.MC_DEC_6_18, "thb:cites"]["evidence_count"] == 2


def test_citations_view_weights_by_citing_documents_with_first_passage(sample_store, ids) -> None:
    kg = build_view(sample_store, ViewOptions(view="citations"))
    types = {d["type"] for _, d in kg.nodes(data=True)}
    assert types == {"meeting", "commitment", "publication"}
    edge = kg.edges[ids.MEETING_2020, ids.MC_DEC_6_18, "thb:cites"]
    assert edge["weight"] == 2.0
    assert "MC.DEC/6/18" in edge["passage"]
    assert edge["passage_start"] == 20  # document 000 sorts before 002


def test_focus_depth_keeps_the_2020_meeting_and_nothing_from_2003(sample_store, ids) -> None:
    kg = build_view(sample_store, ViewOptions(view="citations", focus="MC.DEC/6/18", depth=1))
    assert set(kg.nodes) == {ids.MC_DEC_6_18, ids.MEETING_2020}
    assert ids.MEETING_2003 not in kg
    assert all(d.get("year") != 2003 for _, d in kg.nodes(data=True))


def test_cocitation_links_commitments_cited_at_the_same_meeting(sample_store, ids) -> None:
    kg = build_view(sample_store, ViewOptions(view="cocitation"))
    assert not kg.is_directed()
    a, b = sorted([ids.MC_DEC_6_18, ids.PC_DEC_557])
    assert kg.edges[a, b, "cocited"]["weight"] == 1.0
    assert all(d["type"] in ("commitment", "article") for _, d in kg.nodes(data=True))


def test_actors_view_has_roles(sample_store, ids) -> None:
    kg = build_view(sample_store, ViewOptions(view="actors"))
    roles = {k for *_, k in kg.edges(keys=True)}
    assert {"organiser", "speaker", "mentioned"} <= roles
    assert kg.has_edge(ids.TB + "person/petya-nestorova", ids.MEETING_2018, key="speaker")


def test_series_view_orders_meetings_in_time(sample_store, ids) -> None:
    kg = build_view(sample_store, ViewOptions(view="series"))
    nxt = [(u, v) for u, v, k in kg.edges(keys=True) if k == "next-in-series"]
    assert nxt == [(ids.MEETING_2018, ids.MEETING_2020)]
    assert kg.nodes[ids.MEETING_2020]["end_date"] == "2020-11-04"


def test_year_and_type_filters(sample_store, ids) -> None:
    kg = build_view(sample_store, ViewOptions(view="citations", year_from=2010, types=("meeting",)))
    assert {d["type"] for _, d in kg.nodes(data=True)} == {"meeting"}
    assert ids.MEETING_2003 not in kg and ids.MEETING_2020 in kg


def test_metrics_are_on_every_node(sample_store, ids) -> None:
    kg = build_view(sample_store, ViewOptions(view="full"))
    for _, d in kg.nodes(data=True):
        assert {"degree", "weighted_degree", "betweenness", "community"} <= set(d)
    assert kg.nodes[ids.MEETING_2020]["degree"] == kg.degree(ids.MEETING_2020)


@pytest.mark.parametrize("view", VIEWS)
def test_the_same_store_gives_the_same_graph(sample_store, ids, view: str) -> None:
    one = build_view(sample_store, ViewOptions(view=view))
    two = build_view(sample_store, ViewOptions(view=view))
    assert list(one.nodes(data=True)) == list(two.nodes(data=True))
    assert list(one.edges(keys=True, data=True)) == list(two.edges(keys=True, data=True))


def test_unknown_focus_suggests_close_symbols(sample_store, ids) -> None:
    with pytest.raises(UnknownEntityError) as err:
        build_view(sample_store, ViewOptions(view="citations", focus="MC.DEC/6/19"))
    assert "MC.DEC/6/18" in err.value.suggestions


def test_bad_view_and_types_name_the_option(sample_store, ids) -> None:
    with pytest.raises(ThbGraphError, match="--view"):
        build_view(sample_store, ViewOptions(view="everything"))
    with pytest.raises(ThbGraphError, match="--types"):
        build_view(sample_store, ViewOptions(types=("meetings",)))


def test_construct_result_becomes_a_graph(sample_store, ids) -> None:
    query = """PREFIX thb: <https://w3id.org/thbgraph/ontology#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    CONSTRUCT { ?m thb:cites ?c . ?c skos:notation ?n } WHERE { ?m thb:cites ?c . ?c skos:notation ?n }"""
    kg = build_view(sample_store, ViewOptions(construct=query))
    assert kg.nodes[ids.MC_DEC_6_18]["label"] == "MC.DEC/6/18"
    assert kg.has_edge(ids.MEETING_2020, ids.MC_DEC_6_18, key="thb:cites")
    with pytest.raises(QueryError, match="CONSTRUCT"):
        build_view(sample_store, ViewOptions(construct="SELECT * WHERE { ?s ?p ?o }"))
