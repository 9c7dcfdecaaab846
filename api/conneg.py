"""Content negotiation: pick the representation an Accept header prefers (q-values, wildcards)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "BOOLEAN_TYPES",
    "GRAPH_TYPES",
    "HTML",
    "SOLUTION_TYPES",
    "negotiate",
    "parse_accept",
]

HTML = "text/html"

# (media type, internal format key), in the server's order of preference.
SOLUTION_TYPES: list[tuple[str, str]] = [
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
    ("application/json", "json"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
]
BOOLEAN_TYPES: list[tuple[str, str]] = [
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/json", "json"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
]
GRAPH_TYPES: list[tuple[str, str]] = [
    ("text/turtle", "turtle"),
    ("application/n-triples", "ntriples"),
    ("application/ld+json", "jsonld"),
    ("application/rdf+xml", "rdfxml"),
    ("application/x-turtle", "turtle"),
    ("text/plain", "ntriples"),
    ("application/json", "jsonld"),
    ("application/xml", "rdfxml"),
]


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """(media range, q) pairs of an Accept header; a missing header accepts anything."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    out = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        if media == "*":
            media = "*/*"
        out.append((media, q))
    return out


def _quality(media: str, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    """The q of the most specific range matching `media`, and that range's specificity."""
    best: tuple[float, int] = (-1.0, -1)
    mtype = media.split("/")[0]
    for rng, q in ranges:
        if rng == media:
            spec = 2
        elif rng == f"{mtype}/*":
            spec = 1
        elif rng == "*/*":
            spec = 0
        else:
            continue
        if spec > best[1]:
            best = (q, spec)
    return best


def negotiate(header: str | None, offers: Sequence[tuple[str, str]]) -> tuple[str, str] | None:
    """The offered (media type, key) the client prefers most, or None if nothing is acceptable.

    Ties keep the server's order, so `*/*` gets the first offer.
    """
    ranges = parse_accept(header)
    best: tuple[str, str] | None = None
    best_q = 0.0
    for media, key in offers:
        q, spec = _quality(media, ranges)
        if spec < 0 or q <= 0:
            continue
        if q > best_q:
            best, best_q = (media, key), q
    return best
