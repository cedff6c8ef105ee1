"""Score sitrep on hand-labelled gold sets (``sitrep eval``).

Sections: the classifier sees each gold article as one article, exactly as in a build
(accuracy, per-class precision/recall/F1, confusion). On the real gold set (``.jsonl``, see
``sitrep.training.gold``) also figures and dates: a casualty figure is right when its number and its
outcome (killed, wounded, casualties) both match a gold figure of the same sentence; a date is
right when it overlaps a gold date and has the same value and precision. Scores are given per
part (``dev``, ``heldout-a`` …) and, for real gold, per outlet, front and topic.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sitrep.analysis.classify import Lexicon, classify
from sitrep.analysis.extract import extract
from sitrep.model import (
    CASUALTY_OUTCOMES,
    SECTION_ORDER,
    DateMention,
    Figure,
    SectionName,
    Sentence,
    Span,
)
from sitrep.training.gold import GoldArticle, GoldSentence


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


# --- figures and dates (real gold) -----------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """Matches of found items against gold items: precision = right / found, recall =
    right / gold."""

    right: int = 0
    found: int = 0
    gold: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.right + other.right, self.found + other.found, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0


@dataclass(frozen=True)
class FactMiss:
    path: Path
    line: int
    kind: str
    gold: str
    found: str
    text: str


@dataclass(frozen=True)
class FactScores:
    casualties: Tally
    outcomes: Tally  # every figure with an outcome other than none
    dates: Tally
    date_precision: Tally  # dates found at the right precision, value aside
    misses: tuple[FactMiss, ...]


def score_facts(articles: Iterable[GoldArticle]) -> FactScores:
    casualties, outcomes, dates, precision = Tally(), Tally(), Tally(), Tally()
    misses: list[FactMiss] = []
    for article in articles:
        for sentence in article.labelled:
            if sentence.section == "not-body":
                continue
            facts = extract(sentence.text, article.published).facts
            found = [f for f in facts.figures if f.outcome in CASUALTY_OUTCOMES]
            gold = [f for f in sentence.figures if f.outcome in CASUALTY_OUTCOMES]
            casualties += _match_figures(found, gold, article, sentence, misses)
            found_all = [f for f in facts.figures if f.outcome != "none"]
            gold_all = [f for f in sentence.figures if f.outcome != "none"]
            outcomes += _match_figures(found_all, gold_all, article, sentence, [])
            right, right_precision = _match_dates(facts.dates, sentence, article, misses)
            dates += Tally(right, len(facts.dates), len(sentence.dates))
            precision += Tally(right_precision, len(facts.dates), len(sentence.dates))
    return FactScores(casualties, outcomes, dates, precision, tuple(misses))


def _match_figures(found: list[Figure], gold, article, sentence, misses) -> Tally:
    wanted = Counter((g.number, g.outcome) for g in gold)
    got = Counter((f.value, f.outcome) for f in found)
    right = sum((wanted & got).values())
    for number, outcome in (wanted - got):
        misses.append(FactMiss(article.path, sentence.line, "figure missed",
                               f"{number:g} {outcome}", _listed(got), sentence.text))
    for number, outcome in (got - wanted):
        misses.append(FactMiss(article.path, sentence.line, "figure wrong",
                               _listed(wanted), f"{number:g} {outcome}", sentence.text))
    return Tally(right, len(found), len(gold))


def _listed(figures: Counter[tuple[float, str]]) -> str:
    return "; ".join(f"{n:g} {o}" for n, o in figures.elements()) or "nothing"


def _match_dates(found: tuple[DateMention, ...], sentence: GoldSentence, article, misses):
    """(right value and precision, right precision) over gold dates matched by overlap."""
    right = right_precision = 0
    free = list(found)
    for gold in sentence.dates:
        match = next((m for m in free if _overlaps(m.text, gold.text, sentence.text)), None)
        if match is None:
            misses.append(FactMiss(article.path, sentence.line, "date missed",
                                   f"{gold.text} = {gold.value} ({gold.precision})", "nothing",
                                   sentence.text))
            continue
        free.remove(match)
        same_precision = _precision(match) == gold.precision
        right_precision += same_precision
        if same_precision and date_value(match) == gold.value:
            right += 1
        else:
            misses.append(FactMiss(article.path, sentence.line, "date wrong",
                                   f"{gold.value} ({gold.precision})",
                                   f"{date_value(match)} ({_precision(match)})", sentence.text))
    for extra in free:
        misses.append(FactMiss(article.path, sentence.line, "date extra", "nothing",
                               f"{extra.text} = {date_value(extra)}", sentence.text))
    return right, right_precision


def _overlaps(found: str, gold: str, text: str) -> bool:
    a, b = text.find(found), text.find(gold)
    if a < 0 or b < 0:
        return found in gold or gold in found
    return a < b + len(gold) and b < a + len(found)


def _precision(mention: DateMention) -> str:
    return "unresolved" if mention.precision in ("relative", "weekday") else mention.precision


def date_value(mention: DateMention) -> str | None:
    """A found date written as the gold writes it for its precision."""
    value: dt.date | None = mention.value
    if value is None:
        return None
    return {
        "day": value.isoformat(),
        "week": value.isoformat(),
        "month": value.isoformat()[:7],
        "year": str(value.year),
    }.get(mention.precision)


def format_facts(name: str, scores: FactScores) -> str:
    c, o, d, p = scores.casualties, scores.outcomes, scores.dates, scores.date_precision
    return "\n".join([
        f"-- {name}: figures and dates",
        f"casualty figures (number + killed/wounded/casualties): precision {c.precision:.3f}"
        f" ({c.right}/{c.found})  recall {c.recall:.3f} ({c.right}/{c.gold})",
        f"figures with any outcome (number + outcome):            precision {o.precision:.3f}"
        f" ({o.right}/{o.found})  recall {o.recall:.3f} ({o.right}/{o.gold})",
        f"dates exact (value + precision):                         precision {d.precision:.3f}"
        f" ({d.right}/{d.found})  recall {d.recall:.3f} ({d.right}/{d.gold})",
        f"dates at the right precision:                            recall {p.recall:.3f}"
        f" ({p.right}/{p.gold})",
    ])


def format_fact_misses(scores: FactScores, limit: int) -> str:
    return "\n".join(
        f"- {m.path.name}:{m.line}: {m.kind}: gold {m.gold}; found {m.found}: {m.text[:160]}"
        for m in scores.misses[:limit]
    )


def breakdown(
    articles: list[GoldArticle], key: Callable[[GoldArticle], str], lexicon: Lexicon | None
) -> str:
    """Section accuracy and casualty-figure precision/recall per group of articles."""
    groups: dict[str, list[GoldArticle]] = defaultdict(list)
    for article in articles:
        groups[key(article) or "unknown"].append(article)
    lines = [f"{'':<22}{'articles':>9}{'sentences':>10}{'accuracy':>9}"
             f"{'casualty P':>11}{'R':>7}{'(gold)':>7}"]
    for name, members in sorted(groups.items()):
        sections = score(members, lexicon)
        facts = score_facts(members)
        c = facts.casualties
        lines.append(f"{name:<22}{len(members):>9}{sections.total:>10}{sections.accuracy:>9.3f}"
                     f"{c.precision:>11.3f}{c.recall:>7.3f}{c.gold:>7}")
    return "\n".join(lines)
