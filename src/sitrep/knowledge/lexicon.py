"""Match normalized vocabulary (single- or multi-word terms) against tokens through clitics.

A term matches a run of tokens when its first word equals a token after a leading clitic
(و ف ب ل ك ال …) is stripped (with ``inflect``, also after a suffix in ``SUFFIXES`` is
stripped), and its remaining words equal the following tokens, allowing the article ال.
With ``inflect``, a term listed with the article (الحصار) also matches without it (حصار), and
the longest term wins whichever form of the first token it starts from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

from sitrep.knowledge.places import world_places
from sitrep.knowledge.resources import gazetteer
from sitrep.model import GazetteerEntry
from sitrep.reading.normalize import Token, normalize, strip_clitics

T = TypeVar("T")
SUFFIXES: tuple[str, ...] = ("", "ه", "ها", "هم", "هما", "ات", "ين", "ون", "ان", "ا")


@dataclass(frozen=True)
class Match(Generic[T]):
    """A lexicon hit: the payload of the term and the token range it covers."""

    value: T
    first: int
    last: int
    surface: str


class TermIndex(Generic[T]):
    """An index from normalized terms to payloads; longest match wins."""

    def __init__(
        self,
        entries: Iterable[tuple[str, T]],
        *,
        inflect: bool = False,
        exact: Iterable[str] = (),
    ) -> None:
        """``exact``: terms (such as conjugated verbs) never matched through a stripped suffix,
        so that وزارة is not read as زار + ة."""
        self._by_first: dict[str, list[tuple[tuple[str, ...], T, bool]]] = {}
        self._inflect = inflect
        exact_terms = {normalize(term) for term in exact}
        for term, value in entries:
            norm = normalize(term)
            words = tuple(norm.split())
            if not words:
                continue
            entry = (words, value, norm in exact_terms)
            self._by_first.setdefault(words[0], []).append(entry)
            bare = words[0][2:]
            if inflect and words[0].startswith("ال") and len(bare) >= 3:
                self._by_first.setdefault(bare, []).append(((bare, *words[1:]), value, entry[2]))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def matches(self, tokens: tuple[Token, ...], text: str) -> Iterator[Match[T]]:
        """Non-overlapping matches, left to right."""
        i = 0
        while i < len(tokens):
            hit = self._match_at(tokens, i)
            if hit is None:
                i += 1
                continue
            length, value = hit
            last = i + length - 1
            yield Match(value, i, last, text[tokens[i].start : tokens[last].end])
            i = last + 1

    def _match_at(self, tokens: tuple[Token, ...], i: int) -> tuple[int, T] | None:
        best: tuple[int, T] | None = None
        for first, suffixed in self._first_forms(tokens[i].norm):
            for words, value, exact in self._by_first.get(first, ()):
                if best and len(words) <= best[0]:
                    break
                if not (exact and suffixed) and self._rest_matches(words[1:], tokens, i + 1):
                    best = (len(words), value)
                    break
        return best

    def _first_forms(self, norm: str) -> Iterator[tuple[str, bool]]:
        """Each form of a token the first word of a term may take, and whether it lost a
        suffix."""
        for form in strip_clitics(norm):
            yield form, False
            if self._inflect:
                for suffix in SUFFIXES[1:]:
                    if form.endswith(suffix) and len(form) - len(suffix) >= 3:
                        stem = form[: -len(suffix)]
                        yield stem, True
                        if stem.endswith("ت"):  # سيطرتها: the ة of سيطرة written ت
                            yield stem[:-1] + "ه", True

    @staticmethod
    def _rest_matches(rest: tuple[str, ...], tokens: tuple[Token, ...], start: int) -> bool:
        if start + len(rest) > len(tokens):
            return False
        return all(
            tokens[start + k].norm in (word, "ال" + word) or "ال" + tokens[start + k].norm == word
            for k, word in enumerate(rest)
        )


@cache
def gazetteer_index(extra: tuple[GazetteerEntry, ...] = ()) -> TermIndex[GazetteerEntry]:
    """Every spelling variant of every gazetteer entry, plus a brief's own ``extra`` entries
    (which win over built-in entries with the same spelling), then the world's countries and
    the region's towns (``sitrep.knowledge.places``), which lose to both."""
    entries = (*extra, *gazetteer(), *world_places())
    return TermIndex((variant, entry) for entry in entries for variant in entry.variants)
