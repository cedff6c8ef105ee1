"""Find dates in a sentence and resolve them, from data tables (``data/dates.toml``).

- Month names of every calendar in use: Levantine (تشرين الثاني), Egyptian/Gulf (يونيو),
  Maghrebi (أفريل), and double names (حزيران/يونيو) as one date; a day before the month in
  digits (12 و13 يونيو) or words (السادس من يونيو), a part (مطلع، منتصف، نهاية), a year or a
  shift after it (المقبل، الماضي، الحالي).
- Hijri months (رمضان 1438) with their Gregorian equivalent from the tabular Islamic calendar
  (within a day or two of the announced calendars).
- Relative expressions (أمس، أول من أمس، الليلة قبل الماضية، اليوم الأربعاء، منتصف الشهر الماضي)
  and weekdays, resolved against the article's publication date when it is known, with a
  precision (day, week, month), and kept relative when it is not.
- Numeric dates: 14/07/2014, 2017-07-10; years («عام 2017», «منذ 2011»).
- A week of a month (الأسبوع الثاني من شباط → the 8th, precision week) and yearly days
  (18 مارس من كل عام → recurring, no year guessed).
- A month or day without a year is the most recent one on or before publication, unless the
  text says المقبل/القادم; an explicit year always wins. A resolved date after publication in
  a sentence with no word of the future carries a note, so it is reported, never silently used.
dateparser resolves few of these forms, hence the tables.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitrep.knowledge.lexicon import Match, TermIndex
from sitrep.knowledge.resources import date_tables
from sitrep.model import DateMention
from sitrep.reading.normalize import Token, normalize

_YEAR = re.compile(r"^(19|20)\d\d$")
_HIJRI_YEAR = re.compile(r"^14\d\d$")
_NUMERIC = re.compile(
    r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"
)
_BEFORE_MONTH = frozenset({"في", "شهر", "خلال", "منذ", "حتى", "بحلول", "من"})
_YEAR_WORDS = frozenset({"عام", "العام", "سنه", "لعام", "ولعام", "وعام", "للعام"})
# Words before a bare year that make it a year, not a count: «في 2011», «منذ 2011».
_BEFORE_YEAR = _YEAR_WORDS | frozenset(
    {"في", "وفي", "منذ", "ومنذ", "حتي", "بحلول", "خلال", "مطلع", "منتصف", "اواخر", "نهايه",
     "بدايه", "قبل", "بعد", "اعتبارا", "صيف", "شتاء", "ربيع", "خريف", "اوائل", "اواسط"}
)
_WEEK_WORDS = frozenset({"الاسبوع", "والاسبوع"})
_EVERY_YEAR = ("من كل عام", "كل عام", "من كل سنه", "سنويا")
# Words that let a date lie after publication: the sentence speaks of the future.
_FUTURE_WORDS = frozenset(
    {"سوف", "المقرر", "المقبل", "المقبله", "القادم", "القادمه", "يعتزم", "تعتزم", "سيعقد",
     "ستعقد", "ستجري", "سيجري", "يتوقع", "ستبدا", "سيبدا", "موعد", "مرتقب", "المرتقب",
     "المرتقبه", "ستنطلق", "سينطلق", "سيزور", "ستزور", "ستستضيف", "تستضيف", "ستشهد"}
)
_FUTURE_REACH = 6  # words between a «سـ» verb and the weekday it points forward
_SHIFTS = {"المقبل": 1, "القادم": 1, "الماضي": -1, "الحالي": 0, "الجاري": 0}
_HIJRI_MONTHS = (
    "Muharram",
    "Safar",
    "Rabi al-Awwal",
    "Rabi al-Thani",
    "Jumada al-Ula",
    "Jumada al-Akhira",
    "Rajab",
    "Shaban",
    "Ramadan",
    "Shawwal",
    "Dhu al-Qada",
    "Dhu al-Hijja",
)


@dataclass(frozen=True)
class _Month:
    number: int
    hijri: bool


@dataclass(frozen=True)
class _Tables:
    months: TermIndex[_Month]
    relative: TermIndex[dict[str, Any]]
    weekdays: TermIndex[str]
    parts: TermIndex[str]
    ordinals: TermIndex[int]
    not_today: dict[str, frozenset[str]]
    not_future: tuple[str, ...]  # words that only look like «سـ» + a verb


@cache
def _tables() -> _Tables:
    table = date_tables()
    months = [
        (name, _Month(number, kind == "hijri"))
        for kind, names in table["months"].items()
        for name, number in names.items()
    ]
    return _Tables(
        TermIndex(months),
        TermIndex(table["relative"].items()),
        TermIndex(table["weekdays"].items()),
        TermIndex(table["month_parts"].items()),
        TermIndex(table["ordinals"].items()),
        {key: frozenset(normalize(w) for w in words) for key, words in table["not_today"].items()},
        tuple(normalize(word) for word in table["not_future"]["starts"]),
    )


def find_dates(
    tokens: tuple[Token, ...], text: str, published: dt.date | None
) -> tuple[DateMention, ...]:
    """Every date expression of a sentence, in reading order."""
    tables = _tables()
    future = _speaks_of_future(tokens)
    found: list[tuple[int, DateMention]] = []
    used: set[int] = set()
    for match in tables.relative.matches(tokens, text):
        if _not_today(match, tokens, tables):
            continue
        first, mention = _relative(match, tokens, text, tables, published)
        found.append((first, mention))
        used.update(range(first, match.last + 2))
    months = list(tables.months.matches(tokens, text))
    skip: set[int] = set()
    for index, match in enumerate(months):
        if index in skip:
            continue
        partner = _double_name(
            match, months[index + 1] if index + 1 < len(months) else None, text, tokens
        )
        if partner is not None:
            skip.add(index + 1)
        dated = _month(match, partner, tokens, text, tables, published, future)
        if dated:
            found.append(dated)
            used.update(range(dated[0], (partner or match).last + 2))
    for match in tables.weekdays.matches(tokens, text):
        if match.first - 1 in used and _is_weekday(tokens, match.first - 1, tables, text):
            continue  # «ليل الأربعاء الخميس»: one night, dated by its first day
        if match.first not in used and _is_day_name(tokens, match.first):
            ahead = future or _future_verb_before(tokens, match.first, text, tables)
            found.append((match.first, _weekday(match, tokens, published, ahead)))
    found += _numeric(tokens, text)
    used.update(_covered(found, tokens))
    found += _years(tokens, text, used)
    ordered = [mention for _, mention in sorted(found, key=lambda pair: pair[0])]
    if published is not None and not future:
        ordered = [_checked(m, published) for m in ordered]
    return tuple(ordered)


def _covered(found, tokens: tuple[Token, ...]) -> set[int]:
    """Token indexes inside the date expressions already found."""
    spans = [(tokens[first].start, tokens[first].start + len(m.text)) for first, m in found]
    return {i for i, t in enumerate(tokens) for s, e in spans if s <= t.start < e}


def _years(tokens: tuple[Token, ...], text: str, used: set[int]) -> list[tuple[int, DateMention]]:
    """A year on its own after a year word or a preposition: «عام 2017», «منذ 2011»."""
    found = []
    for i, token in enumerate(tokens):
        if i in used or not i or not _YEAR.match(token.norm):
            continue
        if tokens[i - 1].norm not in _BEFORE_YEAR:
            continue
        first = i - 1 if tokens[i - 1].norm in _YEAR_WORDS else i
        surface = text[tokens[first].start : token.end]
        year = int(token.norm)
        found.append((first, DateMention(surface, str(year), dt.date(year, 1, 1), "year")))
    return found


def _speaks_of_future(tokens: tuple[Token, ...]) -> bool:
    return any(t.norm in _FUTURE_WORDS or t.norm.lstrip("و") in _FUTURE_WORDS for t in tokens)


def _future_verb_before(tokens, first: int, text: str, tables: _Tables) -> bool:
    """A verb with the future prefix «سـ» shortly before a weekday, in its clause («سيصلون
    إلى دوما يوم الأربعاء»): that weekday is the coming one."""
    for k in range(first - 1, max(-1, first - 1 - _FUTURE_REACH), -1):
        if re.search(r"[،,.:؛;]", text[tokens[k].end : tokens[k + 1].start]):
            return False
        word = tokens[k].norm.removeprefix("و").removeprefix("ف")
        if len(word) >= 4 and word[0] == "س" and word[1] in "يتن":
            return not word.startswith(tables.not_future)
    return False


def _checked(mention: DateMention, published: dt.date) -> DateMention:
    """Flag a resolved date that begins after the article was published."""
    if mention.value is None or mention.value <= published:
        return mention
    if mention.precision == "year" and mention.value.year <= published.year:
        return mention
    note = f"after the publication date {published.isoformat()}"
    return DateMention(mention.text, f"{mention.en} ({note})", mention.value,
                       mention.precision, note)


# --- relative expressions and weekdays ------------------------------------------------


def _relative(match, tokens, text, tables: _Tables, published) -> tuple[int, DateMention]:
    spec: dict[str, Any] = match.value
    first, last, en = match.first, match.last, spec["en"]
    part = _part_before(first, tokens, text, tables)
    if part and "months" in spec:
        first, en = first - 1, f"{part} {en}"
    weekday = next(tables.weekdays.matches(tokens[last + 1 : last + 2], text), None)
    if weekday is not None:
        last, en = last + 1, f"{en} ({weekday.value})"
    surface = text[tokens[first].start : tokens[last].end]
    if published is None:
        return first, DateMention(surface, en, None, "relative")
    precision = spec["precision"]
    if "years" in spec:
        year = published.year + spec["years"]
        return first, DateMention(surface, f"{en}, {year}", dt.date(year, 1, 1), precision)
    days = _days_before(first, tokens, text, tables) if "months" in spec else None
    month = _add_months(published.replace(day=1), spec.get("months", 0))
    day = int(days[0].split("–")[0]) if days else 0
    if days is not None and _valid_day(month, day):  # «في السابع من الشهر الحالي»
        first = first - days[1]
        surface = text[tokens[first].start : tokens[last].end]
        value = month.replace(day=day)
        return first, DateMention(surface, f"{en}, {value.isoformat()}", value, "day")
    if "months" in spec:
        start = _add_months(published.replace(day=1), spec["months"])
        value = start.replace(day=_part_day(part, start)) if part else start
        return first, DateMention(surface, f"{en}, {_month_text(value, part)}", value, precision)
    value = published + dt.timedelta(days=spec["days"])
    shown = f"week of {value.isoformat()}" if precision == "week" else value.isoformat()
    return first, DateMention(surface, f"{en}, {shown}", value, precision)


def _valid_day(month: dt.date, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(month.year, month.month)[1]


def _not_today(match, tokens, tables: _Tables) -> bool:
    """«روسيا اليوم», «اليوم السابق», «لليوم الثاني»: «اليوم» that is no date."""
    if match.value.get("days") != 0 or "months" in match.value:
        return False
    word = tokens[match.first].norm.removeprefix("و")
    before = tokens[match.first - 1].norm if match.first else ""
    after = tokens[match.last + 1].norm if match.last + 1 < len(tokens) else ""
    skip = tables.not_today
    return word in skip["forms"] or before in skip["before"] or after in skip["after"]


def _is_weekday(tokens, index: int, tables: _Tables, text: str) -> bool:
    return next(tables.weekdays.matches(tokens[index : index + 1], text), None) is not None


def _is_day_name(tokens: tuple[Token, ...], index: int) -> bool:
    """الأحد is Sunday, أحد is "one of": a weekday needs the article or a preceding يوم."""
    after_day_word = index > 0 and tokens[index - 1].norm in ("يوم", "ويوم")
    return tokens[index].norm.startswith(("ال", "وال")) or after_day_word


def _weekday(match: Match[str], tokens, published, future: bool = False) -> DateMention:
    if published is None:
        return DateMention(match.surface, match.value, None, "weekday")
    target = list(calendar.day_name).index(match.value)
    following = tokens[match.last + 1].norm if match.last + 1 < len(tokens) else ""
    if _SHIFTS.get(following) == 1:
        value = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    elif future and _SHIFTS.get(following) != -1:
        value = published + dt.timedelta(days=(target - published.weekday()) % 7)
    else:
        value = published - dt.timedelta(days=(published.weekday() - target) % 7)
    return DateMention(match.surface, f"{match.value}, {value.isoformat()}", value, "day")


# --- month names ------------------------------------------------------------------------


def _double_name(match, following, text: str, tokens) -> Match[_Month] | None:
    """حزيران/يونيو, أكتوبر (تشرين الأول): two names of the same month side by side."""
    if following is None or following.value.number != match.value.number:
        return None
    between = text[tokens[match.last].end : tokens[following.first].start]
    return following if re.fullmatch(r"\s*[/(\-–]?\s*", between) else None


def _month(
    match, partner, tokens, text, tables: _Tables, published, future: bool = False
) -> tuple[int, DateMention] | None:
    month: _Month = match.value
    first = match.first
    last = (partner or match).last
    after = tokens[last + 1].norm if last + 1 < len(tokens) else ""
    after = after.rstrip(")")
    year_word = 0
    if after in _YEAR_WORDS and last + 2 < len(tokens):
        after, year_word = tokens[last + 2].norm, 1  # «أبريل/ نيسان عام 2017»
    following = " ".join(t.norm for t in tokens[last + 1 : last + 4])
    yearly = any(following.startswith(w) for w in _EVERY_YEAR)
    days = _days_before(first, tokens, text, tables)
    week = days is not None and _is_week(first - days[1] - 1, tokens)
    part = None if days else _part_before(first, tokens, text, tables)
    year = int(after) if (_HIJRI_YEAR if month.hijri else _YEAR).match(after) else None
    shift = _SHIFTS.get(after)
    before = tokens[first - 1].norm if first else ""
    if not (days or part or year or shift is not None or before in _BEFORE_MONTH):
        return None  # a word that only looks like a month (مارس is also a verb)
    start_token = first - (days[1] if days else 0) - (1 if part else 0) - (1 if week else 0)
    end_token = last + (1 + year_word if year or shift is not None else 0)
    surface = text[tokens[start_token].start : tokens[end_token].end]
    if month.hijri:
        return start_token, _hijri(surface, month.number, days, part, year, published)
    name = calendar.month_name[month.number]
    if yearly and days and not year:
        return start_token, DateMention(surface, f"{days[0]} {name} (every year)", None,
                                        "recurring")
    if week and days:
        days = (str((int(days[0]) - 1) * 7 + 1), days[1])
    if year is None and published is not None:
        day_of_month = int(days[0].split("–")[0]) if days else 1
        year = _year_for(month.number, published, 1 if future and shift is None else shift,
                         day_of_month)
    precision = "week" if week else ("day" if days else "month")
    en = f"{days[0]} {name}" if days else (f"{part} {name}" if part else name)
    if week:
        en = f"week of {en}"
    if year is None:
        return start_token, DateMention(surface, en, None, precision)
    day = (
        int(days[0].split("–")[0])
        if days
        else (_part_day(part, dt.date(year, month.number, 1)) if part else 1)
    )
    value = dt.date(year, month.number, min(day, calendar.monthrange(year, month.number)[1]))
    return start_token, DateMention(surface, f"{en} {year}", value, precision)


def _is_week(index: int, tokens: tuple[Token, ...]) -> bool:
    """«الأسبوع الثاني من شباط»: the ordinal counts weeks, not days."""
    return index >= 0 and tokens[index].norm in _WEEK_WORDS


def _days_before(first: int, tokens, text, tables: _Tables) -> tuple[str, int] | None:
    """``12 و13 يونيو`` → ("12–13", 3); ``22 يونيو`` → ("22", 1); ``السادس من يونيو`` → ("6", 2)."""
    if first >= 2 and tokens[first - 1].norm == "من" and _day_number(tokens[first - 2].norm):
        return _day_number(tokens[first - 2].norm), 2  # «الـ20 من يناير», «14 من نيسان»
    if first >= 1 and _day_number(tokens[first - 1].norm):
        day = _day_number(tokens[first - 1].norm)
        if first >= 3 and tokens[first - 3].norm.isdigit() and tokens[first - 2].norm == "و":
            return f"{tokens[first - 3].norm}–{day}", 3
        return day, 1
    norm = tokens[first - 1].norm if first else ""
    if (
        norm.startswith("و")
        and norm[1:].isdigit()
        and first >= 2
        and tokens[first - 2].norm.isdigit()
    ):
        return f"{tokens[first - 2].norm}–{norm[1:]}", 2
    if first >= 2 and tokens[first - 1].norm == "من":
        for start in range(max(0, first - 4), first - 1):
            ordinal = next(tables.ordinals.matches(tokens[start : first - 1], text), None)
            if ordinal is not None and start + ordinal.last == first - 2 and ordinal.first == 0:
                return str(ordinal.value), first - start
    return None


def _day_number(norm: str) -> str:
    """«14», «ال20»: a day of the month (1–31) as digits, else ""."""
    digits = norm.removeprefix("ال")
    return digits if digits.isdigit() and 1 <= int(digits) <= 31 else ""


def _part_before(first: int, tokens, text, tables: _Tables) -> str | None:
    if first < 1:
        return None
    match = next(tables.parts.matches(tokens[first - 1 : first], text), None)
    return match.value if match else None


def _part_day(part: str | None, month_start: dt.date) -> int:
    return {
        "early": 1,
        "mid": 15,
        "late": calendar.monthrange(month_start.year, month_start.month)[1] - 9,
    }.get(part or "", 1)


def _month_text(value: dt.date, part: str | None) -> str:
    return f"{part} {value:%B %Y}" if part else f"{value:%B %Y}"


def _year_for(month: int, published: dt.date, shift: int | None, day: int = 1) -> int:
    """The year of ``month`` as seen from ``published``: next with المقبل, this with الحالي,
    else the most recent such month (or day) on or before publication."""
    if shift == 1:
        return published.year + (1 if (month, day) < (published.month, published.day) else 0)
    if shift == 0:
        return published.year
    later = (month, day) > (published.month, published.day) if day > 1 else (
        month > published.month
    )
    return published.year - (1 if later else 0)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


# --- Hijri --------------------------------------------------------------------------------


def hijri_to_gregorian(year: int, month: int, day: int = 1) -> dt.date:
    """The tabular (arithmetical) Islamic calendar, civil epoch."""
    jdn = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439
    return dt.date.fromordinal(jdn - 1721425)


def _hijri(surface, month, days, part, year, published) -> DateMention:
    name = _HIJRI_MONTHS[month - 1]
    en = f"{days[0]} {name}" if days else (f"{part} {name}" if part else name)
    if year is None and published is not None:
        year = min(
            range(published.year - 580, published.year - 577),
            key=lambda y: abs((hijri_to_gregorian(y, month) - published).days),
        )
    if year is None:
        return DateMention(surface, en, None, "day" if days else "month")
    day = int(days[0].split("–")[0]) if days else (15 if part == "mid" else 1)
    value = hijri_to_gregorian(year, month, day)
    approx = value.isoformat() if days else f"{value:%B %Y}"
    return DateMention(surface, f"{en} {year} AH (~{approx})", value, "day" if days else "month")


# --- numeric dates ------------------------------------------------------------------------


def _numeric(tokens: tuple[Token, ...], text: str) -> list[tuple[int, DateMention]]:
    found = []
    for match in _NUMERIC.finditer(text):
        try:
            if match[1]:
                value = dt.date(int(match[3]), int(match[2]), int(match[1]))
            else:
                value = dt.date(int(match[4]), int(match[5]), int(match[6]))
        except ValueError:
            continue
        index = next((i for i, t in enumerate(tokens) if t.start >= match.start()), len(tokens))
        found.append((index, DateMention(match[0], value.isoformat(), value, "day")))
    return found
