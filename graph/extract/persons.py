"""Persons named with their roles: 'said Valiant Richey, OSCE Special Representative ...'.

The words it reads (honorifics, role words, Russian role stems, words that are no names) are
data: `data/person_words.json`, per language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from rapidfuzz import fuzz

from ..model import Evidence, Person
from ..register import PostEntry, Register
from .countries import country_mentions
from .inflection import parses
from .organisations import OrgMention, organisation_mentions
from .spans import SpanIndex

__all__ = ["find_persons", "post_for_role"]


def _load_words() -> dict[str, Any]:
    """Honorifics, role words, Russian role stems, non-name words and particles, per language
    (`data/person_words.json`)."""
    path = resources.files("thbgraph.graph.extract") / "data" / "person_words.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "А-ЯЁ"
_TOKEN = rf"[{_UPPER}][\w'’\-]*"
_WORDS = _load_words()
_PARTICLES = "(?:" + "|".join(re.escape(p) for p in _WORDS["particles"]) + ")"
# a middle initial ("Christopher H. Smith") may come before the last token
_INITIAL = rf"(?:[{_UPPER}]\.[ \t]+){{0,2}}"
_RUN = re.compile(
    rf"(?<![\w.])(?:{_TOKEN}\.?[ \t]+)*?"
    rf"(?:{_TOKEN}(?:[ \t]+(?:{_PARTICLES}[ \t]+)*{_INITIAL}{_TOKEN})+)"
)
# a role written before the name and set off by commas: "The OSCE Special Representative, X, said"
_ROLE_APPOSITION = re.compile(
    r"(?:^|(?<=[\s(]))(?P<role>[A-Z][\w'’/-]*(?:[ \t]+(?:[A-Z][\w'’/-]*|of|for|the|and|in|on|to))*)"
    r",[ \t]+$"
)
# Honorifics are not part of the name; title-like ones are kept as the role when nothing else is.
_HONORIFICS: dict[str, bool] = {
    word: bool(title) for forms in _WORDS["honorifics"].values() for word, title in forms.items()
}
_HONORIFIC_RUN = re.compile(
    r"(?:(?:"
    + "|".join(re.escape(h) for h in sorted(_HONORIFICS, key=len, reverse=True))
    + r")[ \t]+)+$"
)
# Posts written right after a name with no comma ("Radek John MP (Czech Republic)").
_AFTER_NAME = frozenset(w for forms in _WORDS["after_name"].values() for w in forms)
_POST_AFTER = re.compile(
    r"[ \t]+(?P<post>"
    + "|".join(re.escape(w) for w in sorted(_AFTER_NAME, key=len, reverse=True))
    + r")(?![\w-])"
)
# Words that name a post: a role must contain one (or be an organisation).
ROLE_WORDS = frozenset(w.casefold() for forms in _WORDS["role_words"].values() for w in forms)
# Capitalised words that are not (parts of) personal names in these documents.
_NOT_NAME = frozenset(w.casefold() for forms in _WORDS["not_name"].values() for w in forms)
# ... except at the end of a name that has a post or an honorific ("Theresa May")
_WEAK = frozenset(w.casefold() for forms in _WORDS["weak_not_name"].values() for w in forms)
# between a name and its post: "X was re-elected as First Vice-President", "X a été élue ..."
_POST_VERB = re.compile(
    r"[ \t]+(?:"
    + "|".join(f"(?:{p})" for forms in _WORDS["post_verbs"].values() for p in forms)
    + r")[ \t]+",
    re.I,
)
_SPEECH = re.compile(
    r"(?:said|says|added|noted|stated|stressed|emphasi[sz]ed|underlined|explained|highlighted|"
    r"remarked|concluded|declared|observed|according\s+to|a\s+déclaré|a\s+ajouté|"
    r"a\s+soulign[ée]|a\s+rappel[ée]|a\s+indiqu[ée]|selon|"
    r"(?:за|с|от|под|до|на)?(?:явил|казал|метил|черкнул|бавил|ключил|помнил)[аи]?|"
    r"по\s+словам)[ \t]*,?[ \t]+$",
    re.I,
)
# Russian posts, by stem (the words inflect: "директор", "директора", "советника")
_RU_ROLE_STEMS = tuple(_WORDS["ru_role_stems"])
# Markdown emphasis around a name ("**Valiant Richey**", "_Name_"): read as spaces
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\w)|(?<=\w)\*(?![\w*])")
_ROLE_END = re.compile(r"\n|(?<![\s.][A-Z])\.(?=\s|$)|[;:!?](?=\s|$)|,|\s\(|[“”\"«»]|\s[-–—]\s")


@dataclass(frozen=True)
class _Found:
    name: str
    role: str | None
    organisation: str | None
    start: int
    end: int


def _norm(text: str) -> str:
    text = re.sub(r"['’]s\b", "", text.casefold())
    text = re.sub(r"\b(?:the|of)\b|[^\w]+", " ", text)
    return " ".join(text.replace("co ", "co").split())


@lru_cache(maxsize=16)
def _post_labels(register: Register) -> list[tuple[str, PostEntry]]:
    out = []
    for post in register.posts.values():
        for label in (post.label, *post.aliases):
            out.append((_norm(label), post))
    return sorted(out, key=lambda p: -len(p[0]))


def post_for_role(role: str, register: Register) -> PostEntry | None:
    """The register post a role as written stands for ('OSCE Special Representative ...')."""
    wanted = _norm(role)
    if not wanted:
        return None
    for label, post in _post_labels(register):
        if label == wanted or (len(label) > 15 and label in wanted):
            return post
    best = max(
        ((fuzz.ratio(wanted, label), post) for label, post in _post_labels(register)),
        default=(0.0, None),
        key=lambda p: p[0],
    )
    return best[1] if best[0] >= 90 else None


def _name_token_ok(token: str, last: bool) -> bool:
    if not last and re.fullmatch(rf"[{_UPPER}]\.", token):
        return True  # a middle initial
    word = token.rstrip(".")
    if token in _HONORIFICS or word in _HONORIFICS:
        return False
    if not last and token.endswith(".") and len(word) > 1:
        return False  # "Bureau. Helga Gayer": a full stop after a word ends the sentence
    if (word.casefold() in _NOT_NAME and not (last and word.casefold() in _WEAK)) or not word[
        :1
    ].isupper():
        return False
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2:
        return False
    if all(c.isupper() for c in letters):
        return last and len(letters) >= 3  # "Jean DUPONT"
    return True


def _caps(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _tail_token_ok(tail: list[str], i: int) -> bool:
    """Whether the i-th word of a candidate name can be part of it. A surname in capitals may
    have several words after the first name ('Víctor NAUDI ZAMORA', 'Arnold DE FINE SKIBSTED')."""
    t = tail[i]
    if re.fullmatch(_PARTICLES, t):
        return True
    caps_tail = i > 0 and not _caps(tail[0]) and all(_caps(x) for x in tail[i:])
    if caps_tail and re.fullmatch(_PARTICLES, t, re.I):
        return True
    return _name_token_ok(t, i == len(tail) - 1 or caps_tail)


def _split_run(run: str) -> tuple[str, str]:
    """(prefix, name): the longest tail of 2-4 words that can be a personal name; a post that
    follows the name in the same run ('Emanuele PILUSO Advisor to ...') is left out."""
    tokens = run.split()
    for i in range(1, len(tokens) - 1):  # "Heracles Moskoff du Ministère ...": no name goes on
        nxt = next((t for t in tokens[i:] if not re.fullmatch(_PARTICLES, t)), "")
        if (
            re.fullmatch(_PARTICLES, tokens[i])
            and nxt not in _HONORIFICS
            and not _name_token_ok(nxt, True)
        ):
            run = run[: list(re.finditer(r"\S+", run))[i - 1].end()]
            tokens = tokens[:i]
            break
    if len(tokens) > 2 and tokens[-1] in _AFTER_NAME:  # "Radek John MP"
        tokens.pop()
        run = run[: run.rindex(tokens[-1]) + len(tokens[-1])]
    while len(tokens) > 2 and _is_role_word(tokens[-1]) and _caps(tokens[-2]):
        tokens.pop()
        run = run[: run.rindex(tokens[-1]) + len(tokens[-1])]
    best = len(tokens)
    for k in range(len(tokens) - 1, -1, -1):
        tail = tokens[k:]
        words = [t for t in tail if not re.fullmatch(_PARTICLES, t)]
        if len(words) > 4:
            break
        if re.fullmatch(_PARTICLES, tail[0]) or tail[0] in _HONORIFICS or _is_role_word(tail[0]):
            continue  # a name does not start with 'van', 'de'... nor with 'M.' (an honorific)
        if not all(_tail_token_ok(tail, i) for i in range(len(tail))):
            if all(_caps(t) or re.fullmatch(_PARTICLES, t, re.I) for t in tail):
                continue  # 'NAUDI ZAMORA': a surname in capitals, its first name further left
            break
        if len(words) >= 2:
            best = k
    if best == len(tokens):
        return run, ""
    name = " ".join(tokens[best:])
    idx = run.rfind(tokens[best], 0, len(run) - len(name) + len(tokens[best]))
    return run[:idx], run[idx:]


_PAREN_AFTER = re.compile(r"[ \t]*\(([^()\n]{2,80})\)")
_COMMA_AFTER = re.compile(r"[ \t]{0,2},[ \t]+")


def _role_after(text: str, pos: int, mentions: list[OrgMention]) -> tuple[str, int, int] | None:
    """The role written after a name: ', OSCE Special Representative ...' or ' (ODIHR)'."""
    paren = _PAREN_AFTER.match(text, pos)
    if paren:
        s, e = paren.start(1), paren.end(1)
        inner = text[s:e]
        if any(m.start == s and m.end == e for m in mentions) or _has_role_word(inner):
            return inner, s, e
        if country_mentions(inner):
            pos = paren.end()  # 'M. X (France), président du Comité': the role after the country
    comma = _COMMA_AFTER.match(text, pos)
    if not comma:
        return None
    s = comma.end()
    stop = _ROLE_END.search(text, s)
    e = stop.start() if stop else len(text)
    role = text[s:e].rstrip()
    role = _before_next_person(role)
    e = s + len(role)
    if not role or len(role) > 200:
        return None
    if _has_role_word(role):
        return role, s, e
    org = next((m for m in mentions if m.start == s), None)
    if org is not None:
        return text[org.start : org.end], org.start, org.end
    return None


_NEXT_CLAUSE = re.compile(
    r"(?:^|[ \t]+(?:and|et|и)[ \t]+)(?:(?:the|la|le|l’|l')[ \t]+)?(?=\S)", re.I
)


def _before_next_person(role: str) -> str:
    """A role written after a name, up to where the post of the next person starts: in "X, the
    Executive Secretary of the Convention Petya Nestorova and ...", the words after the comma
    are the post of Petya Nestorova, not of X (then no role is left)."""
    for run in _person_runs(role):
        prefix, _ = _split_run(run.group(0))
        head = role[: run.start() + len(prefix)]
        if (title := _HONORIFIC_RUN.search(head)) is not None:
            head = head[: title.start()]  # "... et Mme Pramila Patten": the next person's title
        bare = [c for c in _NEXT_CLAUSE.finditer(role, 0, len(head) + 1) if c.end() == len(head)]
        if bare:  # "Head of the Office in Astana and Robert Heuer": the next person has no post
            return role[: bare[-1].start()].rstrip(" ,")
        posts = [w.start() for w in re.finditer(r"[\w'’-]+", head) if _is_role_word(w.group(0))]
        clauses = [c.start() for c in _NEXT_CLAUSE.finditer(role, 0, posts[-1] + 1)]
        return role[: clauses[-1]].rstrip(" ,") if clauses else ""
    return role


def _has_role_word(role: str) -> bool:
    words = re.findall(r"[\w'’-]+", role.casefold())
    return any(_is_role_word(w) for w in words[:8])


def _is_role_word(word: str) -> bool:
    word = word.casefold()
    if word in ROLE_WORDS or any(part in ROLE_WORDS for part in word.split("-")):
        return True  # "Vice-Chair", "ex-Minister"
    return word[:1] >= "а" and word.startswith(_RU_ROLE_STEMS)


def _russian_post(text: str, name: str, ns: int) -> tuple[str, int, int] | None:
    return _role_clause_before(text, ns) if name[:1] >= "А" else None


def _russian_post_start(tokens: list[re.Match[str]]) -> int | None:
    """Where the post before a Russian name starts in its clause: at the first post word after
    the clause's last verb, with the adjectives and coordinated posts before it ("посетила
    Специальный представитель и координатор ...", "встретился ... со специальным представителем
    ОБСЕ ..."); None if no post word follows the last verb."""
    verbs = [i for i, t in enumerate(tokens) if any(
        p.tag.POS in {"VERB", "INFN"} for p in _parses(t.group(0).strip("(),"))[:1])]  # fmt: skip
    after = verbs[-1] + 1 if verbs else 0
    posts = [i for i in range(after, len(tokens)) if _is_role_word(tokens[i].group(0).strip("("))]
    if not posts:
        return None
    k = posts[0]
    while k > after:
        prev = tokens[k - 1].group(0)
        pos = _parses(prev)[0].tag.POS if prev.isalpha() else None
        if pos in {"ADJF", "PRTF"}:
            k -= 1  # "специальным", "Исполнительный"
        elif pos == "CONJ" and k - 2 >= after and _is_role_word(tokens[k - 2].group(0)):
            k -= 2  # "представитель и координатор"
        else:
            break
    return tokens[k].start()


