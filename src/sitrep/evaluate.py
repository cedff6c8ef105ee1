"""Score the classifier on a hand-labelled gold set (``sitrep eval``).

A gold file is a ``.tsv`` article: optional ``title<TAB>headline``, then ``label<TAB>sentence``
lines in reading order (``#`` lines are comments). The classifier sees each file as one
article, exactly as in a build. A gold folder whose subfolders hold ``.tsv`` files (e.g.
``dev/`` and ``heldout/``) is scored per subfolder.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitrep.classify import Lexicon, classify
from sitrep.errors import SitrepError
from sitrep.model import SECTION_ORDER, SectionName, Sentence, Span


@dataclass(frozen=True)
class GoldArticle:
    path: Path
    title: str | None
    sentences: tuple[tuple[SectionName, str], ...]


@dataclass(frozen=True)
class Miss:
    path: Path
    gold: SectionName
    predicted: SectionName
    text: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Scores:
    confusion: dict[tuple[SectionName, SectionName], int]
    misses: tuple[Miss, ...]

    @property
    def total(self) -> int:
        return sum(self.confusion.values())

    @property
    def accuracy(self) -> float:
        right = sum(n for (gold, predicted), n in self.confusion.items() if gold == predicted)
        return right / self.total if self.total else 0.0

    def precision(self, label: SectionName) -> float:
        predicted = sum(n for (_, p), n in self.confusion.items() if p == label)
        return self.confusion.get((label, label), 0) / predicted if predicted else 0.0

    def recall(self, label: SectionName) -> float:
        gold = sum(n for (g, _), n in self.confusion.items() if g == label)
        return self.confusion.get((label, label), 0) / gold if gold else 0.0

    def f1(self, label: SectionName) -> float:
        p, r = self.precision(label), self.recall(label)
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def macro_f1(self) -> float:
        return sum(self.f1(label) for label in SECTION_ORDER) / len(SECTION_ORDER)


def read_gold(path: Path) -> GoldArticle:
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


def gold_parts(root: Path) -> dict[str, list[Path]]:
    """``{part name: gold files}``: one part per subfolder with .tsv files, else the folder."""
    if root.is_file():
        return {root.stem: [root]}
    if not root.is_dir():
        raise SitrepError(f"{root}: no such gold file or folder")
    parts = {d.name: sorted(d.glob("*.tsv")) for d in sorted(root.iterdir()) if d.is_dir()}
    parts = {name: files for name, files in parts.items() if files}
    if not parts:
        parts = {root.name: sorted(root.glob("*.tsv"))}
    if not any(parts.values()):
        raise SitrepError(f"{root}: no gold .tsv files")
    return parts


def score(articles: Iterable[GoldArticle], lexicon: Lexicon | None = None) -> Scores:
    confusion: Counter[tuple[SectionName, SectionName]] = Counter()
    misses: list[Miss] = []
    for article in articles:
        sentences = [
            Sentence(article.path.stem, i, text, Span(0, len(text)))
            for i, (_, text) in enumerate(article.sentences, start=1)
        ]
        for (gold, text), found in zip(
            article.sentences, classify(sentences, lexicon, title=article.title), strict=True
        ):
            confusion[(gold, found.section)] += 1
            if gold != found.section:
                misses.append(Miss(article.path, gold, found.section, text, found.reasons))
    return Scores(dict(confusion), tuple(misses))


def format_scores(name: str, scores: Scores) -> str:
    lines = [
        f"== {name}: {scores.total} sentences",
        f"accuracy  {scores.accuracy:.3f}    macro-F1  {scores.macro_f1:.3f}",
        "",
        f"{'':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'gold':>6}",
    ]
    for label in SECTION_ORDER:
        gold = sum(n for (g, _), n in scores.confusion.items() if g == label)
        lines.append(
            f"{label:<12}{scores.precision(label):>10.3f}{scores.recall(label):>8.3f}"
            f"{scores.f1(label):>7.3f}{gold:>6}"
        )
    lines += ["", "confusion (rows: gold, columns: predicted)"]
    lines.append(f"{'':<12}" + "".join(f"{label[:11]:>12}" for label in SECTION_ORDER))
    for gold in SECTION_ORDER:
        row = "".join(f"{scores.confusion.get((gold, p), 0):>12}" for p in SECTION_ORDER)
        lines.append(f"{gold:<12}{row}")
    return "\n".join(lines)


def format_misses(scores: Scores, limit: int) -> str:
    lines = []
    for miss in scores.misses[:limit]:
        lines.append(f"- {miss.path.name}: gold {miss.gold}, got {miss.predicted}: {miss.text}")
        lines.append(f"    {'; '.join(miss.reasons) or 'no cue'}")
    return "\n".join(lines)
