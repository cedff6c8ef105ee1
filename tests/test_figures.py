"""Figures on real sentences: each number bound to its own outcome, thousands read, percentages
kept apart from counts, running totals marked. Every sentence is quoted from the real corpus
(``../shared/corpus/ant/articles/``; the file is named beside each case)."""

from __future__ import annotations

import pytest

from sitrep.analysis.extract import extract


def figures(text: str) -> list[tuple[float, str, str]]:
    """(value, outcome, qualifier) of each figure, in sentence order."""
    found = extract(text).facts.figures
    return sorted(((f.value, f.outcome, f.qualifier) for f in found), key=lambda f: text.find(
        str(int(f[0])) if f[0] == int(f[0]) else str(f[0])))


def casualties(text: str) -> set[tuple[float, str]]:
    return {(f.value, f.outcome) for f in extract(text).facts.figures if f.outcome != "none"}


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        (  # two killed and 55 wounded, not "55 killed"
            "0074_france24.txt",
            "ما أدى إلى \"مقتل شخصين وإصابة 55 شخصا بجروح\".",
            {(2, "killed"), (55, "wounded")},
        ),
        (  # not "194 wounded wounded; 850 people"
            "0085_bbc.txt",
            "وأجمل المرصد عدد القتلى 194 والجرحى بـ 850 شخصا منذ تكثيف القصف الحكومي ليل الأحد.",
            {(194, "killed"), (850, "wounded")},
        ),
        (
            "0085_bbc.txt",
            "وفي غضون ذلك، أفاد التلفزيون السوري الحكومي بمقتل ستة أشخاص وجرح 13 آخرين في قصف "
            "بقذائف الهاون انطلق من منطقة الغوطة الشرقية",
            {(6, "killed"), (13, "wounded")},
        ),
        (  # the four children are among the killed
            "0074_france24.txt",
            "قتل 14 شخصا على الأقل بينهم أربعة أطفال الأحد في الغوطة الشرقية المحاصرة قرب دمشق",
            {(14, "killed"), (4, "killed")},
        ),
        (
            "0085_bbc.txt",
            "وقالت جماعة مراقبة إن 127 مدنيا قد قتلوا يوم الاثنين الذي بات الأكثر دموية خلال "
            "الثلاث سنوات الأخيرة في هذ الجيب للمعارضة الذي يحاصر فيه نحو 393 ألف نسمة.",
            {(127, "killed")},
        ),
        (
            "0085_bbc.txt",
            "وأفادت تقارير بمقتل أكثر من ستين مدنيا في هجمات جديدة للقوات الحكومية الثلاثاء.",
            {(60, "killed")},
        ),
        (
            "0074_france24.txt",
            "شنت قوات النظام السوري هجوما على غوطة دمشق الشرقية المحاصرة أدى إلى مقتل 14 شخصا على "
            "الأقل وإصابة العشرات",
            {(14, "killed"), (10, "wounded")},
        ),
        (  # compound number words: 39, not 9
            "0178_france24.txt",
            "الصحيفة أشارت كذلك إلى تحطم طائرة نقل عسكرية روسية يوم أمس قرب مطار حميميم في محافظة "
            "اللاذقية ومقتل تسعة وثلاثين شخصا كانوا على متنها.",
            {(39, "killed")},
        ),
        (  # a toll that rises to a number
            "0748_france24.txt",
            "وبذلك، يرتفع عدد قتلى القوات الموالية للنظام إلى 179 منذ 22 أيار/مايو الفائت.",
            {(179, "killed")},
        ),
        (
            "0381_skynews.txt",
            "وتشير التقارير إلى ارتفاع أعداد القتلى جراء الهجوم الذي يشنه النظام في دوما "
            "لتتجاوز الـ150.",
            {(150, "killed")},
        ),
        (  # the whole and its part share the verb after them
            "0294_bbc.txt",
            "ويقول \"المرصد السوري لحقوق الإنسان\" المعارض إن 289 مدنيا على الأقل، بينهم 43 طفلا، "
            "قتلوا في معركة عفرين.",
            {(289, "killed"), (43, "killed")},
        ),
        (  # one person, said by a singular noun
            "0119_bbc.txt",
            "وقال أحد سكان الغوطة الشرقية لبي بي سي إن طفلا مات مختنقا.",
            {(1, "killed")},
        ),
        (
            "ant-archive.jsonl.gz#SK-internationalNews-3118-20180903",
            "أعلنت بعثة حلف شمال الأطلسي \"الناتو\" في أفغانستان، الاثنين، أن جنديا أميركيا قتل "
            "وأصيب آخر في \"هجوم داخلي\" شرقي البلاد.",
            {(1, "killed"), (1, "wounded")},
        ),
        (  # a range shares its cue; «الاثنين» above is Monday, not two
            "0062_bbc.txt",
            "ونقلت الوكالة عن مسؤولين أمريكيين أن حوالي 100 مسلح لقوا حتفهم في الهجوم وأصيب ما بين "
            "200 إلى 300 شخص.",
            {(100, "killed"), (200, "wounded"), (300, "wounded")},
        ),
        (  # a death sentence is no death
            "0334_france24.txt",
            "وحكم القضاء العراقي في شباط/فبراير بإعدام 15 امرأة تركية تتراوح أعمارهن بين عشرين "
            "وخمسين عاما، بتهمة الانتماء إلى تنظيم \"الدولة الإسلامية\".",
            set(),
        ),
        (  # «9 نيسان» is a date, not nine killed; seven of the 14 killed were Iranians
            "0611_france24.txt",
            "وفي 9 نيسان/أبريل قتل سبعة إيرانيين من بين 14 شخصا في ضربة جوية صباحية على قاعدة "
            "التيفور الجوية في سوريا.",
            {(7, "killed"), (14, "killed")},
        ),
        (  # thousands grouped with a comma, which the tokenizer splits
            "0203_france24.txt",
            "كما قتل 63,360 من مقاتلي جبهة فتح الشام (النصرة سابقا) وتنظيم \"الدولة الإسلامية\"",
            {(63_360, "killed")},
        ),
        (  # a sentence that opens «قتل فلسطيني»: one killed, one wounded
            "ant-archive.jsonl.gz#SK-middleEast-2009-20180528",
            "قتل فلسطيني وأصيب آخر بجروح في قصف إسرائيلي على شمال قطاع غزة، الاثنين",
            {(1, "killed"), (1, "wounded")},
        ),
        (  # «1500 فلسطيني» is one figure, not also one Palestinian
            "ant-archive.jsonl.gz#SK-middleEast-807-20180406",
            "وعلى مدار أسبوع من المواجهات، أصيب أكثر من 1500 فلسطيني بجروح مختلفة",
            {(1500, "wounded")},
        ),
        (  # «مقتل وإصابة» says casualties, not «إصابة» alone
            "0238_bbc.txt",
            "وأفادت تقارير إعلامية كردية بمقتل وإصابة العشرات ليلة الجمعة",
            {(10, "casualties")},
        ),
    ],
)
def test_each_number_has_its_own_outcome(source, text, expected):
    assert casualties(text) == expected, source


