"""Read and validate a brief's ``brief.toml``.

Errors name the file, the line and the key, in the form
``briefs/x/brief.toml:4: Config value 'period_end': expected YYYY-MM-DD``.
Unknown keys are errors: a typo must never be silently ignored.

Besides ``[brief]``, a brief may carry classifier terms for its own conflict::

    [lexicon.battlefield]
    "مسيرة" = 2.5                                  # weight
    "الحوثيين" = { weight = 1, en = "Houthis" }    # weight and English gloss
    [lexicon.diplomacy]
    "مسقط" = { weight = 1.5, en = "Muscat" }

A term replaces a default term with the same spelling; weight 0 removes a default term.
Text values shown in the report (title, title_ar, handling, organisation) are cleaned like
article text: NUL, control and bidi override/isolate characters are removed, and each removal
is a warning naming brief.toml and the line (``load_brief_reporting``).
``stem_model = false`` in ``[brief]`` turns off the section model, trained mostly on
Syria reporting, for a brief about another conflict (the rule cues then decide).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.errors import BriefNotFoundError, ConfigError
from sitrep.knowledge.resources import GAZETTEER_COLUMNS, gazetteer_entry
from sitrep.model import BriefConfig, GazetteerEntry
from sitrep.reading.ingest import clean_text

CONFIG_NAME = "brief.toml"
GAZETTEER_NAME = "gazetteer.csv"


@dataclass(frozen=True)
class _Key:
    name: str
    kind: type
    required: bool
    help: str


_KEYS: tuple[_Key, ...] = (
    _Key("title", str, True, "English title of the report"),
    _Key("title_ar", str, True, "Arabic title of the report"),
    _Key("period_start", dt.date, True, "first day covered, YYYY-MM-DD"),
    _Key("period_end", dt.date, True, "last day covered, YYYY-MM-DD"),
    _Key("handling", str, False, "handling line printed on every page"),
    _Key("organisation", str, False, "producing organisation"),
    _Key(
        "stem_model",
        bool,
        False,
        "true or false: let the section model (trained on real Arabic reporting) decide",
    ),
    _Key(
        "leave_out_of_period",
        bool,
        False,
        "true or false: leave out articles published outside period_start–period_end "
        "(they are always reported)",
    ),
)
_TABLE = "brief"
_LEXICON = "lexicon"
_SECTIONS = ("diplomacy", "battlefield", "other")


def find_brief(name_or_path: str, briefs_dir: Path) -> Path:
    """Resolve ``astana-2017`` or ``briefs/astana-2017`` to a brief folder."""
    for candidate in (Path(name_or_path), briefs_dir / name_or_path):
        if (candidate / CONFIG_NAME).is_file():
            return candidate
    known = ", ".join(sorted(p.name for p in list_briefs(briefs_dir))) or "none"
    raise BriefNotFoundError(
        f"unknown brief '{name_or_path}': no {CONFIG_NAME} in it or in {briefs_dir / name_or_path}"
        f" (briefs under {briefs_dir}: {known})"
    )


def list_briefs(briefs_dir: Path) -> list[Path]:
    """Every folder under ``briefs_dir`` that holds a ``brief.toml``, sorted by name."""
    if not briefs_dir.is_dir():
        return []
    return sorted(p.parent for p in briefs_dir.glob(f"*/{CONFIG_NAME}"))


def load_brief(root: Path) -> BriefConfig:
    """Parse and validate ``root/brief.toml``."""
    return load_brief_reporting(root)[0]


def load_brief_reporting(root: Path) -> tuple[BriefConfig, tuple[str, ...]]:
    """Parse and validate ``root/brief.toml``; also the warnings about characters removed from
    its text values (``brief.toml:2: title: bidi control character removed: U+202E``)."""
    path = root / CONFIG_NAME
    source = read_utf8(path)
    data = _parse_toml(path, source)
    table = _brief_table(path, source, data)
    values = {key.name: _validated(path, source, key, table.get(key.name)) for key in _KEYS}
    warnings = _cleaned(path, source, values)
    return _config(root, path, source, data, values), warnings


def _cleaned(path: Path, source: str, values: dict[str, Any]) -> tuple[str, ...]:
    """Remove control and bidi characters from the text values in ``values`` (in place), as
    from article text; one warning per value and kind, with the code points."""
    warnings: list[str] = []
    for key in _KEYS:
        if key.kind is not str or values[key.name] is None:
            continue
        text, removed = clean_text(values[key.name])
        line = _line_of(source, _TABLE, key.name)
        where = f"{path}:{line}" if line else str(path)
        warnings += [f"{where}: {key.name}: {r.reason}: {r.text}" for r in removed]
        values[key.name] = text.strip()
        if not values[key.name]:
            message = f"Config value '{key.name}': nothing left after removing control characters"
            raise ConfigError(path, message, line)
    return tuple(warnings)


def _config(
    root: Path, path: Path, source: str, data: dict[str, Any], values: dict[str, Any]
) -> BriefConfig:
    return BriefConfig(
        name=root.resolve().name,
        root=root.resolve(),
        title_en=values["title"],
        title_ar=values["title_ar"],
        period_start=values["period_start"],
        period_end=_checked_period(path, source, values["period_start"], values["period_end"]),
        handling=values["handling"] or "",
        organisation=values["organisation"] or "",
        stem_model=values["stem_model"] is not False,
        leave_out_of_period=values["leave_out_of_period"] is True,
        lexicon=_lexicon(path, source, data.get(_LEXICON, {})),
        gazetteer=load_brief_gazetteer(root / GAZETTEER_NAME),
    )


def load_brief_gazetteer(path: Path) -> tuple[GazetteerEntry, ...]:
    """A brief's own ``gazetteer.csv`` (same columns as the built-in one), if it has one."""
    if not path.is_file():
        return ()
    lines = read_utf8(path).splitlines()
    reader = csv.DictReader(lines)
    missing = set(GAZETTEER_COLUMNS) - set(reader.fieldnames or ())
    if missing:
        raise ConfigError(path, f"missing column(s) {', '.join(sorted(missing))}", 1)
    entries = []
    try:
        for row in reader:
            if (row.get("type") or "").startswith("#"):
                continue
            _refuse_controls(path, "gazetteer row", " ".join(str(v) for v in row.values()),
                             reader.line_num)
            try:
                entries.append(gazetteer_entry(row))
            except (ValueError, TypeError, AttributeError) as exc:
                raise ConfigError(path, f"gazetteer row: {exc}", reader.line_num) from exc
    except csv.Error as exc:
        raise ConfigError(path, f"invalid CSV: {exc}", reader.line_num) from exc
    return tuple(entries)


