"""Generated texts for the extraction benchmarks: English, French and Russian prose of the genre
(meetings, names, dates, symbols) with pathological layouts mixed in (tables of contents with
leaders, very long lines, runs of `_ * . - | # [`, long stretches with no punctuation).

All text here is written for this project (no third-party text). `text(lang, size)` is
deterministic: the same language and size give the same string in every run.
"""

from __future__ import annotations

from thbgraph.graph.timeline import MONTHS_EN

LANGS = ("en", "fr", "ru")

_EN_NAMES = [
    "Valiant Richey",
    "Maria Grazia Giammarinaro",
    "Helga Konrad",
    "Petya Nestorova",
    "Tatiana Kotlyarenko",
    "John Smith",
    "Anna Petrova",
    "Sergei Ivanov",
]
_FR_NAMES = [
    "Mme Claire Dubois",
    "M. Jean-Pierre Martin",
    "Mme Sophie Lefèvre",
    "M. Olivier Bernard",
    "Mme Nathalie Moreau",
    "M. Luc Girard",
]
_RU_NAMES = [
    "Анна Петрова",
    "Сергей Иванов",
    "г-жа Мария Смирнова",
    "г-н Алексей Кузнецов",
    "Ольга Соколова",
    "Дмитрий Попов",
    "Елена Васильева",
    "Игорь Новиков",
]
_FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
_RU_MONTHS = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
_EN_CITIES = ["Vienna", "Warsaw", "Strasbourg", "Astana", "Bishkek", "Tirana", "Skopje"]
_FR_CITIES = ["Strasbourg", "Vienne", "Varsovie", "Paris", "Genève", "Bruxelles"]
_RU_CITIES = ["Душанбе", "Страсбурге", "Вене", "Бишкеке", "Ташкенте", "Москве", "Алматы"]


def _en(n: int) -> str:
    name, other = _EN_NAMES[n % len(_EN_NAMES)], _EN_NAMES[(n + 3) % len(_EN_NAMES)]
    month, city, year = MONTHS_EN[n % 12], _EN_CITIES[n % len(_EN_CITIES)], 2000 + n % 24
    day = 1 + n % 27
    return (
        f"The {n % 50 + 1}th meeting of GRETA was held at the Palais de l'Europe in {city} on "
        f"{day}-{day + 1} {month} {year}. The OSCE Special Representative and Co-ordinator for "
        f"Combating Trafficking in Human Beings {name} opened the meeting, recalling MC.DEC/6/18, "
        f"PC.DEC/557/Rev.1 and CM/Rec(2022)21. Ambassador {other} of the Permanent Mission of "
        f"Austria spoke on behalf of the Chairmanship. The Ministry of Interior of Kyrgyzstan and "
        f'the International Organization for Migration presented the report "Trafficking in '
        f'Human Beings for the Purpose of Labour Exploitation" (Vienna, {year}).\n'
        f"On {day} {month} {year} the Alliance against Trafficking in Persons adopted its "
        f"conclusions; see Doc. {12000 + n} and GRETA({year})13, paragraph {n % 40 + 1}. Under "
        f"the Council of Europe Convention on Action against Trafficking in Human Beings, Article "
        f"{n % 40 + 1}({n % 5 + 1}) of the Convention applies.\n"
    )


def _fr(n: int) -> str:
    name, other = _FR_NAMES[n % len(_FR_NAMES)], _FR_NAMES[(n + 2) % len(_FR_NAMES)]
    month, city, year = _FR_MONTHS[n % 12], _FR_CITIES[n % len(_FR_CITIES)], 2000 + n % 24
    day = 1 + n % 27
    return (
        f"La {n % 50 + 1}e réunion du Comité des Parties s'est tenue à {city} du {day} au "
        f"{day + 2} {month} {year}. {name}, Représentante spéciale et Coordinatrice pour la lutte "
        f"contre la traite des êtres humains, a ouvert la séance en rappelant la décision "
        f"MC.DEC/6/18 et la Recommandation CM/Rec(2022)21 du Comité des Ministres. {other}, "
        f"président du GRETA, a présenté le rapport « Lutte contre la traite aux fins "
        f"d'exploitation par le travail » publié en {year}.\n"
        f"Les {day} et {day + 1} {month} {year}, l'Assemblée parlementaire a adopté la Résolution "
        f"{2000 + n % 300} et la Recommandation {1500 + n % 300} (Doc. {13000 + n}).\n"
    )