def _role_clause_before(text: str, ns: int) -> tuple[str, int, int] | None:
    """A post written before the name and opening its clause, as Russian writes it:
    'Руководитель Департамента по правам человека БДИПЧ Томас Эккерт призвал ...'."""
    window = text[max(0, ns - 200) : ns]
    cut = max(window.rfind(c) for c in '.;:!?\n«»"“”–—,')
    clause = window[cut + 1 :]
    role = clause.strip()
    words = role.split()
    if len(words) >= 2:
        # "... посетила Специальный представитель ... (ОБСЕ) Эва Биодэ": from the first post
        # after the clause's last verb (`_russian_post_start`)
        k = _russian_post_start(list(re.finditer(r"\S+", clause)))
        if k is None:
            return None
        role = clause[k:].strip()
        words = role.split()
    if not 2 <= len(words) <= 20 or not any(_is_role_word(w.strip("(")) for w in words[:2]):
        return None
    start = ns - len(clause) + clause.index(role)
    return role, start, start + len(role)


def _role_clause_led(text: str, ns: int, ne: int) -> tuple[str, int, int] | None:
    """A post that opens the clause before a Latin-script name, with no comma between ("OSCE
    Special Representative for Combating Trafficking in Human Beings Valiant Richey;"): a clause
    of at most 18 words, starting with a capital, with a role word among its first 6 words, not
    ending in a word that joins it to what follows ("Minister of" Foreign Affairs), the name
    not continued by one ("Sovereign Order of Malta")."""
    if text[ns : ns + 1] >= "А" or (_JOINED_AFTER.match(text, ne) and not _coordinated(text, ne)):
        return None
    window = text[max(0, ns - 200) : ns]
    strong = max(window.rfind(c) for c in '.;:!?\n«»"“”–—•(')
    commas = [i for i in range(len(window)) if window[i] == "," and i > strong][::-1]
    # the clause after the last comma; else a post that runs over commas ("Minister of Foreign
    # Affairs, Education and Sports of ... Liechtenstein Dominique Hasler"), at most two
    for extended, cut in enumerate([*commas[:3], strong]):
        if extended > 2:
            return None
        clause = window[cut + 1 :]
        found = _clause_post(clause, extended > 0)
        if found is not None:
            break
        if extended == 0 and not commas:
            return None
    else:
        return None
    role, words = found
    first = next(i for i, w in enumerate(words) if _is_role_word(w.strip("(),")))
    lower = [i for i in range(first) if words[i][:1].islower()]
    if lower:  # "Speakers included the Deputy Minister ...": the post starts after the verb
        role = " ".join(words[lower[-1] + 1 :])
        role = role if role[:1].isupper() else " ".join(words[first:])
        role = clause[clause.index(role.split()[0], clause.index(words[lower[-1]])) :].strip()
    start = ns - len(clause) + clause.index(role)
    cut = _after_last_person(role)
    return role[cut:], start + cut, start + len(role)