def read_utf8(path: Path) -> str:
    """The text of a brief's settings file; not UTF-8 or unreadable is a ``ConfigError``
    naming the line and byte offset."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(path, f"cannot read: {exc.strerror or exc}") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ConfigError(
            path,
            f"not UTF-8 (byte 0x{raw[exc.start]:02X} at offset {exc.start}); save it as UTF-8",
            line,
        ) from exc


def _parse_toml(path: Path, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise ConfigError(path, f"invalid TOML: {exc}", int(match[1]) if match else None) from exc


def _brief_table(path: Path, source: str, data: dict[str, Any]) -> dict[str, Any]:
    for key in data:
        if key not in (_TABLE, _LEXICON):
            raise ConfigError(
                path,
                f"Unknown config key '{key}' (expected [{_TABLE}] and optional [{_LEXICON}.*])",
                _line_of(source, None, key),
            )
    table = data.get(_TABLE)
    if not isinstance(table, dict):
        raise ConfigError(path, f"missing [{_TABLE}] table")
    allowed = {key.name for key in _KEYS}
    for key in table:
        if key not in allowed:
            raise ConfigError(
                path,
                f"Unknown config key '{key}' in [{_TABLE}] (allowed: {', '.join(sorted(allowed))})",
                _line_of(source, _TABLE, key),
            )
    return table


def _lexicon(path: Path, source: str, table: Any) -> tuple[tuple[Any, str, float, str], ...]:
    rows: list[tuple[Any, str, float, str]] = []
    for section, terms in table.items():
        where = f"{_LEXICON}.{section}"
        if section not in _SECTIONS or not isinstance(terms, dict):
            raise ConfigError(
                path,
                f"Unknown config key '{where}' (expected a table [{_LEXICON}.diplomacy],"
                f" [{_LEXICON}.battlefield] or [{_LEXICON}.other])",
                _line_of(source, None, where) or _line_of(source, _LEXICON, section),
            )
        for term, spec in terms.items():
            weight, english = _term_spec(path, source, where, term, spec)
            _refuse_controls(path, f"{where}.{term}", f"{term} {english}",
                             _line_of(source, where, term))
            rows.append((section, term, weight, english))
    return tuple(rows)


def _refuse_controls(path: Path, what: str, text: str, line: int | None) -> None:
    """Names and glosses reach the report: a control or bidi-override character in one is an
    error (``brief.toml:9: Config value 'lexicon.other.x': bidi control character U+202E``)."""
    _, removed = clean_text(text)
    if removed:
        kind = removed[0].reason.removesuffix(" removed")
        raise ConfigError(path, f"Config value '{what}': {kind} {removed[0].text}; remove it", line)


def _term_spec(path: Path, source: str, table: str, term: str, spec: Any) -> tuple[float, str]:
    line = _line_of(source, table, term)
    message = (
        f"Config value '{table}.{term}': expected a weight >= 0 or {{ weight = N, en = \"…\" }}"
    )
    if isinstance(spec, dict):
        unknown = set(spec) - {"weight", "en"}
        if unknown or "weight" not in spec or not isinstance(spec.get("en", ""), str):
            raise ConfigError(path, message, line)
        weight, english = spec["weight"], spec.get("en", "")
    else:
        weight, english = spec, ""
    if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
        raise ConfigError(path, message, line)
    return float(weight), english or term


def _validated(path: Path, source: str, key: _Key, value: Any) -> Any:
    line = _line_of(source, _TABLE, key.name)
    if value is None:
        if key.required:
            raise ConfigError(path, f"Config value '{key.name}': missing ({key.help})")
        return None
    if key.kind is dt.date:
        return _as_date(path, key, value, line)
    if key.kind is bool:
        if not isinstance(value, bool):
            raise ConfigError(path, f"Config value '{key.name}': expected true or false", line)
        return value
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(path, f"Config value '{key.name}': expected a non-empty string", line)
    return value.strip()


def _as_date(path: Path, key: _Key, value: Any, line: int | None) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(path, f"Config value '{key.name}': expected YYYY-MM-DD", line)


def _checked_period(path: Path, source: str, start: dt.date, end: dt.date) -> dt.date:
    if end < start:
        raise ConfigError(
            path,
            f"Config value 'period_end': {end} is before period_start {start}",
            _line_of(source, _TABLE, "period_end"),
        )
    return end


def _line_of(source: str, table: str | None, key: str) -> int | None:
    """1-based line where ``key`` is assigned inside ``[table]`` (or a table header)."""
    current: str | None = None
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        header = re.fullmatch(r"\[\s*([^\]]+?)\s*\]", line)
        if header:
            current = header[1]
            if table is None and current == key:
                return number
            continue
        if current == table and re.match(rf'(?:"{re.escape(key)}"|{re.escape(key)})\s*=', line):
            return number
    return None
