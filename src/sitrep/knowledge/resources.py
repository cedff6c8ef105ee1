"""Load the versioned data files under ``sitrep/data`` (lexicons, gazetteer, tables).

Each loader returns plain frozen values and is cached: the files never change at run time.
"""

from __future__ import annotations

import csv
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from sitrep.model import GazetteerEntry
from sitrep.reading.normalize import Vocabulary, normalize, without_article


def _data_text(name: str) -> str:
    return files("sitrep").joinpath("data", name).read_text(encoding="utf-8")


def load_toml(name: str) -> dict[str, Any]:
    return tomllib.loads(_data_text(name))


def load_csv(name: str) -> list[dict[str, str]]:
    lines = [line for line in _data_text(name).splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


GAZETTEER_COLUMNS = ("type", "en", "ar", "role", "governorate", "lat", "lon")
ENTITY_TYPES = frozenset({"state", "un", "aid", "group", "org", "person", "place"})


def gazetteer_entry(row: dict[str, str]) -> GazetteerEntry:
    """One gazetteer row; raises ValueError with the reason when it is not valid."""
    if row.get("type") not in ENTITY_TYPES:
        raise ValueError(
            f"type {row.get('type')!r} is not one of {', '.join(sorted(ENTITY_TYPES))}"
        )
    variants = tuple(v.strip() for v in (row.get("ar") or "").split("|") if v.strip())
    if not (row.get("en") or "").strip() or not variants:
        raise ValueError("'en' and 'ar' (Arabic spellings separated by |) are required")
    try:
        lat = float(row["lat"]) if row.get("lat") else None
        lon = float(row["lon"]) if row.get("lon") else None
    except ValueError as exc:
        raise ValueError("'lat' and 'lon' must be numbers") from exc
    return GazetteerEntry(
        row["type"],
        row["en"].strip(),
        variants,
        row.get("role") or "",
        row.get("governorate") or "",
        lat,
        lon,
    )


@cache
def gazetteer() -> tuple[GazetteerEntry, ...]:
    return tuple(gazetteer_entry(row) for row in load_csv("gazetteer.csv"))


@cache
def vocabulary() -> Vocabulary:
    """Names used to split run-together words: every gazetteer variant."""
    return Vocabulary.from_names(v for entry in gazetteer() for v in entry.variants)


@cache
def article_vocabulary() -> dict[str, Any]:
    return load_toml("article.toml")


@cache
def markers() -> dict[str, Any]:
    return load_toml("markers.toml")


PAST_SUFFIXES = ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم")
PRESENT_PREFIXES = ("ي", "ت", "ن", "أ")
PRESENT_SUFFIXES = ("", "ون", "ان", "ن", "ين", "وا")


@cache
def lexicon_rows(generated: bool = True) -> tuple[tuple[str, str, float, str], ...]:
    """The terms of ``lexicon.csv`` and (when ``generated``) every conjugated form of
    ``verbs.csv``; a term listed in ``lexicon.csv`` keeps its own weight."""
    rows = [
        (row["section"], row["term"], float(row["weight"]), row["en"])
        for row in load_csv("lexicon.csv")
    ]
    if not generated:
        return tuple(rows)
    listed = {without_article(normalize(row[1])) for row in rows}
    for row in load_csv("verbs.csv"):
        for form in verb_forms(row["past"], row["present"], row["except"]):
            if without_article(normalize(form)) not in listed:
                listed.add(without_article(normalize(form)))
                rows.append((row["section"], form, float(row["weight"]), row["en"]))
    return tuple(rows)


@cache
def verb_form_set() -> frozenset[str]:
    """Every conjugated form generated from ``verbs.csv``."""
    return frozenset(
        form
        for row in load_csv("verbs.csv")
        for form in verb_forms(row["past"], row["present"], row["except"])
    )


def verb_forms(past: str, present: str, excluded: str = "") -> tuple[str, ...]:
    """The conjugated forms of a verb from its past stems and its present stems (with ي),
    without the ``excluded`` forms: ``verb_forms("قصف", "يقصف")`` gives قصف قصفت قصفوا …
    يقصف تقصف يقصفون سيقصف …"""
    forms = [stem + suffix for stem in past.split() for suffix in PAST_SUFFIXES]
    for stem in (word[1:] for word in present.split()):
        for prefix in PRESENT_PREFIXES:
            for suffix in PRESENT_SUFFIXES:
                forms += [prefix + stem + suffix, "س" + prefix + stem + suffix]
    return tuple(form for form in dict.fromkeys(forms) if form not in excluded.split())


@cache
def actor_cues() -> dict[str, Any]:
    return load_toml("actors.toml")


@cache
def figure_tables() -> dict[str, Any]:
    return load_toml("figures.toml")


@cache
def date_tables() -> dict[str, Any]:
    return load_toml("dates.toml")