def _clause_post(clause: str, extended: bool) -> tuple[str, list[str]] | None:
    """The post a clause states, with its words, or None: 2-18 words (24 over commas), opening
    with a capital, a role word among the first six, not ending in a joining word; over commas
    the first part holds no person's name and the last word may be in lower case ("..., especially
    in women and children Siobhán Mullally")."""
    role = _LEADING.sub("", clause.strip())
    words = role.split()
    if not 2 <= len(words) <= (24 if extended else 18) or not role[:1].isupper():
        return None
    if clause[-1:] not in " \t" or not any(_is_role_word(w.strip("(),")) for w in words[:6]):
        return None
    if words[-1].casefold() in _JOINING or (words[-1][:1].islower() and not extended):
        return None
    if extended and any(_person_runs(role.rsplit(",", 1)[0])):
        return None  # "OSCE Secretary General Helga Maria Schmid, ...": another person's post
    return role, words


def _person_runs(role: str) -> Iterator[re.Match[str]]:
    """The runs in a post's words that end in a person's name after a role word."""
    for run in _RUN.finditer(role):
        prefix, name = _split_run(run.group(0))
        if not name or len(name.split()) < 2 or any(_is_role_word(w) for w in name.split()):
            continue
        before = role[max(0, run.start() - 12) : run.start()].split()
        if not prefix and (not before or before[-1].casefold() in _JOINING - _COORDINATING):
            continue  # "Head of the Bosnian Delegation": what the post is of, not a name
        if country_mentions(name):
            continue  # "La Strada Bulgaria"
        if _has_role_word(role[: run.start() + len(prefix)]):
            yield run


