"""Score the names sitrep finds against the entity gold set (``eval/entities/RULES.md``).

A gold name is found when sitrep reports, for the same sentence, an entity whose English name
is the gold ``en`` or one of its ``also`` forms (compared case-insensitively, without "the"
and punctuation). Each found entity matches at most one gold name. Recall is per gold type and
per front; precision counts every entity sitrep reports. Roles are labelled in the gold set
but not scored yet: sitrep does not assign them (issue 15).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sitrep.analysis.extract import extract
from sitrep.errors import SitrepError
from sitrep.knowledge.lexicon import TermIndex
from sitrep.knowledge.resources import ENTITY_TYPES
from sitrep.model import GazetteerEntry

Role = Literal["speaker", "actor", "target", "addressee", "source", "location", "dateline",
               "mention"]
ROLES = frozenset(Role.__args__)  # type: ignore[attr-defined]
_KEYS = frozenset({"text", "en", "also", "type", "role"})


@dataclass(frozen=True)
class GoldName:
    text: str
    en: str
    also: tuple[str, ...]
    type: str
    role: Role


@dataclass(frozen=True)
class EntityArticle:
    path: Path
    front: str
    published: dt.date | None
    sentences: tuple[tuple[str, tuple[GoldName, ...]], ...]


def is_entity_gold(path: Path) -> bool:
    """True for an entity gold file: its sentence lines carry ``entities``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return len(lines) > 1 and '"entities"' in lines[1] and '"section"' not in lines[1]


def read_entity_gold(path: Path) -> EntityArticle:
    """One entity gold article; any invalid line is an error with file:line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    head = _json(path, 1, lines[0])
    published = head.get("published")
    sentences = []
    for number, raw in enumerate(lines[1:], start=2):
        row = _json(path, number, raw)
        names = tuple(_name(path, number, row["text"], spec) for spec in row.get("entities", []))
        sentences.append((row["text"], names))
    return EntityArticle(path, str(head.get("front", "other")),
                         dt.date.fromisoformat(published) if published else None, tuple(sentences))


def _json(path: Path, number: int, raw: str) -> dict[str, Any]:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise SitrepError(f"{path}:{number}: not JSON ({error.msg})") from error


def _name(path: Path, number: int, sentence: str, spec: dict[str, Any]) -> GoldName:
    problem = (
        f"unknown keys {sorted(set(spec) - _KEYS)}" if set(spec) - _KEYS
        else "text must occur in the sentence" if spec.get("text") not in sentence
        else "'en' is required" if not str(spec.get("en", "")).strip()
        else f"type must be one of {sorted(ENTITY_TYPES)}" if spec.get("type") not in ENTITY_TYPES
        else f"role must be one of {sorted(ROLES)}" if spec.get("role") not in ROLES
        else ""
    )
    if problem:
        raise SitrepError(f"{path}:{number}: {spec.get('text')!r}: {problem}")
    return GoldName(spec["text"], spec["en"], tuple(spec.get("also", ())), spec["type"],
                    spec["role"])


@dataclass
class EntityScores:
    """Gold names found (overall, per type, per front), entities reported, and the misses."""

    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    reported: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found["all"] / self.gold["all"] if self.gold["all"] else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.reported if self.reported else 0.0


def score_entities(
    articles: Iterable[EntityArticle], names: TermIndex[GazetteerEntry] | None = None
) -> EntityScores:
    scores = EntityScores()
    for article in articles:
        for number, (text, gold) in enumerate(article.sentences, start=1):
            found = list(extract(text, article.published, names).facts.entities)
            _match(article, number, text, gold, found, scores)
    return scores


def _match(article, number: int, text: str, gold, found, scores: EntityScores) -> None:
    unused = [_key(entity.en) for entity in found]
    scores.reported += len(found)
    where = f"{article.path.name}:{number + 1}"
    for name in gold:
        keys = {_key(name.en), *(_key(a) for a in name.also)}
        scores.gold.update(("all", f"type {name.type}", f"front {article.front}"))
        hit = next((k for k in unused if k in keys), None)
        if hit is None:
            scores.misses.append(f"{where}: missed {name.type} {name.en} «{name.text}»")
            continue
        unused.remove(hit)
        scores.correct += 1
        scores.found.update(("all", f"type {name.type}", f"front {article.front}"))
    golds = {_key(n.en) for n in gold} | {_key(a) for n in gold for a in n.also}
    scores.wrong += [f"{where}: reported {e.en} «{e.text}»" for e in found
                     if _key(e.en) not in golds]


def _key(name: str) -> str:
    """Names compared without case, "the", punctuation and spaces."""
    words = re.sub(r"[^\w\s]", " ", name.casefold()).split()
    return "".join(w for w in words if w != "the")


def format_entities(name: str, scores: EntityScores, errors: int = 0) -> str:
    lines = [
        f"-- {name}: entities",
        f"names found with their English name: recall {scores.recall:.3f} "
        f"({scores.found['all']}/{scores.gold['all']}); precision {scores.precision:.3f} "
        f"({scores.correct}/{scores.reported} reported entities are gold names)",
    ]
    for group in ("type", "front"):
        keys = sorted(k for k in scores.gold if k.startswith(group + " "))
        lines += [f"  {k:22} recall {scores.found[k] / scores.gold[k]:.3f} "
                  f"({scores.found[k]}/{scores.gold[k]})" for k in keys]
    lines += scores.misses[:errors] + scores.wrong[:errors]
    return "\n".join(lines)
