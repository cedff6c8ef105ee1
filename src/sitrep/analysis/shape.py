"""How a sentence is built, for the classifier: the cues that come from its structure.

Arabic news sentences open with their main verb (قتل …، بحث …), often after a connective
(كما، وقد); a statement has a speaker (وقال وزير الخارجية …); an agreement's terms have a
frame (ينص، تقضي، اتفق … على); and a subordinate clause (فيما، بعد، خشية …) carries less than
the main one. The word lists are data (``data/markers.toml``, ``data/actors.toml``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from sitrep.knowledge.lexicon import Match, TermIndex
from sitrep.knowledge.resources import actor_cues, markers
from sitrep.model import GazetteerEntry
from sitrep.reading.normalize import Token


@dataclass(frozen=True)
class SentenceShape:
    """Cues from how a sentence is built (``data/markers.toml``, ``data/actors.toml``)."""

    terms_frame: TermIndex[str]  # ينص، تقضي …: the sentence states an agreement's terms
    terms_openers: TermIndex[str]  # اتفق … at the start does too
    terms_factor: float  # weight of battlefield and other cues in a terms sentence
    speaker_verbs: TermIndex[str]  # قال، أكد … near the start
    speaker_titles: TermIndex[str]  # وزير الخارجية، الرئيس … as the subject
    stance: TermIndex[str]  # ندد، طالب … as the opening verb
    stance_weight: float
    subordinate: TermIndex[str]  # فيما، بعد، خشية … open a subordinate clause
    subordinate_from: int
    subordinate_factor: float
    opening_verb_factor: float
    connectives: TermIndex[str]  # كما، وقد … may stand before the opening verb


@cache
def sentence_shape() -> SentenceShape:
    table = markers()
    speakers = actor_cues()["speakers"]
    return SentenceShape(
        terms_frame=_words(table["terms"]),
        terms_openers=_words(table["terms_openers"]),
        terms_factor=float(table["terms_factor"]),
        speaker_verbs=_words(speakers["verbs"]),
        speaker_titles=_words(speakers["titles"]),
        stance=_words(table["stance"]),
        stance_weight=float(table["stance_weight"]),
        subordinate=_words(table["subordinate"]),
        subordinate_from=int(table["subordinate_from"]),
        subordinate_factor=float(table["subordinate_factor"]),
        opening_verb_factor=float(table["opening_verb_factor"]),
        connectives=_words(table["connectives"]),
    )


def _words(words: Iterable[str]) -> TermIndex[str]:
    return TermIndex((word, word) for word in words)


def opening_index(tokens: tuple[Token, ...], text: str, shape: SentenceShape) -> int:
    """Where the main verb may stand: the first token, or the second after a connective."""
    return 1 if next(shape.connectives.matches(tokens[:1], text), None) else 0


def subordinate_start(tokens: tuple[Token, ...], text: str, shape: SentenceShape) -> int:
    """The token where the first subordinate clause begins (or the sentence's length)."""
    for match in shape.subordinate.matches(tokens, text):
        if match.first >= shape.subordinate_from:
            return match.first
    return len(tokens)


def political_speaker(
    tokens: tuple[Token, ...], text: str, shape: SentenceShape, names: list[Match[GazetteerEntry]]
) -> tuple[str, float] | None:
    """The political subject of a statement (وقال وزير الخارجية …، ونفت أنقرة …) and its
    weight. The subject stands right after the statement verb, or before it near the start
    (وكان الرئيس … قد قال); a name further on is an object or an adjective (وأعلنت الحكومة
    السورية، ودعا وكيل الأمين العام)."""
    spec = actor_cues()["speakers"]
    verb = next(shape.speaker_verbs.matches(tokens[: int(spec["verb_window"])], text), None)
    if verb is None:
        return None
    window = int(spec["subject_window"])

    def in_subject_position(first: int) -> bool:
        return first == verb.last + 1 or (first < verb.first and first < window)

    for title in shape.speaker_titles.matches(tokens[: max(window, verb.last + 2) + 2], text):
        if in_subject_position(title.first):
            return title.surface, float(spec["title_weight"])
    for match in names:
        if not in_subject_position(match.first):
            continue
        if match.value.type == "person" and _is_political(match.value.role):
            return match.surface, float(spec["title_weight"])
        if match.value.type == "state":
            return match.surface, float(spec["state_weight"])
    return None


def _is_political(role: str) -> bool:
    role = role.lower()
    return "defence" not in role and any(
        word in role
        for word, spec in actor_cues()["roles"].items()
        if spec["section"] == "diplomacy"
    )
