"""Frozen dataclasses passed between the pipeline stages.

Article → Sentence → ClassifiedSentence → Item → Section → Report.
Every stage takes explicit values and returns new ones; nothing is mutated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

SectionName = Literal["diplomacy", "battlefield", "other"]
SECTION_ORDER: tuple[SectionName, ...] = ("diplomacy", "battlefield", "other")

# What happened to the people a figure counts (``none`` for counts of things, money, percent).
Outcome = Literal[
    "killed", "wounded", "casualties", "displaced", "refugees", "detained", "released",
    "missing", "evacuated", "returned", "besieged", "in-need", "none",
]
OUTCOMES: frozenset[str] = frozenset(Outcome.__args__)  # type: ignore[attr-defined]
CASUALTY_OUTCOMES: frozenset[str] = frozenset({"killed", "wounded", "casualties"})
# How precisely a date is known; ``recurring`` is a yearly day (an anniversary); ``relative``
# and ``weekday`` are left unresolved (no publication date).
DatePrecision = Literal["day", "week", "month", "year", "recurring", "relative", "weekday"]


@dataclass(frozen=True)
class GazetteerEntry:
    """A person, group, state or place with its Arabic spellings (``data/gazetteer.csv`` or a
    brief's own ``gazetteer.csv``)."""

    type: str
    en: str
    variants: tuple[str, ...]
    role: str
    governorate: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Span:
    """Half-open character range ``[start, end)`` in an article's text."""

    start: int
    end: int


@dataclass(frozen=True)
class RemovedLine:
    """A line taken out of the body, kept with the reason so nothing is silently lost."""

    text: str
    reason: str
    line: int


@dataclass(frozen=True)
class Block:
    """A body paragraph and where it starts in the article text."""

    text: str
    start: int


@dataclass(frozen=True)
class Article:
    """One parsed article: metadata separated from body, debris removed."""

    ref: str
    path: Path
    text: str
    title: str | None
    subtitles: tuple[str, ...]
    captions: tuple[str, ...]
    dateline: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    blocks: tuple[Block, ...]
    removed: tuple[RemovedLine, ...]


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article body with its provenance."""

    article: str
    index: int
    text: str
    span: Span


@dataclass(frozen=True)
class Classification:
    """Which section a sentence belongs to, why, and the English glosses of its cues."""

    section: SectionName
    reasons: tuple[str, ...]
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    text: str
    type: str
    en: str
    role: str = ""


@dataclass(frozen=True)
class Figure:
    """A number in a sentence: what it counts, and what happened to them.

    ``cumulative`` marks a running total (since a date or the start of the war), kept apart
    from the toll of one event; ``vague`` marks «عشرات»-style amounts (its order of magnitude).
    """

    value: float
    unit: str
    counts: str
    text: str
    qualifier: str = ""
    outcome: Outcome = "none"
    vague: bool = False
    cumulative: bool = False


@dataclass(frozen=True)
class DateMention:
    """A date expression. ``value`` is the first day of what it names (``None`` when relative
    with no publication date, or a yearly day); ``note`` flags a resolved date after the
    article's publication in a sentence that does not speak of the future."""

    text: str
    en: str
    value: dt.date | None = None
    precision: DatePrecision = "relative"
    note: str = ""


@dataclass(frozen=True)
class Quote:
    """Words in «…» or "…" and who said them, when that can be told."""

    text: str
    speaker: Entity | None


@dataclass(frozen=True)
class Facts:
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class Analysed:
    """A sentence with its classification, extracted facts and attributed source."""

    sentence: Sentence
    classification: Classification
    facts: Facts
    source: Entity | None = None


@dataclass(frozen=True)
class EnglishLine:
    """The parts of an item's English line, each built from extracted facts."""

    where: str
    who: str
    what: str
    figures: str
    when: str
    source: str
    quotes: str = ""

    @property
    def text(self) -> str:
        parts = [self.where, self.who, self.what, self.figures, self.when, self.quotes]
        body = " · ".join(p for p in parts if p)
        if self.source:
            body = f"{body} · per {self.source}" if body else f"per {self.source}"
        return body or "(no entities, figures or dates recognised)"


@dataclass(frozen=True)
class Item:
    """One report line: an English rendering beside the Arabic original, with provenance.

    ``also`` holds the same event as reported by other articles (merged across outlets).
    """

    section: SectionName
    english: EnglishLine
    primary: Analysed
    also: tuple[Analysed, ...] = ()
    score: int = 0
    machine: str = ""  # a machine translation, only with ``build --translate``

    @property
    def refs(self) -> tuple[str, ...]:
        return tuple(f"{a.sentence.article}·{a.sentence.index}" for a in (self.primary, *self.also))


@dataclass(frozen=True)
class Section:
    name: SectionName
    title_en: str
    title_ar: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Source:
    ref: str
    file: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    dateline: str | None
    sentences: int
    removed: int


@dataclass(frozen=True)
class GlossaryEntry:
    """A person, group or place of the report: its English name and the Arabic forms seen."""

    en: str
    type: str
    role: str
    arabic: tuple[str, ...]
    mentions: int


@dataclass(frozen=True)
class Report:
    brief: BriefConfig
    generated: dt.date
    sections: tuple[Section, ...]
    takeaways: tuple[Item, ...]
    sources: tuple[Source, ...]
    outlets: tuple[str, ...]
    unknown_outlets: int
    key_figures: tuple[Item, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class BriefConfig:
    """The validated contents of a brief's ``brief.toml``."""

    name: str
    root: Path
    title_en: str
    title_ar: str
    period_start: dt.date
    period_end: dt.date
    handling: str
    organisation: str
    lexicon: tuple[tuple[SectionName, str, float, str], ...] = ()
    stem_model: bool = True  # let the section model decide (rules alone if False)
    leave_out_of_period: bool = False  # leave out articles published outside the period
    gazetteer: tuple[GazetteerEntry, ...] = ()  # rows of the brief's own gazetteer.csv
