"""Arabic normalization for matching. Display always keeps the original text.

``normalize`` folds the spelling variation seen across outlets (tashkeel, tatweel,
alef/hamza forms, ى/ي, ة/ه, Arabic-Indic digits, ¢ and curly quotes used as quotation
marks), composes the text (NFC), turns Arabic presentation forms (ﻻ, ﺍﻟﺮﻗﺔ: text copied
from old PDFs) into letters and drops zero-width characters, which ``tokenize`` keeps inside
a word. ``tokenize`` splits a text into tokens that keep their character span in the
original, and splits run-together words (الأممالمتحدة, تركياوسوريا) using the names a
``Vocabulary`` knows: a general, data-driven rule, not a list of seed words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_TASHKEEL_TATWEEL = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_CHAR_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "¢": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
        "٫": ".",
        "٬": ",",
        "٪": "%",
    }
)
# Letters, digits and Arabic combining marks; not punctuation such as ، ؛ ؟ « ».
WORD_CHARS = r"\w\u0610-\u061A\u064B-\u065F\u0670"
# Invisible characters that may sit inside a word (zero-width space, non-joiner and joiner,
# left-to-right and right-to-left marks, Arabic letter mark, word joiner, BOM, soft hyphen).
ZERO_WIDTH = "\u200b-\u200f\u061c\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{ZERO_WIDTH}]")
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_WORD = re.compile(
    rf"[{WORD_CHARS}](?:[{WORD_CHARS}{ZERO_WIDTH}]*[{WORD_CHARS}])?"
    rf"(?:[.\-][{WORD_CHARS}](?:[{WORD_CHARS}{ZERO_WIDTH}]*[{WORD_CHARS}])?)*"
)
CLITIC_PREFIXES: tuple[str, ...] = (
    "وبال",
    "وكال",
    "فبال",
    "وللل",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)


def normalize(text: str) -> str:
    """Fold orthographic variants so that equal words compare equal."""
    return _TASHKEEL_TATWEEL.sub("", _canonical(text)).translate(_CHAR_MAP)


def _canonical(text: str) -> str:
    """NFC, presentation forms as letters, no zero-width characters (unchanged when the text
    has none of them, as nearly all text has not)."""
    if _PRESENTATION_FORMS.search(text):
        text = _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


@dataclass(frozen=True)
class Token:
    """A word of the original text (``surface``) and its matching form (``norm``)."""

    surface: str
    norm: str
    start: int
    end: int


@dataclass(frozen=True)
class Vocabulary:
    """Normalized single words and glued multi-word names used to split run-together text."""

    words: frozenset[str]
    glued: dict[str, tuple[str, ...]]

    @classmethod
    def from_names(cls, names: Iterable[str]) -> Vocabulary:
        words: set[str] = set()
        glued: dict[str, tuple[str, ...]] = {}
        for name in names:
            parts = tuple(normalize(name).split())
            words.update(p for p in parts if len(p) >= 3)
            if len(parts) > 1:
                glued["".join(parts)] = parts
        return cls(frozenset(words), glued)


EMPTY_VOCABULARY = Vocabulary(frozenset(), {})


def tokenize(text: str, vocabulary: Vocabulary = EMPTY_VOCABULARY) -> tuple[Token, ...]:
    """Split ``text`` into word tokens with spans; run-together names become several tokens."""
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        start = match.start()
        for word in match[0].split("_"):  # hashtags: «#حركة_طالبان» is two words
            if word:
                for part in split_glued(normalize(word), vocabulary):
                    tokens.append(Token(word, part, start, start + len(word)))
            start += len(word) + 1
    return tuple(tokens)


def split_glued(word: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """``الامممالمتحده`` → (الامم, المتحده); ``تركياوسوريا`` → (تركيا, و, سوريا)."""
    if word in vocabulary.words or len(word) < 6:
        return (word,)
    for prefix in ("", *CLITIC_PREFIXES):
        rest = word[len(prefix) :]
        if not word.startswith(prefix):
            continue
        if rest in vocabulary.glued:
            parts = vocabulary.glued[rest]
            return (prefix + parts[0], *parts[1:]) if prefix else parts
        pair = _name_and_name(rest, vocabulary.words)
        if pair:
            return (prefix + pair[0], "و", pair[1]) if prefix else (pair[0], "و", pair[1])
    return (word,)


def _name_and_name(word: str, words: frozenset[str]) -> tuple[str, str] | None:
    """Split ``AوB`` where A and B are both known names."""
    for i in range(3, len(word) - 3):
        if word[i] == "و" and word[:i] in words and word[i + 1 :] in words:
            return word[:i], word[i + 1 :]
    return None


def strip_clitics(norm: str) -> tuple[str, ...]:
    """The word and every form of it without a leading clitic (و ف ب ل ك ال …)."""
    forms = [norm]
    for prefix in CLITIC_PREFIXES:
        if norm.startswith(prefix) and len(norm) - len(prefix) >= 2:
            rest = norm[len(prefix) :]
            forms.append(rest)
            if prefix.endswith("لل"):
                forms.append("ال" + rest)  # لل + noun = ل + ال + noun
            if prefix.endswith("ال"):
                forms.append("ال" + rest)
    return tuple(dict.fromkeys(forms))


def without_article(norm: str) -> str:
    """A normalized term with the article ال taken off its first word (when at least three
    letters remain): the form under which the lexicon indexes it."""
    first, *rest = norm.split() or [""]
    if first.startswith("ال") and len(first) >= 5:
        first = first[2:]
    return " ".join([first, *rest])
