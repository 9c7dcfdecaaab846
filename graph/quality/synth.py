"""A realistic synthetic corpus for scale tests: meeting documents in the style of the seeds, with truth.

The texts exercise the whole pipeline (extract -> build -> validate -> store -> query): agendas,
summaries, press releases and conclusions of meetings across 25 years, about 2,000 distinct
commitment symbols in every written form the extractor accepts, persons with roles, publications
with footnote URLs, countries, and occasional typos and PDF debris. The truth file has the shape
of the seed-facts file, so `thbgraph evaluate` can score extraction on it.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..timeline import MONTHS_EN

__all__ = ["SynthDocument", "generate", "write_corpus"]

PLACES = [
    ("Vienna", "AT", "Austria"),
    ("Strasbourg", "FR", "France"),
    ("Warsaw", "PL", "Poland"),
    ("Belgrade", "RS", "Serbia"),
    ("Skopje", "MK", "North Macedonia"),
    ("Tirana", "AL", "Albania"),
    ("Chisinau", "MD", "Moldova"),
    ("Sarajevo", "BA", "Bosnia and Herzegovina"),
    ("Kyiv", "UA", "Ukraine"),
    ("Tbilisi", "GE", "Georgia"),
    ("Yerevan", "AM", "Armenia"),
    ("Bishkek", "KG", "Kyrgyzstan"),
    ("Astana", "KZ", "Kazakhstan"),
    ("Rome", "IT", "Italy"),
    ("Berlin", "DE", "Germany"),
    ("Madrid", "ES", "Spain"),
    ("Lisbon", "PT", "Portugal"),
    ("Helsinki", "FI", "Finland"),
    ("Stockholm", "SE", "Sweden"),
    ("Prague", "CZ", "Czechia"),
]
COUNTRIES = [
    ("Albania", "AL"),
    ("Armenia", "AM"),
    ("Austria", "AT"),
    ("Belgium", "BE"),
    ("Bulgaria", "BG"),
    ("Croatia", "HR"),
    ("Cyprus", "CY"),
    ("Denmark", "DK"),
    ("Estonia", "EE"),
    ("Finland", "FI"),
    ("France", "FR"),
    ("Georgia", "GE"),
    ("Germany", "DE"),
    ("Greece", "GR"),
    ("Hungary", "HU"),
    ("Iceland", "IS"),
    ("Ireland", "IE"),
    ("Italy", "IT"),
    ("Latvia", "LV"),
    ("Lithuania", "LT"),
    ("Malta", "MT"),
    ("Montenegro", "ME"),
    ("Norway", "NO"),
    ("Poland", "PL"),
    ("Portugal", "PT"),
    ("Romania", "RO"),
    ("Serbia", "RS"),
    ("Slovakia", "SK"),
    ("Slovenia", "SI"),
    ("Spain", "ES"),
    ("Sweden", "SE"),
    ("Switzerland", "CH"),
    ("Ukraine", "UA"),
    ("Kazakhstan", "KZ"),
    ("Kyrgyzstan", "KG"),
    ("Mongolia", "MN"),
    ("Tajikistan", "TJ"),
    ("Uzbekistan", "UZ"),
]
FIRST = [
    "Anna",
    "Marek",
    "Elena",
    "Tomas",
    "Ingrid",
    "Pavel",
    "Sofia",
    "Jonas",
    "Miriam",
    "Luca",
    "Katarina",
    "Andrei",
    "Helena",
    "Dmitri",
    "Clara",
    "Nikola",
    "Irena",
    "Stefan",
    "Maria",
    "Oskar",
]
LAST = [
    "Novak",
    "Lindqvist",
    "Petrova",
    "Horvat",
    "Marin",
    "Kowalski",
    "Berger",
    "Rossi",
    "Dimitrov",
    "Keller",
    "Varga",
    "Jansen",
    "Costa",
    "Ivanova",
    "Schmidt",
    "Popescu",
    "Larsen",
    "Moreau",
]
ROLES = [
    (
        "OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings",
        "OSR/CTHB",
    ),
    (
        "Executive Secretary of the Council of Europe Convention on Action against Trafficking in Human Beings",
        "CoE",
    ),
    ("President of GRETA", "GRETA"),
    ("Director of the OSCE Office for Democratic Institutions and Human Rights", "ODIHR"),
]
# (title, organisers as the organising phrase names them, the organising phrase); the truth says
# what an analyst reads in the text: "co-organised by the Council of Europe and the OSCE" names
# the CoE and the OSCE, not the OSCE office that did the work.
SERIES = [
    (
        "Meeting of National Anti-Trafficking Co-ordinators and Rapporteurs",
        ["CoE", "OSCE"],
        "co-organised by the Council of Europe and the OSCE",
    ),
    (
        "Alliance against Trafficking in Persons Conference",
        ["OSR/CTHB"],
        "organised by the Office of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings",
    ),
    (
        "Expert Seminar on Combating Trafficking for Labour Exploitation",
        ["ODIHR"],
        "organised by the OSCE Office for Democratic Institutions and Human Rights (ODIHR)",
    ),
    (
        "Regional Anti-Trafficking Focal Point Meeting",
        ["ODIHR"],
        "organised in co-ordination with the ODIHR",
    ),
]
TOPICS = [
    "labour exploitation in supply chains",
    "child trafficking",
    "national referral mechanisms",
    "technology-facilitated trafficking",
    "financial investigations",
    "victim protection",
    "prevention of trafficking",
    "criminal justice responses",
    "national action plans",
]
# Organisations a meeting title names in passing (optional in the truth, as in the seed facts).
TITLE_ORGANISATIONS = {
    "Alliance against Trafficking in Persons Conference": [
        "Alliance against Trafficking in Persons"
    ]
}
PUB_WORDS = [
    "Guidance",
    "Compendium",
    "Handbook",
    "Survey",
    "Report",
    "Toolkit",
    "Study",
    "Roadmap",
]


@dataclass
class SynthDocument:
    """One generated document and what it truly contains (seed-facts shape)."""

    name: str
    text: str
    truth: dict[str, Any] = field(default_factory=dict)


def _symbols(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """`n` distinct (canonical, written) symbol pairs, in every form the extractor accepts."""
    out: dict[str, str] = {}
    while len(out) < n:
        kind = rng.random()
        if kind < 0.45:
            num, yy = rng.randint(1, 20), rng.randint(0, 25)
            canon = f"MC.DEC/{num}/{yy:02d}"
            written = rng.choice([canon, canon, f"Ministerial Council Decision No. {num}/{yy:02d}"])
        elif kind < 0.92:
            num = rng.randint(100, 1500)
            canon = f"PC.DEC/{num}"
            if rng.random() < 0.1:
                canon += f"/Corr.{rng.randint(1, 2)}"
                written = canon
            else:
                written = rng.choice([canon, canon, f"Permanent Council Decision No. {num}"])
        else:
            canon, written = "CETS No. 197", rng.choice(["CETS No. 197", "CETS No.197"])
        out.setdefault(canon, written)
    return list(out.items())


def _fmt_range(start: date, end: date) -> str:
    if start == end:
        return f"{start.day} {MONTHS_EN[start.month - 1]} {start.year}"
    if start.month == end.month:
        return f"{start.day}-{end.day} {MONTHS_EN[start.month - 1]} {start.year}"
    return f"{start.day} {MONTHS_EN[start.month - 1]} - {end.day} {MONTHS_EN[end.month - 1]} {end.year}"


def generate(n_documents: int, *, seed: int = 0, n_symbols: int = 2000) -> list[SynthDocument]:
    """Generate `n_documents` documents (deterministic for a seed)."""
    rng = random.Random(seed)
    symbols = _symbols(rng, min(n_symbols, max(50, n_documents * 2)))
    # a few commitments are cited far more often than the rest (a realistic long tail)
    popular = symbols[:10]
    docs: list[SynthDocument] = []
    n_meetings = max(1, n_documents // 2)
    meetings = []
    for m in range(n_meetings):
        year = 2000 + rng.randint(0, 25)
        start = date(year, rng.randint(1, 12), rng.randint(1, 26))
        end = start + timedelta(days=rng.choice([0, 0, 1, 1, 2]))
        title, organisers, org_phrase = rng.choice(SERIES)
        online = year >= 2020 and rng.random() < 0.4
        place = None if online else rng.choice(PLACES)
        meetings.append((m, title, organisers, org_phrase, start, end, online, place))
    kinds = ["agenda", "summary", "press_release", "conclusions"]
    for i in range(n_documents):
        meeting = meetings[i % n_meetings]
        # the documents of one meeting are of different kinds (e.g. its agenda and its summary)
        kind = kinds[(i % n_meetings + i // n_meetings) % len(kinds)]
        docs.append(_document(rng, i, kind, meeting, symbols, popular))
    return docs


def _cites(
    rng: random.Random, symbols: list[tuple[str, str]], popular: list[tuple[str, str]], year: int
) -> list[tuple[str, str]]:
    """Commitments a meeting of `year` cites: none adopted after it."""
    yy = year % 100
    usable = [s for s in symbols if not s[0].startswith("MC.DEC/") or int(s[0].split("/")[2]) <= yy]
    chosen = rng.sample(usable, min(len(usable), rng.randint(2, 6)))
    if rng.random() < 0.5:
        chosen.append(rng.choice(popular))
    seen: dict[str, str] = {}
    for canon, written in chosen:
        seen.setdefault(canon, written)
    return list(seen.items())


def _document(
    rng: random.Random,
    i: int,
    kind: str,
    meeting: tuple[Any, ...],
    symbols: list[tuple[str, str]],
    popular: list[tuple[str, str]],
) -> SynthDocument:
    _, title, organisers, org_phrase, start, end, online, place = meeting
    when = _fmt_range(start, end)
    cites = _cites(rng, symbols, popular, start.year)
    countries = rng.sample(COUNTRIES, rng.randint(2, 5))
    participants = rng.randint(20, 200)
    states = rng.randint(10, 57)
    person = (f"{rng.choice(FIRST)} {rng.choice(LAST)}", *rng.choice(ROLES))
    pub_year = max(2000, start.year - rng.randint(0, 2))
    pub_title = f"{rng.choice(PUB_WORDS)} on {rng.choice(TOPICS)} in the OSCE region"
    pub_url = f"https://www.osce.org/cthb/{rng.randint(100000, 999999)}"
    topic = rng.choice(TOPICS)
    where = "Online (Zoom)" if online else place[0]
    lines: list[str] = []
    cite_text = (
        ", ".join(f"{w}" for _, w in cites[:-1]) + f" and {cites[-1][1]}"
        if len(cites) > 1
        else cites[0][1]
    )
    if rng.random() < 0.05:  # occasional typo in a symbol series, e.g. PC.EC/ for PC.DEC/
        cite_text = cite_text.replace("PC.DEC/", "PC.EC/", 1)
    if kind == "agenda":
        lines += [
            "",
            "### **Draft AGENDA**",
            "",
            f"# {title}",
            "",
            f"## {org_phrase}",
            "",
            where,
            "",
            when,
            "",
        ]
        lines += [
            "### Introduction",
            "",
            f"The meeting will promote the implementation of relevant OSCE commitments, including {cite_text}, "
            f"with a focus on {topic}.",
            "",
        ]
        lines += [
            "# **DAY 1:**",
            "",
            "09:30 - 10:00\tRegistration",
            "10:00 - 10:30\tOpening addresses",
            f"10:30 - 12:00\tSession 1 – {topic.capitalize()}",
            "\tDiscussion",
            "12:00\tEnd of Day 1",
        ]
        if rng.random() < 0.2:
            lines.insert(len(lines) - 3, "11:15 - 11:45")  # PDF debris: a stray time line
    elif kind == "summary":
        lines += [
            "",
            "SUMMARY",
            "",
            title,
            "",
            org_phrase[0].upper() + org_phrase[1:],
            "",
            when,
            "",
            where,
            "",
            f"The meeting was {org_phrase} in line with {cite_text}. "
            f"The meeting was attended by over {participants} participants from {states} OSCE participating States.",
            "",
            f"Representatives from {', '.join(c for c, _ in countries[:-1])} and {countries[-1][0]} shared experiences on {topic}.",
            "",
            f"The OSCE presented the publication \u201c{pub_title}\u201d ({pub_year})\u00b9, "
            f"which supports practitioners across the OSCE area.",
            "",
            f"\u00b9 See <{pub_url}>",
        ]
    elif kind == "press_release":
        # the dateline is the meeting's last day; the story states the meeting's own dates
        city = place[0].upper() if place else "VIENNA"
        held = "held online" if online else "held"
        lines += [
            f"{city}, {end.day} {MONTHS_EN[end.month - 1]} {end.year} – "
            f"The {title}, {org_phrase} and {held} on {when}, "
            f"{'ended' if online else 'concluded in ' + place[0]} today.",
            f"Participants from {states} OSCE participating States discussed {topic} and the implementation of {cite_text}.",
            f"\u201cWe must act together,\u201d said {person[0]}, {person[1]}.",
        ]
    else:
        lines += [
            "",
            f"**CONCLUSIONS AND RECOMMENDATIONS FROM THE {title.upper()}**",
            "",
            f"{(place[0].upper() if place else 'ONLINE')}, {when.upper()}",
            "",
            f"The meeting, {org_phrase}, brought together {participants} representatives. "
            f"Participants recalled {cite_text}.",
            "",
            "Follow-up",
            "",
            "- The ODIHR will take the lead in circulating the draft summary (1-2 weeks).",
        ]
    text = "\n".join(lines) + "\n"
    meeting_truth = {
        "role": "subject",
        "title": title,
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "place": None if online else place[0],
        "online": bool(online),
        "organisers": organisers,
    }
    # the organisations the text names: the organising phrase, "OSCE" in "OSCE commitments",
    # "OSCE participating States", "The OSCE presented", and "The ODIHR will take the lead"
    named = list(organisers)
    named += {
        "agenda": ["OSCE"],
        "summary": ["OSCE"],
        "press_release": ["OSCE"],
        "conclusions": ["ODIHR"],
    }[kind]
    optional = list(TITLE_ORGANISATIONS.get(title, []))
    if kind == "press_release":
        optional.append(person[2])  # the organisation of the speaker's post
    truth = {
        "source": f"synth_{i:06d}.txt",
        "document": {"type": kind, "date": end.isoformat() if kind == "press_release" else None},
        "meetings": {"required": [meeting_truth], "optional": []},
        "citations": {"required": sorted({c for c, _ in cites}), "optional": []},
        "organisations": {
            "required": list(dict.fromkeys(named)),
            "optional": [o for o in dict.fromkeys(optional) if o not in named],
        },
        "persons": {
            "required": [{"name": person[0], "role": person[1]}] if kind == "press_release" else [],
            "optional": [],
        },
        "publications": {
            "required": [{"title": pub_title, "year": pub_year, "url": pub_url}]
            if kind == "summary"
            else [],
            "optional": [],
        },
        "countries": {
            "required": sorted(c for _, c in countries) if kind == "summary" else [],
            "optional": [],
        },
    }
    return SynthDocument(name=str(truth["source"]), text=text, truth=truth)


def write_corpus(out_dir: Path, n_documents: int, *, seed: int = 0) -> Path:
    """Write the documents and `truth.json` into `out_dir`; returns the truth file path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = generate(n_documents, seed=seed)
    for d in docs:
        (out_dir / d.name).write_text(d.text, encoding="utf-8")
    truth_path = out_dir / "truth.json"
    truth_path.write_text(
        json.dumps(
            {
                "about": f"synthetic corpus, {n_documents} documents, seed {seed}",
                "documents": [d.truth for d in docs],
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    return truth_path
