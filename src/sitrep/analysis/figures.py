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

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from sitrep.knowledge.lexicon import Match, TermIndex
from sitrep.knowledge.resources import date_tables, figure_tables
from sitrep.model import CASUALTY_OUTCOMES, OUTCOMES, Figure, Outcome
from sitrep.reading.normalize import Token, normalize

_DIGITS = re.compile(r"^(?:[وبلف]|من)?(?:ال)?(\d+(?:[.,]\d+)?)$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")
# Words that may stand between an outcome cue and its number: «والجرحى بـ 850»,
# «حصيلة القتلى ارتفعت إلى 50», «مقتل ما لا يقل عن 20».
_LINKS = frozenset(
    normalize(w)
    for w in (
        "ب", "بـ", "إلى", "ل", "عن", "كانت", "بلغت", "بلغ", "ارتفعت", "ارتفع", "وصلت", "وصل",
        "يبلغ", "تبلغ", "يصل", "تصل", "من", "ما", "لا", "يقل", "نحو", "أكثر", "حوالي", "قرابة",
        "زهاء", "أيضا", "آخرين", "قد", "ال", "الـ", "بين", "بما", "بنحو", "لنحو", "بحوالي",
    )
)
_LOOK_BACK = 4
_VERB_REACH = 7  # «وقتل جيش الاحتلال في هذه المسيرات نحو 200»: subject and place between
_LOOK_AHEAD = 5
_BLOCKER_REACH = 6  # «وحكم القضاء العراقي في شباط بإعدام»
_SINGULAR_REACH = 3  # «جنديا أميركيا قتل»: words from a singular noun to its verb
_LIST_REACH = 4  # «بينهم امرأة وأربعة أطفال»: words from «بينهم» to a listed number
_PEOPLE = frozenset(("people", "civilians", "fighters"))
_MULTIPLIER_WORDS = frozenset(normalize(w) for w in ("ألف", "آلاف", "الف", "مليون", "ملايين"))
_RANGE_WORDS = frozenset(normalize(w) for w in ("إلى", "الى", "و", "-"))
_TWO = frozenset(normalize(w) for w in ("اثنين", "اثنان", "اثنتين", "اثنتان"))
_TOLL_REACH = 14  # words between a toll («عدد القتلى») and the «إلى» before its number
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
    tolls: TermIndex[Outcome]
    toll_links: TermIndex[str]
    singulars: TermIndex[_Unit]
    singular_cues: TermIndex[Outcome]
    blockers: TermIndex[str]
    months: frozenset[str]
    number_words: frozenset[str]
    after_words: frozenset[str]  # the after cues as written («بجروح» keeps its «ب»)


@cache
def _tables() -> _Tables:
    table = figure_tables()
    for name in ("cues_before", "cues_verb", "cues_after", "tolls", "singular_cues"):
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
        tolls=TermIndex(table["tolls"].items()),
        toll_links=TermIndex(table["toll_links"].items()),
        singulars=TermIndex((t, _Unit(**spec)) for t, spec in table["singulars"].items()),
        singular_cues=TermIndex(table["singular_cues"].items()),
        blockers=TermIndex(table["cue_blockers"].items()),
        after_words=frozenset(normalize(term) for term in table["cues_after"]),
        number_words=frozenset(normalize(term) for term in table["numbers"]),
        months=frozenset(
            normalize(name) for group in date_tables()["months"].values() for name in group
        ),
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
    found: list[tuple[Figure, bool, int]] = []  # figure, part of the one before, its end
    i, head = 0, None
    while i < len(tokens):
        number = _number_at(tokens, i, text, words, tables)
        if number is None or _is_percent_word(tokens, i):
            i += 1
            continue
        figure, end, member = _figure(tokens, text, number, tables, head, cumulative)
        if figure is not None and found:
            figure = _joined_to(figure, number.first, tokens, found[-1])
        if figure is not None:
            found.append((figure, member, end))
            if figure.counts in _PEOPLE:
                head = figure
        i = max(end, number.last) + 1
    figures = _bind_groups(found, tokens, text, tables)
    figures.extend(_duals(tokens, text, tables, figures, cumulative))
    figures.extend(_singulars(tokens, text, tables, figures, cumulative))
    figures.extend(_pairs(tokens, text, tables, figures, cumulative))
    return tuple(figures)


