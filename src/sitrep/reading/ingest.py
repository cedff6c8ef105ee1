"""Read an article file into an ``Article``: decode it, read its front matter or HTML page
metadata, then hand its lines to ``structure.parse_article``.

Inputs: ``.txt``/``.md`` in UTF-8 (with or without BOM), UTF-16 (LE or BE, with or without
BOM), Windows-1256 or ISO-8859-6 (detected with charset-normalizer), with optional TOML
(``+++``) or YAML (``---``) front matter; saved ``.html``/``.htm`` pages, whose main text,
title, site name, date and URL come from trafilatura (offline) and whose photo captions come
from ``<figcaption>``; the page's other visible text (navigation, share bars, related links,
footer) is listed as removed.
For an HTML page, ``Article.text`` (and so every span) is the extracted text, one line per
heading or paragraph; removed page text has line number 0 (it is not in that text).

Nothing is lost silently: undecodable bytes (with their byte offset), NUL and other control
characters and bidi override/embedding/isolate characters are taken out of the text and listed
in ``Article.removed`` by code point (``U+202E``), with their line.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import re
import tomllib
from contextvars import ContextVar
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from charset_normalizer import from_bytes

from sitrep.errors import ArticleError, shown
from sitrep.model import Article, RemovedLine
from sitrep.reading.structure import parse_article

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
    """Article files in ``folder`` (sorted by name, so references are stable); links, pipes
    and devices are listed too, so that ``read_article`` refuses them by name instead of
    skipping them silently."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in ARTICLE_SUFFIXES and (p.is_symlink() or not p.is_dir())
    )


def check_path(path: Path, inside: Path | None) -> None:
    """Refuse a file whose name is not UTF-8, that resolves outside ``inside`` (a link to
    ``/etc/passwd`` in a brief someone else wrote), or that is not a regular file."""
    if shown(path) != str(path):
        raise ArticleError(path, "the file name is not valid UTF-8; rename the file")
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "broken link"
        raise ArticleError(path, reason) from exc
    if inside is not None and not resolved.is_relative_to(inside.resolve()):
        raise ArticleError(path, "a link to a file outside the brief folder; refused")
    if not resolved.is_file():
        raise ArticleError(path, "not a regular file (a device, pipe or folder); refused")


def read_article(path: Path, ref: str, inside: Path | None = None) -> Article:
    """Decode ``path`` and parse it into an ``Article`` referenced as ``ref``; with
    ``inside`` (the brief folder), a file that resolves outside it is refused."""
    check_path(path, inside)
    text, undecodable = decode_reporting(path, _read_bytes(path))
    text, removed = clean_text(text)
    if path.suffix.lower() in HTML_SUFFIXES:
        body, meta, captions, outside = read_html_page(path, text)
        check_lines(path, body, 0)
        article = parse_article(path, ref, body, 0, meta, captions, outside)
    else:
        meta, body_offset = split_front_matter(path, text)
        if not text[body_offset:].strip():
            raise ArticleError(path, "no article text after the front matter")
        check_lines(path, text, body_offset)
        article = parse_article(path, ref, text, body_offset, meta)
    extra = undecodable + removed + _unsafe_url(article.url, text)
    if extra:
        article = dataclasses.replace(article, removed=extra + article.removed)
    if article.url and not is_http_url(article.url):
        article = dataclasses.replace(article, url=None)
    return checked_title(article)


def is_http_url(url: str) -> bool:
    """An absolute http(s) URL with a host: the only kind that may become a link."""
    return bool(_HTTP_URL.fullmatch(url)) and bool(urlsplit(url).netloc)


_HTTP_URL = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)


def _unsafe_url(url: str | None, text: str) -> tuple[RemovedLine, ...]:
    """A ``url`` that is not http(s) (``javascript:…``) is kept out of the report, listed."""
    if not url or is_http_url(url):
        return ()
    line = text.count("\n", 0, max(text.find(url), 0)) + 1 if url in text else 0
    return (RemovedLine(url, "url that is not http(s): not linked", line),)


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
    """The text of ``raw`` (see ``decode_reporting``), without the list of undecodable bytes."""
    return decode_reporting(path, raw)[0]


def decode_reporting(path: Path, raw: bytes) -> tuple[str, tuple[RemovedLine, ...]]:
    """UTF-8 (BOM or not), UTF-16 (BOM or not), else Windows-1256 / ISO-8859-6 as detected.

    A few undecodable bytes in otherwise good UTF-8 or UTF-16 (an odd byte count, a stray
    byte) are left out and returned as removed lines naming their byte offset."""
    if not raw.strip():
        raise ArticleError(path, "the file is empty")
    for bom, encoding in (
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF8, "utf-8"),
    ):
        if raw.startswith(bom):
            return _decoded_or_error(path, raw, encoding, len(bom))
    utf16 = _bomless_utf16(raw) if b"\x00" in raw else None
    if utf16:
        return _decoded_or_error(path, raw, utf16, 0)
    decoded = _decode_with_offsets(raw, "utf-8", 0)
    if decoded is not None and _mostly_good_utf8(*decoded):
        return decoded
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        raise ArticleError(path, "binary data (NUL bytes), not a text article", offset=offset)
    guess = from_bytes(raw, cp_isolation=_LEGACY_ENCODINGS).best()
    if guess is None:
        tried = "UTF-8, UTF-16, Windows-1256, ISO-8859-6"
        raise ArticleError(
            path, f"unknown text encoding (tried {tried})", offset=_first_bad_utf8(raw)
        )
    return str(guess), ()


