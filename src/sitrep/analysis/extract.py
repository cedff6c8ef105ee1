"""Extract who, where, how many and when from a sentence, each with its English form.

Entities come from the gazetteer (``data/gazetteer.csv``), figures from numbers and the
noun they count (``data/figures.toml``), dates from month and relative-date tables
(``data/dates.toml``), resolved against the article's publication date when it is known and
kept relative otherwise. Nothing is invented: every English word comes from a data table.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from sitrep.analysis.dates import find_dates
from sitrep.analysis.figures import find_figures
from sitrep.knowledge.lexicon import TermIndex, gazetteer_index
from sitrep.knowledge.resources import figure_tables, vocabulary
from sitrep.model import Entity, Facts, GazetteerEntry, Quote
from sitrep.reading.normalize import Token, normalize, tokenize

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


@dataclass(frozen=True)
class Extracted:
    """Facts plus the attributed source of the statement, if one was found."""

    facts: Facts
    source: Entity | None


def extract(
    text: str, published: dt.date | None = None, names: TermIndex[GazetteerEntry] | None = None
) -> Extracted:
    """All facts of one sentence; ``names`` is the gazetteer index (default: the built-in one)."""
    names = names or gazetteer_index()
    tokens = tokenize(text, vocabulary())
    source = find_source(tokens, text, names)
    facts = Facts(
        find_entities(tokens, text, names),
        find_figures(tokens, text),
        find_dates(tokens, text, published),
        find_quotes(tokens, text, source, names),
    )
    return Extracted(facts, source)


# --- entities -------------------------------------------------------------------------


def find_entities(
    tokens: tuple[Token, ...], text: str, names: TermIndex[GazetteerEntry]
) -> tuple[Entity, ...]:
    found: dict[str, Entity] = {}
    known = list(names.matches(tokens, text))
    for match in known:
        entry = match.value
        found.setdefault(entry.en, Entity(match.surface, entry.type, entry.en, entry.role))
    for entity in unknown_places(
        tokens, text, {i for m in known for i in range(m.first, m.last + 1)}
    ):
        found.setdefault(entity.en, entity)
    for match in _RESOLUTION.finditer(text):
        name = f"UN Security Council Resolution {match[1]}"
        found.setdefault(name, Entity(match[0], "un", name, "resolution"))
    return tuple(found.values())


# "القرار 2254", "قرار مجلس الأمن الدولي 2254", "بموجب القرار 2165": a UN resolution number.
_RESOLUTION = re.compile(r"(?:ال)?قرار(?:\s+(?:مجلس\s+الأمن|الأممي|الدولي|رقم))*\s+(\d{3,4})(?!\d)")


_NAME_STOPWORDS = frozenset(
    {
        "في",
        "من",
        "الى",
        "علي",
        "عن",
        "مع",
        "بين",
        "قرب",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "وسط",
        "التي",
        "الذي",
        "حيث",
        "بعد",
        "قبل",
        "داخل",
        "خارج",
        "محيط",
        "بريف",
        "ريف",
        "الواقع",
        "الواقعه",
    }
)
_MAX_LISTED = 8


def unknown_places(tokens: tuple[Token, ...], text: str, covered: set[int]) -> list[Entity]:
    """Names after a place word (قرية، بلدة، حي، قرى X وY وZ) that the gazetteer does not know.

    Shown in Arabic and marked: an English name is never invented for them."""
    words = _place_words()
    places: list[Entity] = []
    for match in words.matches(tokens, text):
        if _has_article(tokens[match.first].norm):
            continue  # "المدينة", "القرى": refers back, does not introduce a name
        kind, i = match.value, match.last + 1
        while i < len(tokens) and len(places) < _MAX_LISTED and i not in covered:
            token = tokens[i]
            bare = (
                token.norm[1:] if i > match.last + 1 and token.norm.startswith("و") else token.norm
            )
            if (
                bare in _NAME_STOPWORDS
                or token.norm in _NAME_STOPWORDS
                or bare.isdigit()
                or len(bare) < 2
                or not _is_arabic(bare)
                or next(words.matches(tokens[i : i + 1], text), None) is not None
            ):
                break
            name = (
                token.surface[len(token.surface) - len(bare) :]
                if bare != token.norm
                else token.surface
            )
            places.append(Entity(name, "place", f"«{name}»", f"{kind}, not in gazetteer"))
            if i + 1 < len(tokens) and not tokens[i + 1].norm.startswith("و"):
                break
            i += 1
    return places


def _has_article(norm: str) -> bool:
    return any(norm.startswith(p + "ال") for p in ("", "و", "ب", "ف", "ك")) or norm.startswith(
        ("لل", "ولل")
    )


def _is_arabic(word: str) -> bool:
    return all("\u0621" <= ch <= "\u064a" for ch in word)


@cache
def _place_words() -> TermIndex[str]:
    return TermIndex(figure_tables()["place_words"].items())


def find_source(
    tokens: tuple[Token, ...], text: str, names: TermIndex[GazetteerEntry]
) -> Entity | None:
    """The first gazetteer entity right after an attribution verb (قال، بحسب، نقلت …)."""
    for match in names.matches(tokens, text):
        entry = match.value
        if entry.type not in _SOURCE_TYPES:
            continue
        if _addressed(tokens, match.first):
            continue  # قال لـ«سبوتنيك»: the agency was spoken to, it did not speak
        window = [normalize(t.norm) for t in tokens[max(0, match.first - 3) : match.first]]
        verbs = [
            i
            for i, word in enumerate(window)
            if word in _ATTRIBUTION or word.lstrip("وف") in _ATTRIBUTION
        ]
        if verbs and not _CLAUSE_OPENERS & set(window[verbs[-1] + 1 :]):
            return Entity(match.surface, entry.type, entry.en, entry.role)
    return None


# After قال "إن …" opens what was said: a name after it is not the speaker.
_CLAUSE_OPENERS = frozenset({"ان", "بان", "انه", "بانه", "انها"})
_ADDRESSEE_MARKERS = frozenset({"ل", "لوكاله", "لموقع", "لصحيفه", "لقناه", "لتلفزيون"})


def _addressed(tokens: tuple[Token, ...], index: int) -> bool:
    previous = tokens[index - 1].norm if index else ""
    return previous in _ADDRESSEE_MARKERS or tokens[index].surface.startswith("لـ")


# --- quotes ---------------------------------------------------------------------------

_QUOTED = re.compile(r"«([^«»]+)»|\"([^\"]+)\"|“([^“”]+)”|”([^“”]+)“|¢([^¢]+)¢")
_MIN_QUOTE_WORDS = 3


def find_quotes(
    tokens: tuple[Token, ...], text: str, source: Entity | None, names: TermIndex[GazetteerEntry]
) -> tuple[Quote, ...]:
    """Quotations (three words or more, not just a quoted name), with their speaker.

    The speaker is the nearest person named before the quote (قال لافرينتييف «…»), else the
    sentence's attributed source (بحسب المرصد …); else unknown ("sources said")."""
    quotes = []
    people = [m for m in names.matches(tokens, text) if m.value.type == "person"]
    for match in _QUOTED.finditer(text):
        words = next(g for g in match.groups() if g is not None).strip()
        if len(words.split()) < _MIN_QUOTE_WORDS or _is_a_name(words, names):
            continue  # a quoted name such as «جيش الإسلام» is not a quotation
        before = [n for n in people if tokens[n.last].end <= match.start()]
        speaker = source
        if before:
            entry = before[-1].value
            speaker = Entity(before[-1].surface, entry.type, entry.en, entry.role)
        quotes.append(Quote(words, speaker))
    return tuple(quotes)


def _is_a_name(words: str, names: TermIndex[GazetteerEntry]) -> bool:
    tokens = tokenize(words, vocabulary())
    return any(m.first == 0 and m.last == len(tokens) - 1 for m in names.matches(tokens, words))
