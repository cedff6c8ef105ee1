"""Read hand-labelled gold files, validated with file:line.

Two formats:

- ``.tsv`` (the first, imitation gold set): ``title<TAB>headline`` then ``label<TAB>sentence``.
- ``.jsonl`` (the real gold set, ``eval/real/``, rules in ``eval/real/RULES.md``): line 1
  describes the article (source file, outlet, publication date, title, front, topic); every
  other line is one sentence of a real article with its section, figures (number, what it
  counts, outcome), dates (text, value, precision) and modality flags.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sitrep.errors import SitrepError
from sitrep.model import OUTCOMES, SECTION_ORDER, SectionName

GoldSection = Literal["diplomacy", "battlefield", "other", "not-body"]
Front = Literal["syria", "yemen", "libya", "iraq", "gaza", "afghanistan", "other"]
Topic = Literal["fighting", "talks", "humanitarian", "economy", "politics", "other"]
_SECTIONS = frozenset((*SECTION_ORDER, "not-body"))
_STRUCTURES = frozenset({"subheading", "teaser", "caption", "credit", "byline", "other"})
_FRONTS = frozenset(Front.__args__)  # type: ignore[attr-defined]
_TOPICS = frozenset(Topic.__args__)  # type: ignore[attr-defined]
_QUALIFIERS = frozenset({"about", "more than", "at least", "less than", "up to"})
_PRECISION = {
    "day": r"\d{4}-\d\d-\d\d",
    "week": r"\d{4}-\d\d-\d\d",
    "month": r"\d{4}-\d\d",
    "year": r"\d{4}",
    "recurring": r"--\d\d-\d\d",
    "unresolved": None,
}


@dataclass(frozen=True)
class GoldFigure:
    number: float
    counts: str
    outcome: str
    qualifier: str = ""
    vague: bool = False
    cumulative: bool = False


@dataclass(frozen=True)
class GoldDate:
    text: str
    value: str | None
    precision: str


@dataclass(frozen=True)
class GoldSentence:
    line: int
    text: str
    section: GoldSection
    structure: str = ""
    figures: tuple[GoldFigure, ...] = ()
    dates: tuple[GoldDate, ...] = ()
    negated: bool = False
    future: bool = False
    conditional: bool = False


@dataclass(frozen=True)
class GoldArticle:
    path: Path
    title: str | None
    sentences: tuple[tuple[SectionName, str], ...]  # body sentences, for the classifier
    labelled: tuple[GoldSentence, ...] = ()  # every labelled line (real gold only)
    source: str = ""
    outlet: str = ""
    published: dt.date | None = None
    front: Front | None = None
    topic: Topic | None = None


def read_gold(path: Path) -> GoldArticle:
    """One gold article, in either format."""
    if path.suffix == ".jsonl":
        return read_real_gold(path)
    return _read_tsv(path)


def _read_tsv(path: Path) -> GoldArticle:
    title: str | None = None
    sentences: list[tuple[SectionName, str]] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        label, sep, text = raw.partition("\t")
        if not sep or not text.strip():
            raise SitrepError(f"{path}:{number}: expected 'label<TAB>sentence'")
        if label == "title":
            title = text.strip()
        elif label in SECTION_ORDER:
            sentences.append((label, text.strip()))  # type: ignore[arg-type]
        else:
            allowed = ", ".join(("title", *SECTION_ORDER))
            raise SitrepError(f"{path}:{number}: unknown label '{label}' (expected {allowed})")
    return GoldArticle(path, title, tuple(sentences))


def read_real_gold(path: Path) -> GoldArticle:
    """A real-gold ``.jsonl`` article; any invalid line is an error with file:line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines:
        raise SitrepError(f"{path}: empty gold file")
    head = _json(path, 1, lines[0])
    _require(path, 1, head.get("front") in _FRONTS, f"front must be one of {sorted(_FRONTS)}")
    _require(path, 1, head.get("topic") in _TOPICS, f"topic must be one of {sorted(_TOPICS)}")
    labelled = []
    for number, raw in enumerate(lines[1:], start=2):
        row = _json(path, number, raw)
        if not row.get("context"):
            labelled.append(_sentence(path, number, row))
    published = head.get("published")
    return GoldArticle(
        path=path,
        title=head.get("title"),
        sentences=tuple((s.section, s.text) for s in labelled if s.section != "not-body"),  # type: ignore[misc]
        labelled=tuple(labelled),
        source=str(head.get("article", "")),
        outlet=str(head.get("outlet") or ""),
        published=dt.date.fromisoformat(published) if published else None,
        front=head["front"],
        topic=head["topic"],
    )