def _ru(n: int) -> str:
    name, other = _RU_NAMES[n % len(_RU_NAMES)], _RU_NAMES[(n + 3) % len(_RU_NAMES)]
    month, city, year = _RU_MONTHS[n % 12], _RU_CITIES[n % len(_RU_CITIES)], 2000 + n % 24
    day = 1 + n % 27
    return (
        f"{day}-{day + 1} {month} {year} года в {city} состоялся семинар по противодействию "
        f"торговле людьми, организованный Программным офисом ОБСЕ в Душанбе совместно с "
        f"Министерством внутренних дел. Специальный представитель и координатор ОБСЕ по борьбе "
        f"с торговлей людьми {name} открыла семинар и напомнила о решении MC.DEC/6/18. "
        f"Выступил также {other}, эксперт Бюро по демократическим институтам и правам человека.\n"
        f"Участники круглого стола обсудили доклад «Торговля людьми в целях эксплуатации труда» "
        f"и национальные механизмы перенаправления жертв; заседание продолжилось {day + 2} "
        f"{month}.\n"
    )


_PROSE = {"en": _en, "fr": _fr, "ru": _ru}
_TOC_WORD = {"en": "Section", "fr": "Chapitre", "ru": "Раздел"}


def _toc(lang: str, n: int) -> str:
    word = _TOC_WORD[lang]
    lines = []
    for i in range(1, 9):
        leader = ("_" * 40, ". " * 20, "." * 40, "-" * 30, "…" * 15)[(n + i) % 5]
        lines.append(f"{i}. {word} {n}.{i} {leader} {i * 3 + n % 7}\n")
    return "".join(lines)


def _runs(n: int) -> str:
    return "Heading " + "".join(c * (20 + n % 30) + " " for c in "_*.-|#[") + "\n"


def _no_punct(lang: str, n: int) -> str:
    words = {
        "en": "the meeting of experts in Vienna heard Valiant Richey and the Ministry of Justice",
        "fr": "la réunion des experts à Strasbourg a entendu Mme Claire Dubois et le ministère",
        "ru": "совещание экспертов в Вене заслушало Анну Петрову и министерство юстиции",
    }[lang]
    return " ".join([words] * (4 + n % 6)) + "\n"


def _unit(lang: str, n: int) -> str:
    parts = [_PROSE[lang](n), _PROSE[lang](n + 1)]
    if n % 3 == 0:
        parts.append(_toc(lang, n))
    if n % 4 == 1:
        parts.append(_runs(n))
    if n % 5 == 2:
        parts.append(_no_punct(lang, n))
    return "".join(parts)


def _long_line(lang: str, size: int) -> str:
    """One line of `size` chars: prose with its newlines removed."""
    out: list[str] = []
    total, n = 0, 0
    while total < size:
        s = _PROSE[lang](n).replace("\n", " ")
        out.append(s)
        total += len(s)
        n += 1
    return "".join(out)[:size] + "\n"


def text(lang: str, size: int) -> str:
    """About `size` characters of generated `lang` text (en, fr, ru), pathological layouts mixed in."""
    out: list[str] = []
    total, n = 0, 0
    long_every = 200_000
    next_long = 50_000
    while total < size:
        if total >= next_long:
            chunk = _long_line(lang, min(20_000, size - total))
            next_long += long_every
        else:
            chunk = _unit(lang, n)
            n += 1
        out.append(chunk)
        total += len(chunk)
    return "".join(out)[:size]
