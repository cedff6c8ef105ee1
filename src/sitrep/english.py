"""Build the English line of a report item from extracted facts only.

The line names where, who, what (English glosses of the lexicon cues that classified it),
how many, when and according to whom, e.g.
``Raqqa, Old City (Raqqa) · SDF, ISIS · fighting, killed ·
more than 50 fighters killed · yesterday · per Syrian Observatory for Human Rights``.
Where extraction is partial, the line says only what is known.
"""

from __future__ import annotations

from sitrep.model import Classification, EnglishLine, Entity, Facts, Figure

_MAX_CUES = 3
_PLACE_TYPES = frozenset({"place"})
_ACTOR_TYPES = frozenset({"person", "group", "org", "un", "aid", "state"})
_VAGUE = frozenset({"dozens of", "hundreds of", "thousands of"})


def english_line(
    facts: Facts, classification: Classification, source: Entity | None
) -> EnglishLine:
    """The English line of one sentence."""
    places = [e.en for e in facts.entities if e.type in _PLACE_TYPES]
    actors = [_actor(e) for e in facts.entities if e.type in _ACTOR_TYPES and e != source]
    named = {name.lower() for name in places + actors}
    cues = [c for c in dict.fromkeys(classification.cues) if c.lower() not in named]
    return EnglishLine(
        where=", ".join(places),
        who=", ".join(actors),
        what=", ".join(cues[:_MAX_CUES]),
        figures="; ".join(format_figure(f) for f in facts.figures),
        when=", ".join(d.en for d in facts.dates),
        source=source.en if source else "",
    )


def format_figure(figure: Figure) -> str:
    """``more than 50 fighters killed``, ``~1.5 km``, ``hundreds of m``."""
    unit = figure.unit
    if figure.qualifier in _VAGUE:
        amount = f"{figure.qualifier} {unit}"
    else:
        value = f"{figure.value:,.0f}" if figure.value == int(figure.value) else f"{figure.value:g}"
        amount = f"{figure.qualifier} {value} {unit}".strip()
    if figure.counts in {"killed", "wounded", "captured", "detained", "displaced"}:
        amount = f"{amount} {figure.counts}"
    return amount


def _actor(entity: Entity) -> str:
    return f"{entity.en} ({entity.role})" if entity.type == "person" and entity.role else entity.en
