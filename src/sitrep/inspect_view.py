"""What ``sitrep inspect`` shows: one JSON object per article, or a terminal view.

The JSON keys are fixed: path, title, subtitles, captions, dateline, outlet, published,
removed, sentences; each sentence has text, section, reasons, entities, figures, dates.
Terminals neither shape nor reorder Arabic, so the terminal view shapes it with
arabic-reshaper and python-bidi (``shape=False`` for bidi-capable terminals).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import arabic_reshaper
from bidi import get_display

from sitrep.model import Analysed, Article


def article_record(article: Article, analysed: Iterable[Analysed]) -> dict[str, Any]:
    return {
        "path": str(article.path),
        "title": article.title,
        "subtitles": list(article.subtitles),
        "captions": list(article.captions),
        "dateline": article.dateline,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in article.removed],
        "sentences": [_sentence_record(a) for a in analysed],
    }


def _sentence_record(item: Analysed) -> dict[str, Any]:
    facts = item.facts
    return {
        "text": item.sentence.text,
        "section": item.classification.section,
        "reasons": list(item.classification.reasons),
        "entities": [{"text": e.text, "type": e.type, "en": e.en} for e in facts.entities],
        "figures": [
            {
                "value": f.value,
                "unit": f.unit,
                "counts": f.counts,
                "outcome": f.outcome,
                "qualifier": f.qualifier,
                "vague": f.vague,
                "cumulative": f.cumulative,
                "text": f.text,
            }
            for f in facts.figures
        ],
        "dates": [
            {
                "text": d.text,
                "en": d.en,
                "value": d.value.isoformat() if d.value else None,
                "precision": d.precision,
            }
            for d in facts.dates
        ],
    }


def json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def terminal_view(record: dict[str, Any], *, shape: bool) -> str:
    show = _shaped if shape else (lambda text: text)
    lines = [f"== {record['path']}"]
    for key in ("title", "dateline", "outlet", "published"):
        lines.append(f"  {key:<10} {show(record[key]) if record[key] else '—'}")
    for key in ("subtitles", "captions"):
        for value in record[key]:
            lines.append(f"  {key[:-1]:<10} {show(value)}")
    for removed in record["removed"]:
        lines.append(
            f"  removed    line {removed['line']}: {show(removed['text'])} ({removed['reason']})"
        )
    for number, sentence in enumerate(record["sentences"], start=1):
        facts = [e["en"] for e in sentence["entities"]] + [f["text"] for f in sentence["figures"]]
        facts += [d["en"] for d in sentence["dates"]]
        lines.append(f"  [{number:>3}] {sentence['section'][:4].upper()}  {show(sentence['text'])}")
        if facts:
            lines.append(f"        facts: {show(', '.join(facts))}")
    return "\n".join(lines)


def _shaped(text: str) -> str:
    """Visual-order, joined letter forms for terminals without a shaping engine."""
    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))
