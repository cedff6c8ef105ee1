"""The section model as shipped: ``data/stem_model.json``, read and written.

The model's features and vote are ``sitrep.analysis.stems``; fitting it is
``sitrep.training.train``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from sitrep.errors import SitrepError
from sitrep.model import SectionName

FORMAT_VERSION = 3


@dataclass(frozen=True)
class StemModel:
    """Per-stem weights for each section (in ``labels`` order) and the intercepts."""

    labels: tuple[SectionName, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    c: float
    trained_on: tuple[str, ...]
    sentences: int


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
