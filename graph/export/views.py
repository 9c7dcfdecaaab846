"""Views: networkx graphs built from the store, each answering one question about the network.

- `full`: entities (meetings, documents, commitments, publications, actors, countries...) as nodes,
  object properties as edges (plus document -cito:cites-> cited entity from the citations);
  literals become node attributes, never nodes. Edge weight = evidence_count = number of named
  graphs (documents, register) stating the triple, or of citations for `cito:cites`.
- `citations`: meetings -> commitments (`thb:cites`) and publications (`thb:presented`);
  weight = number of citing documents, with the first supporting passage on the edge.
- `cocitation`: commitments linked (undirected) when cited at the same meeting; weight = meetings.
- `actors`: organisations and persons -> meetings, one edge per role (organiser, speaker,
  participant, mentioned); weight = number of documents stating it.
- `series`: meetings -> their series (`schema:superEvent`) and each meeting -> the next one of the
  same series (`next-in-series`), with dates for timelines.
- `construct`: the result of a SPARQL CONSTRUCT; IRIs as nodes, literals as attributes.

Then the filters (focus/depth, years, types), then the metrics (see `metrics.py`).
Nodes and edges are inserted in sorted order, so one graph always gives the same bytes.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pyoxigraph as ox

from ..errors import QueryError, ThbGraphError
from ..store import Store
from ._entities import Catalog, Passage, entity_type, is_entity, short_iri
from ._queries import load_query
from .filters import check_types, keep_types, keep_years, neighbourhood, resolve_focus
from .metrics import add_metrics

__all__ = ["VIEWS", "ViewOptions", "build_view", "graph_from_construct"]

VIEWS = ("full", "citations", "cocitation", "actors", "series")
_CITED_TYPES = {"commitment", "article", "publication"}
_ACTOR_TYPES = {"organisation", "person"}


@dataclass(frozen=True)
class ViewOptions:
    """What to export: a view (or a CONSTRUCT query) and the filters applied to it."""

    view: str = "full"
    focus: str | None = None
    depth: int = 1
    year_from: int | None = None
    year_to: int | None = None
    types: tuple[str, ...] = ()
    construct: str | None = None
    metrics: bool = True


def build_view(store: Store, options: ViewOptions) -> nx.MultiDiGraph | nx.MultiGraph:
    """The graph of one view of the store, filtered, with metrics, in canonical order."""
    if options.construct is None and options.view not in VIEWS:
        raise ThbGraphError(f"--view must be one of {', '.join(VIEWS)}, not {options.view!r}")
    check_types(options.types)
    if options.construct is not None:
        kg = graph_from_construct(store, options.construct)
        view_name = "construct"
    else:
        catalog = Catalog.from_store(store, all_literals=options.view == "full")
        citations = _citations(store)
        for cited, passages in sorted(citations.first_passage_by_cited().items()):
            catalog.passages[cited] = passages
        kg = _BUILDERS[options.view](store, catalog, citations)
        view_name = options.view
    focus = None
    if options.focus:
        focus = resolve_focus(store, options.focus)
        kg = neighbourhood(kg, focus, options.depth, view=view_name)
    kg = keep_years(kg, options.year_from, options.year_to, keep=focus)
    kg = keep_types(kg, options.types, keep=focus)
    if options.metrics:
        add_metrics(kg)
    kg.graph.update({"name": f"thbgraph {view_name} view", "view": view_name})
    return canonical(kg)


def canonical(kg: nx.MultiDiGraph | nx.MultiGraph) -> nx.MultiDiGraph | nx.MultiGraph:
    """A copy with nodes, edges and attributes inserted in sorted order (stable output)."""
    out = kg.__class__()
    out.graph.update(sorted(kg.graph.items()))
    for node in sorted(kg.nodes):
        out.add_node(node, **dict(sorted(kg.nodes[node].items())))
    edges = []
    for u, v, key, data in kg.edges(keys=True, data=True):
        if not kg.is_directed() and v < u:
            u, v = v, u
        edges.append((u, v, key, data))
    for u, v, key, data in sorted(edges, key=lambda e: (e[0], e[1], str(e[2]))):
        out.add_edge(u, v, key=key, **dict(sorted(data.items())))
    return out


# -- citations, shared by several views ----------------------------------------------------------
@dataclass(frozen=True)
class _Citation:
    iri: str
    doc: str
    cited: str
    meeting: str | None
    passage: Passage | None


class _Citations(list[_Citation]):
    def first_passage_by_cited(self) -> dict[str, Passage]:
        first: dict[str, Passage] = {}
        for c in self:
            if c.passage and (c.cited not in first or c.passage < first[c.cited]):
                first[c.cited] = c.passage
        return first


def _citations(store: Store) -> _Citations:
    passages: dict[str, Passage] = {}
    for row in store.select(load_query("export_passages")):
        text = _passage_text(row["prefix"], row["exact"], row["suffix"])
        start = int(row["start"]) if row["start"] is not None else -1
        end = int(row["end"]) if row["end"] is not None else -1
        candidate = Passage("", start, end, text)
        current = passages.get(row["citation"])
        if current is None or candidate < current:
            passages[row["citation"]] = candidate
    rows: set[_Citation] = set()
    for row in store.select(load_query("export_citations")):
        found = passages.get(row["citation"])
        passage = (
            Passage(row["doc"], found.start, found.end, found.text) if found is not None else None
        )
        rows.add(_Citation(row["citation"], row["doc"], row["cited"], row["meeting"], passage))
    # one row per (citation, meeting): a document about two meetings cites at both
    return _Citations(sorted(rows, key=lambda c: (c.iri, c.meeting or "", c.doc, c.cited)))


def _passage_text(prefix: str | None, exact: str, suffix: str | None) -> str:
    """The quote in its context, without the cut words at the ends of the context windows."""
    before = " ".join((prefix or "").split(" ")[1:]) if prefix and " " in prefix else prefix or ""
    after = " ".join((suffix or "").split(" ")[:-1]) if suffix and " " in suffix else suffix or ""
    return " ".join(f"{before}{exact}{after}".split())


def _passage_attrs(passage: Passage | None) -> dict[str, Any]:
    if passage is None:
        return {}
    attrs: dict[str, Any] = {"passage": passage.text, "passage_document": passage.document}
    if passage.start >= 0:
        attrs["passage_start"] = passage.start
        attrs["passage_end"] = passage.end
    return attrs


def _add_node(kg: nx.Graph, catalog: Catalog, iri: str, *, with_literals: bool = False) -> None:
    if iri not in kg:
        kg.add_node(iri, **catalog.attributes(iri, with_literals=with_literals))


# -- the views -------------------------------------------------------------------------------------
def _full(store: Store, catalog: Catalog, citations: _Citations) -> nx.MultiDiGraph:
    kg = nx.MultiDiGraph()
    for iri in sorted(set(catalog.literals) | set(catalog.classes)):
        if is_entity(iri):
            _add_node(kg, catalog, iri, with_literals=True)
    for row in store.select(load_query("export_links")):
        s, p, o = row["s"], row["p"], row["o"]
        if not (is_entity(s) and is_entity(o)):
            continue
        _add_node(kg, catalog, s, with_literals=True)
        _add_node(kg, catalog, o, with_literals=True)
        pred = short_iri(p)
        n = int(row["support"])
        kg.add_edge(s, o, key=pred, predicate=pred, weight=float(n), evidence_count=n)
    grouped: dict[tuple[str, str], list[_Citation]] = defaultdict(list)
    for c in citations:
        if is_entity(c.doc) and is_entity(c.cited):
            grouped[(c.doc, c.cited)].append(c)
    for (doc, cited), cs in sorted(grouped.items()):
        _add_node(kg, catalog, doc, with_literals=True)
        _add_node(kg, catalog, cited, with_literals=True)
        first = min((c.passage for c in cs if c.passage), default=None)
        kg.add_edge(
            doc,
            cited,
            key="cito:cites",
            predicate="cito:cites",
            weight=float(len({c.iri for c in cs})),
            evidence_count=len({c.iri for c in cs}),
            **_passage_attrs(first),
        )
    return kg


def _meeting_citations(
    citations: _Citations,
) -> dict[tuple[str, str], list[_Citation]]:
    grouped: dict[tuple[str, str], list[_Citation]] = defaultdict(list)
    for c in citations:
        if (
            c.meeting
            and entity_type(c.meeting) == "meeting"
            and entity_type(c.cited) in _CITED_TYPES
        ):
            grouped[(c.meeting, c.cited)].append(c)
    return grouped


def _citations_view(store: Store, catalog: Catalog, citations: _Citations) -> nx.MultiDiGraph:
    kg = nx.MultiDiGraph()
    for (meeting, cited), cs in sorted(_meeting_citations(citations).items()):
        _add_node(kg, catalog, meeting)
        _add_node(kg, catalog, cited)
        docs = {c.doc for c in cs}
        first = min((c.passage for c in cs if c.passage), default=None)
        kg.add_edge(
            meeting,
            cited,
            key="thb:cites",
            predicate="thb:cites",
            weight=float(len(docs)),
            evidence_count=len({c.iri for c in cs}),
            **_passage_attrs(first),
        )
    presented: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in store.select(load_query("export_presented")):
        if entity_type(row["meeting"]) == "meeting" and entity_type(row["publication"]):
            presented[(row["meeting"], row["publication"])].add(row["g"])
    for (meeting, pub), graphs in sorted(presented.items()):
        _add_node(kg, catalog, meeting)
        _add_node(kg, catalog, pub)
        kg.add_edge(
            meeting,
            pub,
            key="thb:presented",
            predicate="thb:presented",
            weight=float(len(graphs)),
            evidence_count=len(graphs),
        )
    return kg


def _cocitation(store: Store, catalog: Catalog, citations: _Citations) -> nx.MultiGraph:
    kg = nx.MultiGraph()
    cited_at: dict[str, set[str]] = defaultdict(set)
    count: dict[tuple[str, str], int] = defaultdict(int)
    for (meeting, cited), cs in _meeting_citations(citations).items():
        if entity_type(cited) in ("commitment", "article"):
            cited_at[meeting].add(cited)
            count[(meeting, cited)] = len(cs)
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for meeting, cited_set in sorted(cited_at.items()):
        for a in sorted(cited_set):
            _add_node(kg, catalog, a)
            for b in sorted(cited_set):
                if a < b:
                    pairs[(a, b)].append(meeting)
    for (a, b), meetings in sorted(pairs.items()):
        kg.add_edge(
            a,
            b,
            key="cocited",
            predicate="cocited",
            weight=float(len(meetings)),
            evidence_count=sum(count[(m, a)] + count[(m, b)] for m in meetings),
            meetings=" ".join(meetings),
        )
    return kg


def _actors(store: Store, catalog: Catalog, citations: _Citations) -> nx.MultiDiGraph:
    kg = nx.MultiDiGraph()
    support: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in store.select(load_query("export_actors")):
        if entity_type(row["meeting"]) == "meeting" and entity_type(row["actor"]) in _ACTOR_TYPES:
            support[(row["actor"], row["meeting"], row["role"])].add(row["g"])
    for (actor, meeting, role), graphs in sorted(support.items()):
        _add_node(kg, catalog, actor)
        _add_node(kg, catalog, meeting)
        kg.add_edge(
            actor,
            meeting,
            key=role,
            predicate=role,
            role=role,
            weight=float(len(graphs)),
            evidence_count=len(graphs),
        )
    return kg


def _series(store: Store, catalog: Catalog, citations: _Citations) -> nx.MultiDiGraph:
    kg = nx.MultiDiGraph()
    members: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in store.select(load_query("export_series")):
        meeting = row["meeting"]
        if entity_type(meeting) != "meeting":
            continue
        _add_node(kg, catalog, meeting)
        series = row["series"]
        if series and is_entity(series):
            _add_node(kg, catalog, series)
            kg.add_edge(
                meeting,
                series,
                key="schema:superEvent",
                predicate="schema:superEvent",
                weight=1.0,
                evidence_count=1,
            )
            members[series].add((str(kg.nodes[meeting].get("date", "")), meeting))
    for _series_iri, dated in sorted(members.items()):
        ordered = [m for d, m in sorted(dated) if d]
        for earlier, later in itertools.pairwise(ordered):
            kg.add_edge(
                earlier,
                later,
                key="next-in-series",
                predicate="next-in-series",
                weight=1.0,
                evidence_count=1,
            )
    return kg


_BUILDERS = {
    "full": _full,
    "citations": _citations_view,
    "cocitation": _cocitation,
    "actors": _actors,
    "series": _series,
}


def graph_from_construct(store: Store, sparql: str) -> nx.MultiDiGraph:
    """A graph of a CONSTRUCT result: IRI (and blank node) terms as nodes, literals as attributes."""
    try:
        result = store.query(sparql)
    except (SyntaxError, OSError, ValueError) as exc:
        raise QueryError(f"--construct: the query cannot be run: {exc}") from exc
    if not isinstance(result, ox.QueryTriples):
        raise QueryError("--construct: the query must be a CONSTRUCT (or DESCRIBE) query")
    literal_rows: list[tuple[str, str, Any, str]] = []
    links: dict[tuple[str, str, str], int] = defaultdict(int)
    nodes: set[str] = set()
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    for t in result:
        s = _term_id(t.subject)
        nodes.add(s)
        p = t.predicate.value
        if isinstance(t.object, ox.Literal):
            literal_rows.append((s, p, t.object.value, t.object.language or ""))
        elif p == rdf_type:
            literal_rows.append((s, p, t.object.value, ""))
        else:
            o = _term_id(t.object)
            nodes.add(o)
            links[(s, short_iri(p), o)] += 1
    catalog = Catalog.from_triples(literal_rows)
    kg = nx.MultiDiGraph()
    for node in sorted(nodes):
        kg.add_node(node, **catalog.attributes(node, with_literals=True))
    for (s, pred, o), n in sorted(links.items()):
        kg.add_edge(s, o, key=pred, predicate=pred, weight=float(n), evidence_count=n)
    return kg


def _term_id(term: Any) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term.value)
