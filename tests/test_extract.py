import datetime as dt

import pytest

from sitrep.analysis.extract import extract


def entities(text: str) -> list[tuple[str, str]]:
    return [(e.en, e.type) for e in extract(text).facts.entities]


def figures(text: str) -> list[tuple[float, str, str, str]]:
    """(value, unit, outcome, qualifier) of each figure."""
    return [(f.value, f.unit, f.outcome, f.qualifier) for f in extract(text).facts.figures]


def dates(text: str, published: dt.date | None = None) -> list[tuple[str, dt.date | None]]:
    return [(d.en, d.value) for d in extract(text, published).facts.dates]


def test_entities_across_spelling_variants_and_clitics():
    assert entities("تقدمت قوات سورية الديموقراطية (قسد) في الرقة") == [
        ("SDF", "group"),
        ("Raqqa", "place"),
    ]
    assert ("SDF", "group") in entities("وقالت قوات سوريا الديمقراطية")
    assert ("Astana", "place") in entities("في أستانة")
    assert ("Astana", "place") in entities("استانا – وكالات")
    assert ("ISIS", "group") in entities("مقاتلي تنظيم الدولة الإسلامية")
    assert ("United Nations", "un") in entities("مبعوث الأممالمتحدة إلي سوريا")


def test_person_entities_carry_a_role():
    (entity,) = extract("قال لافرينتييف").facts.entities
    assert (entity.en, entity.role) == ("Alexander Lavrentiev", "head of Russian delegation")


def test_common_words_are_not_places():
    assert entities("أحد المركزين سيعمل في الباب الخلفي") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "بأن أكثر من 50 عنصراً من «داعش» قتلوا خلال معارك",
            (50, "fighters", "killed", "more than"),
        ),
        ("إن أربعة من مسلحيها قتلوا في المعارك", (4, "fighters", "killed", "")),
        ("تقدمت «قسد» مسافة 1.5 كيلومتر داخل مدينة الرقة", (1.5, "km", "none", "")),
        ("يمتد كل منهما نحو 25 مترا في السور", (25, "m", "none", "about")),
        ("قتل 22 شخصاً، غالبتهم من النساء", (22, "people", "killed", "")),
        ("دمرت ثلاثة مستودعات ذخيرة", (3, "depots", "none", "")),
        ("أن مئات من الأمتار فقط تفصل", (100, "m", "none", "hundreds of")),
        ("إقامة مناطق تخفيف التصعيد لمدة ٦ أشهر", (6, "months", "none", "")),
    ],
)
def test_figures(text, expected):
    assert figures(text) == [expected]


def test_figure_text_includes_its_qualifier():
    (figure,) = extract("بأن أكثر من 50 عنصراً من «داعش» قتلوا").facts.figures
    assert figure.text == "أكثر من 50 عنصراً"


def test_numbers_without_a_counted_noun_are_not_figures():
    assert figures("وفقاً لقرار مجلس الأمن الدولي 2254") == []


def test_dates_are_part_of_the_facts():
    assert dates("جرت أمس في أستانا", dt.date(2017, 7, 6)) == [
        ("yesterday, 2017-07-05", dt.date(2017, 7, 5))
    ]


def test_attributed_source():
    assert extract("وبحسب المرصد السوري، تقدمت القوات").source.en == (
        "Syrian Observatory for Human Rights"
    )
    assert extract("تقدمت القوات في الرقة").source is None


def test_quotes_and_their_speakers():
    (quote,) = extract("وقال لافرينتييف «لم نتمكن مباشرة من تحديد مناطق خفض النزاع»").facts.quotes
    assert quote.text == "لم نتمكن مباشرة من تحديد مناطق خفض النزاع"
    assert quote.speaker.en == "Alexander Lavrentiev"
    (unnamed,) = extract("قالت مصادر إن «الولايات المتحدة سلمت القوات منظومة صواريخ»").facts.quotes
    assert unnamed.speaker is None


def test_quoted_names_are_not_quotations():
    assert extract("بتنظيم «جيش الإسلام» و«داعش»").facts.quotes == ()


def test_an_addressee_is_not_the_source():
    assert extract("وقال المصدر لـ«سبوتنيك»، إن الموعد لم يحدد").source is None


def test_dual_nouns_carry_their_number():
    assert figures("بعد يومين من المفاوضات") == [(2, "days", "none", "")]
    assert figures("أحدثت ثغرتين في السور") == [(2, "breaches", "none", "")]


def test_places_missing_from_the_gazetteer_are_kept_in_arabic():
    found = extract("سيطرت على مدينة موحسن وقرى العبد والبوعمر في الريف").facts.entities
    assert [(e.en, e.role) for e in found] == [
        ("Mohassan", "town"),
        ("«العبد»", "village, not in gazetteer"),
        ("«البوعمر»", "village, not in gazetteer"),
    ]
    assert extract("في حي المشلب الواقع شرقا").facts.entities[0].en == "Mashlab district"


def test_vague_thousands_read_as_thousands():
    expected = [(1000, "people", "displaced", "thousands of")]
    assert figures("ونزح آلاف الأشخاص من المدينة") == expected


def test_a_place_word_followed_by_a_preposition_is_not_a_name():
    found = extract("دخلت القوات حي الزين وسط مقاومة").facts.entities
    assert [e.en for e in found] == ["«الزين»"]


def test_un_resolutions_are_named():
    assert ("UN Security Council Resolution 2254", "un") in entities(
        "وفقاً لقرار مجلس الأمن الدولي 2254"
    )
    assert ("UN Security Council Resolution 2165", "un") in entities("بموجب القرار 2165 الصادر")


def test_a_qualifier_after_the_counted_noun():
    (figure,) = extract("قتل 40 مدنيا على الأقل في هجوم على مدينة دوما").facts.figures
    assert (figure.value, figure.qualifier) == (40, "at least")


def test_reversed_curly_quotes_are_quotations():
    (quote,) = extract(
        "وقال الوزير ”نحن ملتزمون بالاتفاق ولن نتراجع عنه“ في مؤتمر صحفي."
    ).facts.quotes
    assert quote.text == "نحن ملتزمون بالاتفاق ولن نتراجع عنه"
