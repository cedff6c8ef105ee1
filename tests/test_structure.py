"""Sub-headings, teasers and out-of-period articles on real text: kept out, listed, never lost.

Every article text here is quoted from ../shared/corpus/ant/articles/ (file named per test)."""

import datetime as dt
from pathlib import Path

from sitrep.build import within_period
from sitrep.model import BriefConfig
from sitrep.reading.segment import segment
from sitrep.reading.structure import parse_article

# 0981_skynews.txt, lines 6–15 (shortened to three paragraphs around each sub-heading)
SKYNEWS_0981 = """\
مصر وقبرص واليونان.. قمة ثلاثية برؤى مشتركة
كما تناولت مباحثات القمة تطورات الأوضاع في كل من سوريا وليبيا، والقضية الفلسطينية.
رؤى متقاربة
وشدد الرئيس المصري على أهمية ما شهدته القمة من تقارب في الرؤى، تجاه القضايا والأزمات.
أهمية ليبيا
وانطلاقاً من المبدأ ذاته، أضاف الرئيس المصري قائلا: أكدنا خلال قمتنا اليوم أهمية ليبيا.
"""

# 0450_france24.txt, lines 9–11
FRANCE24_0450 = """\
ما هي احتمالات ومخاطر الضربات العسكرية المرتقبة ضد سوريا ؟
ما هي الأهداف التي يمكن أن تضربها الولايات المتحدة وربما فرنسا وبريطانيا كذلك، في سوريا؟
ما هي أهداف الضربات؟
تريد الولايات المتحدة وحليفتاها فرنسا وبريطانيا أن تبعث برسالة واضحة وحاسمة إلى النظام.
"""

# 0336_cnn.txt, lines 13–15 and 22–24 (the teasers are «اقرأ..» and «أيضاً..» lines)
CNN_0336 = """\
والملحق الذي لا يؤتى بذكره، هو أن الأمريكيين يحافظون على قوة عسكرية ثابتة ونفوذا.
اقرأ.. رأي: سوريا من دون الأمريكيين تقلق دول المنطقة
هذه فقط المشاكل قصيرة المدى، أما الأطول فهي أصعب لحلّها.
أيضاً.. خامنئي: أفشلنا مخطط أمريكا ورفعنا راية اقتدار الشعب الإيراني بالمنطقة
أجل، إن إيران وروسيا أحكمت سيطرتها على المناطق التي أرادتها.
"""

# 0944_cnn.txt, the last body lines and the ledes of other stories CNN appends, cut off
CNN_0944 = """\
وذكرت وكالة الأنباء الأردنية أن الجانبين الأردني والأمريكي بحثا "مستجدات اللجوء".
وشددت وزيرة التخطيط الأردنية على ضرورة تنسيق الجهود الدولية لتوفير الدعم المناسب.
بدورها، أشادت أوكونيل بالدور الكبير الذي يقوم به الأردن في تقديم الخدمات الإنسانية.
قالت الحكومة اليمنية المعترف بها دوليا إنها "لن تنتظر في جنيف لأيام" حتى وصول وفد المتمردين الحوثيين
قالت المتحدثة باسم وزارة الخارجية الروسية، ماريا زخاروفا، الخميس، إن بلادها "قتلت وستقتل الإرهابيين"
من جديد عاد علاء مبارك، نجل الرئيس المصري الأسبق، حسني مبارك، الخميس، للحديث عن صورة والده
"""

# 0363_skynews.txt, a numbered list inside the body: list items are body text
SKYNEWS_0363 = """\
وتضمن الاتفاق عدة بنود.
1- تسليم أسلحة جيش الإسلام مقابل أن تتراجع قوات النظام التي تحاصر المدينة
2-عملية تسليم الأسلحة الثقيلة تمتد لثلاثة أيام
"""


def read(text: str):
    article = parse_article(Path("x.txt"), "001", text, 0, {})
    return [s.text for s in segment(article)], {r.text: r.reason for r in article.removed}


def test_sub_headings_inside_the_body_are_removed_and_listed():
    sentences, removed = read(SKYNEWS_0981)
    assert removed == {"رؤى متقاربة": "sub-heading", "أهمية ليبيا": "sub-heading"}
    assert len(sentences) == 3 and not any(s in removed for s in sentences)


def test_a_short_question_heads_what_follows():
    sentences, removed = read(FRANCE24_0450)
    assert removed == {"ما هي أهداف الضربات؟": "sub-heading"}
    assert sentences[0].startswith("ما هي الأهداف التي يمكن")  # a long question is body text


def test_related_story_teasers_inside_the_body_are_removed():
    sentences, removed = read(CNN_0336)
    assert set(removed.values()) == {"related-story teaser"} and len(removed) == 2
    assert len(sentences) == 3


def test_trailing_ledes_of_other_stories_are_removed():
    sentences, removed = read(CNN_0944)
    assert len(removed) == 3 and set(removed.values()) == {"related-story teaser"}
    assert sentences[-1].startswith("بدورها، أشادت أوكونيل")


def test_list_items_stay_in_the_body():
    sentences, removed = read(SKYNEWS_0363)
    assert not removed and len(sentences) == 3


def brief(leave_out: bool) -> BriefConfig:
    return BriefConfig("b", Path("."), "t", "t", dt.date(2018, 4, 1), dt.date(2018, 4, 30), "", "",
                       leave_out_of_period=leave_out)


def test_articles_outside_the_period_are_reported_and_kept_by_default():
    inside = parse_article(Path("in.txt"), "001", "نص.", 0, {"published": dt.date(2018, 4, 9)})
    outside = parse_article(Path("out.txt"), "002", "نص.", 0, {"published": dt.date(2017, 4, 9)})
    kept, warnings = within_period([inside, outside], brief(leave_out=False))
    assert kept == [inside, outside]
    assert warnings == [
        "out.txt: published 2017-04-09, outside the brief's period 2018-04-01 – 2018-04-30; "
        "kept (leave_out_of_period = false)"
    ]
    kept, warnings = within_period([inside, outside], brief(leave_out=True))
    assert kept == [inside] and warnings[0].endswith("; left out")


def test_a_city_and_country_dateline_is_no_sentence_text():
    """0071_cnn.txt, line 7: «أتلانتا، الولايات المتحدة الأمريكية (CNN)--» is the dateline;
    the United States must not become an actor of a Syrian story."""
    text = (
        "أتلانتا، الولايات المتحدة الأمريكية (CNN)-- تلقى ستة مدنيين عناية طبية بعد هجوم مزعوم "
        "بسلاح كيماوي من قبل القوات التركية على قرية المزينة في ناحية شيخ الحديد بمنطقة عفرين "
        "السورية، الجمعة."
    )
    article = parse_article(Path("x.txt"), "001", text, 0, {})
    assert article.dateline == "أتلانتا، الولايات المتحدة الأمريكية (CNN)--"
    assert segment(article)[0].text.startswith("تلقى ستة مدنيين")
