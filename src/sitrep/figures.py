"""Find the figures of a sentence: each number, what it counts and what happened to them.

Vocabulary comes from ``data/figures.toml``. A number is digits (``55``, ``11.9``, ``و200``)
or number words (``شخصين``, ``ثلاثة``, ``عشرات``), times a multiplier after it (``200 ألف``,
``عشرات الآلاف``). It is a figure when a counted noun follows it (``شخصا``, ``في المئة``) or an
outcome cue binds it (``عدد القتلى 194``).

The outcome (killed, wounded, displaced …) is bound to each number on its own, never taken from
elsewhere in the sentence:

1. the counted noun itself says it (``24 قتيلا``);
2. a cue right before the number, with nothing but qualifiers and linking words between
   (``مقتل 14``, ``وإصابة 55``, ``والجرحى بـ 850``);
3. a cue right after the counted noun (``127 مدنيا قد قتلوا``, ``55 شخصا بجروح``);
4. ``بينهم``/``منهم`` before a number makes it part of the figure before it (``بينهم أربعة
   أطفال`` were killed too).

Otherwise the outcome is ``none``: a figure that cannot be bound is never printed as killed.
A toll counted ``منذ`` a year or the start of the war is marked cumulative. Percentages are
never counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitrep.lexicon import Match, TermIndex
from sitrep.model import OUTCOMES, Figure, Outcome
from sitrep.normalize import Token, normalize
from sitrep.resources import figure_tables

_DIGITS = re.compile(r"^[وبلف]?(\d+(?:[.,]\d+)?)$")
_YEAR = re.compile(r"^(19|20)\d\d$")
# Words that may stand between an outcome cue and its number: «والجرحى بـ 850»,
# «حصيلة القتلى ارتفعت إلى 50», «مقتل ما لا يقل عن 20».
_LINKS = frozenset(
    normalize(w)
    for w in (
        "ب", "بـ", "إلى", "ل", "عن", "كانت", "بلغت", "بلغ", "ارتفعت", "ارتفع", "وصلت", "وصل",
        "يبلغ", "تبلغ", "يصل", "تصل", "من", "ما", "لا", "يقل", "نحو", "أكثر", "حوالي", "قرابة",
        "زهاء", "أيضا", "آخرين", "قد",
    )
)
_LOOK_BACK = 4
_LOOK_AHEAD = 5
_CLAUSE_BREAK = re.compile(r"[،,.:؛;]")
_VAGUE = frozenset(
    normalize(w) for w in ("عشرات", "مئات", "آلاف", "الآلاف", "ملايين", "العشرات", "المئات")
)


@dataclass(frozen=True)
class _Unit:
    unit: str
    counts: str
    outcome: Outcome = "none"


@dataclass(frozen=True)
class _Tables:
    units: TermIndex[_Unit]
    duals: TermIndex[_Unit]
    numbers: TermIndex[float]
    multipliers: TermIndex[float]
    qualifiers: TermIndex[str]
    before: TermIndex[Outcome]
    verbs: TermIndex[Outcome]
    after: TermIndex[Outcome]
    subset: TermIndex[str]
    cumulative: TermIndex[str]


@cache
def _tables() -> _Tables:
    table = figure_tables()
    for name in ("cues_before", "cues_verb", "cues_after"):
        bad = {v for v in table[name].values() if v not in OUTCOMES}
        if bad:
            raise ValueError(f"figures.toml [{name}]: unknown outcomes {sorted(bad)}")
    return _Tables(
        units=TermIndex((t, _Unit(**spec)) for t, spec in table["units"].items()),
        duals=TermIndex((t, _Unit(**spec)) for t, spec in table["duals"].items()),
        numbers=TermIndex((t, float(v)) for t, v in table["numbers"].items()),
        multipliers=TermIndex((t, float(v)) for t, v in table["multipliers"].items()),
        qualifiers=TermIndex(table["qualifiers"].items()),
        before=TermIndex(table["cues_before"].items()),
        verbs=TermIndex(table["cues_verb"].items(), exact=table["cues_verb"]),
        after=TermIndex(table["cues_after"].items()),
        subset=TermIndex(table["subset"].items()),
        cumulative=TermIndex(table["cumulative"].items(), inflect=True),
    )


@dataclass(frozen=True)
class _Number:
    value: float
    first: int
    last: int
    vague: bool


def find_figures(tokens: tuple[Token, ...], text: str) -> tuple[Figure, ...]:
    """Every figure of one sentence, left to right."""
    tables = _tables()
    cumulative = _is_cumulative(tokens, text, tables)
    words = {m.first: m for m in tables.numbers.matches(tokens, text)}
    figures: list[Figure] = []
    i, previous = 0, None
    while i < len(tokens):
        number = _number_at(tokens, i, text, words, tables)
        if number is None or _is_percent_word(tokens, i):
            i += 1
            continue
        figure, end = _figure(tokens, text, number, tables, previous, cumulative)
        if figure is not None:
            figures.append(figure)
            previous = figure
        i = max(end, number.last) + 1
    figures.extend(_duals(tokens, text, tables, figures, cumulative))
    return tuple(figures)


def _number_at(tokens, i, text, words, tables: _Tables) -> _Number | None:
    found = _DIGITS.match(tokens[i].norm)
    if found:
        value, last, vague = float(found[1].replace(",", ".")), i, False
    elif i in words:
        match = words[i]
        value, last = match.value, match.last
        vague = normalize(match.surface).split()[0].lstrip("و") in _VAGUE
    else:
        return None
    multiplier = next(tables.multipliers.matches(tokens[last + 1 : last + 2], text), None)
    if multiplier is not None and multiplier.first == 0:
        value, last = value * multiplier.value, last + 1
    return _Number(value, i, last, vague)


def _is_percent_word(tokens: tuple[Token, ...], i: int) -> bool:
    """«المئة» of «في المئة» / «بالمئة» is a percent sign, not a hundred."""
    norm = tokens[i].norm
    return norm in ("الميه", "المايه", "بالميه", "بالمايه") or (
        i > 0 and tokens[i - 1].norm == "في" and norm.startswith("الم")
    )


def _figure(tokens, text, number: _Number, tables: _Tables, previous, cumulative: bool):
    unit_match = _unit_after(tokens, number.last + 1, text, tables)
    qualifier, first = _qualifier_before(tokens, number, text, tables)
    end = unit_match[1] if unit_match else number.last
    if not qualifier:
        qualifier = _qualifier_after(tokens, end)
    unit = unit_match[0] if unit_match else None
    outcome: Outcome = unit.outcome if unit else "none"
    subset = _subset_before(tokens, first, text, tables)
    if outcome == "none" and subset and previous is not None:
        outcome = previous.outcome
    if outcome == "none":
        outcome = _cue_around(tokens, first, end, text, tables)
    if unit is None and outcome == "none":
        return None, end
    if unit is None and _YEAR.match(tokens[number.first].norm) and number.last == number.first:
        return None, end  # «عام 2011»: a year, not a count
    if unit is not None and unit.counts in ("percent", "age", "duration"):
        outcome = "none"  # «في سن 33، و38 عاما أصيبا»: ages and durations are not casualties
    unit = unit or _Unit("people", "people")
    surface = text[tokens[first].start : tokens[end].end]
    is_toll = cumulative and outcome != "none"
    return (
        Figure(number.value, unit.unit, unit.counts, surface, qualifier, outcome,
               number.vague, is_toll),
        end,
    )


def _unit_after(tokens, start, text, tables: _Tables) -> tuple[_Unit, int] | None:
    for skip in (0, 1):  # «50 من عناصر»: allow one «من»
        position = start + skip
        if position >= len(tokens) or (skip and tokens[start].norm != "من"):
            continue
        if tokens[position].norm.startswith("و"):
            return None  # «194 والجرحى»: «و» opens the next figure, it is not this one's noun
        match = next(tables.units.matches(tokens[position : position + 3], text), None)
        if match is not None and match.first == 0:
            return match.value, position + match.last
    return None


def _qualifier_before(tokens, number: _Number, text, tables: _Tables) -> tuple[str, int]:
    """The qualifier of a number (أكثر من، نحو …) and the token where the figure starts."""
    i = number.first
    if number.vague:
        vague = next(tables.qualifiers.matches(tokens[i : number.last + 1], text), None)
        return (vague.value if vague else ""), i
    start = max(0, i - 4)
    hits = list(tables.qualifiers.matches(tokens[start:i], text))
    if hits and hits[-1].last == i - start - 1:
        return hits[-1].value, start + hits[-1].first
    return "", i


_AFTER_QUALIFIERS = {"علي الاقل": "at least", "علي اقل تقدير": "at least", "تقريبا": "about"}


def _qualifier_after(tokens: tuple[Token, ...], end: int) -> str:
    """``40 مدنيا على الأقل``: "at least" after the counted noun."""
    following = " ".join(t.norm for t in tokens[end + 1 : end + 4])
    return next((en for ar, en in _AFTER_QUALIFIERS.items() if following.startswith(ar)), "")


def _cue_around(tokens, first: int, end: int, text, tables: _Tables) -> Outcome:
    """The outcome a cue binds to the figure spanning tokens ``first``–``end``: before it,
    else after it."""
    outcome = _cue_before(tokens, first, text, tables)
    return outcome if outcome != "none" else _cue_after(tokens, end + 1, text, tables)


def _cue_before(tokens, first: int, text, tables: _Tables) -> Outcome:
    """The outcome cue nearest before the figure, if only linking words stand between."""
    linked = True  # only linking words so far between the cue and the number
    for start in range(first - 1, max(-1, first - 1 - _LOOK_BACK), -1):
        if _DIGITS.match(tokens[start].norm):
            return "none"
        match = _cue_ending_at(tables.before, tokens, start, text)
        if linked and match is not None:
            return match
        verb = _match_at(tables.verbs, tokens, start, text)
        if verb is not None:
            return verb.value  # «قتلت قوات سوريا الديمقراطية 50»: the subject stands between
        linked = linked and _is_link(tokens[start])
    return "none"


def _cue_ending_at(index: TermIndex, tokens, end: int, text) -> Outcome | None:
    """A cue of one to three words whose last word is ``tokens[end]`` («أودى بحياة»)."""
    for start in range(end, max(-1, end - 3), -1):
        match = _match_at(index, tokens, start, text)
        if match is not None and start + match.last == end:
            return match.value
    return None


def _cue_after(tokens, start: int, text, tables: _Tables) -> Outcome:
    """An outcome verb soon after the counted noun, in the same clause: «127 مدنيا قد قتلوا»,
    «17 مقاتلا مواليا للنظام السوري قتلوا», «بجروح»."""
    for position in range(start, min(len(tokens), start + _LOOK_AHEAD)):
        gap = text[tokens[position - 1].end : tokens[position].start] if position > start else ""
        if _CLAUSE_BREAK.search(gap):
            break
        match = _match_at(tables.after, tokens, position, text)
        if match is not None:
            return match.value
        if _DIGITS.match(tokens[position].norm):
            break
    return "none"


def _subset_before(tokens, first: int, text, tables: _Tables) -> bool:
    return first > 0 and _match_at(tables.subset, tokens, first - 1, text) is not None


def _match_at(index: TermIndex, tokens, position: int, text) -> Match | None:
    """A term of ``index`` that starts at ``position`` (its ``last`` counted from there)."""
    if position < 0:
        return None
    match = next(index.matches(tokens[position : position + 4], text), None)
    return match if match is not None and match.first == 0 else None


def _is_link(token: Token) -> bool:
    return token.norm in _LINKS or token.norm.lstrip("و") in _LINKS


def _is_cumulative(tokens: tuple[Token, ...], text: str, tables: _Tables) -> bool:
    """«منذ 2011», «منذ بدء الحرب», «منذ 19 يونيو»: the sentence gives a running total."""
    for i, token in enumerate(tokens[:-1]):
        if token.norm.lstrip("و") != "منذ":
            continue
        following = tokens[i + 1]
        if _DIGITS.match(following.norm) or _match_at(tables.cumulative, tokens, i + 1, text):
            return True
    return False


def _duals(tokens, text, tables: _Tables, found: list[Figure], cumulative: bool):
    """``يومين`` is two days: a dual noun carries its own number."""
    taken = {f.text for f in found}
    for match in tables.duals.matches(tokens, text):
        if any(match.surface in t for t in taken):
            continue
        unit: _Unit = match.value
        outcome = unit.outcome
        if outcome == "none" and unit.counts in ("people", "civilians", "fighters"):
            outcome = _cue_around(tokens, match.first, match.last, text, tables)
        yield Figure(2, unit.unit, unit.counts, match.surface, "", outcome, False,
                     cumulative and outcome != "none")
