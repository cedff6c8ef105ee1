"""Markup helpers that keep mixed Arabic/Latin text in the right order.

WeasyPrint orders inline boxes inside an RTL paragraph right-to-left as whole boxes, so
each Latin or digit run inside Arabic is wrapped in one ``<span dir="ltr">``; each Arabic run
inside English is wrapped in ``<span lang="ar" dir="rtl">``. Text stays logical-order
Unicode: no reshaping, no bidi control characters.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# A Latin/digit run starts and ends with a letter or digit (or %), so a sentence's final
# period stays outside it; inside it may hold spaces and . , : / % + - –.
_LTR_RUN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.,:/%+\-–\s]*[A-Za-z0-9%])?")
# An Arabic run starts and ends with an Arabic letter; quotation marks around it stay outside.
_ARABIC_LETTER = r"\u0621-\u0652\u066E-\u06D3"
_ARABIC_RUN = re.compile(
    rf"[{_ARABIC_LETTER}](?:[\u0600-\u06FF\u0750-\u077F\s.]*[{_ARABIC_LETTER}])?"
)


def ltr_runs(text: str) -> Markup:
    """Escape Arabic ``text`` and isolate each Latin/number run in ``<span dir="ltr">``."""
    return _wrap(text, _LTR_RUN, '<span dir="ltr">')


def rtl_runs(text: str) -> Markup:
    """Escape English ``text`` and isolate each Arabic run in ``<span lang="ar" dir="rtl">``."""
    return _wrap(text, _ARABIC_RUN, '<span lang="ar" dir="rtl">')


def _wrap(text: str, pattern: re.Pattern[str], opening: str) -> Markup:
    parts: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        parts.append(str(escape(text[position : match.start()])))
        parts.append(f"{opening}{escape(match[0])}</span>")
        position = match.end()
    parts.append(str(escape(text[position:])))
    return Markup("".join(parts))
