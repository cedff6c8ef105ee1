"""Read an article file into an ``Article``: decoded text, front matter, and structure.

Structure: headline and subheadlines, photo captions (lines ending in an agency credit),
the dateline (``استانا – وكالات:``), the outlet, and debris (share widgets, link lines).
Removed lines are kept in ``Article.removed`` with a reason: nothing is silently dropped.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from charset_normalizer import from_bytes

from sitrep.errors import ArticleError
from sitrep.model import Article, Block, RemovedLine
from sitrep.normalize import normalize
from sitrep.resources import article_vocabulary

ARTICLE_SUFFIXES = (".txt", ".md")
FRONT_MATTER_KEYS = frozenset({"title", "outlet", "published", "url", "language"})
_SENTENCE_END = re.compile(r"[.!?؟:]\s*[»\"”']?\s*$")
_HEADING_MAX_WORDS = 30
_CAPTION_MAX_WORDS = 40


def list_articles(folder: Path) -> list[Path]:
    """Article files in ``folder`` (sorted by name, so references are stable)."""
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
    )


def read_article(path: Path, ref: str) -> Article:
    """Decode ``path`` and parse it into an ``Article`` referenced as ``ref``."""
    text = decode(path, _read_bytes(path))
    meta, body_offset = split_front_matter(path, text)
    return parse_article(path, ref, text, body_offset, meta)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, exc.strerror or str(exc)) from exc


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else the best guess of charset-normalizer."""
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
    guess = from_bytes(raw, cp_isolation=["cp1256", "iso8859_6", "utf_16", "cp1252"]).best()
    if guess is None:
        tried = "UTF-8, UTF-16, Windows-1256, ISO-8859-6"
        raise ArticleError(path, f"unknown text encoding (tried {tried})")
    return str(guess)


def split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], int]:
    """Parse ``+++`` TOML or ``---`` YAML front matter; return it and where the body starts."""
    for fence, parse in (("+++", tomllib.loads), ("---", yaml.safe_load)):
        if not text.startswith(fence + "\n") and not text.startswith(fence + "\r\n"):
            continue
        end = text.find("\n" + fence, len(fence))
        if end < 0:
            raise ArticleError(path, f"front matter opened with {fence} is never closed")
        try:
            meta = parse(text[len(fence) + 1 : end]) or {}
        except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
            raise ArticleError(path, f"invalid front matter: {exc}") from exc
        unknown = set(meta) - FRONT_MATTER_KEYS
        if unknown:
            raise ArticleError(path, f"unknown front matter key(s): {', '.join(sorted(unknown))}")
        body_start = text.find("\n", end + 1)
        return meta, len(text) if body_start < 0 else body_start + 1
    return {}, 0


@dataclass(frozen=True)
class _Line:
    number: int
    text: str
    start: int


def _lines(text: str, offset: int) -> Iterator[_Line]:
    number = text.count("\n", 0, offset) + 1
    position = offset
    for raw in text[offset:].splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            yield _Line(number, stripped, position + raw.index(stripped[0]))
        position += len(raw)
        number += 1


def parse_article(path: Path, ref: str, text: str, offset: int, meta: dict[str, Any]) -> Article:
    """Split the lines of ``text`` (from ``offset``) into headline, captions, body and debris."""
    vocab = article_vocabulary()
    headings: list[str] = []
    captions: list[str] = []
    blocks: list[Block] = []
    removed: list[RemovedLine] = []
    outlet_line: str | None = None
    for line in _lines(text, offset):
        reason = debris_reason(line.text, vocab)
        if reason:
            removed.append(RemovedLine(line.text, reason, line.number))
        elif is_caption(line.text, vocab):
            captions.append(line.text)
        elif outlet_line is None and _is_outlet_line(line.text, vocab):
            outlet_line = line.text
            removed.append(RemovedLine(line.text, "outlet line", line.number))
        elif not blocks and is_heading(line.text):
            headings.append(line.text)
        else:
            blocks.append(Block(line.text, line.start))
    dateline, agency, blocks = _take_dateline(blocks, vocab)
    return Article(
        ref=ref,
        path=path,
        text=text,
        title=_meta_str(meta, "title") or (headings[0] if headings else None),
        subtitles=tuple(headings[1:] if not _meta_str(meta, "title") else headings),
        captions=tuple(captions),
        dateline=dateline,
        outlet=_meta_str(meta, "outlet") or _outlet_from(agency, vocab) or outlet_line,
        published=_published(path, meta.get("published")),
        url=_meta_str(meta, "url"),
        blocks=tuple(blocks),
        removed=tuple(removed),
    )


def debris_reason(line: str, vocab: dict[str, Any]) -> str | None:
    norm = normalize(line).strip()
    if norm in {normalize(d) for d in vocab["debris_lines"]}:
        return "share/page widget"
    for pattern in vocab["debris_patterns"]:
        if re.search(pattern, norm):
            return f"debris pattern {pattern}"
    return None


def is_caption(line: str, vocab: dict[str, Any]) -> bool:
    """A short line that ends in an agency credit: ``… في أستانا. أ.ف.ب`` or ``… (الأناضول)``."""
    if len(line.split()) > _CAPTION_MAX_WORDS:
        return False
    norm = normalize(line).rstrip(" .")
    for credit in vocab["credits"]:
        credit_norm = re.escape(normalize(credit))
        if re.search(rf"(^|[\s.(])\(?{credit_norm}\)?$", norm) and norm != normalize(credit):
            return True
    return False


def is_heading(line: str) -> bool:
    """A headline: short and without a sentence-final mark (``..`` inside is fine)."""
    return len(line.split()) <= _HEADING_MAX_WORDS and not _SENTENCE_END.search(line)


def _is_outlet_line(line: str, vocab: dict[str, Any]) -> bool:
    return normalize(line) in {normalize(o) for o in vocab["outlets"]}


_DATELINE = re.compile(
    r"^(?P<place>[^\s:–—\-()]+(?:\s[^\s:–—\-()]+)?)\s*"
    r"(?:\((?P<agency_paren>[^)]{2,40})\)\s*[–—\-:]|[–—\-]\s*(?P<agency>[^:\n.،]{2,40}?)\s*:)\s*"
)


def _take_dateline(
    blocks: list[Block], vocab: dict[str, Any]
) -> tuple[str | None, str | None, list[Block]]:
    if not blocks:
        return None, None, blocks
    first = blocks[0]
    match = _DATELINE.match(first.text)
    if not match:
        return None, None, blocks
    agency = (match["agency"] or match["agency_paren"] or "").strip()
    rest = first.text[match.end() :]
    trimmed = Block(rest, first.start + match.end()) if rest else None
    return match[0].strip(), agency, ([trimmed] if trimmed else []) + blocks[1:]


def _outlet_from(agency: str | None, vocab: dict[str, Any]) -> str | None:
    if not agency:
        return None
    if normalize(agency) in {normalize(g) for g in vocab["generic_agencies"]}:
        return None
    return agency


def _meta_str(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    return str(value).strip() if value not in (None, "") else None


def _published(path: Path, value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        message = f"front matter 'published': expected YYYY-MM-DD, got {value!r}"
        raise ArticleError(path, message) from exc
