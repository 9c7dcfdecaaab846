"""The validation report: results grouped by severity and shape, as text and JSON."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from rdflib.namespace import FOAF, RDF, RDFS, SH, SKOS

from ..errors import ValidationFailed
from ..vocab import BASE, DCTERMS, OA, SCHEMA, THB

if TYPE_CHECKING:
    pass

Severity = Literal["Violation", "Warning", "Info"]


Inference = Literal["none", "rdfs", "owlrl", "both"]


Engine = Literal["fast", "pyshacl"]


ENGINES: tuple[Engine, ...] = ("fast", "pyshacl")


SEVERITIES: tuple[Severity, ...] = ("Violation", "Warning", "Info")


# Properties that name a node in a report, most telling first.
_LABEL_PROPERTIES = (
    RDFS.label,
    SKOS.prefLabel,
    FOAF.name,
    SCHEMA.name,
    DCTERMS.title,
    SKOS.notation,
)


# Prefixes used to shorten IRIs in the readable report.
_PREFIXES = {
    "thb:": str(THB),
    "tb:": BASE + "id/",
    "thbsh:": BASE + "shapes#",
    "sh:": str(SH),
    "schema:": str(SCHEMA),
    "oa:": str(OA),
    "cito:": "http://purl.org/spar/cito/",
    "eli:": "http://data.europa.eu/eli/ontology#",
    "skos:": str(SKOS),
    "rdfs:": str(RDFS),
    "rdf:": str(RDF),
    "dcterms:": str(DCTERMS),
    "foaf:": str(FOAF),
    "org:": "http://www.w3.org/ns/org#",
    "prov:": "http://www.w3.org/ns/prov#",
}


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, with the names and passage a reader needs to find and fix the data."""

    severity: Severity
    shape: str  # IRI of the named shape that reported it (a property shape's node shape)
    shape_label: str  # e.g. "Meeting / start date"
    focus: str  # IRI (or blank node id) of the offending node
    focus_label: str | None
    path: str | None  # property IRI, "^IRI" for an inverse path
    component: str  # constraint component IRI, e.g. sh:MinCountConstraintComponent
    message: str
    value: str | None = None
    passage: str | None = None  # the quoted passage of the focus node's evidence, when it has one

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ValidationReport:
    """All results of one validation run; conforms when no result is a Violation."""

    results: list[ValidationResult] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)  # the named graphs validated (store only)
    triples: int = 0  # size of the validated data graph

    @property
    def conforms(self) -> bool:
        return not any(r.severity == "Violation" for r in self.results)

    @property
    def counts(self) -> dict[str, int]:
        """Number of results per severity (every severity present, zero when none)."""
        found = Counter(r.severity for r in self.results)
        return {s: found.get(s, 0) for s in SEVERITIES}

    def raise_for_violations(self) -> None:
        """Raise ValidationFailed (carrying the readable report) when the data does not conform."""
        if not self.conforms:
            n = self.counts["Violation"]
            raise ValidationFailed(
                f"SHACL validation failed with {n} violation{'s' if n != 1 else ''}", self.text()
            )

    def text(self) -> str:
        """A readable report: results grouped by shape, each with its focus label and passage."""
        counts = self.counts
        verdict = "conforms" if self.conforms else "does NOT conform"
        summary = ", ".join(f"{counts[s]} {s.lower()}{_plural(s, counts[s])}" for s in SEVERITIES)
        lines = [f"SHACL validation: {verdict} ({summary}; {self.triples} triples)"]
        groups: dict[tuple[str, str], list[ValidationResult]] = {}
        for r in self.results:
            groups.setdefault((r.shape_label, r.shape), []).append(r)
        for (label, shape), results in groups.items():
            per = Counter(r.severity for r in results)
            tally = ", ".join(f"{per[s]} {s}" for s in SEVERITIES if per[s])
            lines.append("")
            lines.append(f"{label} [{_short(shape)}]: {tally}")
            for r in results:
                focus = f"{r.focus_label!r} <{r.focus}>" if r.focus_label else f"<{r.focus}>"
                lines.append(f"  {r.severity}: {focus}")
                where = [f"component {_short(r.component)}"]
                if r.path:
                    where.insert(0, f"path {_short(r.path)}")
                lines.append(f"    {'; '.join(where)}")
                lines.append(f"    {r.message}")
                if r.value is not None:
                    lines.append(f"    value: {_short(r.value)}")
                if r.passage is not None:
                    lines.append(f"    passage: {r.passage!r}")
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, Any]:
        return {
            "conforms": self.conforms,
            "counts": self.counts,
            "triples": self.triples,
            "graphs": list(self.graphs),
            "results": [r.to_json() for r in self.results],
        }


def result_order(r: ValidationResult) -> tuple[int, str, str, str, str, str, str]:
    """The order of results in a report, the same for both engines: severity, shape, focus, ..."""
    return (
        SEVERITIES.index(r.severity) if r.severity in SEVERITIES else 9,
        r.shape_label,
        r.focus,
        r.path or "",
        r.message,
        r.component,
        r.value or "",
    )


def _plural(severity: str, n: int) -> str:
    return "" if n == 1 or severity == "Info" else "s"


def _short(iri: str) -> str:
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return prefix + iri[len(ns) :]
    return iri


def check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise ValueError(f"engine: unknown SHACL engine {engine!r} (one of {', '.join(ENGINES)})")
