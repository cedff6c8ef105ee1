import datetime as dt

import pytest

from sitrep.analysis.dates import find_dates, hijri_to_gregorian
from sitrep.knowledge.resources import vocabulary
from sitrep.reading.normalize import tokenize

JULY_6 = dt.date(2017, 7, 6)  # a Thursday


def dates(text: str, published: dt.date | None = None) -> list[tuple[str, dt.date | None, str]]:
    return [
        (d.en, d.value, d.precision)
        for d in find_dates(tokenize(text, vocabulary()), text, published)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قد تبدأ في تشرين الثاني المقبل", [("November", None, "month")]),
        ("المقررة في 12 و13 يونيو برعاية روسيا", [("12–13 June", None, "day")]),
        ("في أفريل 2018", [("April 2018", dt.date(2018, 4, 1), "month")]),
        ("بحلول 15 أكتوبر/تشرين الأول المقبل", [("15 October", None, "day")]),
        ("منذ السادس من يونيو", [("6 June", None, "day")]),
        ("في حزيران/يونيو 2017", [("June 2017", dt.date(2017, 6, 1), "month")]),
        ("الصادر في 14/07/2014", [("2014-07-14", dt.date(2014, 7, 14), "day")]),
    ],
)
def test_month_names_of_every_calendar(text, expected):
    assert dates(text) == expected


def test_a_verb_that_looks_like_a_month_is_not_a_date():
    assert dates("مارس الضغط على الوفد") == []


def test_relative_dates_stay_relative_without_a_publication_date():
    assert dates("قتلوا الليلة قبل الماضية وصباح أمس") == [
        ("the night before last", None, "relative"),
        ("yesterday", None, "relative"),
    ]


def test_relative_dates_resolve_with_a_precision():
    assert dates("جرت أمس في أستانا", JULY_6) == [
        ("yesterday, 2017-07-05", dt.date(2017, 7, 5), "day")
    ]
    assert dates("التي عقدت منتصف الشهر الماضي", JULY_6) == [
        ("mid last month, mid June 2017", dt.date(2017, 6, 15), "month")
    ]
    assert dates("خلال الأسبوع المقبل", JULY_6)[0][2] == "week"
    assert dates("مطلع أغسطس المقبل", JULY_6) == [
        ("early August 2017", dt.date(2017, 8, 1), "month")
    ]


def test_weekdays_resolve_to_the_latest_such_day():
    assert dates("اليوم الخميس", JULY_6) == [("today (Thursday), 2017-07-06", JULY_6, "day")]
    assert dates("قتل مساء الثلاثاء", JULY_6) == [
        ("Tuesday, 2017-07-04", dt.date(2017, 7, 4), "day")
    ]
    assert dates("أحد المركزين", JULY_6) == []


def test_hijri_months():
    assert hijri_to_gregorian(1438, 9, 1) == dt.date(2017, 5, 27)
    assert dates("في شهر رمضان 1438") == [
        ("Ramadan 1438 AH (~May 2017)", dt.date(2017, 5, 27), "month")
    ]
    assert dates("منتصف رمضان", JULY_6)[0][0].startswith("mid Ramadan 1438 AH")
