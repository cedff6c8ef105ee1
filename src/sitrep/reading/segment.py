"""Split an article body into sentences that keep their character span in the article.

Boundaries are ``. ! ? ؟`` (a run such as ``..`` counts once) followed by a space, the end of
the paragraph, or a glued next word (``مسمى.وصرح``). No boundary inside quotations
(«…», "…", ¢…¢), decimals (1.5), dotted dates, abbreviations (أ.ف.ب) or Latin letter names
spelled in Arabic (كيه.إتش-101). A fragment of one or two words (``ميدانيا.``) is joined to
the sentence that follows it; a piece that opens with a continuation word (أن, مشيرا …, see
``continuation_openers`` in ``data/article.toml``) is joined to the sentence before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from sitrep.knowledge.resources import article_vocabulary
from sitrep.model import Article, Block, Sentence, Span
from sitrep.reading.normalize import WORD_CHARS, normalize

_TERMINAL = re.compile(r"[.!?؟]+")
_QUOTED = re.compile(r"«[^«»]*»|\"[^\"\n]{1,400}\"|“[^“”]*”|¢[^¢\n]{1,400}¢")
_DOTTED = re.compile(rf"[{WORD_CHARS}]+(?:\.[{WORD_CHARS}]+)*")
_MIN_WORDS = 3
# A dotted token (ا.ف.ب, كيه.إتش) longer than this is never an abbreviation; the cap keeps the
# look-around at every full stop bounded, so segmentation stays linear in paragraph length.
TOKEN_CAP = 256
_WORD_AFTER = re.compile(rf"[{WORD_CHARS}]{{1,{TOKEN_CAP + 1}}}")


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
    starts = [a for a, _ in quoted]
    tokens = [m.span() for m in _DOTTED.finditer(text)]
    for match in _TERMINAL.finditer(text):
        position, end = match.start(), match.end()
        if _in_quote(quoted, starts, position):
            continue
        if _is_inside_token(text, position, end, tokens):
            continue
        if end < len(text) and not (text[end].isspace() or _starts_word(text, end)):
            continue
        yield end


def _in_quote(quoted: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Inside a quotation (the spans do not overlap: only the last one opened can hold it)."""
    index = bisect.bisect_left(starts, position) - 1
    return index >= 0 and position < quoted[index][1] - 1


def _starts_word(text: str, index: int) -> bool:
    return "\u0621" <= text[index] <= "\u064a"


def _is_inside_token(
    text: str, position: int, end: int, tokens: list[tuple[int, int]]
) -> bool:
    """A dot that belongs to a number, a dotted abbreviation, or spelled Latin letters.
    ``tokens`` are the spans of the paragraph's dotted words, in order."""
    if end - position > 1 or text[position] != ".":
        return False
    before = text[position - 1] if position else ""
    after = text[end] if end < len(text) else ""
    if before.isdigit() and after.isdigit():
        return True
    left = _token_before(text, position, tokens)
    if not after or after.isspace():
        return bool(left) and _is_abbreviation(left + ".")
    right = _WORD_AFTER.match(text, end)
    if not left or not right or len(right[0]) > TOKEN_CAP:
        return False
    return _is_abbreviation(f"{left}.{right[0]}")


def _token_before(text: str, position: int, tokens: list[tuple[int, int]]) -> str:
    """The dotted word (``كيه``, ``أ.ف``) that ends at ``position``: the part before
    ``position`` of the dotted word around it. Empty when there is none or it is longer than
    ``TOKEN_CAP``."""
    index = bisect.bisect_left(tokens, (position, position)) - 1
    if index < 0 or not tokens[index][0] < position <= tokens[index][1]:
        return ""
    start = tokens[index][0]
    return text[start:position] if position - start <= TOKEN_CAP else ""


@lru_cache(maxsize=4096)
def _is_abbreviation(token: str) -> bool:
    norm = normalize(token)
    parts = [p for p in norm.split(".") if p]
    if not parts:
        return False
    known = _segment_vocabulary()
    if any(norm.rstrip(".") in a or a in norm for a in known["full"]):
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
    carry: tuple[int, int, int] | None = None  # start, words and end of the waiting fragments
    for start, end in spans:
        words = len(text[start:end].split())
        if carry is not None:
            # spans are stripped: only whitespace between them; none means one glued word
            words += carry[1] - (carry[2] == start)
            start, carry = carry[0], None
        if words < _MIN_WORDS and (start, end) != spans[-1]:
            carry = (start, words, end)
            continue
        merged.append((start, end))
    if carry is not None:
        merged.append((carry[0], spans[-1][1]))
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