def _after_last_person(role: str) -> int:
    """Where the post of the last person in a clause starts: in "Executive Secretary of the
    Convention Petya Nestorova and the Administrator" the post is "Administrator" (0: no one)."""
    cut = 0
    for run in _person_runs(role):
        nxt = (
            _LEADING.match(role[run.end() + 1 :])
            if role[run.end() : run.end() + 1] == " "
            else None
        )
        if nxt is not None and run.end() + 1 + nxt.end() < len(role):
            cut = run.end() + 1 + nxt.end()
    return cut


_AND_NEXT = re.compile(
    r"[ \t]+(?:and|et|as[ \t]+well[ \t]+as|ainsi[ \t]+que)[ \t]+"
    r"(?:(?:the|la|le|les|l’|l')[ \t]+)?(?P<a>[^\s,;.]+)(?:[ \t]+(?P<b>[^\s,;.]+)(?P<end>[,;.]|\s|$))?"
)


def _coordinated(text: str, ne: int) -> bool:
    """Whether an "and" after a name joins another person, not more words of a post: "Angela Me
    and Sosa Henkoma,", "Petya Nestorova and the Administrator Markus Lehner", "... and Mr X"
    (unlike "Minister of Foreign Affairs and Trade Ian Borg")."""
    m = _AND_NEXT.match(text, ne)
    if m is None:
        return False
    a, b = m.group("a"), m.group("b")
    if a in _HONORIFICS or _is_role_word(a):
        return True
    if b is None or m.group("end") not in {",", ";", "."}:
        return False
    return _name_token_ok(a, False) and _name_token_ok(b, True) and not _is_role_word(b)


_POST_OF = re.compile(
    r"([\w’'-]+)[ \t]+(?:of|for|on|de|du|des|pour)(?:[ \t]+(?:the|la|l’|l'))?[ \t]+$"
)


def _shifted_clause_led(text: str, ns: int, ne: int) -> tuple[tuple[str, int, int], int] | None:
    """A role-led name whose first capitalised words still belong to the post ("Chief Prosecutor
    of the Capital District Maren Holt"): the role and the start of the last two words."""
    words = list(re.finditer(r"\S+", text[ns:ne]))
    if len(words) < 3:
        return None
    first, last = words[-2].group(0), words[-1].group(0)
    if not (_name_token_ok(first, False) and first[:1].isupper() and _name_token_ok(last, True)):
        return None
    start = ns + words[-2].start()
    if country_mentions(text[start:ne]):
        return None
    joined = re.search(r"(\S+)[ \t]+$", text[max(0, ns - 40) : ns])
    if joined is None or joined.group(1).casefold() in _COORDINATING:
        return None  # "... and Rita Theodorou Superman": a first name, not a post's complement
    role = _role_clause_led(text, start, ne)
    return (role, start) if role is not None else None


_AND_BETWEEN = re.compile(r"[ \t]+(?:and|et|и)[ \t]+")
_COORDINATING = frozenset({"and", "et", "и", "or", "ou", "или"})
# words before a post that are not part of it: "and the Head of ...", "et la directrice ..."
_LEADING = re.compile(
    r"^(?:(?:" + "|".join(re.escape(w) for w in _WORDS["leading"]) + r")[ \t]+){1,3}", re.I
)
# words that join a role to the capitalised words after it, which are then no name
_JOINING = frozenset(w.casefold() for w in _WORDS["joining"])
_JOINED_AFTER = re.compile(
    r"[ \t]+(?:" + "|".join(re.escape(w) for w in _WORDS["joining"]) + r")[ \t]", re.I
)


_parses = parses  # pymorphy3's readings (`inflection.parses`), shared with organisations


def _russian_name(name: str) -> tuple[int, str] | None:
    """A Cyrillic run read as a personal name by its morphology: from the first word that can be
    a first name (pymorphy3 'Name'), followed by a word that can be a surname or any capitalised
    word; the name in the nominative ('Мадиной Джарбусыновой' -> 'Мадина Джарбусынова').
    Returns (offset of the name within the run, the name), or None."""
    words = list(re.finditer(r"\S+", name))
    for i, w in enumerate(words[:-1]):
        first = next((p for p in _parses(w.group(0)) if "Name" in p.tag and "sing" in p.tag), None)
        if first is None:
            continue
        rest = words[i + 1 : i + 3]
        out = [_nominative(first, w.group(0))]
        for r in rest:
            surname = next(
                (p for p in _parses(r.group(0))
                 if ("Surn" in p.tag or "Patr" in p.tag) and p.tag.case == first.tag.case
                 and p.tag.gender in {first.tag.gender, None}),
                None,
            )  # fmt: skip
            out.append(_nominative(surname, r.group(0)) if surname is not None else r.group(0))
        return w.start(), " ".join(out)
    if len(words) == 2 and _foreign_pair(words[0].group(0), words[1].group(0)):
        return 0, name  # 'Хильго Конрад', 'Кэри Джонстон': a name the dictionary does not know
    return None


