"""Extraction -> RDF: the quads of one document's named graph, following docs/data-model.md.

Pure functions: no store, no I/O. Every asserted fact (citation, date, place, organiser, count)
gets a Web Annotation pointing at its passage (quote + offsets) and at the extraction activity.
No blank nodes: targets and selectors have IRIs derived from the evidence IRI, so the same
corpus always gives the same canonical N-Quads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from .. import __version__, vocab
from ..extract.passages import sentence_at
from ..model import Citation, Evidence, Extraction, Meeting
from ..register import Register
from ..vocab import ID, MeetingKey, article_iri, commitment_iri, document_id, meeting_iri, slug
from ..vocab import document_graph as _document_graph
from .entail import with_entailed

__all__ = [
    "DOCUMENT_CLASSES",
    "MeetingKey",
    "Quads",
    "article_iri",
    "commitment_iri",
    "date_literal",
    "document_id",
    "document_quads",
    "meeting_iri",
    "passage_sentence",
]


class _Iris:
    """A namespace whose terms are plain IRI strings, each made once.

    rdflib namespaces build a new URIRef on every attribute access, which was a fifth of the
    time spent writing RDF; the writer only needs the IRI text.
    """

    def __init__(self, namespace: object) -> None:
        self._base = str(namespace)

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        iri = self._base + name
        setattr(self, name, iri)
        return iri

    def __getitem__(self, name: str) -> str:
        return self._base + name


CITO, DCTERMS, FOAF, OA, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, THB, XSD = (
    _Iris(ns)
    for ns in (
        vocab.CITO,
        vocab.DCTERMS,
        vocab.FOAF,
        vocab.OA,
        vocab.ORG,
        vocab.PROV,
        vocab.RDF,
        vocab.RDFS,
        vocab.SCHEMA,
        vocab.SKOS,
        vocab.THB,
        vocab.XSD,
    )
)
# Predicates and classes recur in every document: their nodes are made once.
_NODES: dict[str, ox.NamedNode] = {}


DOCUMENT_CLASSES = {
    "agenda": "Agenda",
    "summary": "Summary",
    "press_release": "PressRelease",
    "news": "News",
    "publication_page": "PublicationPage",
    "conclusions": "Conclusions",
    "report": "Report",
    "decision": "DecisionDocument",
    "other": "OtherDocument",
}

# Symbol series -> the class of a commitment that the register does not know yet.
_SERIES_CLASSES = [
    (re.compile(r"^MC(\(\d+\))?\.DEC/"), "MinisterialCouncilDecision"),
    (re.compile(r"^MC(\(\d+\))?\.(DECL|JOUR)/"), "MinisterialDeclaration"),
    (re.compile(r"^PC\.DEC/"), "PermanentCouncilDecision"),
    (re.compile(r"^CETS No\. "), "Convention"),
]


QUOTE_CONTEXT = 40  # characters of prefix and suffix in a quote selector
SENTENCE_REACH = 1200  # how far a sentence (a line without full stops) reaches around a passage


def passage_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence(s) holding text[start:end]: from the sentence of its first
    character to that of its last, never less than the passage, at most SENTENCE_REACH characters
    on either side (cut at a space) when a line runs on without a full stop."""
    s_start = min(start, sentence_at(text, start)[0])
    s_end = max(end, sentence_at(text, max(start, end - 1))[1])
    if start - s_start > SENTENCE_REACH:
        cut = text.find(" ", start - SENTENCE_REACH, start)
        s_start = cut + 1 if cut != -1 else start - SENTENCE_REACH
    if s_end - end > SENTENCE_REACH:
        cut = text.rfind(" ", end, end + SENTENCE_REACH)
        s_end = cut if cut != -1 else end + SENTENCE_REACH
    return s_start, s_end


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _lit(value: object, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    if datatype:
        return ox.Literal(str(value), datatype=_n(datatype))
    return ox.Literal(str(value))


def date_literal(value: str) -> ox.Literal:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return _lit(value, str(XSD.date))
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return _lit(value, str(XSD.gYearMonth))
    if re.fullmatch(r"\d{4}", value):
        return _lit(value, str(XSD.gYear))
    return _lit(value)


@dataclass
class Quads:
    """A growing list of quads in one named graph."""

    graph: ox.NamedNode
    items: list[ox.Quad] = field(default_factory=list)

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal | str) -> None:
        predicate = _NODES.get(p)
        if predicate is None:
            predicate = _NODES[p] = ox.NamedNode(p)
        obj = (_NODES.get(o) or ox.NamedNode(o)) if isinstance(o, str) else o
        self.items.append(ox.Quad(ox.NamedNode(s), predicate, obj, self.graph))

    def __iter__(self) -> Iterator[ox.Quad]:
        return iter(self.items)