_BAD = "\udcff"  # a lone surrogate: no decoder ever produces one, so it marks a bad byte
_MAX_BAD_SHARE = 0.01  # more undecodable bytes than this: it is not that encoding


def _decoded_or_error(
    path: Path, raw: bytes, encoding: str, start: int
) -> tuple[str, tuple[RemovedLine, ...]]:
    decoded = _decode_with_offsets(raw, encoding, start)
    if decoded is None:
        raise ArticleError(
            path,
            f"mostly undecodable as {encoding.upper()}",
            offset=_first_bad(raw, encoding, start),
        )
    return decoded


def _decode_with_offsets(
    raw: bytes, encoding: str, start: int
) -> tuple[str, tuple[RemovedLine, ...]] | None:
    """Decode ``raw[start:]``, leaving out undecodable bytes and listing them with their byte
    offset and line; None when too many are bad for this to be the file's encoding."""
    bad: list[tuple[int, bytes]] = []
    token = _BAD_BYTES.set((bad, max(8, _MAX_BAD_SHARE * len(raw))))
    try:
        text = raw[start:].decode(encoding, errors=_HANDLER)
    except UnicodeDecodeError:
        return None
    finally:
        _BAD_BYTES.reset(token)
    bad = [(start + offset, data) for offset, data in bad]
    if not bad:
        return text, ()
    removed = []
    line, position = 1, 0
    for (offset, data), index in zip(bad, _positions(text, _BAD), strict=True):
        line += text.count("\n", position, index)
        position = index
        removed.append(
            RemovedLine(
                " ".join(f"0x{b:02X}" for b in data),
                f"undecodable as {encoding.upper()} at byte {offset}",
                line,
            )
        )
    return text.replace(_BAD, ""), tuple(removed)


_BAD_BYTES: ContextVar[tuple[list[tuple[int, bytes]], float]] = ContextVar("sitrep_bad_bytes")
_HANDLER = "sitrep-mark-undecodable"


def _mark_undecodable(error: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: note the bad bytes and their offset, mark their place."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad, limit = _BAD_BYTES.get()
    bad.append((error.start, error.object[error.start : error.end]))
    if len(bad) > limit:
        raise error
    return _BAD, error.end


codecs.register_error(_HANDLER, _mark_undecodable)


def _mostly_good_utf8(text: str, bad: tuple[RemovedLine, ...]) -> bool:
    """Stray bad bytes in real UTF-8 (its multi-byte letters outnumber them twenty to one),
    not a legacy-encoded file that happens to be mostly ASCII."""
    return not bad or sum(not c.isascii() for c in text) >= 20 * len(bad)


def _positions(text: str, char: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(char), text)]


def _first_bad(raw: bytes, encoding: str, start: int) -> int | None:
    try:
        raw[start:].decode(encoding)
    except UnicodeDecodeError as exc:
        return start + exc.start
    return None


def _first_bad_utf8(raw: bytes) -> int | None:
    return _first_bad(raw, "utf-8", 0)


