"""Property test of the article reader: whatever the bytes, reading raises nothing but the
project's own ArticleError, and for text nothing is lost: every character of the input is in
the article's parts (sentences, title, subtitles, captions, dateline) or in its removed list."""

import re
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import ArticleError
from sitrep.reading.ingest import _bomless_utf16, read_article
from sitrep.reading.segment import segment

FOLDER = Path(tempfile.mkdtemp(prefix="sitrep-property-"))
ALPHABET = st.sampled_from(
    [
        *"أعلنتوزارةالخجيسمحدثفيجنيف ٠١٢٣456789.!?؟،:«»\"-–()#@",
        *("\n", "\r\n", "\t", "\x00", "\x1b", "\x85", "\u202e", "\u2066", "\u200b", "\u200c"),
        *("\ufefb", "\ufe8d", "\u0654", "ـ", "\ufffd", "أ.ف.ب", "ميدانيا.", "https://x.example"),
    ]
)
TEXT = st.lists(ALPHABET, max_size=120).map("".join)
SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}


def read(data: bytes, suffix: str = ".txt"):
    path = FOLDER / f"a{suffix}"
    path.write_bytes(data)
    try:
        return read_article(path, "001")
    except ArticleError:
        return None


def kept_characters(article) -> Counter:
    parts = [article.title or "", *article.subtitles, *article.captions, article.dateline or ""]
    parts += [s.text for s in segment(article)]
    kept = Counter("".join(parts))
    for removed in article.removed:
        codes = re.findall(r"U\+([0-9A-F]{4,6})", removed.text)
        kept.update(chr(int(c, 16)) for c in codes) if codes else kept.update(removed.text)
    return kept


def check_nothing_lost(text: str) -> None:
    if text.startswith(("+++", "---")):
        return  # front matter: metadata, tested in test_ingest
    data = text.encode("utf-8")
    if _bomless_utf16(data):
        return  # also valid UTF-16 (ASCII and NULs: 4\x00"\x00 is `4"`), read as such
    article = read(data)
    if article is None:
        return
    wanted = Counter(c for c in text if not c.isspace())
    lost = wanted - kept_characters(article)
    assert not lost, (text, lost)


@settings(max_examples=2000, **SETTINGS)
@given(TEXT)
def test_reading_text_loses_nothing(text):
    check_nothing_lost(text)


@settings(max_examples=2000, **SETTINGS)
@given(st.binary(max_size=300), st.sampled_from([".txt", ".md", ".html"]))
def test_reading_any_bytes_raises_only_article_errors(data, suffix):
    read(data, suffix)


@pytest.mark.slow
@settings(max_examples=50_000, **SETTINGS)
@given(TEXT)
def test_reading_text_loses_nothing_long_run(text):
    check_nothing_lost(text)
