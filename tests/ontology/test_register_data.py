"""The reference register: complete, unambiguous entries that cover what the seed documents cite."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from thbgraph.graph.register import Register, load_register
from thbgraph.graph.vocab import ELI, TB, THB, symbol_slug

QUERIES = Path(__file__).parent / "queries"
SEED_FACTS = json.loads(
    (Path(__file__).parents[1] / "acceptance" / "seed-facts.json").read_text("utf-8")
)
REGISTER_CHECKS = sorted(QUERIES.glob("check-register-*.rq"))

# The canonical symbol grammar: what extractors print and skos:notation holds.
SYMBOL = re.compile(
    r"""^(?:
        MC\.DEC/\d+/\d{2}(?:/(?:Rev|Corr)\.\d+)?   # OSCE Ministerial Council decision: MC.DEC/6/18
      | PC\.DEC/\d+(?:/(?:Rev|Corr)\.\d+)?         # OSCE Permanent Council decision: PC.DEC/1107/Corr.1
      | MC\(\d+\)\.(?:DEC|JOUR)/\d+                # early Ministerial Council documents: MC(8).DEC/1
      | MC\.DOC/\d+/\d{2}(?:/(?:Rev|Corr)\.\d+)?   # Ministerial Council declaration: MC.DOC/1/11
      | CETS\ No\.\ \d+                            # Council of Europe Treaty Series: CETS No. 197
    )$""",
    re.VERBOSE,
)
ARTICLE = re.compile(r"^Article \d+(?:\(\d+\))?$")


def _files() -> list[Path]:
    folder = resources.files("thbgraph.ontology")
    return [
        Path(str(folder / "thbgraph.ttl")),
        *sorted(Path(str(folder / "register")).glob("*.ttl")),
    ]


@pytest.fixture(scope="module")
def kg() -> Graph:
    """Ontology and register together (the checks follow rdfs:subClassOf to thb:Commitment)."""
    g = Graph()
    for path in _files():
        g.parse(path, format="turtle")
    g.namespace_manager.bind("thb", THB)
    g.namespace_manager.bind("tb", TB)
    return g


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register()


def _seed_values(section: str) -> list[object]:
    """Every required and optional value of a seed-facts section, across documents."""
    values: list[object] = []
    for doc in SEED_FACTS["documents"]:
        part = doc.get(section, {})
        values += part.get("required", []) + part.get("optional", [])
    return values


def _labels(entry: object) -> set[str]:
    """The casefolded name, label, acronym and aliases of a register entry."""
    names = {getattr(entry, a, None) for a in ("name", "label", "acronym", "title")}
    names |= set(getattr(entry, "aliases", ()))
    return {n.casefold() for n in names if n}


@pytest.mark.parametrize("query", REGISTER_CHECKS, ids=lambda p: p.stem)
def test_register_check_returns_no_rows(query: Path, kg: Graph) -> None:
    rows = [
        " | ".join("" if v is None else v.n3(kg.namespace_manager) for v in row)
        for row in kg.query(query.read_text(encoding="utf-8"))
    ]
    assert not rows, f"{query.name} found {len(rows)} offending row(s):\n" + "\n".join(rows)


def test_register_check_finds_a_shared_alias(kg: Graph) -> None:
    """The alias check can fail: a second commitment given an existing alias is reported."""
    g = Graph()
    g += kg
    g.add((TB["commitment/x-1"], RDF.type, THB.Commitment))
    g.add((TB["commitment/x-1"], SKOS.altLabel, Literal("2005 addendum", lang="en")))
    rows = list(g.query((QUERIES / "check-register-shared-alias.rq").read_text("utf-8")))
    assert [str(r[0]).casefold() for r in rows] == ["2005 addendum"]


def test_register_files_ship_with_the_package() -> None:
    names = {p.name for p in _files()}
    assert {
        "commitments.ttl",
        "organisations.ttl",
        "series.ttl",
        "topics.ttl",
        "places.ttl",
    } <= names


def test_every_notation_follows_the_symbol_grammar(reg: Register) -> None:
    assert len(reg.commitments) >= 20
    bad = sorted(s for s in reg.commitments if not SYMBOL.match(s))
    assert not bad, f"notations outside the symbol grammar: {bad}"


def test_commitment_iris_are_minted_from_their_symbol(reg: Register) -> None:
    wrong = sorted(
        f"{c.symbol}: {c.iri}"
        for c in reg.commitments.values()
        if c.iri != str(TB[f"commitment/{symbol_slug(c.symbol)}"])
    )
    assert not wrong, "IRIs that graph/vocab.py would not mint:\n" + "\n".join(wrong)


def test_every_commitment_has_a_title_and_a_commitment_class(reg: Register) -> None:
    incomplete = sorted(
        s for s, c in reg.commitments.items() if not c.title or c.kind == "Commitment"
    )
    assert not incomplete, f"commitments without an English title or a specific class: {incomplete}"


def test_no_alias_maps_to_two_commitments(reg: Register) -> None:
    meanings: dict[str, set[str]] = defaultdict(set)
    for alias, symbol in reg.commitment_aliases():
        meanings[alias.casefold()].add(symbol)
    shared = {alias: sorted(s) for alias, s in meanings.items() if len(s) > 1}
    assert not shared, f"aliases shared by several commitments: {shared}"


def test_no_alias_is_another_commitments_symbol(reg: Register) -> None:
    clashes = sorted(
        f"{alias} ({symbol})"
        for alias, symbol in reg.commitment_aliases()
        if alias in reg.commitments and alias != symbol
    )
    assert not clashes, f"aliases that are the symbol of another commitment: {clashes}"


def test_commitment_names_do_not_hide_in_actor_names(reg: Register) -> None:
    """A title such as 'Combating Trafficking in Human Beings' would match inside the Special
    Representative's title; only names of the Convention may appear in actor names (its
    Secretariat and Executive Secretary are named after it)."""
    actor_names = [n for o in reg.organisations.values() for n in _labels(o)]
    actor_names += [n for p in reg.posts.values() for n in _labels(p)]
    hidden = sorted(
        {
            f"{alias!r} ({symbol}) in {name!r}"
            for alias, symbol in reg.commitment_aliases()
            if "convention" not in alias.casefold()
            for name in actor_names
            if alias.casefold() in name
        }
    )
    assert not hidden, "commitment names found inside actor names:\n" + "\n".join(hidden)


def test_dates_are_valid_and_typed(kg: Graph) -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    allowed = {URIRef(xsd + t) for t in ("date", "gYearMonth", "gYear")}
    bad = sorted(
        f"{s}: {d!r}"
        for s, d in kg.subject_objects(ELI.date_document)
        if not isinstance(d, Literal) or d.datatype not in allowed or d.ill_typed
    )
    assert not bad, (
        "eli:date_document must be a valid xsd:date, xsd:gYearMonth or xsd:gYear:\n"
        + "\n".join(bad)
    )


def test_articles_are_parts_of_registered_commitments(kg: Graph, reg: Register) -> None:
    iris = {c.iri for c in reg.commitments.values()}
    articles = list(kg.subjects(RDF.type, THB.Article))
    assert articles, "the register should describe Article 29(4) of CETS No. 197"
    for article in articles:
        assert str(kg.value(article, ELI.is_part_of)) in iris
        assert ARTICLE.match(str(kg.value(article, SKOS.notation)))
    assert URIRef(TB["commitment/cets-197/art-29-4"]) in articles


def test_every_seed_citation_symbol_is_in_the_register(reg: Register) -> None:
    symbols = {s for s in _seed_values("citations") if isinstance(s, str)}
    assert symbols, "seed-facts.json should list citations"
    missing = sorted(symbols - set(reg.commitments))
    assert not missing, f"seed citations missing from the register: {missing}"


def test_required_seed_organisations_are_in_the_register(reg: Register) -> None:
    names = set()
    for doc in SEED_FACTS["documents"]:
        names.update(doc.get("organisations", {}).get("required", []))
    missing = sorted(n for n in names if reg.find_organisation(n) is None)
    assert not missing, f"seed organisations the register cannot resolve: {missing}"


def test_seed_roles_are_register_posts(reg: Register) -> None:
    roles = {p["role"] for p in _seed_values("persons") if isinstance(p, dict) and p.get("role")}
    roles.discard("ODIHR")  # an affiliation, not a post
    known = {n for p in reg.posts.values() for n in _labels(p)}
    missing = sorted(r for r in roles if r.casefold() not in known)
    assert not missing, f"roles named in the seeds that match no post: {missing}"


def test_seed_meeting_places_are_register_places(reg: Register) -> None:
    places = {
        m["place"] for m in _seed_values("meetings") if isinstance(m, dict) and m.get("place")
    }
    known = {n for p in reg.places.values() for n in _labels(p)}
    missing = sorted(p for p in places if p.casefold() not in known)
    assert not missing, f"meeting places of the seeds missing from the register: {missing}"


def test_seed_coordinator_meetings_belong_to_one_series(reg: Register) -> None:
    series = reg.series["national-coordinators-rapporteurs"]
    titles = {
        m["title"]
        for m in _seed_values("meetings")
        if isinstance(m, dict) and m["role"] == "subject" and "Rapporteurs" in (m["title"] or "")
    }
    assert len(titles) >= 2
    missing = sorted(t for t in titles if t.casefold() not in _labels(series))
    assert not missing, f"titles of the coordinators' meetings the series does not name: {missing}"


def test_posts_and_units_point_to_registered_organisations(reg: Register) -> None:
    orphans = sorted(
        f"post {k} -> {p.org}" for k, p in reg.posts.items() if p.org not in reg.organisations
    )
    orphans += sorted(
        f"org {k} -> {o.parent}"
        for k, o in reg.organisations.items()
        if o.parent is not None and o.parent not in reg.organisations
    )
    assert not orphans, "links to organisations the register lacks:\n" + "\n".join(orphans)


@pytest.mark.parametrize(
    "key",
    [
        "osce",
        "osce-mc",
        "osce-pc",
        "osr-cthb",
        "odihr",
        "osce-mission-serbia-montenegro",
        "coe",
        "coe-cm",
        "greta",
        "unhcr",
        "un-women",
        "unodc",
        "iom",
        "ilo",
        "unicef",
        "ohchr",
        "european-commission",
        "eu",
        "europol",
        "interpol",
        "icmpd",
        "la-strada",
        "stability-pact",
    ],
)
def test_expected_organisation_keys_exist(reg: Register, key: str) -> None:
    assert key in reg.organisations
    assert reg.organisations[key].name != key  # it has an English prefLabel


def test_special_representative_post(reg: Register) -> None:
    post = reg.posts["osce-special-representative-cthb"]
    assert post.org == "osr-cthb"
    assert "SR/CTHB" in post.aliases
    assert reg.organisations["osr-cthb"].acronym == "OSR/CTHB"
    assert reg.organisations["osr-cthb"].parent == "osce-secretariat"


@pytest.mark.parametrize(
    "place",
    [
        "Vienna",
        "Strasbourg",
        "Belgrade",
        "Porto",
        "Maastricht",
        "Sofia",
        "Ljubljana",
        "Athens",
        "Madrid",
        "Helsinki",
        "Basel",
        "Kyiv",
        "Milan",
        "Hamburg",
        "Vilnius",
        "Brussels",
        "Tirana",
        "Geneva",
        "Warsaw",
        "The Hague",
    ],
)
def test_expected_places_exist_with_other_names(reg: Register, place: str) -> None:
    entry = next((p for p in reg.places.values() if p.label == place), None)
    assert entry is not None, f"{place} is not a register place"
    assert any(re.search("[А-Яа-яЁё]", a) for a in entry.aliases), f"{place} has no Russian name"


@pytest.mark.parametrize(
    "key",
    [
        "labour-exploitation",
        "sexual-exploitation",
        "child-trafficking",
        "nrm",
        "technology",
        "covid-19",
        "victim-identification",
        "prosecution",
        "prevention",
        "supply-chains",
        "migration-refugees",
    ],
)
def test_expected_topics_exist_with_keywords(reg: Register, key: str) -> None:
    topic = reg.topics[key]
    assert topic.keywords
    assert topic.label[0].isupper()


def test_well_known_aliases_resolve(reg: Register) -> None:
    aliases = {a.casefold(): s for a, s in reg.commitment_aliases()}
    expected = {
        "OSCE Action Plan to Combat Trafficking in Human Beings": "PC.DEC/557",
        "Council of Europe Convention on Action against Trafficking in Human Beings": "CETS No. 197",
        "2005 Addendum": "PC.DEC/685",
        "2013 Addendum": "PC.DEC/1107/Corr.1",
        "Ministerial Council Decision No. 6/18": "MC.DEC/6/18",
        "Permanent Council Decision No. 557": "PC.DEC/557",
        "CETS 197": "CETS No. 197",
    }
    wrong = {
        a: aliases.get(a.casefold()) for a, s in expected.items() if aliases.get(a.casefold()) != s
    }
    assert not wrong, f"aliases that do not resolve as expected: {wrong}"
