"""Serialise SELECT and ASK results (SPARQL JSON, XML, CSV, TSV) while counting rows.

Written here rather than with pyoxigraph's serializer so that the endpoint can stop at the
result-size cap and say so, instead of producing an unbounded answer.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from ..graph.errors import QueryError, ResultTooLarge

__all__ = ["PREFIXES", "RDF_FORMATS", "ResultTooLarge", "serialize_boolean", "serialize_solutions"]

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}

PREFIXES = {
    "thb": "https://w3id.org/thbgraph/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "cito": "http://purl.org/spar/cito/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
SRX_NS = "http://www.w3.org/2005/sparql-results#"


def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    return {"type": "literal", "value": str(term)}


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype and term.datatype.value != XSD_STRING:
            return (
                f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
            )
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (
            f"<triple><subject>{_xml_term(term.subject)}</subject>"
            f"<predicate>{_xml_term(term.predicate)}</predicate>"
            f"<object>{_xml_term(term.object)}</object></triple>"
        )
    return f"<literal>{escape(str(term))}</literal>"


def _csv_value(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def _tsv_value(term: Any) -> str:
    return "" if term is None else str(term)


def _rows(solutions: Iterable[Any], names: Sequence[str], max_rows: int) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for sol in solutions:
        if len(rows) >= max_rows:
            raise ResultTooLarge(
                f"the result has more than {max_rows} rows (the endpoint's max_results limit): "
                "add a LIMIT or narrow the query"
            )
        rows.append([sol[n] for n in names])
    return rows


def serialize_solutions(
    solutions: Iterable[Any], names: Sequence[str], fmt: str, *, max_rows: int
) -> bytes:
    """SELECT results in `fmt` (json, xml, csv, tsv); ResultTooLarge past `max_rows` rows."""
    rows = _rows(solutions, names, max_rows)
    if fmt == "json":
        bindings = [
            {n: _json_term(v) for n, v in zip(names, row, strict=True) if v is not None}
            for row in rows
        ]
        doc = {"head": {"vars": list(names)}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        parts = [
            '<?xml version="1.0" encoding="UTF-8"?>\n',
            f'<sparql xmlns="{SRX_NS}"><head>',
            *(f"<variable name={quoteattr(n)}/>" for n in names),
            "</head><results>",
        ]
        for row in rows:
            parts.append("<result>")
            for n, v in zip(names, row, strict=True):
                if v is not None:
                    parts.append(f"<binding name={quoteattr(n)}>{_xml_term(v)}</binding>")
            parts.append("</result>")
        parts.append("</results></sparql>\n")
        return "".join(parts).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([_csv_value(v) for v in row])
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{n}" for n in names)]
        lines.extend("\t".join(_tsv_value(v) for v in row) for row in rows)
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise QueryError(f"unknown result format {fmt!r}")


def serialize_boolean(value: bool, fmt: str) -> bytes:
    """ASK results in `fmt` (json, xml, csv, tsv)."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if fmt == "xml":
        text = "true" if value else "false"
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{SRX_NS}"><head/>'
            f"<boolean>{text}</boolean></sparql>\n"
        ).encode()
    if fmt in {"csv", "tsv"}:
        return (b"_askResult\r\n" if fmt == "csv" else b"?_askResult\n") + (
            b"true\n" if value else b"false\n"
        )
    raise QueryError(f"unknown result format {fmt!r}")
