"""Measure how many Arabic words of a report come back from its PDF text layer.

The same method as ../shared/tools/pdf_text_fidelity.py (multiset recall of Arabic words, after
removing tashkeel, tatweel and bidi controls), kept here so the tests do not depend on files
outside the repository."""

from __future__ import annotations

import html.parser
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

from pypdf import PdfReader

IGNORED = re.compile(r"[\u064B-\u0652\u0670\u0640\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069]")
ARABIC_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def words(text: str) -> Counter:
    return Counter(ARABIC_WORD.findall(IGNORED.sub("", text)))


def html_words(path: Path) -> Counter:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return words(" ".join(parser.parts))


def pdftotext(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (Debian package poppler-utils) is needed by this test"
    return subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pypdf_text(pdf: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


def recall(reference: Counter, extracted: str) -> float:
    found = words(extracted)
    hit = sum(min(n, found[w]) for w, n in reference.items())
    return 100.0 * hit / sum(reference.values())