_RU_SURNAME_END = tuple(_WORDS["ru_surname_endings"])


_COMMON_POS = frozenset({"NOUN", "ADJF", "ADJS", "VERB", "INFN", "PRTF", "PRTS", "NUMR", "ADVB"})


def _common_word(word: str) -> bool:
    """A Cyrillic word the dictionary knows only as a common word ('Решения', 'Совета'), never
    as a name, surname, patronymic or place ('Эва', 'Биодэ' may be names)."""
    parses = _parses(word)
    if not any(p.is_known for p in parses):
        return False
    if any({"Name", "Surn", "Patr", "Geox"} & set(p.tag.grammemes) for p in parses):
        return False
    return any(p.tag.POS in _COMMON_POS for p in parses if p.is_known)


def _foreign_pair(first: str, second: str) -> bool:
    """Two capitalised Cyrillic words read as a first name and a surname although the first is
    no Russian first name: the second can be a name or ends like a surname, and the first is
    no word of the dictionary other than a name or a place ('Кэри')."""
    if any(p.is_known and not ({"Name", "Surn", "Geox"} & set(p.tag.grammemes))
           for p in _parses(first)):  # fmt: skip
        return False
    if not first[1:].islower() or not second[1:].islower() or len(first) < 3:
        return False
    named = any({"Name", "Surn"} & set(p.tag.grammemes) for p in _parses(second))
    return named or second.lower().endswith(_RU_SURNAME_END)


def _nominative(parse: Any, written: str) -> str:
    """A word in the nominative, written with the capitals it had."""
    if parse.tag.case in {None, "nomn"} or "Fixd" in parse.tag:
        return written
    form = parse.inflect({"nomn"})
    if form is None:
        return written
    word = str(form.word)
    return word[:1].upper() + word[1:] if written[1:2].islower() else word.upper()


def _role_before(prefix: str) -> str | None:
    """A role written just before the name: 'OSCE Special Representative Valiant Richey'."""
    words = prefix.split()
    if words and _is_role_word(words[-1].rstrip(",")):
        return prefix.strip().rstrip(",")
    return None


def _post_after_verb(text: str, ne: int) -> tuple[str, int, int] | None:
    """The post a name is given by a verb: "X was re-elected as First Vice-President", "X a été
    élu deuxième vice-président": a role word among the first four words after the verb."""
    verb = _POST_VERB.match(text, ne)
    if verb is None:
        return None
    stop = _ROLE_END.search(text, verb.end())
    e = stop.start() if stop else len(text)
    role = _before_next_person(text[verb.end() : e].rstrip())
    words = re.findall(r"[\w'’-]+", role.casefold())
    if not role or len(words) > 16 or not any(_is_role_word(w) for w in words[:4]):
        return None
    return role, verb.end(), verb.end() + len(role)


_STRONG = '.;:!?\n«»"“”•()'


def _lower_verb(word: str) -> bool:
    """A word in lower case that is no joining word nor post: the verb between a subject and
    the post of an object ("thanked", "a rencontré")."""
    return word[:1].islower() and word.casefold() not in _JOINING and not _is_role_word(word)


def _loose_apposition(text: str, prefix: str, ns: int, ne: int) -> tuple[str, int, int] | None:
    """A post before the comma that opens a name, in any case ("a eu une entrevue avec le
    ministre de la Justice, Luc Frieden.", "Le président de la Chambre des députés, Lucien
    Weiler, a ..."): from its first role word; over one more comma when the last part has none
    ("Chair of the Committee on Social Protection, Health and Family, Dan Perciun.")."""
    if prefix.strip() or not re.match(r"[ \t]*(?:,|[.;](?:\s|$)|$)", text[ne : ne + 3]):
        return None
    window = text[max(0, ns - 200) : ns]
    if not re.search(r",[ \t]+$", window):
        return None
    body = window[: window.rstrip().rindex(",")]
    base = ns - len(window)
    strong = max(body.rfind(c) for c in _STRONG)
    commas = [i for i, c in enumerate(body) if c == "," and i > strong][::-1][:2]
    for cut in [*commas, strong]:
        words = list(re.finditer(r"[\w'’-]+", body[cut + 1 :]))
        posts = [i for i, w in enumerate(words) if _is_role_word(w.group(0))]
        if not posts:
            continue
        # the noun phrase of the post: back from its first word over capitalised modifiers,
        # after a verb in lower case ("Secretary Clinton thanked OSCE Special Representative")
        k = posts[0]
        verbs = [i for i in range(k + 1, posts[-1]) if _lower_verb(words[i].group(0))]
        if verbs:
            k = min(i for i in posts if i > verbs[-1])
            while k > verbs[-1] + 1 and words[k - 1].group(0)[:1].isupper():
                k -= 1
        first = words[k]
        if len(words) - k > 14 or words[-1].group(0).casefold() in _JOINING:
            return None
        start = base + cut + 1 + first.start()
        end = base + len(body.rstrip())
        return text[start:end], start, end
    return None


_NOUN_BEFORE = re.compile(r"(?<![\w'’-])([a-zà-ÿ][\w'’-]+)[ \t]+$")


def _role_noun_before(text: str, ns: int) -> tuple[str, int, int] | None:
    """A post in lower case right before the name, with no comma: "consisted of experts
    Ryszard Piotrowicz and ...", "a rencontré la juge Anne Martin"."""
    m = _NOUN_BEFORE.search(text, max(0, ns - 40), ns)
    if m is None:
        return None
    noun = m.group(1)
    if not (_is_role_word(noun) or (noun.endswith("s") and _is_role_word(noun[:-1]))):
        return None
    return m.group(1), m.start(1), m.end(1)


