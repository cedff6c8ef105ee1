"""Dates on real sentences (``../shared/corpus/ant/articles/``; the file beside each case):
explicit years win, weeks of a month, yearly days, bare years, and a date after publication
is flagged, never silently used."""

from __future__ import annotations

import datetime as dt

from sitrep.analysis.extract import extract


def dates(text: str, published: dt.date) -> list[tuple[str, str, str]]:
    return [
        (d.text, d.value.isoformat() if d.value else "", d.precision)
        for d in extract(text, published).facts.dates
    ]


def test_an_explicit_year_wins_over_the_publication_year():
    # 0119_bbc.txt, published 2018-02-26: not 4 April 2018
    text = ("وفي العام الماضي، خلصت لجنة مشتركة من الأمم المتحدة ومنظمة حظر الأسلحة الكيميائية، "
            "إلى أن الحكومة السورية مسؤولة عن هجوم، وقع في الرابع من أبريل/ نيسان عام 2017")
    assert ("الرابع من أبريل/ نيسان عام 2017", "2017-04-04", "day") in dates(
        text, dt.date(2018, 2, 26)
    )


def test_a_week_of_a_month():
    # 0074_france24.txt, published 2018-02-18: not 2 February
    text = ("وخلال الأسبوع الثاني من شباط/فبراير الحالي شن النظام السوري غارات جوية مكثفة لخمسة "
            "أيام متواصلة على الغوطة الشرقية")
    (found,) = dates(text, dt.date(2018, 2, 18))
    assert found[1:] == ("2018-02-08", "week")


def test_a_yearly_day_is_not_given_a_year():
    # 0244_cnn.txt, published 2018-03-18: an anniversary, and a bare year
    text = ("وتحيي تركيا في 18 مارس من كل عام الذكرى السنوية لانتصار الدولة العثمانية في معركة "
            "\"جناق قلعة\" عام 1915")
    assert dates(text, dt.date(2018, 3, 18)) == [
        ("18 مارس", "", "recurring"),
        ("عام 1915", "1915-01-01", "year"),
    ]


def test_bare_years_are_read():
    # 0874_france24.txt
    text = "وتشهد سوريا نزاعا داميا تسبب منذ اندلاعه في العام 2011 بمقتل أكثر من 350 ألف شخص"
    assert ("العام 2011", "2011-01-01", "year") in dates(text, dt.date(2018, 6, 1))


def test_a_month_without_a_year_is_the_latest_before_publication():
    # 0085_bbc.txt, published 2018-02-20
    text = ("وأضاف أن ثمة شح كبير في الأغذية، لأن الحكومة لم تسمح إلا لقافلة واحدة بالدخول إلى "
            "الغوطة الشرقية منذ أواخر نوفمبر/تشرين الثاني.")
    (found,) = dates(text, dt.date(2018, 2, 20))
    assert found[1:] == ("2017-11-21", "month")


def test_a_date_after_publication_is_flagged_not_guessed():
    published = dt.date(2018, 2, 20)
    (mention,) = extract("وقع الهجوم في 3 مارس 2018", published).facts.dates
    assert mention.value == dt.date(2018, 3, 3) and "after the publication date" in mention.note
    (future,) = extract("ستعقد القمة في 3 مارس 2018", published).facts.dates
    assert future.note == ""