def test_a_percentage_is_not_a_count():
    # 0085_bbc.txt: not "11.9 %; 100 children"
    text = "كما أن نسبة 11.9 في المئة من الأطفال تحت سن الخامسة يعانون من سوء تغذية حاد"
    (figure,) = extract(text).facts.figures
    assert (figure.value, figure.counts, figure.outcome) == (11.9, "percent", "none")


@pytest.mark.parametrize(
    ("source", "text", "value", "vague"),
    [
        ("0245_france24.txt", "حيث أفاد المرصد السوري عن نزوح أكثر من 200 ألف مدني من المدينة",
         200_000, False),
        ("0074_france24.txt", "فرضت قوات النظام حصارا محكما على الغوطة الشرقية حيث يعيش نحو 400 "
         "ألف مدني", 400_000, False),
        ("0245_france24.txt", "ودفع الهجوم التركي عشرات الآلاف إلى النزوح من مدينة عفرين",
         10_000, True),
    ],
)
def test_thousands_are_read(source, text, value, vague):
    (figure,) = extract(text).facts.figures
    assert (figure.value, figure.vague) == (value, vague), source


def test_tens_of_thousands_read_in_english():
    from sitrep.report.english import format_figure

    # 0245_france24.txt
    (figure,) = extract("ودفع الهجوم التركي عشرات الآلاف إلى النزوح من مدينة عفرين").facts.figures
    assert format_figure(figure) == "tens of thousands of people displaced"


def test_a_number_with_no_bound_outcome_is_not_killed():
    # 0074_france24.txt: the 260 rockets are not casualties though «مقتل» follows
    text = ("ووفقا للمرصد، أطلقت قوات النظام مساء الأحد أكثر من 260 صاروخا استهدفت بلدات ومدنا في "
            "الغوطة")
    (figure,) = extract(text).facts.figures
    assert (figure.value, figure.outcome) == (260, "none")


def test_a_running_total_is_kept_apart_from_the_days_toll():
    # 0874_france24.txt (and many others: the war's toll in the background paragraph)
    text = ("وتشهد سوريا نزاعا داميا تسبب منذ اندلاعه في العام 2011 بمقتل أكثر من 350 ألف شخص "
            "وبدمار هائل في البنى التحتية")
    (figure,) = extract(text).facts.figures
    assert (figure.value, figure.outcome, figure.cumulative) == (350_000, "killed", True)
    (day,) = extract("قتل 14 شخصا على الأقل الأحد في الغوطة الشرقية").facts.figures
    assert not day.cumulative
