"""Build the English line of a report item from extracted facts only.

The line names where, who, what (English glosses of the lexicon cues that classified it),
how many, when, who is quoted and according to whom, e.g.
``Raqqa, Old City (Raqqa) · SDF, ISIS · fighting, killed · more than 50 fighters killed ·
yesterday · per Syrian Observatory for Human Rights``.
Where extraction is partial, the line says only what is known.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.model import Classification, EnglishLine, Entity, Facts, Figure

_MAX_CUES = 3
_PLACE_TYPES = frozenset({"place"})
_ACTOR_TYPES = frozenset({"person", "group", "org", "un", "aid", "state"})
_VAGUE = frozenset(
    {"dozens of", "hundreds of", "thousands of", "tens of thousands of",
     "hundreds of thousands of", "millions of"}
)
# How each outcome reads after the counted noun ("14 people killed").
_OUTCOME_WORDS = {
    "killed": "killed", "wounded": "wounded", "casualties": "killed or wounded",
    "displaced": "displaced", "refugees": "", "detained": "detained", "released": "released",
    "missing": "missing", "evacuated": "evacuated", "returned": "returned",
    "besieged": "besieged", "in-need": "in need", "none": "",
}


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
        figures=figures_across([facts.figures]),
        when=", ".join(d.en for d in facts.dates),
        source=source.en if source else "",
        quotes=_quotes(facts),
    )


def figures_across(reports: Sequence[Sequence[Figure]]) -> str:
    """Figures of one event from one or more reports: equal ones once, differing ones as a
    range with the conservative (lowest) figure first, as ACLED reports them."""
    groups: dict[tuple[str, str, str, bool], list[Figure]] = {}
    for figures in reports:
        for figure in figures:
            key = (figure.unit, figure.outcome, figure.qualifier, figure.cumulative)
            groups.setdefault(key, []).append(figure)
    parts = []
    for same in groups.values():
        values = sorted({f.value for f in same})
        if len(values) == 1:
            parts.append(format_figure(same[0]))
        else:
            spread = f"{_amount(values[0])}–{_amount(values[-1])}"
            parts.append(f"{format_figure(same[0], amount=spread)} (reports differ)")
    return "; ".join(parts)


def format_figure(figure: Figure, amount: str | None = None) -> str:
    """``more than 50 fighters killed``, ``1.5 km``, ``hundreds of m``; a running total says
    so (``in all``)."""
    if figure.qualifier in _VAGUE:
        text = f"{figure.qualifier} {figure.unit}"
    else:
        text = f"{figure.qualifier} {amount or _amount(figure.value)} {figure.unit}".strip()
    outcome = _OUTCOME_WORDS[figure.outcome]
    text = f"{text} {outcome}" if outcome else text
    return f"{text} in all" if figure.cumulative else text



def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def _actor(entity: Entity) -> str:
    return f"{entity.en} ({entity.role})" if entity.type == "person" and entity.role else entity.en


def _quotes(facts: Facts) -> str:
    speakers = [q.speaker.en if q.speaker else "an unnamed source" for q in facts.quotes]
    return f"quotes {', '.join(dict.fromkeys(speakers))}" if speakers else ""
