import io
import subprocess

import fontpkg
import pytest
from PIL import Image, ImageChops
from weasyprint import HTML

from sitrep.report.render import textlayer
from sitrep.report.render.textlayer import _FontFix, _split_tj, one_character_per_code

from .pdf_text import pdftotext, pypdf_text

PHRASE = "في الروسي إلى الاتفاق لافرينتييف"


def _pdf(tmp_path, finisher=None):
    font = fontpkg.path("IBM Plex Sans Arabic")
    html = (
        f'<style>@font-face{{font-family:P;src:url("{font.as_uri()}")}} body{{font-family:P;'
        f'font-size:20px}} p{{font-kerning:none}}</style><p lang="ar" dir="rtl">{PHRASE}</p>'
    )
    path = tmp_path / ("fixed.pdf" if finisher else "plain.pdf")
    HTML(string=html).write_pdf(path, finisher=finisher)
    return path


def test_ligatures_come_back_in_logical_order_from_both_extractors(tmp_path):
    fixed = _pdf(tmp_path, one_character_per_code)
    assert pdftotext(fixed).strip().strip("\u202b\u202c") == PHRASE
    assert pypdf_text(fixed).strip() == PHRASE


def test_without_the_repair_poppler_reverses_ligatures(tmp_path):
    """The defect this module exists for (if poppler fixes it, this test says so)."""
    assert pdftotext(_pdf(tmp_path)).strip().strip("\u202b\u202c") != PHRASE


def test_the_page_looks_exactly_the_same(tmp_path):
    plain, fixed = _pdf(tmp_path), _pdf(tmp_path, one_character_per_code)
    assert ImageChops.difference(_image(plain), _image(fixed)).getbbox() is None


def _image(path):
    png = subprocess.run(
        ["pdftoppm", "-r", "150", "-png", str(path)], capture_output=True, check=True
    )
    return Image.open(io.BytesIO(png.stdout)).convert("RGB")


def test_split_tj_draws_following_characters_invisibly_before_the_ligature():
    fix = _FontFix(extras={0x0463: (0x0600,)})
    out = _split_tj(b"<0205>0<0463>-12.5<0003>", fix, b"0 Tr")
    assert out == [b"[<0205> 0] TJ", b"3 Tr", b"[<0600>] TJ", b"0 Tr", b"[<0463> -12.5 <0003>] TJ"]


def test_adjacent_adjustments_stay_separate_numbers():
    out = _split_tj(b"<0463>-29<>-30.5<0003>", _FontFix(extras={0x0463: (0x0600,)}), b"0 Tr")
    assert out[-1] == b"[<0463> -29  -30.5 <0003>] TJ"


def test_other_weasyprint_versions_are_refused(monkeypatch):
    monkeypatch.setattr(textlayer.weasyprint, "__version__", "71.0")
    with pytest.raises(RuntimeError, match="re-measure"):
        textlayer.check_supported()