def _role_apposition(text: str, prefix: str, ns: int, ne: int) -> tuple[str, int, int] | None:
    """'The OSCE Special Representative, Valiant Richey, stressed': the role before the commas."""
    if prefix.strip() or not re.match(r"[ \t]*(?:,|[.;](?:\s|$))", text[ne : ne + 3]):
        return None
    m = _ROLE_APPOSITION.search(text, max(0, ns - 160), ns)
    if m is None:
        return None
    role = re.sub(r"^(?:The|the)[ \t]+", "", m.group("role"))
    words = role.casefold().split()
    if not words or words[-1] in _JOINING or words[-1] in {"annual", "joint"}:
        return None
    if words[-1] not in ROLE_WORDS and not any(_is_role_word(w) for w in words[:6]):
        return None  # "... Representative and Co-ordinator for Combating ... Human Beings, X,"
    start = m.end("role") - len(role)
    return role, start, m.end("role")


def _organisation(
    role: str | None, s: int, e: int, mentions: list[OrgMention], register: Register
) -> str | None:
    if not role:
        return None
    post = post_for_role(role, register)
    if post is not None and post.org:
        return post.org
    inside = _span_index(mentions).inside(s, e)
    if not inside:
        return None
    best = max(inside, key=lambda m: m.end - m.start)
    return best.key or best.acronym or best.name


def _unblocked_tail(text: str, start: int, end: int, mentions: list[OrgMention]) -> int | None:
    """Where a name starts after an organisation or country that opens the run ("... of Malta
    Ian Borg"): the start of the last two or three words after it, when they are free. Only the
    mentions overlapping the run are read (from the span index), so a long document's many
    mentions cost no scan per run."""
    countries = [start + e for _, _, e in country_mentions(text[start:end])]
    near = _span_index(mentions).overlapping(start, end)
    # an organisation outside the register that runs on past a country into the name
    # ("Parliament of the Republic of Kazakhstan Marat Bashimov") ends at that country
    swallowing = [
        m for m in near
        if m.key is None and m.start < start and m.end == end and countries and countries[-1] < end
    ]  # fmt: skip
    others = [m for m in near if m not in swallowing]
    ends = [m.end for m in others] + countries
    cut = max(ends)
    words = list(re.finditer(r"\S+", text[cut:end]))
    if not 2 <= len(words) <= 3 or not all(_name_token_ok(w.group(0), False) for w in words[:-1]):
        return None
    if not _name_token_ok(words[-1].group(0), True):
        return None
    new = cut + words[0].start()
    # the name [new, end) lies inside the run, so only the mentions overlapping the run can block it
    if any(m.start < end and new < m.end for m in others):
        return None
    return None if country_mentions(text[new:end]) else new


def _post_like(m: OrgMention) -> bool:
    """An 'organisation' outside the register that starts with a post ("Chief Prosecutor of the
    ... District Maren Holt"): a role and a name, read as such here."""
    first = m.text.split(maxsplit=1)[0] if m.text.strip() else ""
    return m.key is None and _is_role_word(first)


_INDEXES: dict[int, SpanIndex[OrgMention]] = {}


def _span_index(mentions: list[OrgMention]) -> SpanIndex[OrgMention]:
    """The index of one (unchanged) mentions list, built once; the last few lists are kept."""
    index = _INDEXES.get(id(mentions))
    if index is None or index.items is not mentions or len(index.starts) != len(mentions):
        if len(_INDEXES) >= 4:
            _INDEXES.clear()
        index = _INDEXES[id(mentions)] = SpanIndex(mentions, lambda m: (m.start, m.end))
    return index


def _spans_blocked(text: str, start: int, end: int, mentions: list[OrgMention]) -> bool:
    """True when the 'name' is an organisation or a country ('Bosnia and Herzegovina')."""
    if _span_index(mentions).overlaps(start, end):
        return True
    return bool(country_mentions(text[start:end]))


