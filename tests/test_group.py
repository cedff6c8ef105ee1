import datetime as dt

from sitrep.analysis.extract import extract
from sitrep.model import Analysed, Classification, Sentence, Span
from sitrep.report.group import build_report, make_item, merge_events

from .conftest import BUNDLED


def analysed(article: str, index: int, text: str, section: str = "battlefield") -> Analysed:
    found = extract(text)
    return Analysed(
        Sentence(article, index, text, Span(0, len(text))),
        Classification(section, ("test",), ()),
        found.facts,
        found.source,
    )


RAQQA_A = "وقتلت قوات سوريا الديمقراطية 50 من عناصر داعش في الرقة."
RAQQA_B = "وأفاد قائد بأن 50 عنصراً من داعش قتلوا في الرقة خلال معارك."


def test_the_same_event_from_two_outlets_becomes_one_item():
    items = merge_events(
        [make_item(analysed("001", 1, RAQQA_A)), make_item(analysed("002", 4, RAQQA_B))]
    )
    assert len(items) == 1
    assert items[0].refs == ("001·1", "002·4")


def test_the_same_article_is_never_merged_with_itself():
    items = merge_events(
        [make_item(analysed("001", 1, RAQQA_A)), make_item(analysed("001", 2, RAQQA_B))]
    )
    assert len(items) == 2


def test_different_figures_are_different_events():
    other = "قتل 22 شخصاً في غارات على الرقة."
    items = merge_events(
        [make_item(analysed("001", 1, RAQQA_A)), make_item(analysed("002", 1, other))]
    )
    assert len(items) == 2


def test_report_sections_takeaways_and_sources():
    from sitrep.config import load_brief
    from sitrep.reading.ingest import read_article

    article = read_article(next((BUNDLED / "articles").glob("001_*")), "001")
    rows = [
        analysed("001", 1, RAQQA_A),
        analysed("001", 2, "أعلن المبعوث الأممي أن المفاوضات في جنيف ستستأنف.", "diplomacy"),
        analysed("001", 3, "وأوضح أن العمل جار.", "other"),
    ]
    report = build_report(load_brief(BUNDLED), [article], rows, dt.date(2026, 1, 1))
    assert [s.name for s in report.sections] == ["diplomacy", "battlefield", "other"]
    assert [len(s.items) for s in report.sections] == [1, 1, 1]
    assert {i.section for i in report.takeaways} == {"diplomacy", "battlefield"}
    assert report.sources[0].sentences == 3 and report.unknown_outlets == 1
    line = report.sections[1].items[0].english.text
    assert "Raqqa" in line and "50 fighters killed" in line and "SDF" in line


def test_differing_casualty_figures_of_one_day_become_a_conservative_range():
    import datetime as dt

    from sitrep.model import Analysed

    def dated(article: str, text: str) -> Analysed:
        found = extract(text, dt.date(2018, 2, 25))
        return Analysed(
            Sentence(article, 1, text, Span(0, len(text))),
            Classification("battlefield", ("test",), ()),
            found.facts,
            found.source,
        )

    items = merge_events(
        [
            make_item(dated("001", "قتل 27 مدنيا في غارات على دوما أمس.")),
            make_item(dated("002", "وقتل 22 مدنيا في قصف على دوما أمس بحسب المرصد.")),
        ]
    )
    assert len(items) == 1
    assert items[0].english.figures == "22–27 civilians killed (reports differ)"


def test_glossary_and_key_figures():
    from sitrep.report.group import glossary, key_figures

    rows = [analysed("001", 1, RAQQA_A), analysed("002", 1, "ودخلت القوات إلى دمشق وحمص.")]
    entries = {e.en: e for e in glossary(rows)}
    assert entries["Damascus"].arabic == ("دمشق",)
    assert entries["Homs"].arabic == ("حمص",)  # the clitic و is not part of the name
    assert entries["SDF"].type == "group"
    assert [i.primary.sentence.article for i in key_figures([make_item(r) for r in rows])] == [
        "001"
    ]


def dated_row(article: str, text: str, published: dt.date) -> Analysed:
    found = extract(text, published)
    return Analysed(
        Sentence(article, 1, text, Span(0, len(text))),
        Classification("battlefield", ("test",), ()),
        found.facts,
        found.source,
    )


# ../shared/corpus/ant/articles/0074_france24.txt (published Sunday 2018-02-18) and
# 0119_bbc.txt (Sunday 2018-02-25): 14 killed in Eastern Ghouta on two different Sundays.
GHOUTA_0074 = (
    "قتل 14 شخصا على الأقل بينهم أربعة أطفال الأحد في الغوطة الشرقية المحاصرة قرب دمشق، "
    "إثر قصف مدفعي عنيف لقوات النظام السوري."
)
GHOUTA_0119 = (
    "وقال المرصد السوري لحقوق الإنسان إن القصف الجوي على الغوطة الشرقية كان أقل كثافة الأحد، "
    "مقارنة بالأيام السابقة، لكن 14 شخصا قتلوا."
)


def test_the_same_toll_on_two_different_sundays_is_two_events():
    first = dated_row("001", GHOUTA_0074, dt.date(2018, 2, 18))
    second = dated_row("002", GHOUTA_0119, dt.date(2018, 2, 25))
    assert [d.value for d in first.facts.dates] == [dt.date(2018, 2, 18)]
    assert len(merge_events([make_item(first), make_item(second)])) == 2
    same_day = dated_row("002", GHOUTA_0119, dt.date(2018, 2, 18))
    assert len(merge_events([make_item(first), make_item(same_day)])) == 1


# ../shared/corpus/ant/articles/0071_cnn.txt, lines 6 and 7: the headline's six wounded,
# restated in the lede (without the dateline).
AFRIN_0071 = (
    "سوريا.. ستة مصابين بعد هجوم كيماوي مزعوم لتركيا بعفرين",
    "تلقى ستة مدنيين عناية طبية بعد هجوم مزعوم بسلاح كيماوي من قبل القوات التركية على قرية "
    "المزينة في ناحية شيخ الحديد بمنطقة عفرين السورية، الجمعة، وفقاً لما ذكرته وكالة الانباء "
    "السورية الرسمية \"سانا\".",
)


def test_key_figures_list_one_figure_once():
    from sitrep.report.group import key_figures

    rows = [analysed("001", i, text) for i, text in enumerate(AFRIN_0071, start=1)]
    assert all(
        (f.value, f.outcome) == (6, "wounded") for r in rows for f in r.facts.figures
    )
    assert len(key_figures([make_item(r) for r in rows])) == 1
