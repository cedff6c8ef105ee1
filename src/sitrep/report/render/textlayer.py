"""Make the PDF text layer give back Arabic words in logical order, for every extractor.

Why: a ligature glyph (lam-alef لا, and fonts' سي, في, لى …) is one glyph for several
characters. WeasyPrint maps it in the font's ToUnicode CMap to all of them, in logical order
(``<0463> → سي``). PDF text extractors rebuild right-to-left words from glyphs in visual order
and disagree on what to do with such multi-character glyphs: poppler (pdftotext) reverses
them with the rest of the word (الروسي → الرويس, في → يف), pypdf keeps them (measured on the
bundled brief: 80.6 % and 99.2 % of Arabic words recovered). Poppler also reverses
``/ActualText`` in right-to-left words, so that is no cure either (measured).

What: after WeasyPrint has built the PDF objects (a ``write_pdf`` finisher), every glyph code
whose ToUnicode text is several Arabic characters is mapped to its first character only, and
each following character gets a code of its own (above the font's glyph range, width 0).
Those codes are drawn right before the ligature glyph, in visual order, in invisible text
rendering mode (``3 Tr``). The page looks exactly the same (same glyphs, same positions,
lam-alef intact), and every code of the text layer now stands for one character, which both
extractors order correctly.

Pinned to WeasyPrint 70 (the way it writes Type0 fonts, ToUnicode CMaps and ``[…] TJ``
operators); ``check_supported`` refuses other versions so an upgrade fails loudly in tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pydyf

from sitrep.report.render.libraries import weasyprint

SUPPORTED_WEASYPRINT = ("70.",)
_BFCHAR = re.compile(rb"^<([0-9a-f]{4})> <([0-9a-f]*)>$")
_TJ = re.compile(rb"^\[(.*)\] TJ$", re.S)
_TF = re.compile(rb"^/(\S+) \S+ Tf$")
_TR = re.compile(rb"^(\d) Tr$")
_PIECE = re.compile(rb"<([0-9a-f]+)>|(-?[\d.]+)")
_INVISIBLE = b"3 Tr"


def check_supported() -> None:
    if not weasyprint.__version__.startswith(SUPPORTED_WEASYPRINT):
        raise RuntimeError(
            f"sitrep.report.render.textlayer supports WeasyPrint {SUPPORTED_WEASYPRINT}, "
            f"not {weasyprint.__version__}: re-measure the PDF text layer before upgrading"
        )


def is_rtl_text(text: str) -> bool:
    return len(text) > 1 and all(
        "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in text
    )


@dataclass
class _FontFix:
    """Extra codes of one font: ligature code → codes of its following characters."""

    extras: dict[int, tuple[int, ...]] = field(default_factory=dict)


def one_character_per_code(document, pdf: pydyf.PDF) -> None:
    """WeasyPrint finisher: split multi-character right-to-left ToUnicode entries."""
    check_supported()
    objects = {obj.number: obj for obj in pdf.objects if hasattr(obj, "number")}
    fixes = {}
    for name, font in _fonts_by_name(pdf, objects).items():
        fix = _fix_font(font, objects)
        if fix.extras:
            fixes[name] = fix
    if fixes:
        for obj in pdf.objects:
            if isinstance(obj, pydyf.Stream):
                obj.stream = _rewrite_stream(obj.stream, fixes)


def _resolve(value, objects):
    if isinstance(value, bytes | str):
        match = re.fullmatch(r"(\d+) 0 R", value.decode() if isinstance(value, bytes) else value)
        if match:
            return objects.get(int(match[1]))
    return value


def _fonts_by_name(pdf: pydyf.PDF, objects) -> dict[bytes, pydyf.Dictionary]:
    """Font resource name (as used by ``Tf``) → Type0 font dictionary."""
    fonts = {}
    for obj in pdf.objects:
        if not isinstance(obj, pydyf.Dictionary):
            continue
        for key, value in obj.items():
            target = _resolve(value, objects)
            if isinstance(target, pydyf.Dictionary) and target.get("Subtype") == "/Type0":
                fonts[str(key).encode()] = target
    return fonts


def _fix_font(font: pydyf.Dictionary, objects) -> _FontFix:
    fix = _FontFix()
    to_unicode = _resolve(font.get("ToUnicode"), objects)
    descendants = _resolve(font.get("DescendantFonts"), objects)
    if not isinstance(to_unicode, pydyf.Stream) or not descendants:
        return fix
    cid_font = _resolve(descendants[0], objects)
    if not isinstance(cid_font, pydyf.Dictionary) or font.get("Encoding") != "/Identity-H":
        return fix  # custom encodings (fonts with missing glyphs) are left as they are
    entries = _bfchar_entries(to_unicode.stream)
    next_code = max(max(entries, default=0), _max_width_cid(cid_font.get("W"))) + 1
    codes_by_char: dict[str, int] = {}
    replacements: dict[int, str] = {}
    for code, text in entries.items():
        if not is_rtl_text(text):
            continue
        following = []
        for char in text[1:]:
            if char not in codes_by_char:
                codes_by_char[char] = next_code
                next_code += 1
            following.append(codes_by_char[char])
        fix.extras[code] = tuple(following)
        replacements[code] = text[0]
    if not fix.extras or next_code > 0xFFFF:
        return _FontFix()
    added = {code: char for char, code in codes_by_char.items()}
    to_unicode.stream = _rewrite_cmap(to_unicode.stream, replacements, added)
    cid_font["W"] = pydyf.Array(
        [*cid_font.get("W", pydyf.Array()), min(added), pydyf.Array([0] * len(added))]
    )
    return fix


def _bfchar_entries(chunks) -> dict[int, str]:
    entries = {}
    for chunk in chunks:
        match = _BFCHAR.match(chunk)
        if match:
            entries[int(match[1], 16)] = bytes.fromhex(match[2].decode()).decode("utf-16-be")
    return entries


def _max_width_cid(widths) -> int:
    """The highest CID that a ``W`` array gives a width to."""
    highest, items = 0, list(widths or ())
    for index in range(0, len(items) - 1, 2):
        start, values = items[index], items[index + 1]
        highest = max(highest, int(start) + len(values) - 1)
    return highest


def _rewrite_cmap(chunks, replacements: dict[int, str], added: dict[int, str]) -> list[bytes]:
    def entry(code: int, text: str) -> bytes:
        return f"<{code:04x}> <{text.encode('utf-16-be').hex()}>".encode()

    out = []
    for chunk in chunks:
        match = _BFCHAR.match(chunk)
        if match and int(match[1], 16) in replacements:
            code = int(match[1], 16)
            chunk = entry(code, replacements[code])
        if chunk == b"endcmap":
            items = list(added.items())
            for start in range(0, len(items), 100):
                batch = items[start : start + 100]
                out.append(f"{len(batch)} beginbfchar".encode())
                out.extend(entry(code, char) for code, char in batch)
                out.append(b"endbfchar")
        out.append(chunk)
    return out


def _rewrite_stream(chunks, fixes: dict[bytes, _FontFix]) -> list:
    out: list = []
    fix: _FontFix | None = None
    mode = b"0 Tr"
    for chunk in chunks:
        if not isinstance(chunk, bytes):
            out.append(chunk)
            continue
        if font := _TF.match(chunk):
            fix = fixes.get(font[1])
        elif _TR.match(chunk):
            mode = chunk
        elif fix and (text := _TJ.match(chunk)):
            out.extend(_split_tj(text[1], fix, mode))
            continue
        out.append(chunk)
    return out


def _split_tj(body: bytes, fix: _FontFix, mode: bytes) -> list[bytes]:
    """``[<a><lig><b>] TJ`` → ``[<a>] TJ 3 Tr [<extra>] TJ 0 Tr [<lig><b>] TJ``."""
    out: list[bytes] = []
    run: list[bytes | int] = []  # glyph codes (int) and position adjustments (bytes)
    for glyphs, number in _PIECE.findall(body):
        if number:
            run.append(number)
            continue
        for start in range(0, len(glyphs), 4):
            code = int(glyphs[start : start + 4], 16)
            extras = fix.extras.get(code)
            if extras:
                if run:
                    out.append(_tj(run))
                    run = []
                out += [_INVISIBLE, _tj(list(reversed(extras))), mode]
            run.append(code)
    if run:
        out.append(_tj(run))
    return out


def _tj(items: list[bytes | int]) -> bytes:
    """A TJ operator: consecutive glyph codes in one hex string, numbers between them."""
    parts: list[bytes] = []
    codes: list[int] = []
    for item in items:
        if isinstance(item, int):
            codes.append(item)
            continue
        if codes:
            parts.append(b"<" + b"".join(f"{c:04x}".encode() for c in codes) + b">")
            codes = []
        parts.append(b" " + item + b" ")
    if codes:
        parts.append(b"<" + b"".join(f"{c:04x}".encode() for c in codes) + b">")
    return b"[" + b"".join(parts).strip() + b"] TJ"
