"""Full-text search (SQLite FTS5): ranking, languages, filters, snippets, and a new index per generation."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from thbgraph.graph.answers import search, search_page
from thbgraph.graph.answers.fulltext import INDEX_FILE, index_for, match_expression
from thbgraph.graph.answers.stems import Marker
from thbgraph.graph.store import GraphStore, open_store

ID = "https://w3id.org/thbgraph/id/"
THB = "https://w3id.org/thbgraph/ontology#"
OA = "http://www.w3.org/ns/oa#"
DC = "http://purl.org/dc/terms/"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
A = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _store(entities: list[tuple[str, str, str, list[tuple[str, str, str, str]]]]) -> GraphStore:
    """A store of entities (id, kind, label, [(document, date, language, passage)])."""
    inner = ox.Store()
    g = _n("https://w3id.org/thbgraph/graph/test")
    n = 0
    for eid, kind, label, passages in entities:
        e = _n(ID + eid)
        inner.add(ox.Quad(e, A, _n(THB + kind), g))
        inner.add(ox.Quad(e, RDFS_LABEL, ox.Literal(label, language="en"), g))
        for doc, date, lang, text in passages:
            n += 1
            d = _n(ID + "document/" + doc)
            inner.add(ox.Quad(d, _n(DC + "date"), ox.Literal(date), g))
            inner.add(ox.Quad(d, _n(DC + "language"), ox.Literal(lang), g))
            ev, tg = _n(f"{ID}evidence/{n}"), _n(f"{ID}evidence/{n}/target")
            qs, ps = _n(f"{ID}evidence/{n}/qs"), _n(f"{ID}evidence/{n}/ps")
            inner.add(ox.Quad(ev, _n(OA + "hasBody"), e, g))
            inner.add(ox.Quad(ev, _n(OA + "hasTarget"), tg, g))
            inner.add(ox.Quad(tg, _n(OA + "hasSource"), d, g))
            inner.add(ox.Quad(tg, _n(OA + "hasSelector"), qs, g))
            inner.add(ox.Quad(tg, _n(OA + "hasSelector"), ps, g))
            inner.add(ox.Quad(qs, _n(OA + "exact"), ox.Literal(text), g))
            inner.add(ox.Quad(ps, _n(OA + "start"), ox.Literal(n * 100), g))
            inner.add(ox.Quad(ps, _n(OA + "end"), ox.Literal(n * 100 + len(text)), g))
    return GraphStore(inner)


@pytest.fixture()
def kg() -> GraphStore:
    return _store(
        [
            (
                "meeting/once",
                "Meeting",
                "Spring meeting",
                [
                    (
                        "d1",
                        "2019-04-02",
                        "en",
                        "The delegates discussed labour exploitation in farming.",
                    ),
                ],
            ),
            (
                "meeting/twice",
                "Meeting",
                "Autumn meeting",
                [
                    (
                        "d2",
                        "2021-10-05",
                        "en",
                        "Labour exploitation was the theme; exploitation of workers in farming grew.",
                    ),
                ],
            ),
            (
                "org/secretariat",
                "Organization",
                "Secrétariat de la Convention",
                [
                    ("d3", "2021-03-01", "fr", "La traite des êtres humains reste un défi majeur."),
                ],
            ),
            (
                "org/rapporteur",
                "Organization",
                "National rapporteur",
                [
                    (
                        "d4",
                        "2019-06-01",
                        "ru",
                        "Противодействие торговле людьми остаётся приоритетом.",
                    ),
                ],
            ),
        ]
    )


def test_a_passage_with_the_word_twice_ranks_above_one_with_it_once(kg: GraphStore) -> None:
    hits = search(kg, "exploitation")
    assert [h["id"] for h in hits] == ["meeting/twice", "meeting/once"]
    assert hits[0]["score"] > hits[1]["score"] > 0


def test_every_word_must_occur(kg: GraphStore) -> None:
    assert [h["id"] for h in search(kg, "exploitation workers")] == ["meeting/twice"]
    assert search(kg, "exploitation nowhere-word") == []


def test_french_words_match_with_or_without_accents(kg: GraphStore) -> None:
    for q in ("êtres", "etres", "ETRES", "defi", "secretariat"):
        assert [h["id"] for h in search(kg, q)] == ["org/secretariat"], q
    hit = search(kg, "secretariat")[0]
    assert hit["labels"] == ["Secrétariat de la Convention"]


def test_russian_words_match_in_any_case(kg: GraphStore) -> None:
    for q in ("торговле", "ТОРГОВЛЕ", "Приоритетом"):
        assert [h["id"] for h in search(kg, q)] == ["org/rapporteur"], q


def test_other_forms_of_a_word_match_by_their_stem(kg: GraphStore) -> None:
    """Snowball stems (en/fr/ru): a query word finds the passages with another form of it."""
    for q in ("торговля", "торговли", "ТОРГОВЛЯ"):
        assert [h["id"] for h in search(kg, q)] == ["org/rapporteur"], q
    for q in ("traite", "traites", "traité", "TRAITÉS"):
        assert [h["id"] for h in search(kg, q)] == ["org/secretariat"], q
    for q in ("exploited", "exploitations", "farms", "farmed"):
        assert {h["id"] for h in search(kg, q)} == {"meeting/once", "meeting/twice"}, q
    assert search(kg, "traffic") == []  # a stem is not a prefix: nothing says "traffic..."
    marked = search(kg, "торговля")[0]["snippet"]
    assert "<mark>торговле</mark>" in marked
    assert "<mark>traite</mark>" in search(kg, "traités")[0]["snippet"]


def test_filters_by_kind_and_year(kg: GraphStore) -> None:
    assert [h["id"] for h in search(kg, "exploitation", year=2019)] == ["meeting/once"]
    assert [h["id"] for h in search(kg, "exploitation", year=2021)] == ["meeting/twice"]
    assert search(kg, "exploitation", year=2020) == []
    assert search(kg, "exploitation", kind="Organization") == []
    assert {h["id"] for h in search(kg, "meeting", kind="Meeting")} == {
        "meeting/once",
        "meeting/twice",
    }
    assert [h["id"] for h in search(kg, "convention", kind="Organization")] == ["org/secretariat"]
    assert search(kg, "convention", kind="Meeting") == []
    # a label match counts for a year when the entity has evidence from that year
    assert [h["id"] for h in search(kg, "autumn", year=2021)] == ["meeting/twice"]
    assert search(kg, "autumn", year=2019) == []


def test_snippets_mark_the_words_found(kg: GraphStore) -> None:
    hit = search(kg, "farming")[0]  # once in each passage: the shorter one ranks first (BM25)
    assert hit["id"] == "meeting/once"
    assert hit["snippet"] == "The delegates discussed labour exploitation in <mark>farming</mark>."
    assert hit["passages"][0]["snippet"] == hit["snippet"]
    assert hit["passages"][0]["text"] == "The delegates discussed labour exploitation in farming."
    fr = search(kg, "etres")[0]
    assert "<mark>êtres</mark>" in fr["snippet"]


def test_query_syntax_is_words_only(kg: GraphStore) -> None:
    assert match_expression('a" OR b* NEAR(') == '"a" AND "or" AND "b" AND "near"'
    assert match_expression("victims") == '("victim" OR "victims")'
    assert match_expression("  ***  ") is None
    assert search(kg, '"farming') and search(kg, "***") == []


def test_the_bundled_store_answers_in_the_old_shape(built_store: Path) -> None:
    with open_store(built_store) as store:
        hits = search(store, "CETS")
    assert hits and hits[0]["id"] == "commitment/cets-197"
    for h in hits:
        assert set(h) >= {"iri", "id", "kind", "labels", "passages", "score", "snippet"}
        for p in h["passages"]:
            assert set(p) >= {"document", "text", "start", "end", "snippet"}


def test_a_generation_without_an_index_gets_one_at_first_search(writable_store: Path) -> None:
    with open_store(writable_store) as store:
        index = store.generation / INDEX_FILE
        index.unlink()
        assert search(store, "CETS")[0]["id"] == "commitment/cets-197"
        assert index.exists()
        assert not list(store.generation.glob(f".{INDEX_FILE}*"))  # no temporary file left


def test_a_body_filter_keeps_that_bodys_documents(built_store: Path) -> None:
    """body=org/osce: passages of documents whose meetings OSCE organised (or whose publications
    it published), and labels of entities with evidence there."""
    with open_store(built_store) as store:
        every = search_page(store, "trafficking", limit=1000)
        osce = search_page(store, "trafficking", body="org/osce", limit=1000)
        iri = search_page(store, "trafficking", body=ID + "org/osce", limit=1000)
        nobody = search_page(store, "trafficking", body="org/no-such-body")
        osce_docs = {
            r[0]
            for r in index_for(store).execute(
                "SELECT source FROM doc_bodies WHERE body = ?", (ID + "org/osce",)
            )
        }
    assert 0 < osce["total"] < every["total"]
    assert iri["items"] == osce["items"]
    assert nobody == {"total": 0, "limit": 50, "offset": 0, "items": []}
    assert osce_docs
    for hit in osce["items"]:
        assert all(p["document"] in osce_docs for p in hit["passages"]), hit["id"]


def test_pages_cut_the_same_ranking(built_store: Path) -> None:
    with open_store(built_store) as store:
        whole = search_page(store, "trafficking", limit=30)
        first = search_page(store, "trafficking", limit=10)
        third = search_page(store, "trafficking", limit=10, offset=20)
        past = search_page(store, "trafficking", limit=10, offset=10_000)
    assert whole["total"] == first["total"] == third["total"] == past["total"] > 30
    assert [h["id"] for h in first["items"]] == [h["id"] for h in whole["items"][:10]]
    assert [h["id"] for h in third["items"]] == [h["id"] for h in whole["items"][20:30]]
    assert past["items"] == []


def test_snippets_escape_the_text_and_cut_long_passages() -> None:
    marker = Marker(["trafficking"])
    assert (
        marker.snippet("a <b> & trafficking", "en") == "a &lt;b&gt; &amp; <mark>trafficking</mark>"
    )
    long = "word " * 60 + "human trafficked persons " + "tail " * 60
    cut = marker.snippet(long, "en")
    assert cut.startswith("…") and cut.endswith("…") and "<mark>trafficked</mark>" in cut
    assert len(cut) < 200
