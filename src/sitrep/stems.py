"""The section model: logistic regression over word stems and their context, trained on gold.

The rule cues (markers, lexicon, actors, clause structure) know the vocabulary someone wrote
down; the model knows every word of the labelled articles and weighs the rule cues with them.

- Features of a sentence (:func:`context_features`): its distinct stems (clitics and one common
  suffix taken off, at least three letters) and the three- and four-letter pieces of each
  clitic-free word; the stems of the sentences before and after it, of the headline and of
  the whole article; the rule cues' score per section and the running topic. In 5-fold runs
  over 708 real training articles: 0.761 with the sentence's own words, 0.785 with the
  context (``eval/README.md``, round 11).
- Model: multinomial logistic regression (scikit-learn, L2, ``C``), trained by ``sitrep
  train`` on every gold part except held-out ones, and shipped as a versioned data file
  (``data/stem_model.json``). Running it needs nothing but this module; training needs
  scikit-learn (``pip install 'sitrep[train]'``).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from sitrep.errors import SitrepError
from sitrep.model import SECTION_ORDER, SectionName
from sitrep.normalize import strip_clitics, tokenize
from sitrep.resources import vocabulary

FORMAT_VERSION = 3
_BAG_WEIGHT = 10.0  # the article's words, as a share of its word count
_PIECES = (3, 4)  # lengths of the letter pieces taken from each word
_SUFFIXES = ("هما", "ها", "هم", "ات", "ين", "ون", "ان", "ه", "ا", "ي")
_MIN_STEM = 3
_DIGITS = 4  # weights are stored rounded, so that retraining reproduces the file


@dataclass(frozen=True)
class StemModel:
    """Per-stem weights for each section (in ``labels`` order) and the intercepts."""

    labels: tuple[SectionName, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    c: float
    trained_on: tuple[str, ...]
    sentences: int


@dataclass(frozen=True)
class StemVote:
    """The model's probability for each section and the words whose stems pushed hardest."""

    probabilities: dict[SectionName, float]
    strongest: tuple[str, ...]


def stem(norm: str) -> str:
    """The stem of a normalized token: its shortest clitic-free form less one suffix."""
    word = min(strip_clitics(norm), key=len)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def stems(text: str) -> tuple[str, ...]:
    """The distinct stems of a sentence, in order of first appearance."""
    found = (f for _, word_features in _word_features(text) for f in word_features)
    return tuple(dict.fromkeys(f[2:] for f in found if f.startswith("w=")))


def features(text: str) -> frozenset[str]:
    """The model's features of a sentence: each word's stem (``w=``) and the three- and
    four-letter pieces of its clitic-free form, with ``<`` and ``>`` marking its ends
    (``c=``), which carry morphology the stem misses."""
    return frozenset(f for _, word_features in _word_features(text) for f in word_features)


