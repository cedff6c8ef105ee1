"""A small statistical layer: logistic regression over word stems, trained on the gold set.

The rule cues (markers, lexicon, actors, clause structure) know the vocabulary someone wrote
down; the stem model knows every word of the labelled articles. Measured on fresh batches of
articles that neither had seen, adding it to the rule scores raised accuracy from 0.828 to
0.899; on the held-out sets since, from 0.840 / 0.919 / 0.775 (rules alone) to 0.933 /
0.949 / 0.922 (``eval/README.md``). So the classifier uses both.

- Features: the distinct stems of a sentence (clitics and one common suffix taken off,
  at least three letters).
- Model: multinomial logistic regression (scikit-learn, L2, ``C``), trained by ``sitrep
  train`` on every part of a gold folder except ``heldout/``, and shipped as a versioned data
  file (``data/stem_model.json``). Running it needs nothing but this module; training needs
  scikit-learn (``pip install 'sitrep[train]'``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from sitrep.errors import SitrepError
from sitrep.model import SECTION_ORDER, SectionName
from sitrep.normalize import strip_clitics, tokenize
from sitrep.resources import vocabulary

FORMAT_VERSION = 1
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
    return tuple(_stem_words(text))


def _stem_words(text: str) -> dict[str, str]:
    """``{stem: the first word of the text with that stem}``."""
    found: dict[str, str] = {}
    for token in tokenize(text, vocabulary()):
        word_stem = stem(token.norm)
        if len(word_stem) >= _MIN_STEM and not word_stem.isdigit():
            found.setdefault(word_stem, text[token.start : token.end])
    return found


def vote(model: StemModel, text: str, strongest: int = 3) -> StemVote:
    """Section probabilities for ``text`` and its ``strongest`` stems for the winner."""
    words = _stem_words(text)
    features = [s for s in words if s in model.weights]
    logits = [b + sum(model.weights[s][k] for s in features) for k, b in enumerate(model.intercept)]
    top = max(logits)
    exps = [math.exp(x - top) for x in logits]
    total = sum(exps)
    probabilities = {label: e / total for label, e in zip(model.labels, exps, strict=True)}
    winner = model.labels[logits.index(top)]
    k = model.labels.index(winner)
    ranked = sorted(features, key=lambda s: -model.weights[s][k])
    return StemVote(
        probabilities, tuple(words[s] for s in ranked[:strongest] if model.weights[s][k] > 0)
    )


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
    labelled: Iterable[tuple[SectionName, str]], parts: Iterable[str], c: float = 1.0
) -> StemModel:
    """Fit the model on ``(label, sentence)`` pairs (scikit-learn's lbfgs, L2 with ``c``)."""
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
    x = vectorizer.fit_transform([dict.fromkeys(stems(text), 1.0) for _, text in pairs])
    y = [labels.index(label) for label, _ in pairs]
    fitted = LogisticRegression(C=c, max_iter=5000, tol=1e-8).fit(x, y)
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


def training_parts(gold_root: Path) -> dict[str, list[Path]]:
    """The gold parts a model may learn from: every part except ``heldout``."""
    from sitrep.evaluate import gold_parts

    parts = {name: paths for name, paths in gold_parts(gold_root).items() if name != "heldout"}
    if not parts:
        raise SitrepError(f"{gold_root}: no gold parts to train on (heldout/ is never used)")
    return parts
