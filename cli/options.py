"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["PREFIXES", "StoreOption", "prefixed"]

StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store",
        help="Store directory, or sparql+http://host:port/query for a remote SPARQL server "
        "(default: $THBGRAPH_STORE or ~/.local/share/thbgraph/store).",
    ),
]

PREFIXES: dict[str, str] = {
    "https://w3id.org/thbgraph/ontology#": "thb:",
    "https://w3id.org/thbgraph/id/": "tb:",
    "https://w3id.org/thbgraph/graph/": "tbg:",
    "http://purl.org/spar/cito/": "cito:",
    "http://data.europa.eu/eli/ontology#": "eli:",
    "https://schema.org/": "schema:",
    "http://schema.org/": "schema:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/ns/oa#": "oa:",
    "http://www.w3.org/ns/org#": "org:",
    "http://xmlns.com/foaf/0.1/": "foaf:",
}


def prefixed(value: str) -> str:
    """An IRI written with its usual prefix (thb:, cito:, eli:, schema:...); other text unchanged."""
    for namespace, prefix in PREFIXES.items():
        if value.startswith(namespace):
            return prefix + value[len(namespace) :]
    return value