def _word_features(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each word of the text (as written) with its features."""
    found = []
    for token in tokenize(text, vocabulary()):
        own: list[str] = []
        word_stem = stem(token.norm)
        if len(word_stem) >= _MIN_STEM and not word_stem.isdigit():
            own.append("w=" + word_stem)
        bare = "<" + min(strip_clitics(token.norm), key=len) + ">"
        own += ["c=" + bare[i : i + n] for n in _PIECES for i in range(len(bare) - n + 1)]
        found.append((text[token.start : token.end], tuple(own)))
    return found


def context_features(
    texts: Sequence[str],
    title: str | None,
    rule_scores: Sequence[Mapping[SectionName, float]],
    topics: Sequence[SectionName | None],
) -> list[dict[str, float]]:
    """The model's features of each sentence of one article, in reading order.

    Besides the sentence's own stems and pieces: the stems of the sentences before (``p``)
    and after (``n``) it, of the headline (``t``), and of the whole article weighted by
    frequency (``a``); the rule cues' score for each section (``R=``); the running topic set
    by a pivot marker (``TOPIC=``). In 5-fold runs over 708 real training articles these raised
    accuracy from 0.761 (own words only) to 0.785 (``eval/README.md``, round 11)."""
    own = [features(text) for text in texts]
    words = [[f for f in sorted(found) if f.startswith("w=")] for found in own]
    bag = Counter(f for found in words for f in found)
    total = sum(bag.values()) or 1
    article = {"a" + f: _BAG_WEIGHT * n / total for f, n in sorted(bag.items())}
    headline = dict.fromkeys(("t" + f for f in sorted(features(title or "")) if f[:2] == "w="), 1.0)
    rows = []
    for i, found in enumerate(own):
        row = dict.fromkeys(sorted(found), 1.0)
        if i:
            row |= dict.fromkeys(("p" + f for f in words[i - 1]), 1.0)
        if i + 1 < len(own):
            row |= dict.fromkeys(("n" + f for f in words[i + 1]), 1.0)
        row |= headline | article
        row |= {f"R={label}": float(score) for label, score in sorted(rule_scores[i].items())}
        if topics[i]:
            row[f"TOPIC={topics[i]}"] = 1.0
        rows.append(row)
    return rows


def vote(
    model: StemModel, text: str, found: Mapping[str, float] | None = None, strongest: int = 3
) -> StemVote:
    """Section probabilities for ``text`` (with the article-level features ``found`` from
    :func:`context_features`, or its own words alone) and the ``strongest`` words for the
    winner (the words whose own features add most to its score)."""
    words = _word_features(text)
    if found is None:
        found = {f: 1.0 for _, word_features in words for f in word_features}
    # Sorted: a float sum over a set depends on the hash seed, and so would the reasons' order
    # (and, at a tie, the decision) from one run to the next.
    active = sorted(f for f in found if f in model.weights)
    logits = [
        b + sum(model.weights[f][k] * found[f] for f in active)
        for k, b in enumerate(model.intercept)
    ]
    top = max(logits)
    exps = [math.exp(x - top) for x in logits]
    total = sum(exps)
    probabilities = {label: e / total for label, e in zip(model.labels, exps, strict=True)}
    k = logits.index(top)
    pushes: dict[str, float] = {}
    for surface, word_features in words:
        push = sum(model.weights[f][k] for f in sorted(set(word_features)) if f in model.weights)
        pushes[surface] = max(push, pushes.get(surface, push))
    ranked = sorted(pushes, key=lambda w: -pushes[w])
    return StemVote(probabilities, tuple(w for w in ranked[:strongest] if pushes[w] > 0))


@cache
def default_model() -> StemModel:
    """The model shipped in ``data/stem_model.json``."""
    text = files("sitrep").joinpath("data", "stem_model.json").read_text(encoding="utf-8")
    return model_from_json(text, "stem_model.json")


def model_from_json(text: str, origin: str) -> StemModel:
    data = json.loads(text)
    if data.get("format") != FORMAT_VERSION:
        raise SitrepError(f"{origin}: expected stem model format {FORMAT_VERSION}")
    return StemModel(
        labels=tuple(data["labels"]),
        intercept=tuple(data["intercept"]),
        weights={s: tuple(w) for s, w in data["weights"].items()},
        c=float(data["c"]),
        trained_on=tuple(data["trained_on"]),
        sentences=int(data["sentences"]),
    )


def model_to_json(model: StemModel) -> str:
    data = {
        "format": FORMAT_VERSION,
        "labels": list(model.labels),
        "c": model.c,
        "trained_on": list(model.trained_on),
        "sentences": model.sentences,
        "intercept": list(model.intercept),
        "weights": {s: list(model.weights[s]) for s in sorted(model.weights)},
    }
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def train(
    labelled: Iterable[tuple[SectionName, Mapping[str, float]]],
    parts: Iterable[str],
    c: float = 0.5,
) -> StemModel:
    """Fit the model on ``(label, features)`` pairs, the features from
    :func:`context_features` (scikit-learn's lbfgs, L2 with ``c``)."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:
        raise SitrepError(
            "Training the stem model needs scikit-learn: pip install 'sitrep[train]'"
        ) from error
    pairs = list(labelled)
    labels = tuple(SECTION_ORDER)
    missing = [label for label in labels if label not in {found for found, _ in pairs}]
    if missing:
        raise SitrepError(f"Cannot train the stem model: no '{missing[0]}' sentences")
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict(found) for _, found in pairs])
    y = [labels.index(label) for label, _ in pairs]
    fitted = LogisticRegression(C=c, max_iter=10000, tol=1e-8).fit(x, y)
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): tuple(round(float(fitted.coef_[k][i]), _DIGITS) for k in range(len(labels)))
        for i, name in enumerate(names)
    }
    return StemModel(
        labels=labels,
        intercept=tuple(round(float(b), _DIGITS) for b in fitted.intercept_),
        weights={s: w for s, w in weights.items() if any(w)},
        c=c,
        trained_on=tuple(sorted(parts)),
        sentences=len(pairs),
    )


def training_parts(*gold_roots: Path) -> dict[str, list[Path]]:
    """The gold parts a model may learn from: every part except held-out ones, named
    ``<folder>/<part>`` (``real/dev``, ``gold/dev-round4`` …)."""
    from sitrep.gold import gold_parts, is_held_out

    parts = {
        f"{root.name}/{name}": paths
        for root in gold_roots
        for name, paths in gold_parts(root).items()
        if not is_held_out(name)
    }
    if not parts:
        names = ", ".join(str(r) for r in gold_roots)
        raise SitrepError(f"{names}: no gold parts to train on (held-out parts are never used)")
    return parts
