"""Extract who, where, how many and when from a sentence, each with its English form.

Entities come from the gazetteer (``data/gazetteer.csv``), figures from numbers and the
noun they count (``data/figures.toml``), dates from month and relative-date tables
(``data/dates.toml``), resolved against the article's publication date when it is known and
kept relative otherwise. Nothing is invented: every English word comes from a data table.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitrep.lexicon import TermIndex, gazetteer_index
from sitrep.model import DateMention, Entity, Facts, Figure
from sitrep.normalize import Token, normalize, tokenize
from sitrep.resources import date_tables, figure_tables, vocabulary

_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_ATTRIBUTION = (
    "قال",
    "قالت",
    "ذكر",
    "ذكرت",
    "افاد",
    "افادت",
    "اعلن",
    "اعلنت",
    "اكد",
    "اكدت",
    "بحسب",
    "حسب",
    "وفق",
    "نقلت",
    "نقل",
    "اوضح",
    "اوضحت",
    "صرح",
    "صرحت",
    "اشار",
)
_SOURCE_TYPES = frozenset({"person", "org", "group", "un", "aid", "state"})
_PEOPLE = frozenset({"fighters", "people", "civilians"})
_VAGUE_NUMBERS = frozenset(normalize(w) for w in ("عشرات", "مئات", "آلاف"))


@dataclass(frozen=True)
class Extracted:
    """Facts plus the attributed source of the statement, if one was found."""

    facts: Facts
    source: Entity | None


def extract(text: str, published: dt.date | None = None) -> Extracted:
    """All facts of one sentence."""
    tokens = tokenize(text, vocabulary())
    entities = find_entities(tokens, text)
    return Extracted(
        Facts(entities, find_figures(tokens, text), find_dates(tokens, text, published)),
        find_source(tokens, text),
    )


# --- entities -------------------------------------------------------------------------


def find_entities(tokens: tuple[Token, ...], text: str) -> tuple[Entity, ...]:
    found: dict[str, Entity] = {}
    for match in gazetteer_index().matches(tokens, text):
        entry = match.value
        found.setdefault(entry.en, Entity(match.surface, entry.type, entry.en, entry.role))
    return tuple(found.values())


def find_source(tokens: tuple[Token, ...], text: str) -> Entity | None:
    """The first gazetteer entity right after an attribution verb (قال، بحسب، نقلت …)."""
    for match in gazetteer_index().matches(tokens, text):
        entry = match.value
        if entry.type not in _SOURCE_TYPES:
            continue
        window = [normalize(t.norm) for t in tokens[max(0, match.first - 3) : match.first]]
        if any(word.lstrip("وف") in _ATTRIBUTION or word in _ATTRIBUTION for word in window):
            return Entity(match.surface, entry.type, entry.en, entry.role)
    return None


# --- figures --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    unit: str
    counts: str


@cache
def _figure_indexes() -> tuple[TermIndex[_Unit], TermIndex[float], TermIndex[str], dict[str, str]]:
    table = figure_tables()
    units = TermIndex((term, _Unit(**spec)) for term, spec in table["units"].items())
    numbers = TermIndex((term, float(v)) for term, v in table["numbers"].items())
    qualifiers = TermIndex(table["qualifiers"].items())
    outcomes = {normalize(k): v for k, v in table["outcomes"].items()}
    return units, numbers, qualifiers, outcomes


def find_figures(tokens: tuple[Token, ...], text: str) -> tuple[Figure, ...]:
    units, numbers, qualifiers, outcomes = _figure_indexes()
    outcome = _outcome(tokens, outcomes)
    word_numbers = {m.first: m for m in numbers.matches(tokens, text)}
    figures: list[Figure] = []
    for i in range(len(tokens)):
        value, last = _number_at(tokens, i, word_numbers)
        if value is None:
            continue
        unit_match = _unit_after(tokens, last + 1, text, units)
        if unit_match is None:
            continue
        unit, unit_last = unit_match
        qualifier, first = _qualifier_before(tokens, i, text, qualifiers, word_numbers.get(i))
        counts = outcome if outcome and unit.counts in _PEOPLE else unit.counts
        surface = text[tokens[first].start : tokens[unit_last].end]
        figures.append(Figure(value, unit.unit, counts, surface, qualifier))
    return tuple(figures)


def _number_at(tokens, i, word_numbers) -> tuple[float | None, int]:
    norm = tokens[i].norm
    if _NUMBER.match(norm):
        return float(norm.replace(",", ".")), i
    if i in word_numbers:
        return float(word_numbers[i].value), word_numbers[i].last
    return None, i


def _unit_after(tokens, start, text, units) -> tuple[_Unit, int] | None:
    for skip in (0, 1):  # "50 من عناصر": allow one "من"
        position = start + skip
        if position >= len(tokens) or (skip and tokens[start].norm != "من"):
            continue
        match = next(units.matches(tokens[position : position + 3], text), None)
        if match is not None and match.first == 0:
            return match.value, position + match.last
    return None


def _qualifier_before(tokens, i, text, qualifiers, word_match) -> tuple[str, int]:
    """The qualifier of the number at ``i`` (أكثر من، نحو …) and the token where it starts."""
    if word_match is not None and normalize(word_match.surface) in _VAGUE_NUMBERS:
        return next(qualifiers.matches(tokens[i : i + 1], text)).value, i
    start = max(0, i - 4)
    hits = list(qualifiers.matches(tokens[start:i], text))
    if hits and hits[-1].last == i - start - 1:
        return hits[-1].value, start + hits[-1].first
    return "", i


def _outcome(tokens: tuple[Token, ...], outcomes: dict[str, str]) -> str:
    for token in tokens:
        for form in (token.norm, token.norm.lstrip("و")):
            if form in outcomes:
                return outcomes[form]
    return ""


# --- dates ----------------------------------------------------------------------------


@cache
def _date_indexes() -> tuple[TermIndex[int], TermIndex[dict], TermIndex[str], TermIndex[str]]:
    table = date_tables()
    months = TermIndex(
        (name, number)
        for calendar_ in table["months"].values()
        for name, number in calendar_.items()
    )
    relative = TermIndex(table["relative"].items())
    weekdays = TermIndex(table["weekdays"].items())
    parts = TermIndex(table["month_parts"].items())
    return months, relative, weekdays, parts


_MONTH_CONTEXT_BEFORE = frozenset({"في", "شهر", "خلال", "منذ", "حتى", "مطلع", "منتصف", "نهايه"})
_MONTH_CONTEXT_AFTER = {"المقبل": 1, "القادم": 1, "الماضي": -1, "الحالي": 0, "الجاري": 0}


def find_dates(
    tokens: tuple[Token, ...], text: str, published: dt.date | None
) -> tuple[DateMention, ...]:
    months, relative, weekdays, parts = _date_indexes()
    mentions: list[DateMention] = []
    used: set[int] = set()
    for match in relative.matches(tokens, text):
        mentions.append(_relative_mention(match, tokens, text, weekdays, published))
        used.update(range(match.first, match.last + 2))
    for match in months.matches(tokens, text):
        mention = _month_mention(match, tokens, text, parts, published)
        if mention:
            mentions.append(mention)
            used.update(range(match.first - 3, match.last + 2))
    for match in weekdays.matches(tokens, text):
        if match.first not in used and _is_day_name(tokens, match.first):
            mentions.append(DateMention(match.surface, match.value, None, "weekday"))
    return tuple(mentions)


def _is_day_name(tokens: tuple[Token, ...], index: int) -> bool:
    """الأحد is Sunday, أحد is "one of": a weekday needs the article or a preceding يوم."""
    norm = tokens[index].norm
    after_day_word = index > 0 and tokens[index - 1].norm in ("يوم", "ويوم")
    return norm.startswith(("ال", "وال")) or after_day_word


def _relative_mention(match, tokens, text, weekdays, published) -> DateMention:
    spec: dict[str, Any] = match.value
    surface, en = match.surface, spec["en"]
    following = next(weekdays.matches(tokens[match.last + 1 : match.last + 2], text), None)
    if following is not None:
        surface = text[tokens[match.first].start : tokens[match.last + 1].end]
        en = f"{en} ({following.value})"
    if published is None:
        return DateMention(surface, en, None, "relative")
    if "months" in spec:
        value = _add_months(published.replace(day=1), spec["months"])
    else:
        value = published + dt.timedelta(days=spec["days"])
    precision = spec["precision"]
    return DateMention(surface, f"{en}, {_format(value, precision)}", value, precision)


def _month_mention(match, tokens, text, parts, published) -> DateMention | None:
    first, last = match.first, match.last
    days = _days_before(tokens, first)
    part = next(parts.matches(tokens[max(0, first - 1) : first], text), None)
    before = tokens[first - 1].norm if first else ""
    after = tokens[last + 1].norm if last + 1 < len(tokens) else ""
    year = int(after) if _YEAR.match(after) else None
    shift = _MONTH_CONTEXT_AFTER.get(after)
    if not (days or part or year or shift is not None or before in _MONTH_CONTEXT_BEFORE):
        return None  # a bare word that only looks like a month (مارس is also a verb)
    month_name = calendar.month_name[match.value]
    start = tokens[first - (days[1] if days else 0) - (1 if part else 0)].start
    end = tokens[last + (1 if year or shift is not None else 0)].end
    en = f"{days[0]} {month_name}" if days else month_name
    en = f"{part.value} {en}" if part else en
    if year is None and published is not None:
        year = _year_for(match.value, published, shift)
    value = None
    if year is not None:
        en = f"{en} {year}"
        day = int(days[0].split("–")[0]) if days else 1
        value = dt.date(year, match.value, min(day, calendar.monthrange(year, match.value)[1]))
    precision = "day" if days else "month"
    return DateMention(text[start:end], en, value, precision)


def _days_before(tokens, first) -> tuple[str, int] | None:
    """``12 و13 يونيو`` → ("12–13", 3); ``22 يونيو`` → ("22", 1)."""
    if first >= 1 and tokens[first - 1].norm.isdigit():
        day = tokens[first - 1].norm
        if first >= 3 and tokens[first - 3].norm.isdigit() and tokens[first - 2].norm == "و":
            return f"{tokens[first - 3].norm}–{day}", 3
        if tokens[first - 1].norm.startswith("و") and tokens[first - 1].norm[1:].isdigit():
            return day, 1
        return day, 1
    norm = tokens[first - 1].norm if first else ""
    joined = norm.startswith("و") and norm[1:].isdigit()
    if joined and first >= 2 and tokens[first - 2].norm.isdigit():
        return f"{tokens[first - 2].norm}–{norm[1:]}", 2
    return None


def _year_for(month: int, published: dt.date, shift: int | None) -> int:
    """The year of ``month`` as seen from ``published`` (next/last/this, else the nearest)."""
    if shift == 1:
        return published.year + (1 if month < published.month else 0)
    if shift == -1:
        return published.year - (1 if month > published.month else 0)
    if shift is None and month - published.month > 6:
        return published.year - 1
    if shift is None and published.month - month > 6:
        return published.year + 1
    return published.year


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _format(value: dt.date, precision: str) -> str:
    if precision == "month":
        return value.strftime("%B %Y")
    if precision == "week":
        return f"week of {value.isoformat()}"
    return value.isoformat()
