"""Read an article file into an ``Article``: decode it, read its front matter or HTML page
metadata, then hand its lines to ``structure.parse_article``.

Inputs: ``.txt``/``.md`` in UTF-8 (with or without BOM), UTF-16 (with BOM), Windows-1256 or
ISO-8859-6 (detected with charset-normalizer), with optional TOML (``+++``) or YAML (``---``)
front matter; saved ``.html``/``.htm`` pages, whose main text, title, site name, date and URL
come from trafilatura (offline) and whose photo captions come from ``<figcaption>``; the page's
other visible text (navigation, share bars, related links, footer) is listed as removed.
For an HTML page, ``Article.text`` (and so every span) is the extracted text, one line per
heading or paragraph; removed page text has line number 0 (it is not in that text).
"""

from __future__ import annotations

import codecs
import tomllib
from pathlib import Path
from typing import Any

import yaml
from charset_normalizer import from_bytes

from sitrep.errors import ArticleError
from sitrep.model import Article
from sitrep.structure import parse_article

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
FRONT_MATTER_KEYS = frozenset({"title", "outlet", "published", "url", "language"})
_LEGACY_ENCODINGS = ["cp1256", "iso8859_6"]
# Limits, far above any real article (the largest of 1,000 real articles in the shared corpus
# is 22 KB, its longest paragraph 2,752 characters, its longest title 103): past them the
# article is skipped with a warning instead of slowing the build down for minutes.
MAX_ARTICLE_BYTES = 2_000_000
MAX_LINE_CHARS = 50_000
MAX_TITLE_CHARS = 500


def list_articles(folder: Path) -> list[Path]:
    """Article files in ``folder`` (sorted by name, so references are stable)."""
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
    )


def read_article(path: Path, ref: str) -> Article:
    """Decode ``path`` and parse it into an ``Article`` referenced as ``ref``."""
    text = decode(path, _read_bytes(path))
    if path.suffix.lower() in HTML_SUFFIXES:
        body, meta, captions, outside = read_html_page(path, text)
        check_lines(path, body, 0)
        return checked_title(parse_article(path, ref, body, 0, meta, captions, outside))
    meta, body_offset = split_front_matter(path, text)
    if not text[body_offset:].strip():
        raise ArticleError(path, "no article text after the front matter")
    check_lines(path, text, body_offset)
    return checked_title(parse_article(path, ref, text, body_offset, meta))


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise ArticleError(path, exc.strerror or str(exc)) from exc
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            path,
            f"the file is larger than the limit of {MAX_ARTICLE_BYTES:,} bytes"
            " (one article per file; is it a whole archive?)",
        )
    return raw


def check_lines(path: Path, text: str, offset: int) -> None:
    """No line (a paragraph) longer than ``MAX_LINE_CHARS``; the error names the line."""
    number = text.count("\n", 0, offset) + 1
    for line in text[offset:].splitlines():
        if len(line) > MAX_LINE_CHARS:
            raise ArticleError(
                path,
                f"a paragraph of {len(line):,} characters, longer than the limit of"
                f" {MAX_LINE_CHARS:,} (paragraphs are one per line)",
                line=number,
            )
        number += 1


def checked_title(article: Article) -> Article:
    """The article, unless its title is longer than ``MAX_TITLE_CHARS``."""
    if article.title and len(article.title) > MAX_TITLE_CHARS:
        raise ArticleError(
            article.path,
            f"a title of {len(article.title):,} characters, longer than the limit of"
            f" {MAX_TITLE_CHARS:,}",
        )
    return article


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1256 / ISO-8859-6 as detected."""
    if not raw.strip():
        raise ArticleError(path, "the file is empty")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw:
        raise ArticleError(path, "binary data (NUL bytes), not a text article")
    guess = from_bytes(raw, cp_isolation=_LEGACY_ENCODINGS).best()
    if guess is None:
        tried = "UTF-8, UTF-16, Windows-1256, ISO-8859-6"
        raise ArticleError(path, f"unknown text encoding (tried {tried})")
    return str(guess)


def split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], int]:
    """Parse ``+++`` TOML or ``---`` YAML front matter; return it and where the body starts."""
    for fence, parse in (("+++", tomllib.loads), ("---", yaml.safe_load)):
        if not text.startswith((fence + "\n", fence + "\r\n")):
            continue
        end = text.find("\n" + fence, len(fence))
        if end < 0:
            raise ArticleError(path, f"front matter opened with {fence} is never closed")
        try:
            meta = parse(text[len(fence) + 1 : end]) or {}
        except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
            raise ArticleError(path, f"invalid front matter: {exc}") from exc
        if not isinstance(meta, dict):
            raise ArticleError(path, "front matter must be a table of keys and values")
        unknown = set(meta) - FRONT_MATTER_KEYS
        if unknown:
            allowed = ", ".join(sorted(FRONT_MATTER_KEYS))
            raise ArticleError(
                path,
                f"unknown front matter key(s): {', '.join(sorted(unknown))} (allowed: {allowed})",
            )
        body_start = text.find("\n", end + 1)
        return meta, len(text) if body_start < 0 else body_start + 1
    return {}, 0


def read_html_page(
    path: Path, html: str
) -> tuple[str, dict[str, Any], tuple[str, ...], tuple[str, ...]]:
    """Main text (one line per heading/paragraph), metadata, photo captions, and the page's
    other visible text blocks (navigation, share bars, related links, footer) of a saved page."""
    import trafilatura  # imported here: only HTML pages need it
    from lxml import etree
    from lxml import html as lxml_html

    extracted = trafilatura.extract(
        html,
        output_format="xml",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=True,
    )
    if not extracted:
        raise ArticleError(path, "no article text found in the HTML page")
    root = etree.fromstring(extracted.encode("utf-8"))
    lines = [_squash("".join(el.itertext())) for el in root.iter("head", "p", "item", "quote")]
    lines = [line for line in lines if line]
    metadata = trafilatura.extract_metadata(html)
    meta = {
        "title": metadata.title if metadata else None,
        "outlet": metadata.sitename if metadata else None,
        "published": metadata.date if metadata else None,
        "url": metadata.url if metadata else None,
    }
    page = lxml_html.fromstring(html)
    captions = tuple(
        _squash(c.text_content()) for c in page.iter("figcaption") if c.text_content().strip()
    )
    kept = {*lines, *captions, meta["title"] or ""}
    outside = tuple(dict.fromkeys(t for t in _page_blocks(page) if t not in kept))
    return "\n".join(lines) + "\n", meta, captions, outside


_BLOCK_TAGS = frozenset(
    {
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "td",
        "th",
        "dt",
        "dd",
        "div",
        "figcaption",
        "blockquote",
        "nav",
        "footer",
        "header",
        "aside",
        "section",
        "article",
        "main",
        "ul",
        "ol",
    }
)


def _page_blocks(page) -> list[str]:
    """Visible text of the innermost block elements of ``page`` (no script, style or head)."""
    blocks: list[str] = []
    body = page.find("body") if page.find("body") is not None else page
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCK_TAGS:
            continue
        if any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS for d in element.iterdescendants()):
            continue
        text = _squash(element.text_content())
        if text:
            blocks.append(text)
    return blocks


def _squash(text: str) -> str:
    return " ".join(text.split())
