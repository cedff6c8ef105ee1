"""Split an article body into sentences that keep their character span in the article.

Boundaries are ``. ! ? ؟`` (a run such as ``..`` counts once) followed by a space, the end of
the paragraph, or a glued next word (``مسمى.وصرح``). No boundary inside quotations
(«…», "…", ¢…¢), decimals (1.5), dotted dates, abbreviations (أ.ف.ب) or Latin letter names
spelled in Arabic (كيه.إتش-101). A fragment of one or two words (``ميدانيا.``) is joined to
the sentence that follows it; a piece that opens with a continuation word (أن, مشيرا …, see
``continuation_openers`` in ``data/article.toml``) is joined to the sentence before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from sitrep.model import Article, Block, Sentence, Span
from sitrep.normalize import WORD_CHARS, normalize
from sitrep.resources import article_vocabulary

_TERMINAL = re.compile(r"[.!?؟]+")
_QUOTED = re.compile(r"«[^«»]*»|\"[^\"\n]{1,400}\"|“[^“”]*”|¢[^¢\n]{1,400}¢")
_WORD_BEFORE = re.compile(rf"([{WORD_CHARS}]+(?:\.[{WORD_CHARS}]+)*)$")
_WORD_AFTER = re.compile(rf"^([{WORD_CHARS}]+)")
_MIN_WORDS = 3


def segment(article: Article) -> tuple[Sentence, ...]:
    """All sentences of the article body, numbered in reading order."""
    spans = [span for block in article.blocks for span in split_block(block)]
    return tuple(
        Sentence(article.ref, index, article.text[span.start : span.end], span)
        for index, span in enumerate(spans, start=1)
    )


def split_block(block: Block) -> list[Span]:
    """Sentence spans (in article coordinates) of one paragraph."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for end in _boundaries(block.text):
        pieces.append((start, end))
        start = end
    pieces.append((start, len(block.text)))
    spans = [_strip(block.text, a, b) for a, b in pieces]
    merged = _join_fragments(block.text, [s for s in spans if s is not None])
    merged = _join_continuations(block.text, merged)
    return [Span(block.start + a, block.start + b) for a, b in merged]


def _boundaries(text: str) -> Iterator[int]:
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    for match in _TERMINAL.finditer(text):
        position, end = match.start(), match.end()
        if any(a < position < b - 1 for a, b in quoted):
            continue
        if _is_inside_token(text, position, end):
            continue
        if end < len(text) and not (text[end].isspace() or _starts_word(text, end)):
            continue
        yield end


def _starts_word(text: str, index: int) -> bool:
    return "\u0621" <= text[index] <= "\u064a"


def _is_inside_token(text: str, position: int, end: int) -> bool:
    """A dot that belongs to a number, a dotted abbreviation, or spelled Latin letters."""
    if end - position > 1 or text[position] != ".":
        return False
    before = text[position - 1] if position else ""
    after = text[end] if end < len(text) else ""
    if before.isdigit() and after.isdigit():
        return True
    if not after or after.isspace():
        word = _WORD_BEFORE.search(text[:position])
        return bool(word) and _is_abbreviation(word[1] + ".")
    left = _WORD_BEFORE.search(text[:position])
    right = _WORD_AFTER.search(text[end:])
    if not left or not right:
        return False
    return _is_abbreviation(f"{left[1]}.{right[1]}")


def _is_abbreviation(token: str) -> bool:
    parts = [p for p in normalize(token).split(".") if p]
    if not parts:
        return False
    known = _segment_vocabulary()
    if any(normalize(token).rstrip(".") in a or a in normalize(token) for a in known["full"]):
        return True
    return all(len(p) == 1 or p in known["letters"] for p in parts)


@cache
def _segment_vocabulary() -> dict[str, Any]:
    vocab = article_vocabulary()
    return {
        "full": frozenset(normalize(a) for a in vocab["abbreviations"]),
        "letters": frozenset(normalize(letter) for letter in vocab["latin_letters"]),
        "openers": tuple(normalize(o) for o in vocab["continuation_openers"]),
    }


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    piece = text[start:end]
    if not piece.strip():
        return None
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    return start + lead, end - trail


def _join_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for start, end in spans:
        if carry is not None:
            start, carry = carry, None
        if len(text[start:end].split()) < _MIN_WORDS and (start, end) != spans[-1]:
            carry = start
            continue
        merged.append((start, end))
    if carry is not None:
        merged.append((carry, spans[-1][1]))
    return merged


def _join_continuations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _opens_with_continuation(text[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _opens_with_continuation(sentence: str) -> bool:
    words = normalize(sentence).split()
    openers = _segment_vocabulary()["openers"]
    return any(" ".join(words[: len(o.split())]).strip("،,:") == o for o in openers if words)
