"""Fit the section model on gold (``sitrep train``); the runtime never imports this.

Needs scikit-learn (``pip install 'sitrep[train]'``). The features are computed exactly as
:func:`~sitrep.analysis.classify.classify` computes them, and the weights are stored rounded
(``sitrep.knowledge.stem_model``), so that retraining reproduces the shipped file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from sitrep.analysis.classify import Lexicon, training_rows
from sitrep.errors import SitrepError
from sitrep.knowledge.stem_model import StemModel
from sitrep.model import SECTION_ORDER, SectionName
from sitrep.training.gold import gold_parts, is_held_out, read_gold

_DIGITS = 4  # weights are stored rounded, so that retraining reproduces the file


def train(
    labelled: Iterable[tuple[SectionName, Mapping[str, float]]],
    parts: Iterable[str],
    c: float = 0.5,
) -> StemModel:
    """Fit the model on ``(label, features)`` pairs, the features from
    :func:`~sitrep.analysis.stems.context_features` (scikit-learn's lbfgs, L2 with ``c``)."""
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


def training_examples(
    parts: Mapping[str, Sequence[Path]], lexicon: Lexicon
) -> list[tuple[SectionName, dict[str, float]]]:
    """Every labelled body sentence of the gold ``parts`` with the section model's features,
    computed per article as :func:`~sitrep.analysis.classify.classify` computes them."""
    examples = []
    for files in parts.values():
        for path in files:
            article = read_gold(path)
            texts = [text for _, text in article.sentences]
            rows = training_rows(texts, article.title, lexicon)
            labels = [label for label, _ in article.sentences]
            examples += list(zip(labels, rows, strict=True))
    return examples