def _joined_to(figure: Figure, first: int, tokens, before: tuple[Figure, bool, int]) -> Figure:
    """A number right after a figure, joined by «و» or «إلى» («ما بين 200 إلى 300 شخص»,
    «قتل 22 متمردا وأربعة مقاتلين»), shares its outcome when it has none of its own; the
    figure before takes this one's counted people when it had no noun."""
    previous, _, end = before
    joined = tokens[first].norm.startswith("و") and end == first - 1
    ranged = first >= 2 and end == first - 2 and tokens[first - 1].norm in _RANGE_WORDS
    if not (joined or ranged) or figure.outcome != "none" or figure.counts not in _PEOPLE:
        return figure
    if previous.outcome in CASUALTY_OUTCOMES:
        return dataclasses.replace(figure, outcome=previous.outcome)
    return figure


def _bind_groups(found, tokens, text, tables: _Tables) -> list[Figure]:
    """A figure and the parts listed after it («289 مدنيا، بينهم 43 طفلا، قتلوا») share one
    outcome: a figure with none takes its parts' own, or a cue after the last part, past one
    comma."""
    figures = [figure for figure, _, _ in found]
    start = 0
    while start < len(found):
        stop = start + 1
        while stop < len(found) and found[stop][1]:
            stop += 1
        group = range(start, stop)
        if stop - start > 1 and figures[start].outcome == "none":
            outcome = next((figures[k].outcome for k in group if figures[k].outcome != "none"),
                           _cue_after(tokens, found[stop - 1][2] + 1, text, tables, breaks=1))
            if outcome != "none" and figures[start].counts in _PEOPLE:
                for k in group:
                    if figures[k].outcome == "none":
                        figures[k] = dataclasses.replace(figures[k], outcome=outcome)
        start = stop
    return figures


def _number_at(tokens, i, text, words, tables: _Tables) -> _Number | None:
    found = _DIGITS.match(tokens[i].norm)
    if found:
        digits, last = found[1], i
        while last + 1 < len(tokens) and _glued_by_comma(tokens, last, text):
            digits, last = f"{digits},{tokens[last + 1].norm}", last + 1
        value, vague = _digits_value(digits), False
    elif i in words and not _is_definite_word(tokens[i].norm, tables):
        match = words[i]
        value, last = match.value, match.last
        vague = normalize(match.surface).split()[0].lstrip("و") in _VAGUE
        value, last = _compound(value, last, tokens, words)
    else:
        return None
    multiplier = next(tables.multipliers.matches(tokens[last + 1 : last + 2], text), None)
    if multiplier is not None and multiplier.first == 0:
        value, last = value * multiplier.value, last + 1
    return _Number(value, i, last, vague)


def _glued_by_comma(tokens, i: int, text: str) -> bool:
    """«63,360» and «1,59» are one number that the tokenizer split at the comma."""
    gap = text[tokens[i].end : tokens[i + 1].start]
    return gap in (",", "،") and tokens[i + 1].norm.isdigit() and tokens[i].norm[-1:].isdigit()


def _digits_value(digits: str) -> float:
    """«63,360» and «19,811» group thousands; «1,59» and «11.9» have decimals."""
    if _THOUSANDS.fullmatch(digits):
        return float(digits.replace(",", ""))
    whole, _, rest = digits.partition(",")
    return float(f"{whole}.{rest.replace(',', '')}" if rest else whole.replace(",", "."))


def _is_definite_word(norm: str, tables: _Tables) -> bool:
    """«الاثنين» is Monday and «الثلاثة» points back: a number word with the article is not a
    count, except the vague «العشرات، الآلاف» («الفين» is ألفين, no article)."""
    bare = norm.removeprefix("و")
    return bare.startswith("ال") and bare not in _VAGUE and bare[2:] in tables.number_words


