"""The messy-article corpus: each file parses to its hand-written expected parts."""

import json
from pathlib import Path

import pytest

from sitrep.reading.ingest import ARTICLE_SUFFIXES, read_article
from sitrep.reading.segment import segment

CORPUS = Path(__file__).parent / "corpus"
ARTICLES = sorted(
    p for p in CORPUS.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.name != "README.md"
)


def test_every_corpus_article_has_expectations():
    assert len(ARTICLES) >= 8
    for path in ARTICLES:
        assert expected_path(path).is_file(), path.name


def expected_path(path: Path) -> Path:
    return path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json")


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_corpus_article(path):
    expected = json.loads(expected_path(path).read_text(encoding="utf-8"))
    article = read_article(path, "001")
    found = {
        "title": article.title,
        "subtitles": list(article.subtitles),
        "captions": list(article.captions),
        "dateline": article.dateline,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "removed": [[r.text, r.reason] for r in article.removed],
        "sentences": [s.text for s in segment(article)],
    }
    assert found == expected


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("reuters_wire.cp1256.txt", "cp1256"),
        ("omar_field.iso8859-6.txt", "iso8859_6"),
        ("geneva_wire.utf16.txt", "utf-16"),
    ],
)
def test_files_that_are_not_utf8_decode_exactly(name, encoding):
    raw = (CORPUS / name).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert read_article(CORPUS / name, "001").text == raw.decode(encoding)


def test_a_utf8_bom_is_not_part_of_the_text():
    raw = (CORPUS / "france24_unsc.bom.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert read_article(CORPUS / "france24_unsc.bom.txt", "001").text == raw.decode("utf-8-sig")
