"""The seeds read completely (issue 15, item 6): the 2003 South-East Europe focal-point series has
its five members in the built graph, each placed and dated to the precision the text gives."""

from __future__ import annotations

from pathlib import Path

from thbgraph.graph.store import open_store

XSD = "http://www.w3.org/2001/XMLSchema#"
ID = "https://w3id.org/thbgraph/id/"

MEMBERS = f"""
PREFIX schema: <https://schema.org/>
PREFIX thb: <https://w3id.org/thbgraph/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT DISTINCT ?m ?start ?dt ?end ?loc ?status ?period ?dated WHERE {{
  ?m schema:superEvent <{ID}series/focal-point-see> ;
     schema:startDate ?start ; schema:endDate ?end ; schema:location ?loc .
  OPTIONAL {{ ?m schema:eventStatus ?status }}
  OPTIONAL {{ ?m thb:statedPeriod ?period }}
  BIND (STR(DATATYPE(?start)) AS ?dt)
  BIND (EXISTS {{ ?e oa:hasBody ?m ; thb:supportsProperty schema:startDate }} AS ?dated)
}}
"""


def test_the_2003_focal_point_series_has_five_dated_placed_members(built_store: Path) -> None:
    with open_store(built_store) as kg:
        rows = kg.select(MEMBERS)
    got = {
        (
            str(r["loc"]).removeprefix(ID),
            str(r["start"]),
            str(r["dt"]).removeprefix(XSD),
            str(r["end"]),
            r.get("status"),
            r.get("period"),
        )
        for r in rows
    }
    assert got == {
        ("place/pristina", "2001", "gYear", "2001", None, None),
        ("place/sarajevo", "2002-06", "gYearMonth", "2002-06", None, None),
        ("place/ioannina", "2003-02", "gYearMonth", "2003-02", None, None),
        ("place/belgrade", "2003-07-17", "date", "2003-07-20", None, None),
        (
            "country/al",
            "2003-12",
            "gYearMonth",
            "2004-01",
            "https://schema.org/EventScheduled",
            "December/January",
        ),
    }
    assert all(str(r["dated"]).lower() in {"true", "1"} for r in rows), (
        rows
    )  # every date has its passage
