"""Sort the lines of an article into headline, subheadlines, captions, dateline, body and debris.

Line roles, decided in reading order (vocabularies in ``data/article.toml``):
- debris: share widgets, link and hashtag lines, copyright lines, related-story blocks
  (a "اقرأ أيضاً" header and the short teaser lines under it), bylines;
- dateline: before the body, a short ``place – agency`` line naming a known outlet or agency
  (``أبوظبي - سكاي نيوز عربية``), or the same at the start of the first paragraph
  (``استانا – وكالات:``, ``عمان (رويترز) -``);
- caption: a short line ending in an agency credit (``… في أستانا. أ.ف.ب``, ``… (الأناضول)``);
- outlet line: a bare outlet name (``فرانس 24``) or a ``المصدر: الجزيرة`` credit;
- heading: before the body, a short line without a sentence-final mark (the first one may
  end in a question, an exclamation or an ellipsis);
- sub-heading: inside the body, a line of at most 12 words without a sentence-final mark
  that does not run on (no trailing comma or colon), is no list item and does not open with
  a connective («كذلك», «كما»), or of at most 8 words ending in «؟» or «!»: removed, reason
  "sub-heading";
- body: everything else.
Removed lines are kept in ``Article.removed`` with their reason: nothing is silently dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sitrep.errors import ArticleError
from sitrep.knowledge.resources import article_vocabulary
from sitrep.model import Article, Block, RemovedLine
from sitrep.reading.normalize import normalize

_SENTENCE_END = re.compile(r"[.!?؟:]\s*[»\"”']?\s*$")
_HEADING_MAX_WORDS = 30
_CAPTION_MAX_WORDS = 40
_TEASER_MAX_WORDS = 25
_SUBHEADING_MAX_WORDS = 12
_TEASER_SHARE = 0.6  # of a trailing run of lines, the share left unfinished
_FINISHED_SHARE = 0.8  # of the body before it, the share of lines with a full stop
_TITLE_MAX_WORDS = 20
_QUESTION_MAX_WORDS = 8
_INNER_END = re.compile(r"(?<!\.)[.؟?!](?![.!؟?])\s*\S")  # a sentence ends inside the line
_QUESTION_END = re.compile(r"[؟?!]\s*[»\"”']?\s*$")
_LIST_ITEM = re.compile(r"^\s*(\d+|[-•*])\s*[-.)]")  # «2-عملية تسليم …», «- …»
_RUNS_ON = re.compile(r"[،,:؛;\-–—]\s*$")
_TITLE_END = re.compile(r"([؟?!]|\.\.|…)\s*[»\"”']?\s*$")
_DATELINE_MAX_WORDS = 8
_DASH = r"[-–—]"
_NAME = r"[^\s:–—\-()]+(?:\s[^\s:–—\-()]+)?"
_INLINE_DATELINE = re.compile(
    rf"^(?P<place>{_NAME}(?:\s*[،,]\s*[^():،,\n]{{2,40}}?)?)\s*"  # «دبي، الإمارات العربية المتحدة»
    rf"(?:\((?P<agency_paren>[^)]{{2,40}})\)\s*{_DASH}+|{_DASH}\s*(?P<agency>[^:\n.،]{{2,40}}?)\s*:)\s*"
)
_LINE_DATELINE = re.compile(
    rf"^(?P<place>{_NAME})\s*(?:\((?P<agency_paren>[^)]{{2,40}})\)|{_DASH}\s*(?P<agency>[^:\n.،]{{2,40}}?))\s*:?\s*$"
)


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    start: int


@dataclass
class _Parts:
    """What the line walk collects (local to one parse; the Article is built from it)."""

    headings: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    dateline: str | None = None
    agency: str | None = None
    outlet_line: str | None = None
    in_teasers: bool = False


def lines_of(text: str, offset: int) -> Iterator[Line]:
    """Non-blank lines from ``offset`` on, stripped, with their number and start offset."""
    number = text.count("\n", 0, offset) + 1
    position = offset
    for raw in text[offset:].splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            yield Line(number, stripped, position + raw.index(stripped[0]))
        position += len(raw)
        number += 1


def parse_article(
    path: Path,
    ref: str,
    text: str,
    offset: int,
    meta: dict[str, Any],
    captions: tuple[str, ...] = (),
    outside: tuple[str, ...] = (),
) -> Article:
    """Split the lines of ``text`` (from ``offset``) into the parts of an ``Article``.

    ``captions`` and ``outside`` come from a saved page: its ``<figcaption>`` texts, and its
    visible text outside the article (recorded as removed, line 0)."""
    vocab = _vocabulary()
    parts = _Parts(captions=list(captions))
    parts.removed.extend(RemovedLine(t, "page text outside the article", 0) for t in outside)
    for line in lines_of(text, offset):
        _take_line(line, parts, vocab)
    _take_trailing_teasers(parts, text)
    blocks = _take_inline_dateline(parts, vocab)
    title = _meta_str(meta, "title")
    headings = [h for h in parts.headings if title is None or normalize(h) != normalize(title)]
    return Article(
        ref=ref,
        path=path,
        text=text,
        title=title or (headings[0] if headings else None),
        subtitles=tuple(headings if title else headings[1:]),
        captions=tuple(parts.captions),
        dateline=parts.dateline,
        outlet=_meta_str(meta, "outlet")
        or _outlet_from(parts.agency, vocab)
        or _outlet_from(parts.outlet_line, vocab),
        published=published_date(path, meta.get("published")),
        url=_meta_str(meta, "url"),
        blocks=tuple(blocks),
        removed=tuple(parts.removed),
    )


def _take_trailing_teasers(parts: _Parts, text: str) -> None:
    """CNN Arabic ends a page with the ledes of other stories, most cut off without a full
    stop: the longest trailing run of lines that starts with an unfinished line (not opening
    with «و») and in which most lines are unfinished (at least two), after a body whose lines
    are finished, is removed as related-story teasers."""
    blocks = parts.blocks
    unfinished = [not _SENTENCE_END.search(block.text) for block in blocks]
    start = None
    for k in range(len(blocks) - 2, 0, -1):
        run, body = unfinished[k:], unfinished[:k]
        if (
            unfinished[k]
            and not blocks[k].text.startswith("و")  # a lede, not a continuing sentence
            and not any(_LIST_ITEM.match(block.text) for block in blocks[k:])
            and sum(run) >= 2
            and sum(run) >= _TEASER_SHARE * len(run)
            and sum(body) <= (1 - _FINISHED_SHARE) * len(body)
        ):
            start = k
    if start is None:
        return
    for block in blocks[start:]:
        number = text.count("\n", 0, block.start) + 1
        parts.removed.append(RemovedLine(block.text, "related-story teaser", number))
    del blocks[start:]


def _take_line(line: Line, parts: _Parts, vocab: dict[str, Any]) -> None:
    text = line.text
    if parts.in_teasers and _is_teaser(text):
        parts.removed.append(RemovedLine(text, "related-story teaser", line.number))
        return
    parts.in_teasers = False
    reason = debris_reason(text, vocab)
    if reason == "related-stories header":
        parts.in_teasers = True
    if reason:
        parts.removed.append(RemovedLine(text, reason, line.number))
    elif parts.dateline is None and not parts.blocks and (match := _line_dateline(text, vocab)):
        parts.dateline, parts.agency = text, _agency(match)
    elif is_caption(text, vocab):
        parts.captions.append(text)
    elif source := _source_credit(text, vocab):
        parts.outlet_line = parts.outlet_line or source
        parts.removed.append(RemovedLine(text, "source credit", line.number))
    elif parts.outlet_line is None and normalize(text) in vocab["outlets"]:
        parts.outlet_line = text
        parts.removed.append(RemovedLine(text, "outlet line", line.number))
    elif not parts.blocks and (is_heading(text) or (not parts.headings and _is_title_like(text))):
        parts.headings.append(text)
    elif parts.blocks and (is_subheading(text) or _is_question_heading(text)):
        parts.removed.append(RemovedLine(text, "sub-heading", line.number))
    else:
        parts.blocks.append(Block(text, line.start))


@cache
def _vocabulary() -> dict[str, Any]:
    """article.toml with every list normalized once for matching."""
    raw = article_vocabulary()
    return {
        **raw,
        "debris_lines": frozenset(normalize(d) for d in raw["debris_lines"]),
        "related_headers": frozenset(normalize(d) for d in raw["related_headers"]),
        "outlets": frozenset(normalize(o) for o in raw["outlets"]),
        "generic_agencies": frozenset(normalize(g) for g in raw["generic_agencies"]),
        "credits": tuple(re.escape(normalize(c)) for c in raw["credits"]),
        "byline_prefixes": tuple(normalize(b) for b in raw["byline_prefixes"]),
        "connectives": frozenset(normalize(c) for c in raw["connectives"]),
    }


def debris_reason(line: str, vocab: dict[str, Any] | None = None) -> str | None:
    """Why ``line`` is page furniture rather than article text, or None."""
    vocab = vocab or _vocabulary()
    norm = normalize(line).strip()
    bare = norm.rstrip(" :：")
    if bare in vocab["related_headers"]:
        return "related-stories header"
    if norm in vocab["debris_lines"]:
        return "share/page widget"
    if norm.startswith(vocab["byline_prefixes"]) and len(norm.split()) <= _DATELINE_MAX_WORDS:
        return "byline"
    for label, pattern in vocab["debris_patterns"].items():
        if re.search(pattern, norm):
            return label
    return None


def is_caption(line: str, vocab: dict[str, Any] | None = None) -> bool:
    """A short line that ends in an agency credit: ``… في أستانا. أ.ف.ب`` or ``… (الأناضول)``."""
    vocab = vocab or _vocabulary()
    if len(line.split()) > _CAPTION_MAX_WORDS:
        return False
    norm = normalize(line).rstrip(" .")
    return any(
        re.search(rf"[\s.(\-–—]\(?{credit}\)?$", norm)
        and not re.fullmatch(rf"\(?{credit}\)?", norm)
        for credit in vocab["credits"]
    )


def is_heading(line: str) -> bool:
    """A headline: short and without a sentence-final mark (``..`` inside is fine)."""
    return len(line.split()) <= _HEADING_MAX_WORDS and not _SENTENCE_END.search(line)


def is_subheading(line: str) -> bool:
    """A sub-heading inside the body: a short line with no sentence-final mark that does not
    run on («حصار وغارات مكثفة»)."""
    words = line.split()
    return (
        len(words) <= _SUBHEADING_MAX_WORDS
        and not _SENTENCE_END.search(line)
        and not _RUNS_ON.search(line)
        and not _LIST_ITEM.match(line)
        and normalize(words[0]) not in _vocabulary()["connectives"]
    )


def _is_question_heading(line: str) -> bool:
    """Inside the body, a very short line of its own ending in a question or exclamation
    mark («ما الذي حدث في دوما؟», «الأزمة الخليجية القطرية!») heads what follows."""
    words = line.split()
    return (
        len(words) <= _QUESTION_MAX_WORDS
        and bool(_QUESTION_END.search(line))
        and normalize(words[0]) not in _vocabulary()["connectives"]
    )


def _is_title_like(line: str) -> bool:
    """Before the body, a short headline may end in a question, an exclamation or an
    ellipsis («هل كانت الضربات الجوية على سوريا قانونية؟», «رسائل بـ"الحبر النووي"..»)."""
    return (
        len(line.split()) <= _TITLE_MAX_WORDS
        and bool(_TITLE_END.search(line))
        and not _INNER_END.search(line)
    )


def _is_teaser(line: str) -> bool:
    return len(line.split()) <= _TEASER_MAX_WORDS and not _SENTENCE_END.search(line)


def _source_credit(line: str, vocab: dict[str, Any]) -> str | None:
    """``المصدر: الجزيرة + وكالات`` → ``الجزيرة`` (the first named outlet, as written)."""
    match = re.match(r"^(\S+)\s*[:：]\s*(.+)$", line)
    if not match or normalize(match[1]) != "المصدر" or len(line.split()) > _DATELINE_MAX_WORDS:
        return None
    names = [n.strip() for n in re.split(r"\s*[+،,]\s*|\s+و(?=\S)", match[2])]
    return next((n for n in names if normalize(n) in vocab["outlets"]), match[2].strip())


def _line_dateline(text: str, vocab: dict[str, Any]) -> re.Match[str] | None:
    """A standalone ``أبوظبي - سكاي نيوز عربية`` line naming a known outlet or agency."""
    if len(text.split()) > _DATELINE_MAX_WORDS:
        return None
    match = _LINE_DATELINE.match(text)
    if match and _is_agency(_agency(match), vocab):
        return match
    return None


def _take_inline_dateline(parts: _Parts, vocab: dict[str, Any]) -> list[Block]:
    """Cut ``استانا – وكالات:`` from the start of the first paragraph into the dateline."""
    if not parts.blocks or parts.dateline:
        return parts.blocks
    first = parts.blocks[0]
    match = _INLINE_DATELINE.match(first.text)
    if not match:
        return parts.blocks
    parts.dateline, parts.agency = match[0].strip(), _agency(match)
    rest = first.text[match.end() :]
    return ([Block(rest, first.start + match.end())] if rest else []) + parts.blocks[1:]


def _agency(match: re.Match[str]) -> str:
    return (match["agency"] or match["agency_paren"] or "").strip()


def _is_agency(name: str, vocab: dict[str, Any]) -> bool:
    norm = normalize(name)
    return (
        norm in vocab["outlets"]
        or norm in vocab["generic_agencies"]
        or any(re.fullmatch(credit, norm) for credit in vocab["credits"])
    )


def _outlet_from(name: str | None, vocab: dict[str, Any]) -> str | None:
    if not name or normalize(name) in vocab["generic_agencies"]:
        return None
    return name


def _meta_str(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    return str(value).strip() if value not in (None, "") else None


def published_date(path: Path, value: Any) -> dt.date | None:
    """A front-matter ``published`` value as a date (datetime and ISO strings accepted)."""
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
