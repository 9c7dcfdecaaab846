"""A follow-up action led by several bodies keeps all of them in the meeting answer (issue 15,
item 6: REST fields multi-valued where the graph is)."""

from __future__ import annotations

from pathlib import Path

from thbgraph.graph.answers.meeting import meeting
from thbgraph.graph.store import open_store

BELGRADE = "2003-07-17-anti-trafficking-focal-point-meeting-of-the-osce-missions-to"


def test_led_by_is_every_lead_of_one_action(built_store: Path) -> None:
    with open_store(built_store) as kg:
        actions = meeting(kg, BELGRADE)["follow_up"]
        leads: dict[str, set[str]] = {}
        for r in kg.select(
            "SELECT ?a ?org WHERE { ?a <https://w3id.org/thbgraph/ontology#ledBy> ?org }"
        ):
            leads.setdefault(str(r["a"]), set()).add(str(r["org"]))
    assert len({a["iri"] for a in actions}) == len(actions)  # one entry per action
    assert any(len(a["led_by"]) > 1 for a in actions)  # the BiH mission with the ODIHR
    for a in actions:
        assert len(a["led_by"]) == len(leads[a["iri"]])
