"""Assemble the report: items per section, the same event merged across outlets,
key takeaways, and the source list.

Two statements from different articles are the same event when they are in the same
section, name at least one common place or actor, and either report the same event figure
(value, unit, what it counts: casualties, distances, strikes — not standing facts such as
"four zones") or report differing casualty figures of the same kind on the same date.
The first report is kept as the item; the others are shown as "also reported", and differing
figures become a range, conservative figure first (ACLED's rule).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from sitrep.knowledge.resources import gazetteer
from sitrep.model import (
    CASUALTY_OUTCOMES,
    SECTION_ORDER,
    Analysed,
    Article,
    BriefConfig,
    Figure,
    GlossaryEntry,
    Item,
    Report,
    Section,
    SectionName,
    Source,
)
from sitrep.reading.normalize import normalize
from sitrep.report.english import english_line, figures_across

SECTION_TITLES: dict[SectionName, tuple[str, str]] = {
    "diplomacy": ("Diplomacy", "الدبلوماسية"),
    "battlefield": ("Battlefield", "الميدان"),
    "other": ("Other", "أخرى"),
}
_MAX_TAKEAWAYS = 5
_TAKEAWAYS_PER_SECTION = 3


def build_report(
    brief: BriefConfig,
    articles: Sequence[Article],
    analysed: Sequence[Analysed],
    generated: dt.date,
) -> Report:
    items = merge_events([make_item(a) for a in analysed])
    sections = tuple(
        Section(name, *SECTION_TITLES[name], tuple(i for i in items if i.section == name))
        for name in SECTION_ORDER
    )
    outlets = tuple(sorted({a.outlet for a in articles if a.outlet}))
    return Report(
        brief=brief,
        generated=generated,
        sections=sections,
        takeaways=takeaways(sections),
        key_figures=key_figures(items),
        glossary=glossary(analysed),
        sources=tuple(_source(article, analysed) for article in articles),
        outlets=outlets,
        unknown_outlets=sum(1 for a in articles if not a.outlet),
    )


def make_item(analysed: Analysed) -> Item:
    facts = analysed.facts
    score = (
        len(facts.entities)
        + 2 * len(facts.figures)
        + len(facts.dates)
        + (1 if analysed.source else 0)
    )
    return Item(
        section=analysed.classification.section,
        english=english_line(facts, analysed.classification, analysed.source),
        primary=analysed,
        score=score,
    )


def merge_events(items: Sequence[Item]) -> list[Item]:
    """Fold each item into an earlier one from another article that reports the same event."""
    merged: list[Item] = []
    for item in items:
        target = next((i for i, kept in enumerate(merged) if same_event(kept, item)), None)
        if target is None:
            merged.append(item)
        else:
            kept = merged[target]
            reports = (*kept.also, item.primary)
            figures = figures_across([r.facts.figures for r in (kept.primary, *reports)])
            english = replace(kept.english, figures=figures)
            merged[target] = Item(kept.section, english, kept.primary, reports, kept.score + 1)
    return merged


def same_event(a: Item, b: Item) -> bool:
    first, second = a.primary, b.primary
    if a.section != b.section or first.sentence.article == second.sentence.article:
        return False
    if _on_different_days(first, second):
        return False  # «14 قتيلا … الأحد» on two different Sundays: two events
    if normalize(first.sentence.text) == normalize(second.sentence.text):
        return True
    names = {e.en for e in first.facts.entities}
    if not names & {e.en for e in second.facts.entities}:
        return False
    figures = {_key(f) for f in first.facts.figures if _is_event_figure(f)}
    if figures & {_key(f) for f in second.facts.figures}:
        return True
    return _differing_casualties_same_day(first, second)


# Counts that describe one event (a number killed, a distance advanced), unlike standing facts
# such as "four de-escalation zones" that many different events mention; running totals
# (since 2011) are standing facts too.
_EVENT_COUNTS = frozenset(
    {"fighters", "people", "civilians", "distance", "strikes", "targets", "weapons"}
)


def _key(figure: Figure) -> tuple[float, str, str]:
    return (figure.value, figure.unit, figure.outcome)


def _is_event_figure(figure: Figure) -> bool:
    if figure.cumulative or figure.vague:
        return False
    return figure.outcome != "none" or figure.counts in _EVENT_COUNTS


def _days(analysed: Analysed) -> set[dt.date]:
    return {d.value for d in analysed.facts.dates if d.value and d.precision == "day"}


def _on_different_days(first: Analysed, second: Analysed) -> bool:
    """Both statements are dated to the day, and no day is common to both."""
    days, others = _days(first), _days(second)
    return bool(days and others and not days & others)


def _differing_casualties_same_day(first: Analysed, second: Analysed) -> bool:
    kinds = {
        (f.unit, f.outcome)
        for f in first.facts.figures
        if f.outcome in CASUALTY_OUTCOMES and not f.cumulative
    }
    if not kinds & {(f.unit, f.outcome) for f in second.facts.figures if not f.cumulative}:
        return False
    return bool(_days(first) & _days(second))


def takeaways(sections: Sequence[Section]) -> tuple[Item, ...]:
    """The most informative items of Diplomacy and Battlefield, in section order."""
    chosen: list[Item] = []
    for section in sections:
        if section.name == "other":
            continue
        ranked = sorted(section.items, key=lambda i: -i.score)[:_TAKEAWAYS_PER_SECTION]
        chosen.extend(i for i in ranked if i.score > 0)
    return tuple(chosen[:_MAX_TAKEAWAYS])


# A Key figures row: an event figure, or a count of places, delegates or zones.
_KEY_COUNTS = _EVENT_COUNTS | {"places", "delegates", "zones"}
_TYPE_ORDER = ("person", "group", "state", "un", "aid", "org", "place")


def _is_key_figure(figure: Figure) -> bool:
    return figure.outcome != "none" or figure.counts in _KEY_COUNTS


def key_figures(items: Sequence[Item]) -> tuple[Item, ...]:
    """Items that carry a figure worth a briefing's Key figures box, in report order; an item
    whose figures were all shown by an earlier one (the same "6 wounded" restated in four
    sentences) is not listed again."""
    shown: set[tuple[float, str]] = set()
    chosen = []
    for name in SECTION_ORDER:
        for item in items:
            if item.section != name:
                continue
            keys = {
                _shown_as(f) for a in (item.primary, *item.also) for f in a.facts.figures
                if _is_key_figure(f)
            }
            if keys - shown:
                chosen.append(item)
                shown |= keys
    return tuple(chosen)


def _shown_as(figure: Figure) -> tuple[float, str]:
    """A casualty figure is the same in the box whoever it counts («ستة مصابين», «ستة مدنيين»
    treated); other figures by their unit."""
    return (figure.value, figure.outcome if figure.outcome != "none" else figure.unit)


def glossary(analysed: Sequence[Analysed]) -> tuple[GlossaryEntry, ...]:
    """Every entity mentioned, with the Arabic forms seen, grouped by type."""
    seen: dict[str, tuple[str, str, dict[str, None], int]] = {}
    for item in analysed:
        for entity in item.facts.entities:
            kind, role, forms, count = seen.get(entity.en, (entity.type, entity.role, {}, 0))
            forms[_without_clitics(entity.text)] = None
            seen[entity.en] = (kind, role, forms, count + 1)
    entries = [
        GlossaryEntry(en, kind, role, tuple(forms), count)
        for en, (kind, role, forms, count) in seen.items()
    ]
    return tuple(sorted(entries, key=lambda e: (_TYPE_ORDER.index(e.type), e.en.lower())))


def _without_clitics(surface: str) -> str:
    """و/ب/ل/ف/ك and لـ attached to a name are grammar, not spelling: «ودمشق» → «دمشق»."""
    words = surface.split()
    first = words[0]
    for prefix in ("وب", "ول", "وك", "و", "ب", "ل", "ف", "ك"):
        rest = first[len(prefix) :].lstrip("ـ")
        if first.startswith(prefix) and len(rest) >= 3 and normalize(rest) in _name_first_words():
            return " ".join([rest, *words[1:]])
        if (
            first.startswith(prefix)
            and rest.startswith("ل")
            and normalize("ا" + rest) in _name_first_words()
        ):
            return " ".join(["ا" + rest, *words[1:]])  # للرقة → الرقة
    return surface


@cache
def _name_first_words() -> frozenset[str]:
    return frozenset(normalize(v).split()[0] for e in gazetteer() for v in e.variants)


def _source(article: Article, analysed: Sequence[Analysed]) -> Source:
    return Source(
        ref=article.ref,
        file=article.path.name,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        url=article.url,
        dateline=article.dateline,
        sentences=sum(1 for a in analysed if a.sentence.article == article.ref),
        removed=len(article.removed),
    )