def _compound(value: float, last: int, tokens, words) -> tuple[float, int]:
    """«تسعة وثلاثين» = 39, «مئة وخمسين» = 150: a number word joined by «و» to a larger
    order (units before tens) or a smaller one (hundreds before tens)."""
    following = words.get(last + 1)
    if following is None or not tokens[last + 1].norm.startswith("و"):
        return value, last
    other = following.value
    after = tokens[following.last + 1].norm if following.last + 1 < len(tokens) else ""
    if after in _MULTIPLIER_WORDS:
        return value, last  # «بين ألفين وثلاثة آلاف»: a range, not 2,003
    units_then_tens = value < 10 <= other < 100 and other % 10 == 0
    hundreds_then_less = value >= 100 > other and value % 100 == 0
    if units_then_tens or hundreds_then_less:
        return value + other, following.last
    return value, last


def _is_percent_word(tokens: tuple[Token, ...], i: int) -> bool:
    """«المئة» of «في المئة» / «بالمئة» is a percent sign, not a hundred."""
    norm = tokens[i].norm
    return norm in ("الميه", "المايه", "بالميه", "بالمايه") or (
        i > 0 and tokens[i - 1].norm == "في" and norm.startswith("الم")
    )


def _figure(tokens, text, number: _Number, tables: _Tables, previous, cumulative: bool):
    """The figure a number starts (or None), the token where it ends, and whether it is a
    part of the figure before it («بينهم أربعة أطفال»)."""
    unit_match = _unit_after(tokens, number.last + 1, text, tables)
    qualifier, first = _qualifier_before(tokens, number, text, tables)
    end = unit_match[1] if unit_match else number.last
    if not qualifier:
        qualifier = _qualifier_after(tokens, end)
    unit = unit_match[0] if unit_match else None
    outcome: Outcome = unit.outcome if unit else "none"
    subset = _subset_before(tokens, first, text, tables) and previous is not None
    if outcome == "none" and subset and previous is not None:
        outcome = previous.outcome
    if outcome == "none":
        outcome = _cue_around(tokens, first, end, text, tables)
    if unit is None and outcome == "none" and not subset:
        return None, end, False
    if unit is None and _YEAR.match(tokens[number.first].norm) and number.last == number.first:
        return None, end, False  # «عام 2011»: a year, not a count
    if unit is None and _is_month(tokens, number.last + 1, tables):
        return None, end, False  # «قتلت في 15 آذار»: a day of the month, not a count
    if unit is not None and unit.counts in ("percent", "age", "duration"):
        outcome = "none"  # «في سن 33، و38 عاما أصيبا»: ages and durations are not casualties
    unit = unit or _Unit("people", "people")
    surface = text[tokens[first].start : tokens[end].end]
    is_toll = cumulative and outcome != "none"
    return (
        Figure(number.value, unit.unit, unit.counts, surface, qualifier, outcome,
               number.vague, is_toll),
        end,
        subset,
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


def _is_month(tokens, position: int, tables: _Tables) -> bool:
    if position >= len(tokens):
        return False
    word = tokens[position].norm
    return word in tables.months or word.removeprefix("من") in tables.months or (
        word == "من" and position + 1 < len(tokens) and tokens[position + 1].norm in tables.months
    )


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
    if outcome == "none":
        outcome = _toll_before(tokens, first, text, tables)
    return outcome if outcome != "none" else _cue_after(tokens, end + 1, text, tables)


def _toll_before(tokens, first: int, text, tables: _Tables) -> Outcome:
    """«يرتفع عدد قتلى القوات الموالية للنظام إلى 179»: a number the toll rises to (a toll
    link right before it) takes the toll named earlier in the same clause."""
    link = _match_at(tables.toll_links, tokens, first - 1, text)
    if link is None:
        return "none"
    for start in range(first - 2, max(-1, first - 2 - _TOLL_REACH), -1):
        gap = text[tokens[start].end : tokens[start + 1].start]
        if _CLAUSE_BREAK.search(gap):
            return "none"
        toll = _match_at(tables.tolls, tokens, start, text)
        if toll is not None:
            return toll.value
    return "none"


def _cue_before(tokens, first: int, text, tables: _Tables) -> Outcome:
    """The outcome cue nearest before the figure, if only linking words stand between."""
    closing = first > 0 and tokens[first - 1].norm in tables.after_words
    if closing and tokens[first].norm.startswith("و"):
        return "none"  # «400 ألف شخص قتلوا و5.6 ملايين»: the verb closes the figure before
    linked = True  # only linking words so far between the cue and the number
    for start in range(first - 1, max(-1, first - 1 - _VERB_REACH), -1):
        gap = text[tokens[start].end : tokens[start + 1].start]
        if _DIGITS.match(tokens[start].norm) or _CLAUSE_BREAK.search(gap):
            return "none"
        match = _cue_ending_at(tables.before, tokens, start, text)
        if linked and match is not None and first - start <= _LOOK_BACK:
            return "none" if _blocked(tokens, start, text, tables) else match
        verb = _match_at(tables.verbs, tokens, start, text)
        if verb is not None and not _is_noun_form(tokens[start].norm):
            return verb.value  # «قتلت قوات سوريا الديمقراطية 50»: the subject stands between
        linked = linked and _is_link(tokens[start])
    return "none"


def _is_noun_form(norm: str) -> bool:
    """«بالقتل», «القتل»: the verb's letters with the article are a noun, not the verb."""
    return norm.removeprefix("و").removeprefix("ب").removeprefix("ل").startswith("ال")


def _blocked(tokens, cue_end: int, text, tables: _Tables) -> bool:
    """«حكم القضاء العراقي بإعدام»: a blocker within a few words before the cue ending at
    ``cue_end``, in the same clause."""
    for k in range(cue_end - 1, max(-1, cue_end - 1 - _BLOCKER_REACH), -1):
        if _CLAUSE_BREAK.search(text[tokens[k].end : tokens[k + 1].start]):
            return False
        if _match_at(tables.blockers, tokens, k, text) is not None:
            return True
    return False


def _cue_ending_at(index: TermIndex, tokens, end: int, text) -> Outcome | None:
    """A cue of one to three words whose last word is ``tokens[end]`` («أودى بحياة»)."""
    for start in range(max(0, end - 2), end + 1):  # the longest first: «مقتل وإصابة»
        match = _match_at(index, tokens, start, text)
        if match is not None and start + match.last == end:
            return match.value
    return None


def _cue_after(
    tokens, start: int, text, tables: _Tables, breaks: int = 0, reach: int = _LOOK_AHEAD
) -> Outcome:
    """An outcome verb soon after the counted noun, in the same clause (or past ``breaks``
    commas): «127 مدنيا قد قتلوا», «17 مقاتلا مواليا للنظام السوري قتلوا», «بجروح»."""
    for position in range(start, min(len(tokens), start + reach)):
        gap = text[tokens[position - 1].end : tokens[position].start] if position > start else ""
        if _CLAUSE_BREAK.search(gap):
            breaks -= 1
            if breaks < 0 or "." in gap:
                break
        match = _match_at(tables.after, tokens, position, text)
        if match is not None and _by_preposition(tokens[position], tables):
            match = None  # «أدانت 45 شخصا بقتل متظاهرين»: convicted of killing
        if match is not None:
            if _match_at(tables.subset, tokens, position + match.last + 1, text) is not None:
                return "none"  # «مئة مقدوني … قتل منهم نحو عشرين»: only the part was killed
            return match.value
        if _DIGITS.match(tokens[position].norm):
            break
    return "none"


def _by_preposition(token: Token, tables: _Tables) -> bool:
    """An outcome verb read through «ب» («بقتل») names a charge, not what happened; the cues
    that are written with «ب» («بجروح») stay."""
    word = token.norm.removeprefix("و")
    return word.startswith("ب") and word not in tables.after_words


def _subset_before(tokens, first: int, text, tables: _Tables) -> bool:
    """«بينهم 43»; or «بينهم امرأة وأربعة»: a number joined by «و» a few words after one."""
    if first > 0 and _match_at(tables.subset, tokens, first - 1, text) is not None:
        return True
    if not tokens[first].norm.startswith("و"):
        return False
    for start in range(first - 2, max(-1, first - 1 - _LIST_REACH), -1):
        if _CLAUSE_BREAK.search(text[tokens[start].end : tokens[first].start]):
            return False
        if _match_at(tables.subset, tokens, start, text) is not None:
            return True
    return False


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
        if match.last + 1 < len(tokens) and tokens[match.last + 1].norm in _TWO:
            continue  # «فلسطينيان اثنان»: the number word is the figure
        unit: _Unit = match.value
        outcome = unit.outcome
        if outcome == "none" and unit.counts in _PEOPLE:
            outcome = _joined_outcome(tokens, match.first, found) or _cue_around(
                tokens, match.first, match.last, text, tables
            )
        yield Figure(2, unit.unit, unit.counts, match.surface, "", outcome, False,
                     cumulative and outcome != "none")


def _pairs(tokens, text, tables: _Tables, found: list[Figure], cumulative: bool):
    """«مدنيين اثنين», «فلسطينيين اثنين»: a plural noun followed by «اثنين» is two."""
    taken = {f.text for f in found}
    for i in range(1, len(tokens)):
        if tokens[i].norm not in _TWO:
            continue
        noun = text[tokens[i - 1].start : tokens[i].end]
        if any(noun in t or t in noun for t in taken):
            continue
        outcome = _cue_ending_at(tables.before, tokens, i - 2, text) or _cue_after(
            tokens, i + 1, text, tables
        )
        if outcome in CASUALTY_OUTCOMES:
            yield Figure(2, "people", "people", noun, "", outcome, False, cumulative)


def _joined_outcome(tokens, first: int, found: list[Figure]) -> Outcome | None:
    """«قتل 15 طفلا وامرأتان»: a noun joined by «و» right after a figure shares its outcome."""
    if first == 0 or not tokens[first].norm.startswith("و"):
        return None
    before = tokens[first - 1]
    for figure in found:
        if figure.outcome != "none" and figure.text.endswith(before.surface):
            return figure.outcome
    return None


def _singulars(tokens, text, tables: _Tables, found: list[Figure], cumulative: bool):
    """One person, said by a singular noun and its verb: «طفلا مات», «جنديا أميركيا قتل»,
    «وأصيب آخر». Only with a casualty outcome; a noun inside a counted figure is skipped."""
    taken = [(f.text, f.outcome) for f in found]
    for match in tables.singulars.matches(tokens, text):
        if any(match.surface in surface for surface, _ in taken):
            continue
        unit: _Unit = match.value
        if tokens[match.first].norm.removeprefix("و").startswith("ال"):
            continue  # «الجندي» points back to someone already counted
        if match.first and _DIGITS.match(tokens[match.first - 1].norm):
            continue  # «1500 فلسطيني»: the counted noun of a number
        cues = tables.before if unit.unit == "another" else tables.singular_cues
        outcome = _cue_ending_at(cues, tokens, match.first - 1, text) or "none"
        if outcome == "none" and match.first == 1:  # «قتل فلسطيني …» opening the sentence
            outcome = _cue_ending_at(tables.verbs, tokens, 0, text) or "none"
        if outcome == "none" and unit.unit != "another":
            outcome = _cue_after(tokens, match.last + 1, text, tables, reach=_SINGULAR_REACH)
        if outcome in ("killed", "wounded"):
            yield Figure(1, "people" if unit.unit == "another" else unit.unit, unit.counts,
                         match.surface, "", outcome, False, cumulative)