def _json(path: Path, number: int, raw: str) -> dict[str, Any]:
    try:
        row = json.loads(raw)
    except json.JSONDecodeError as error:
        raise SitrepError(f"{path}:{number}: not JSON ({error.msg})") from None
    _require(path, number, isinstance(row, dict), "expected a JSON object")
    return row


def _require(path: Path, number: int, condition: bool, message: str) -> None:
    if not condition:
        raise SitrepError(f"{path}:{number}: {message}")


def _sentence(path: Path, number: int, row: dict[str, Any]) -> GoldSentence:
    section = row.get("section")
    _require(path, number, section in _SECTIONS, f"section must be one of {sorted(_SECTIONS)}")
    structure = row.get("structure", "")
    if section == "not-body":
        _require(path, number, structure in _STRUCTURES, "structure must be one of "
                 f"{sorted(_STRUCTURES)}")
    for key in ("negated", "future", "conditional"):
        _require(path, number, isinstance(row.get(key), bool), f"{key} must be true or false")
    text = row.get("text")
    _require(path, number, isinstance(text, str) and bool(text), "text must be a sentence")
    return GoldSentence(
        line=number,
        text=text,
        section=section,
        structure=structure,
        figures=tuple(_figure(path, number, f) for f in row.get("figures", [])),
        dates=tuple(_date(path, number, d, text) for d in row.get("dates", [])),
        negated=row["negated"],
        future=row["future"],
        conditional=row["conditional"],
    )


def _figure(path: Path, number: int, spec: Any) -> GoldFigure:
    _require(path, number, isinstance(spec, dict), f"a figure is an object: {spec}")
    value = spec.get("number")
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    _require(path, number, ok, f"figure number must be a number: {spec}")
    _require(path, number, spec.get("outcome") in OUTCOMES,
             f"figure outcome must be one of {sorted(OUTCOMES)}: {spec}")
    qualifier = spec.get("qualifier", "")
    _require(path, number, qualifier in _QUALIFIERS | {""}, f"unknown qualifier: {spec}")
    extra = set(spec) - {"number", "counts", "outcome", "qualifier", "vague", "cumulative"}
    _require(path, number, not extra, f"unknown figure keys {sorted(extra)}")
    return GoldFigure(float(value), str(spec.get("counts", "")), spec["outcome"], qualifier,
                      bool(spec.get("vague")), bool(spec.get("cumulative")))


def _date(path: Path, number: int, spec: Any, text: str) -> GoldDate:
    _require(path, number, isinstance(spec, dict), f"a date is an object: {spec}")
    precision = spec.get("precision")
    _require(path, number, precision in _PRECISION,
             f"date precision must be one of {sorted(_PRECISION)}: {spec}")
    pattern, value = _PRECISION[precision], spec.get("value")
    if pattern is None:
        _require(path, number, value is None, f"an unresolved date has value null: {spec}")
    else:
        ok = isinstance(value, str) and re.fullmatch(pattern, value) is not None
        _require(path, number, ok, f"date value for {precision} must match {pattern}: {spec}")
    _require(path, number, bool(spec.get("text")) and spec["text"] in text,
             f"date text must be a span of the sentence: {spec}")
    return GoldDate(spec["text"], value, precision)


def gold_parts(root: Path) -> dict[str, list[Path]]:
    """``{part: gold files}``: one part per subfolder with .tsv or .jsonl files, else the
    folder. ``agreement/`` (the blind second labelling pass) is not a part."""
    if root.is_file():
        return {root.stem: [root]}
    if not root.is_dir():
        raise SitrepError(f"{root}: no such gold file or folder")
    parts = {
        d.name: _gold_files(d)
        for d in sorted(root.iterdir())
        if d.is_dir() and d.name != "agreement"
    }
    parts = {name: files for name, files in parts.items() if files}
    if not parts:
        parts = {root.name: _gold_files(root)}
    if not any(parts.values()):
        raise SitrepError(f"{root}: no gold .tsv or .jsonl files")
    return parts


def _gold_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.tsv"), *folder.glob("*.jsonl")])


def is_held_out(part: str) -> bool:
    """Held-out parts (``heldout``, ``heldout-a`` …) are never trained or tuned on."""
    return part == "heldout" or part.startswith("heldout-")
