"""The section model's features and vote: logistic regression over word stems and context.

The rule cues (markers, lexicon, actors, clause structure) know the vocabulary someone wrote
down; the model knows every word of the labelled articles and weighs the rule cues with them.

- Features of a sentence (:func:`context_features`): its distinct stems (clitics and one common
  suffix taken off, at least three letters) and the three- and four-letter pieces of each
  clitic-free word; the stems of the sentences before and after it, of the headline and of
  the whole article; the rule cues' score per section and the running topic. In 5-fold runs
  over 706 real training articles: 0.761 with the sentence's own words, 0.785 with the
  context (``eval/README.md``, round 11).
- Model: multinomial logistic regression (scikit-learn, L2, ``C``), trained by ``sitrep
  train`` (``sitrep.training.train``) on every gold part except held-out ones, and shipped as
  a versioned data file (``data/stem_model.json``, loaded by ``sitrep.knowledge.stem_model``).
  Running it needs nothing but these modules; training needs scikit-learn
  (``pip install 'sitrep[train]'``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sitrep.knowledge.resources import vocabulary
from sitrep.knowledge.stem_model import StemModel
from sitrep.model import SectionName
from sitrep.reading.normalize import strip_clitics, tokenize

_BAG_WEIGHT = 10.0  # the article's words, as a share of its word count
_PIECES = (3, 4)  # lengths of the letter pieces taken from each word
_SUFFIXES = ("هما", "ها", "هم", "ات", "ين", "ون", "ان", "ه", "ا", "ي")
_MIN_STEM = 3


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
    by a pivot marker (``TOPIC=``). In 5-fold runs over 706 real training articles these raised
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