def find_persons(text: str, register: Register) -> list[Person]:
    """Persons named with a role, a speech verb or an honorific, de-duplicated by name.

    The name is written without honorifics; the role is kept as written and mapped to the
    organisation of its register post, or to the organisation it names.
    """
    mentions = [m for m in organisation_mentions(text, register) if not _post_like(m)]
    found: list[_Found] = []
    last: tuple[int, str | None, str | None] | None = None  # the person read last: end, role
    source = text
    text = _EMPHASIS.sub(lambda m: " " * len(m.group(0)), text)  # same offsets, no emphasis marks
    for m in _RUN.finditer(text):
        prefix, name = _split_run(m.group(0))
        if not name:
            continue
        ns = m.start() + len(prefix)
        ne = ns + len(name)
        russian = _russian_name(name) if name[:1] >= "А" else None
        if russian is not None:  # the name from its first name on, in the nominative
            cut, name = russian
            prefix += m.group(0)[len(prefix) : len(prefix) + cut]
            ns += cut  # ne stays the end of the name as written
        elif name[:1] >= "А" and all(_common_word(w) for w in name.split()):
            continue  # "Решения ... Совета": words of the dictionary, no name
        if _spans_blocked(text, ns, ne, mentions):
            tail_at = _unblocked_tail(text, ns, ne, mentions)
            if tail_at is None:
                continue
            prefix += text[ns:tail_at]
            name = text[tail_at:ne]
            ns = tail_at
        before = text[max(0, ns - 60) : ns]
        joined = _POST_OF.search(before)
        if (
            joined
            and _is_role_word(joined.group(1))
            and not prefix.strip()
            and _shifted_clause_led(text, ns, ne) is None
        ):
            continue  # "the Minister of Foreign Affairs": what a post is of is no person
        honorific = _HONORIFIC_RUN.search(prefix) or (
            None if prefix.strip() else _HONORIFIC_RUN.search(before)
        )
        after = _role_after(text, ne, mentions)
        role_start, role_end = ns, ne
        role: str | None = None
        if after is None and (post := _POST_AFTER.match(text, ne)) is not None:
            after = post.group("post"), post.start("post"), post.end("post")
        if after is None:
            after = _post_after_verb(text, ne)
        if name.split()[-1].casefold() in _WEAK and not (after or honorific):
            continue  # "in early May": a month, not the end of a name
        if after:
            role, role_start, role_end = after
        elif (pre := _role_before(prefix)) is not None:
            role = pre
            role_start = m.start() + prefix.index(pre)
            role_end = role_start + len(pre)
        elif apposition := (
            _role_apposition(text, prefix, ns, ne)
            or _russian_post(text, name, ns)
            or _loose_apposition(text, prefix, ns, ne)
        ):
            role, role_start, role_end = apposition
        elif not prefix.strip() and (noun := _role_noun_before(text, ns)) is not None:
            role, role_start, role_end = noun  # "experts Ryszard Piotrowicz", "la juge Anne X"
        elif honorific:
            title = honorific.group(0).split()[-1]
            role = title if _HONORIFICS.get(title) else None
        elif clause := _role_clause_led(text, ns, ne):
            role, role_start, role_end = clause  # "OSCE Secretary General Helga Maria Schmid;"
        elif (shifted := _shifted_clause_led(text, ns, ne)) is not None:
            (role, role_start, role_end), ns = shifted  # "Chief of the Capital District Maren Holt"
            name = text[ns:ne]
        elif last is not None and _AND_BETWEEN.fullmatch(text, last[0], ns):
            role, role_start, role_end = last[1], ns, ne  # "experts A and B", "A et B, juges"
        elif not (prefix.strip() == "" and _SPEECH.search(before)) and not russian:
            continue  # a capitalised pair without a role, title or speech verb: not a person
        start, end = min(ns, role_start), max(ne, role_end)
        org = _organisation(role, role_start, role_end, mentions, register)
        found.append(_Found(name, role, org, start, end))
        shared = role if role_end <= ns else None  # "experts A and B": B is an expert too
        last = (ne, shared, org)
    found += _table_rows(text, mentions, register)
    found += _surnames_after_honorific(text, mentions, register, found)
    found += _russian_initials(text, mentions, found)
    found += _surname_initials(text, mentions, found)
    return _dedup(source, found)


_RU_INITIALS = re.compile(
    r"(?<![\w.])(?P<initials>[А-ЯЁ]\.[ \t]?(?:[А-ЯЁ]\.[ \t]?)?)(?P<surname>[А-ЯЁ][а-яё]{2,30})(?![\w-]|\.\w)"
)


_RU_SURNAME_INITIALS = re.compile(
    r"(?<![\w.-])(?P<surname>[А-ЯЁ][а-яё]{2,30})[ \t]+(?P<initials>[А-ЯЁ]\.[ \t]?[А-ЯЁ]\.)(?!\w)"
)


def _surname_initials(text: str, mentions: list[OrgMention], found: list[_Found]) -> list[_Found]:
    """'Багалин В.А.', 'Юкина И. И.': a surname, then two initials, as Russian lists write
    speakers; the word must not be a common word of the dictionary ('Совета И.М.' is not)."""
    taken = [(f.start, f.end) for f in found]
    out: list[_Found] = []
    for m in _RU_SURNAME_INITIALS.finditer(text):
        word = m.group("surname")
        parses = _parses(word)
        if any(
            p.is_known and not ({"Name", "Surn", "Patr"} & set(p.tag.grammemes)) for p in parses
        ):
            continue
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if _spans_blocked(text, m.start(), m.end(), mentions):
            continue
        initials = re.sub(r"\.[ \t]*", ". ", m.group("initials")).strip()
        out.append(_Found(f"{word} {initials}", None, None, m.start(), m.end()))
    return out


def _russian_initials(text: str, mentions: list[OrgMention], found: list[_Found]) -> list[_Found]:
    """'И.О. Фамилия' and 'С.Лебедева': initials and a surname (in the nominative), unless the
    same surname was read with the full first name ('Сергей Лебедев')."""
    if not _RU_INITIALS.search(text):
        return []
    surnames = {_lemma(f.name.split()[-1]) for f in found if f.name[:1] >= "А"}
    out: list[_Found] = []
    for m in _RU_INITIALS.finditer(text):
        written = m.group("surname")
        surns = [p for p in _parses(written) if "Surn" in p.tag]
        # a form that can be the nominative is kept as written ('Иванова': she, not his genitive)
        parse = next((p for p in surns if p.tag.case == "nomn"), surns[0] if surns else None)
        if parse is None and not written.lower().endswith(_RU_SURNAME_END):
            continue
        surname = _nominative(parse, written) if parse is not None else written
        lemma = parse.normal_form if parse is not None else written.casefold()
        if lemma in surnames or _spans_blocked(text, m.start(), m.end(), mentions):
            continue
        initials = re.sub(r"\.[ \t]*", ". ", m.group("initials")).strip()
        out.append(_Found(f"{initials} {surname}", None, None, m.start(), m.end()))
        surnames.add(lemma)
    return out


def _lemma(word: str) -> str:
    """The dictionary form of a Cyrillic surname ('Лебедева' -> 'лебедев'), else the word."""
    surn = next((p for p in _parses(word) if "Surn" in p.tag), None)
    return str(surn.normal_form) if surn is not None else word.casefold()