class _DocumentWriter:
    """Writes one extraction into one document graph."""

    def __init__(
        self,
        ex: Extraction,
        register: Register,
        meeting_iris: dict[int, str],
        doc_id: str,
    ) -> None:
        self.ex = ex
        self.reg = register
        self.doc_id = doc_id
        self.doc = f"{ID}document/{doc_id}"
        self.q = Quads(_n(str(_document_graph(doc_id))))
        self.activity = f"{ID}activity/{doc_id}/{(ex.sha256 or '0' * 12)[:12]}"
        self.meeting_iris = meeting_iris
        self.subject_meetings = [
            meeting_iris[i] for i, m in enumerate(ex.meetings) if m.role == "subject"
        ]
        self.declared: set[str] = set()

    # -- evidence ----------------------------------------------------------------------------
    def evidence(self, body: str, prop: object, field_name: str, ev: Evidence | None) -> None:
        """One Web Annotation of `body`: its target selects the sentence around the passage (a
        TextQuoteSelector with prefix and suffix, a TextPositionSelector with the sentence's
        offsets), each `oa:refinedBy` the selector of the passage itself within the sentence
        (W3C Web Annotation Data Model, 4.2.9: a refinement applies to the result of the first)."""
        if ev is None:
            return
        text = self.ex.text
        e = f"{ID}evidence/{self.doc_id}/{field_name}/{ev.start}-{ev.end}"
        if e in self.declared:  # same passage, same field, other body: one annotation per body
            e = f"{e}/{slug(body.rsplit('/', 1)[-1], max_len=40)}"
        self.declared.add(e)
        s_start, s_end = passage_sentence(text, ev.start, ev.end)
        t = e + "/target"
        sentence, sentence_pos, quote, offset = (
            e + "/sentence",
            e + "/sentence-position",
            e + "/quote",
            e + "/position",
        )
        q = self.q
        q.add(e, RDF.type, str(OA.Annotation))
        q.add(e, OA.motivatedBy, str(OA.describing))
        q.add(e, OA.hasBody, body)
        q.add(e, THB.supportsProperty, str(prop))
        q.add(e, OA.hasTarget, t)
        q.add(e, PROV.wasGeneratedBy, self.activity)
        q.add(t, RDF.type, str(OA.SpecificResource))
        q.add(t, OA.hasSource, self.doc)
        q.add(t, OA.hasSelector, sentence)
        q.add(t, OA.hasSelector, sentence_pos)
        self.quote_selector(sentence, text, s_start, s_end, 0, len(text))
        q.add(sentence, OA.refinedBy, quote)
        self.quote_selector(quote, text, ev.start, ev.end, s_start, s_end)
        self.position_selector(sentence_pos, s_start, s_end)
        q.add(sentence_pos, OA.refinedBy, offset)
        self.position_selector(offset, ev.start - s_start, ev.end - s_start)
        if ev.page is not None:
            q.add(e, THB.page, _lit(ev.page, str(XSD.positiveInteger)))

    def quote_selector(self, iri: str, text: str, start: int, end: int, lo: int, hi: int) -> None:
        """A TextQuoteSelector of text[start:end], its prefix and suffix taken within text[lo:hi]."""
        q = self.q
        q.add(iri, RDF.type, str(OA.TextQuoteSelector))
        q.add(iri, OA.exact, _lit(text[start:end]))
        prefix = text[max(lo, start - QUOTE_CONTEXT) : start]
        suffix = text[end : min(hi, end + QUOTE_CONTEXT)]
        if prefix:
            q.add(iri, OA.prefix, _lit(prefix))
        if suffix:
            q.add(iri, OA.suffix, _lit(suffix))

    def position_selector(self, iri: str, start: int, end: int) -> None:
        q = self.q
        q.add(iri, RDF.type, str(OA.TextPositionSelector))
        q.add(iri, OA.start, _lit(start, str(XSD.nonNegativeInteger)))
        q.add(iri, OA.end, _lit(end, str(XSD.nonNegativeInteger)))

    # -- entities ----------------------------------------------------------------------------
    def org_iri(self, name: str) -> str:
        entry = self.reg.find_organisation(name)
        if entry is not None:
            return entry.iri
        iri = f"{ID}org/{slug(name)}"
        if iri not in self.declared:
            self.declared.add(iri)
            self.q.add(iri, RDF.type, str(ORG.Organization))
            self.q.add(iri, SKOS.prefLabel, _lit(name, lang="en"))
            self.q.add(iri, RDFS.label, _lit(name, lang="en"))
        return iri

    def label(self, iri: str, name: str, wording: str | None = None, lang: str = "en") -> str:
        """Label an entity: one rdfs:label per language, the register's winning. A name or wording
        of the document that differs from the register's label becomes a skos:altLabel; the
        property the document's wording supports is returned (for its evidence)."""
        registered = self.reg.labels(iri).get(lang)
        if registered is None:
            self.q.add(iri, RDFS.label, _lit(name, lang=lang))
            return str(RDFS.label)
        prop = str(RDFS.label)
        for text in dict.fromkeys(t.strip() for t in (name, wording) if t):
            if text.casefold() != registered.casefold():
                self.q.add(iri, SKOS.altLabel, _lit(text, lang=lang))
                if text == (wording or "").strip():
                    prop = str(SKOS.altLabel)
        return prop

    def place_iri(self, name: str) -> str:
        wanted = name.casefold()
        for p in self.reg.places.values():
            if wanted in {p.label.casefold(), *(a.casefold() for a in p.aliases)}:
                return p.iri
        iri = f"{ID}place/{slug(name)}"
        if iri not in self.declared:
            self.declared.add(iri)
            self.q.add(iri, RDF.type, str(SCHEMA.Place))
            self.q.add(iri, RDFS.label, _lit(name, lang="en"))
            self.q.add(iri, SCHEMA.name, _lit(name, lang="en"))
        return iri

    def commitment(self, symbol: str) -> str:
        """The IRI of a cited commitment; one the register lacks is declared from the document."""
        entry = self.reg.commitments.get(symbol)
        if entry is not None:
            return entry.iri
        iri = commitment_iri(symbol)
        if iri not in self.declared:
            self.declared.add(iri)
            kind = next((k for rx, k in _SERIES_CLASSES if rx.match(symbol)), "Commitment")
            self.q.add(iri, RDF.type, str(THB[kind]))
            self.q.add(iri, SKOS.notation, _lit(symbol))
            self.q.add(iri, RDFS.label, _lit(symbol, lang="en"))
            self.q.add(iri, DCTERMS.source, self.doc)
            self.q.add(iri, THB.inRegister, _lit("false", str(XSD.boolean)))
        return iri

    # -- the document ------------------------------------------------------------------------
    def write(self) -> Quads:
        ex, q, doc = self.ex, self.q, self.doc
        info = ex.document
        q.add(doc, RDF.type, str(THB[DOCUMENT_CLASSES.get(info.type, "OtherDocument")]))
        if info.title:
            q.add(doc, DCTERMS.title, _lit(info.title, lang=info.language or None))
            q.add(doc, RDFS.label, _lit(info.title, lang=info.language or None))
        else:
            q.add(doc, RDFS.label, _lit(ex.source))
        if info.date:
            q.add(doc, DCTERMS.date, date_literal(info.date))
        q.add(doc, DCTERMS.language, _lit(info.language))
        q.add(doc, THB.sourceFile, _lit(ex.source.rsplit("/", 1)[-1]))
        if ex.sha256:
            q.add(doc, THB.sha256, _lit(ex.sha256))
        q.add(doc, THB.text, _lit(ex.text))
        starts = [s for s in ex.page_starts if 0 < s <= len(ex.text)]
        if starts:
            q.add(doc, THB.pageStarts, _lit(" ".join(str(s) for s in sorted(set(starts)))))
        q.add(doc, PROV.wasGeneratedBy, self.activity)
        self.evidence(doc, DCTERMS.title, "title", info.evidence)
        self.write_activity()
        for i, m in enumerate(ex.meetings):
            self.write_meeting(self.meeting_iris[i], m)
        for c in ex.citations:
            self.write_citation(c)
        self.write_actors()
        return q

    def write_activity(self) -> None:
        q, a = self.q, self.activity
        agent = f"{ID}agent/thbgraph/{__version__}"
        q.add(a, RDF.type, str(PROV.Activity))
        q.add(a, RDF.type, str(THB.Extraction))
        q.add(a, RDFS.label, _lit(f"extraction of {self.ex.source} by thbgraph {__version__}"))
        q.add(a, PROV.used, self.doc)
        q.add(a, PROV.wasAssociatedWith, agent)
        q.add(agent, RDF.type, str(PROV.SoftwareAgent))
        q.add(agent, RDFS.label, _lit(f"thbgraph {__version__}"))
        q.add(agent, THB.version, _lit(__version__))

    def write_meeting(self, iri: str, m: Meeting) -> None:
        q, doc = self.q, self.doc
        q.add(iri, RDF.type, str(THB.Meeting))
        if m.title:
            q.add(iri, RDFS.label, _lit(m.title, lang="en"))
            q.add(iri, SCHEMA.name, _lit(m.title, lang="en"))
            self.evidence(iri, SCHEMA.name, "title", m.facts.get("title"))
        else:
            label = f"meeting of {m.start_date}" if m.start_date else "meeting"
            q.add(iri, RDFS.label, _lit(label, lang="en"))
        if m.role == "mentioned":
            q.add(doc, THB.mentions, iri)
            self.write_mentioned(iri, m)
            return
        q.add(doc, THB.isAbout, iri)
        q.add(iri, THB.describedBy, doc)
        date_ev = m.facts.get("start_date") or m.evidence
        if m.start_date:
            q.add(iri, SCHEMA.startDate, date_literal(m.start_date))
            self.evidence(iri, SCHEMA.startDate, "start-date", date_ev)
        if m.end_date:
            q.add(iri, SCHEMA.endDate, date_literal(m.end_date))
            self.evidence(iri, SCHEMA.endDate, "end-date", m.facts.get("end_date") or date_ev)
        if m.place:
            place = self.place_iri(m.place)
            q.add(iri, SCHEMA.location, place)
            self.evidence(iri, SCHEMA.location, "place", m.facts.get("place"))
        if m.online:
            q.add(iri, THB.online, _lit("true", str(XSD.boolean)))
            q.add(iri, SCHEMA.eventAttendanceMode, str(SCHEMA.OnlineEventAttendanceMode))
            self.evidence(iri, THB.online, "online", m.facts.get("online"))
        for name in m.organisers:
            q.add(iri, SCHEMA.organizer, self.org_iri(name))
        if m.organisers:
            self.evidence(iri, SCHEMA.organizer, "organisers", m.facts.get("organisers"))
        for prop, value, name in (
            (THB.participantsCount, m.participants_count, "participants_count"),
            (THB.statesCount, m.states_count, "states_count"),
        ):
            if value is not None:
                q.add(iri, prop, _lit(value, str(XSD.nonNegativeInteger)))
                self.evidence(iri, prop, name.replace("_", "-"), m.facts.get(name))
        series = self.series_of(m)
        if series:
            q.add(iri, SCHEMA.superEvent, series)
        for n, item in enumerate(m.agenda, start=1):
            it = f"{iri}/item/{self.doc_id}-{n}"  # each document gives its own programme
            q.add(iri, SCHEMA.subEvent, it)
            q.add(it, RDF.type, str(THB.AgendaItem))
            q.add(it, SCHEMA.name, _lit(item.title, lang="en"))
            q.add(it, RDFS.label, _lit(item.title, lang="en"))
            q.add(it, SCHEMA.position, _lit(n, str(XSD.positiveInteger)))
            if item.date:
                if item.start_time:
                    q.add(
                        it,
                        SCHEMA.startDate,
                        _lit(f"{item.date}T{item.start_time}:00", str(XSD.dateTime)),
                    )
                else:
                    q.add(it, SCHEMA.startDate, date_literal(item.date))
            if item.day is not None:
                q.add(it, THB.dayNumber, _lit(item.day, str(XSD.positiveInteger)))
            if item.start_time:
                q.add(it, THB.startTime, _lit(item.start_time))
            if item.end_time:
                q.add(it, THB.endTime, _lit(item.end_time))
            self.evidence(it, SCHEMA.name, f"agenda-item-{n}", item.evidence)

    def write_mentioned(self, iri: str, m: Meeting) -> None:
        """A meeting named in passing: its dates (to the precision the text gives), place,
        status and period where the text gives them, each with its passage, and its series."""
        q = self.q
        date_ev = m.facts.get("start_date")
        if m.start_date:
            q.add(iri, SCHEMA.startDate, date_literal(m.start_date))
            if date_ev is not None:
                self.evidence(iri, SCHEMA.startDate, "start-date", date_ev)
        if m.end_date and date_ev is not None:
            q.add(iri, SCHEMA.endDate, date_literal(m.end_date))
            self.evidence(iri, SCHEMA.endDate, "end-date", m.facts.get("end_date") or date_ev)
        if m.place and m.facts.get("place") is not None:
            if m.place_country:
                place = f"{ID}country/{m.place_country.lower()}"
                q.add(place, RDF.type, str(THB.Country))
                q.add(place, RDF.type, str(SCHEMA.Place))
                q.add(place, SKOS.notation, _lit(m.place_country))
            else:
                place = self.place_iri(m.place)
            q.add(iri, SCHEMA.location, place)
            self.evidence(iri, SCHEMA.location, "place", m.facts.get("place"))
        if m.status == "scheduled":
            q.add(iri, SCHEMA.eventStatus, str(SCHEMA.EventScheduled))
            self.evidence(iri, SCHEMA.eventStatus, "status", m.facts.get("status"))
        if m.period:
            q.add(iri, THB.statedPeriod, _lit(m.period))
            self.evidence(iri, THB.statedPeriod, "period", m.facts.get("period"))
        series = self.series_of(m)
        if series is None and m.same_series:
            subject = next((x for x in self.ex.meetings if x.role == "subject"), None)
            series = self.series_of(subject) if subject is not None else None
        if series:
            q.add(iri, SCHEMA.superEvent, series)

    def series_of(self, m: Meeting) -> str | None:
        """The register series whose label or alias the meeting title contains."""
        title = (m.title or "").casefold()
        if not title:
            return None
        for s in sorted(self.reg.series.values(), key=lambda s: s.key):
            for label in (s.label, *s.aliases):
                if label and label.casefold() in title:
                    return s.iri
        return None

    def write_citation(self, c: Citation) -> None:
        q, doc = self.q, self.doc
        cit = f"{ID}citation/{self.doc_id}/{c.start}-{c.end}"
        q.add(cit, RDF.type, str(THB.Citation))
        q.add(cit, CITO.hasCitingEntity, doc)
        if c.symbol and c.resolved:
            target = self.commitment(c.symbol)
            for meeting in self.subject_meetings:
                q.add(meeting, THB.cites, target)
                q.add(cit, THB.inMeeting, meeting)
            q.add(doc, CITO.cites, target)
            if c.article:
                art = article_iri(c.symbol, c.article)
                q.add(cit, THB.citedArticle, art)
                q.add(art, RDF.type, str(THB.Article))
                q.add(art, ELI_IS_PART_OF, target)
                q.add(art, SKOS.notation, _lit(f"Article {c.article}"))
                q.add(art, RDFS.label, _lit(f"{c.symbol}, Article {c.article}", lang="en"))
        else:
            target = f"{ID}reference/{self.doc_id}/{c.start}-{c.end}"
            q.add(target, RDF.type, str(THB.UnresolvedReference))
            q.add(target, RDFS.label, _lit(c.text, lang="en"))
            for meeting in self.subject_meetings:
                q.add(cit, THB.inMeeting, meeting)
        q.add(cit, CITO.hasCitedEntity, target)
        q.add(cit, RDFS.label, _lit(f"{c.symbol or c.text} cited in {self.ex.source}"))
        q.add(cit, THB.resolutionMethod, _lit(c.method))
        q.add(cit, THB.confidence, _lit(f"{c.confidence:.2f}", str(XSD.decimal)))
        if c.note:
            q.add(cit, THB.repairNote, _lit(c.note, lang="en"))
        ev = Evidence(c.text, c.start, c.end, c.page)
        self.evidence(cit, CITO.hasCitedEntity, "citation", ev)
        q.add(cit, THB.evidence, f"{ID}evidence/{self.doc_id}/citation/{c.start}-{c.end}")

    def write_actors(self) -> None:
        ex, q, doc = self.ex, self.q, self.doc
        for o in ex.organisations:
            if o.key and o.key in self.reg.organisations:
                iri = self.reg.organisations[o.key].iri
            else:
                iri = self.org_iri(o.name)
            q.add(doc, THB.mentionsOrganisation, iri)
            self.evidence(
                doc,
                THB.mentionsOrganisation,
                f"organisation-{slug(iri.rsplit('/', 1)[-1])}",
                o.evidence,
            )
        for p in ex.persons:
            iri = f"{ID}person/{slug(p.name)}"
            q.add(iri, RDF.type, str(FOAF.Person))
            q.add(iri, FOAF.name, _lit(p.name))
            q.add(iri, RDFS.label, _lit(p.name))
            q.add(doc, THB.mentionsPerson, iri)
            for meeting in self.subject_meetings:
                q.add(meeting, THB.speaker, iri)
            if p.role:
                q.add(iri, THB.roleLabel, _lit(p.role, lang="en"))
                post = self.post_of(p.role)
                if post:
                    q.add(iri, ORG.holds, post)
            if p.organisation:
                q.add(iri, ORG.memberOf, self.org_iri(p.organisation))
            self.evidence(iri, FOAF.name, "person", p.evidence)
        for pub in ex.publications:
            iri = f"{ID}publication/{slug(pub.title, max_len=80)}"
            q.add(iri, RDF.type, str(THB.Publication))
            q.add(iri, DCTERMS.title, _lit(pub.title, lang="en"))
            q.add(iri, RDFS.label, _lit(pub.title, lang="en"))
            if pub.year:
                q.add(iri, SCHEMA.datePublished, _lit(pub.year, str(XSD.gYear)))
            if pub.url and re.match(r"^https?://[^\s<>\"{}|\\^`]+$", pub.url):
                q.add(iri, SCHEMA.url, _n(pub.url))
            for name in pub.publisher:
                q.add(iri, DCTERMS.publisher, self.org_iri(name))
            q.add(doc, THB.mentionsPublication, iri)
            for meeting in self.subject_meetings:
                q.add(meeting, THB.presented, iri)
            self.evidence(iri, DCTERMS.title, "publication", pub.evidence)
            self.evidence(iri, SCHEMA.url, "publication-url", pub.url_evidence)
        for c in ex.countries:
            iri = f"{ID}country/{c.code.lower()}"
            q.add(iri, RDF.type, str(THB.Country))
            q.add(iri, SKOS.notation, _lit(c.code))
            prop = self.label(iri, c.name, c.evidence.text if c.evidence else None)
            q.add(doc, THB.mentionsCountry, iri)
            self.evidence(iri, prop, f"country-{c.code.lower()}", c.evidence)
        for n, f in enumerate(ex.follow_ups, start=1):
            iri = f"{ID}action/{self.doc_id}/{n}"
            q.add(iri, RDF.type, str(THB.FollowUpAction))
            q.add(iri, SCHEMA.description, _lit(f.action, lang="en"))
            q.add(iri, RDFS.label, _lit(f.action[:80], lang="en"))
            for lead in f.lead:
                q.add(iri, THB.ledBy, self.org_iri(lead))
            if f.due:
                q.add(iri, THB.due, _lit(f.due))
            for meeting in self.subject_meetings:
                q.add(meeting, THB.hasFollowUp, iri)
            self.evidence(iri, SCHEMA.description, f"follow-up-{n}", f.evidence)
        for key in ex.topics:
            topic = self.reg.topics.get(key)
            if topic:
                q.add(doc, DCTERMS.subject, topic.iri)

    def post_of(self, role: str) -> str | None:
        wanted = role.casefold()
        for p in sorted(self.reg.posts.values(), key=lambda p: -len(p.label)):
            for label in (p.label, *p.aliases):
                if label and label.casefold() in wanted:
                    return p.iri
        return None


ELI_IS_PART_OF = "http://data.europa.eu/eli/ontology#is_part_of"


def document_quads(
    ex: Extraction, register: Register, meeting_iris: list[str], *, doc_id: str | None = None
) -> list[ox.Quad]:
    """The quads of one document's named graph; `meeting_iris[i]` is the IRI of `ex.meetings[i]`.

    With the types and properties they entail through the ontology (`entail.py`)."""
    did = doc_id or document_id(ex.source)
    writer = _DocumentWriter(ex, register, dict(enumerate(meeting_iris)), did)
    return with_entailed(writer.write())
