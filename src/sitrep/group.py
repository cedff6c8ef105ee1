"""Assemble the report: items per section, the same event merged across outlets,
key takeaways, and the source list.

Two statements from different articles are the same event when they are in the same
section, report the same figure (value, unit, what it counts) and name at least one common
place or actor. The first report is kept as the item; the others are shown as "also reported".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sitrep.english import english_line
from sitrep.model import (
    SECTION_ORDER,
    Analysed,
    Article,
    BriefConfig,
    Item,
    Report,
    Section,
    SectionName,
    Source,
)
from sitrep.normalize import normalize

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
            merged[target] = Item(
                kept.section, kept.english, kept.primary, (*kept.also, item.primary), kept.score + 1
            )
    return merged


def same_event(a: Item, b: Item) -> bool:
    first, second = a.primary, b.primary
    if a.section != b.section or first.sentence.article == second.sentence.article:
        return False
    if normalize(first.sentence.text) == normalize(second.sentence.text):
        return True
    figures = {(f.value, f.unit, f.counts) for f in first.facts.figures}
    if not figures & {(f.value, f.unit, f.counts) for f in second.facts.figures}:
        return False
    names = {e.en for e in first.facts.entities}
    return bool(names & {e.en for e in second.facts.entities})


def takeaways(sections: Sequence[Section]) -> tuple[Item, ...]:
    """The most informative items of Diplomacy and Battlefield, in section order."""
    chosen: list[Item] = []
    for section in sections:
        if section.name == "other":
            continue
        ranked = sorted(section.items, key=lambda i: -i.score)[:_TAKEAWAYS_PER_SECTION]
        chosen.extend(i for i in ranked if i.score > 0)
    return tuple(chosen[:_MAX_TAKEAWAYS])


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