_SURNAME_AFTER_HONORIFIC = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(h) for h in sorted(_HONORIFICS, key=len, reverse=True))
    + rf")[ \t]+(?P<name>[{_UPPER}][\w'’-]+)(?![\w'’-]|[ \t]+[{_UPPER}]|\.[{_UPPER}])"
)


def _surnames_after_honorific(
    text: str, mentions: list[OrgMention], register: Register, found: list[_Found]
) -> list[_Found]:
    """A surname alone after an honorific ('Mme Haddadin, Conseillère ...', 'Mr Walter'),
    where no run of two names was read."""
    taken = [(f.start, f.end) for f in found]
    out: list[_Found] = []
    for m in _SURNAME_AFTER_HONORIFIC.finditer(text):
        ns, ne = m.span("name")
        word = m.group("name")
        if not _name_token_ok(word, True) or _is_role_word(word) or len(word) < 3:
            continue
        if any(s < ne and ns < e for s, e in taken) or _spans_blocked(text, ns, ne, mentions):
            continue
        after = _role_after(text, ne, mentions)
        role, rs, re_ = after if after else (None, ns, ne)
        org = _organisation(role, rs, re_, mentions, register)
        out.append(_Found(word, role, org, min(ns, rs), max(ne, re_)))
    return out


_ROW = re.compile(r"(?m)^[ \t]*\|.*\|[ \t]*$|^[^\t\n]*\t.*$")
_NAME_CELL = re.compile(rf"{_TOKEN}(?:[ \t]+(?:{_PARTICLES}[ \t]+)?{_TOKEN}){{1,3}}")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a table row, as spans without padding: a Markdown pipe row or the
    tab-separated row DOCX and HTML tables are read as."""
    sep = "|" if text[start:end].lstrip().startswith("|") else "\t"
    out: list[tuple[int, int]] = []
    pos = start
    for part in text[start:end].split(sep):
        s, e = pos, pos + len(part)
        pos = e + 1
        while s < e and text[s] in " \t":
            s += 1
        while e > s and text[e - 1] in " \t":
            e -= 1
        out.append((s, e))
    return out


def _table_rows(text: str, mentions: list[OrgMention], register: Register) -> list[_Found]:
    """Persons in a table row: a cell that is only a name, followed by a role or organisation
    cell ("| Amra Hadžić | State Co-ordinator ... |"). Role words ("Senior Adviser") are no name."""
    out: list[_Found] = []
    for row in _ROW.finditer(text):
        for (ns, ne), (rs, re_) in pairwise(_cells(text, row.start(), row.end())):
            name, role = text[ns:ne], text[rs:re_]
            if not _NAME_CELL.fullmatch(name) or not role or not role[:1].isalpha():
                continue
            if any(_is_role_word(w) or w.casefold() in _NOT_NAME for w in name.split()):
                continue
            if _spans_blocked(text, ns, ne, mentions):
                continue
            if not (_has_role_word(role) or any(rs <= m.start and m.end <= re_ for m in mentions)):
                continue  # "| Welcome Remarks | Opening |": no role, no organisation
            org = _organisation(role, rs, re_, mentions, register)
            out.append(_Found(name, role, org, ns, re_))
    return out


def _dedup(text: str, found: list[_Found]) -> list[Person]:
    """One person per name: the first occurrence with a role, else the first occurrence; a name
    whose words are all in a longer name found ('Mendes Bota', 'José Mendes Bota') is that one."""
    words = {f.name.casefold(): frozenset(re.findall(r"\w+", f.name.casefold())) for f in found}
    having: dict[str, list[str]] = {}
    for key, ws in words.items():
        for w in ws:
            having.setdefault(w, []).append(key)
    longer: dict[str, str | None] = {}
    for key, ws in words.items():
        first = min(ws, key=lambda w: len(having[w]), default=None)
        candidates = having.get(first, []) if first is not None else []
        longer[key] = next((k for k in candidates[:50] if ws < words[k]), None)
    by_name: dict[str, _Found] = {}
    for f in found:
        key = f.name.casefold()
        nxt = longer.get(key)
        while nxt is not None and nxt != key:
            key = nxt
            f = _Found(next(g.name for g in found if g.name.casefold() == key), f.role,
                       f.organisation, f.start, f.end)  # fmt: skip
            nxt = longer.get(key)
        if key not in by_name or (by_name[key].role is None and f.role is not None):
            by_name[key] = f
    order = sorted(by_name.values(), key=lambda f: min(x.start for x in found if x.name == f.name))
    return [
        Person(
            _written_name(f.name), f.role, f.organisation,
            Evidence(text[f.start : f.end], f.start, f.end),
        )
        for f in order
    ]  # fmt: skip


_LOOKALIKES = str.maketrans(_WORDS["lookalikes"])


def _written_name(name: str) -> str:
    """A name as people write it in prose: a surname in capitals in title case ('Jean DUPONT' ->
    'Jean Dupont', 'BİLGEHAN' -> 'Bilgehan'; 'McBEAN' kept), look-alike letters of another
    script inside a Latin word made Latin ('Gyӧrgy' -> 'György')."""
    out: list[str] = []
    for word in name.split(" "):
        latin = sum(c.isascii() and c.isalpha() for c in word)
        if latin and latin * 2 >= sum(c.isalpha() for c in word):
            word = word.translate(_LOOKALIKES)
        letters = [c for c in word if c.isalpha()]
        if out and _caps(word) and re.fullmatch(_PARTICLES, word, re.I):
            word = word.lower()  # 'Arnold DE FINE SKIBSTED' -> 'Arnold de Fine Skibsted'
        elif len(letters) >= 3 and all(c.isupper() for c in letters):
            word = "-".join(p[:1] + p[1:].replace("İ", "I").lower() for p in word.split("-"))
        out.append(word)
    return " ".join(out)