def _bomless_utf16(raw: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the bytes look like UTF-16 without a BOM: in Arabic
    and ASCII text one byte of each pair is nearly always 0x00 or 0x06 (UTF-8 and the legacy
    Arabic encodings never contain NUL bytes in text)."""
    sample = raw[:8192]
    if len(sample) < 4:
        return None
    for encoding, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        share = sum(b in (0x00, 0x06) for b in high) / len(high)
        if share >= 0.75 and high.count(0) >= len(high) // 20:
            return encoding
    return None


# Removed from article text (and listed): NUL and other C0/C1 control characters (tab, line
# feed and carriage return stay) and bidi embedding, override and isolate characters, which
# could reorder what a reader sees in the report.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> tuple[str, tuple[RemovedLine, ...]]:
    """``text`` without control and bidi-override characters, and what was removed: one
    entry per line and kind, listing the code points (``U+202E U+0000``)."""
    if not _UNSAFE.search(text):
        return text, ()
    removed: list[RemovedLine] = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = _UNSAFE.findall(line)
        for reason, chars in (
            ("bidi control character removed", [c for c in found if _BIDI.match(c)]),
            ("control character removed", [c for c in found if not _BIDI.match(c)]),
        ):
            if chars:
                removed.append(
                    RemovedLine(" ".join(f"U+{ord(c):04X}" for c in chars), reason, number)
                )
    return _UNSAFE.sub("", text), tuple(removed)


MAX_FRONT_MATTER_CHARS = 65_536
MAX_YAML_DEPTH = 20


class FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML for front matter: no anchors or aliases (no billion laughs), at most
    ``MAX_YAML_DEPTH`` levels of nesting, and dates kept as text (checked later, with their
    line, instead of failing inside the YAML library)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "YAML anchors and aliases are not allowed", event.start_mark
            )
        if self.depth >= MAX_YAML_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"nested deeper than {MAX_YAML_DEPTH} levels", event.start_mark
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def _load_yaml(source: str) -> Any:
    return yaml.load(source, Loader=FrontMatterLoader)  # a SafeLoader subclass: safe


def split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], int]:
    """Parse ``+++`` TOML or ``---`` YAML front matter; return it and where the body starts."""
    for fence, parse in (("+++", tomllib.loads), ("---", _load_yaml)):
        if not text.startswith((fence + "\n", fence + "\r\n")):
            continue
        end = text.find("\n" + fence, len(fence))
        if end < 0:
            raise ArticleError(path, f"front matter opened with {fence} is never closed", line=1)
        if end > MAX_FRONT_MATTER_CHARS:
            raise ArticleError(
                path, f"front matter longer than the limit of {MAX_FRONT_MATTER_CHARS:,} characters"
            )
        source = text[len(fence) + 1 : end]
        meta = _parsed(path, parse, source)
        _check_meta(path, source, meta)
        body_start = text.find("\n", end + 1)
        return meta, len(text) if body_start < 0 else body_start + 1
    return {}, 0


def _parsed(path: Path, parse: Any, source: str) -> dict[str, Any]:
    try:
        meta = parse(source) or {}
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match[1]) + 1 if match else None
        raise ArticleError(path, f"invalid TOML front matter: {exc}", line=line) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = " ".join(filter(None, (exc.context, exc.problem))) or "invalid YAML"
        line = mark.line + 2 if mark else None
        raise ArticleError(path, f"invalid YAML front matter: {reason}", line=line) from exc
    except RecursionError as exc:
        raise ArticleError(path, "front matter nested too deeply", line=2) from exc
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ArticleError(path, f"invalid front matter: {reason}", line=1) from exc
    if not isinstance(meta, dict):
        raise ArticleError(path, "front matter must be a table of keys and values", line=2)
    return meta


def _check_meta(path: Path, source: str, meta: dict[Any, Any]) -> None:
    """Known string keys only; values of the right type (the error names the key's line)."""
    unknown = sorted(
        repr(k) if not isinstance(k, str) else k for k in meta if k not in FRONT_MATTER_KEYS
    )
    if unknown:
        allowed = ", ".join(sorted(FRONT_MATTER_KEYS))
        raise ArticleError(
            path,
            f"unknown front matter key(s): {', '.join(unknown)} (allowed: {allowed})",
            line=_key_line(source, str(unknown[0]).strip("'")),
        )
    for key, value in meta.items():
        if value is None or (key == "published" and isinstance(value, dt.date)):
            continue
        if not isinstance(value, str):
            kind = type(value).__name__
            raise ArticleError(
                path,
                f"front matter {key!r}: expected text, got {kind}",
                line=_key_line(source, key),
            )
        if key == "published" and value.strip():
            try:
                dt.date.fromisoformat(value.strip()[:10])
            except ValueError as exc:
                raise ArticleError(
                    path,
                    f"front matter 'published': expected YYYY-MM-DD, got {value!r}",
                    line=_key_line(source, key),
                ) from exc


def _key_line(source: str, key: str) -> int | None:
    """File line (the fence is line 1) where front-matter ``key`` is set."""
    match = re.search(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[:=]", source, re.MULTILINE)
    return source.count("\n", 0, match.start()) + 2 if match else None


def read_html_page(
    path: Path, html: str
) -> tuple[str, dict[str, Any], tuple[str, ...], tuple[str, ...]]:
    """Main text (one line per heading/paragraph), metadata, photo captions, and the page's
    other visible text blocks (navigation, share bars, related links, footer) of a saved page."""
    from lxml import etree

    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        return _html_parts(path, html)
    except ArticleError:
        raise
    except (ValueError, TypeError, RecursionError, LookupError, etree.LxmlError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ArticleError(path, f"cannot parse the HTML page: {reason}") from exc


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _html_parts(
    path: Path, html: str
) -> tuple[str, dict[str, Any], tuple[str, ...], tuple[str, ...]]:
    import trafilatura  # imported here: only HTML pages need it
    from lxml import etree
    from lxml import html as lxml_html
    from trafilatura.deduplication import LRU_TEST

    # trafilatura's paragraph deduplication remembers text across calls: without this, a page
    # read twice in one process (or two pages sharing paragraphs) loses text the second time
    LRU_TEST.clear()
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
