"""Golden end-to-end test: build the bundled brief and check the HTML and the PDF."""

import re

import pytest
from pypdf import PdfReader

PRESENTATION_FORMS = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")
HEADINGS = [
    "Key takeaways",
    "أبرز النقاط",
    "Diplomacy",
    "الدبلوماسية",
    "Battlefield",
    "الميدان",
    "Other",
    "أخرى",
    "Sources",
    "المصادر",
]


@pytest.fixture(scope="module")
def outputs(built):
    html, pdf = built.outputs
    return html.read_text(encoding="utf-8"), PdfReader(pdf), pdf


def test_outputs_land_where_the_readme_says(built):
    html, pdf = built.outputs
    assert html.name == "astana-2017.html" and pdf.name == "astana-2017.pdf"
    assert html.parent.name == "astana-2017"
    assert built.articles == 5 and built.sentences > 90 and built.warnings == ()


def test_pdf_has_pages_and_bilingual_outline(outputs):
    _, reader, _ = outputs
    assert len(reader.pages) >= 4
    titles = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert titles == [
        "Key takeaways / أبرز النقاط",
        "Key figures / أرقام رئيسية",
        "Diplomacy / الدبلوماسية",
        "Battlefield / الميدان",
        "Other / أخرى",
        "Glossary / مسرد الأسماء",
        "Sources / المصادر",
    ]


def test_pdf_text_layer_has_both_languages_and_no_presentation_forms(outputs):
    _, reader, _ = outputs
    text = "\n".join(page.extract_text() for page in reader.pages)
    for heading in HEADINGS:
        assert heading in text, heading
    assert PRESENTATION_FORMS.findall(text) == []
    assert "Page 2 of" in text


def test_pdf_metadata(outputs):
    _, reader, _ = outputs
    assert reader.metadata.title.startswith("Syria: Astana talks")
    assert reader.metadata.author == "sitrep example desk"


def test_html_is_logical_unicode_with_language_and_direction(outputs):
    html, _, _ = outputs
    assert PRESENTATION_FORMS.findall(html) == []
    assert '<html lang="en" dir="ltr">' in html
    assert '<h1 class="title-ar" lang="ar" dir="rtl">' in html
    assert html.count('<div class="ar" lang="ar" dir="rtl">') == html.count('<article class="item"')
    assert '<span dir="ltr">HIMARS</span>' in html


def test_html_is_self_contained(outputs):
    html, _, _ = outputs
    assert 'src: url("data:font/ttf;base64,' in html
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)
    assert "<link" not in html


def test_every_item_has_provenance(outputs):
    html, _, _ = outputs
    items = re.findall(
        r'<article class="item" id="item-(\d{3})-(\d+)" data-span="(\d+)-(\d+)">', html
    )
    assert len(items) > 90
    assert html.count('<a class="ref" href="#src-') >= len(items)
    for ref in {a for a, *_ in items}:
        assert f'<tr id="src-{ref}">' in html


def test_sections_hold_the_seed_statements(outputs):
    html, _, _ = outputs
    diplomacy = html.split('id="diplomacy"')[1].split('id="battlefield"')[0]
    battlefield = html.split('id="battlefield"')[1].split('id="other"')[0]
    other = html.split('id="other"')[1].split('id="sources"')[0]
    assert "تأجلت إلى أجل غير مسمى" in diplomacy
    assert "مسلحاً من “داعش” مصرعهم" in battlefield
    assert "قانون الطلب للخدمة الاحتياطية" in other


def test_pdf_text_layer_gives_back_the_arabic_words(built):
    """Issue 6: ≥ 99.5 % of the report's Arabic words come back with pdftotext and pypdf."""
    from .pdf_text import html_words, pdftotext, pypdf_text, recall

    html, pdf = built.outputs
    reference = html_words(html)
    assert sum(reference.values()) > 2000
    assert recall(reference, pdftotext(pdf)) >= 99.5
    assert recall(reference, pypdf_text(pdf)) >= 99.5


def test_rebuilds_are_byte_identical(built, built_inputs, tmp_path):
    """Once seen to fail under load, never reproduced (12 runs, two at a time beside four busy
    loops on 2 CPUs; three PYTHONHASHSEEDs): the PDF has no clock, UUID or system font in it.
    A failure now says whether the brief or templates changed during the session (another
    process editing the checkout) and where the outputs first differ."""
    from sitrep.build import build_brief

    from .conftest import BUNDLED, GENERATED, input_digests

    changed = sorted(k for k, v in input_digests().items() if built_inputs.get(k) != v)
    assert not changed, f"inputs changed during the test session: {changed}"
    again = build_brief(BUNDLED, tmp_path, generated=GENERATED)
    for first, second in zip(built.outputs, again.outputs, strict=True):
        one, two = first.read_bytes(), second.read_bytes()
        at = next((i for i, (a, b) in enumerate(zip(one, two, strict=False)) if a != b), None)
        assert one == two, f"{first.name}: {len(one)} vs {len(two)} bytes, first difference at {at}"


def test_pdf_is_tagged_for_accessibility(outputs):
    _, reader, _ = outputs
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert reader.xmp_metadata is not None
    assert reader.metadata["/CreationDate"].startswith("D:20260102")  # the build's date


def test_html_arabic_is_the_article_text_in_logical_order(outputs):
    """Copying from the HTML gives the article's own text: no marks, no reordering."""
    html, _, _ = outputs
    assert not re.search("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", html)
    first = re.search(r'<div class="ar" lang="ar" dir="rtl">\s*<p>(.*?)</p>', html, re.S)[1]
    plain = re.sub(r"<[^>]+>", "", first)
    assert plain.startswith("أعلن رئيس الوفد الروسي إلي مفاوضات العاصمة الكازخستانية")
