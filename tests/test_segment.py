from pathlib import Path

import pytest

from sitrep.model import Block
from sitrep.reading.segment import segment, split_block
from sitrep.reading.structure import parse_article

from .conftest import SEEDS


def sentences_of(body: str) -> list[str]:
    article = parse_article(Path("x.txt"), "001", body, 0, {})
    return [s.text for s in segment(article)]


def test_splits_at_full_stops_question_marks_and_glued_sentences():
    body = "قال الوزير إن المحادثات مستمرة.وصرح الناطق بأنها تأجلت؟ نعم قال ذلك أمس في المؤتمر!"
    assert sentences_of(body) == [
        "قال الوزير إن المحادثات مستمرة.",
        "وصرح الناطق بأنها تأجلت؟",
        "نعم قال ذلك أمس في المؤتمر!",
    ]


@pytest.mark.parametrize(
    "body",
    [
        "تقدمت القوات مسافة 1.5 كيلومتر داخل المدينة أمس.",
        "وهي الأحدث من نوع كيه.إتش-101 بحسب الوزارة.",
        "الجولة الخامسة من محادثات السلام في أستانا أ.ف.ب وصورة أخرى للوفود.",
        "وقال المتحدث «تقدمت قواتنا. وسيطرت على الطريق» في بيان مساء أمس.",
        "صدر القرار بتاريخ 04.04.2017 عن مجلس الأمن الدولي.",
    ],
)
def test_no_split_inside_numbers_abbreviations_and_quotes(body):
    assert sentences_of(body) == [body]


def test_a_lone_marker_joins_the_next_sentence():
    body = "انتهت الجولة الأولى من المحادثات. ميدانيا. قالت القوات إنها تقدمت في المدينة."
    assert sentences_of(body) == [
        "انتهت الجولة الأولى من المحادثات.",
        "ميدانيا. قالت القوات إنها تقدمت في المدينة.",
    ]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_sentences_are_exact_spans_of_the_article(path):
    from sitrep.reading.ingest import read_article

    article = read_article(path, "001")
    found = segment(article)
    assert found, "every seed has body sentences"
    for sentence in found:
        assert article.text[sentence.span.start : sentence.span.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert not sentence.text.endswith(("كيه.", "أ.ف."))
        assert not sentence.text.startswith(("إتش", "ف.ب", "5 كيلومتر"))


def test_a_piece_opening_with_a_continuation_word_joins_the_sentence_before():
    body = (
        "أعلن رئيس الوفد أن الهدف هو التوصل إلى اتفاق. مشيرا إلى أن العمل جار."
        " وصرحت مصادر قريبة من المفاوضات. بأن رئيس الهيئة لن يشارك. وانتهت الجلسة مساء أمس."
    )
    assert sentences_of(body) == [
        "أعلن رئيس الوفد أن الهدف هو التوصل إلى اتفاق. مشيرا إلى أن العمل جار.",
        "وصرحت مصادر قريبة من المفاوضات. بأن رئيس الهيئة لن يشارك.",
        "وانتهت الجلسة مساء أمس.",
    ]


# Real text: /work/shared/corpus/ant/articles/0100_skynews.txt (Sky News Arabia, 2018-02-22),
# lines 7-9.
SKYNEWS_0100 = (
    'وأوضح المرصد السوري أن "403 مدنيين قتلوا في خمسة أيام من الغارات الجوية والقصف المدفعي'
    ' الكثيف". وقال مدير المرصد، رامي عبد الرحمن، إن 46 مدنيا على الأقل قتلوا، يوم الخميس، فقط.'
    " ومنذ الأحد، يستهدف النظام السوري الغوطة الشرقية التي يحاصرها منذ 2013 بحملة قصف كثيف مع"
    " مؤشرات على هجوم بري وشيك تستعد له القوات الحكومية."
)


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("real text", SKYNEWS_0100 + " "),
        ("dotted letters", "ب."),  # one endless dotted token: was a growing look-behind
        ("fragments", "أ. "),  # one-word fragments joined into one ever longer sentence
        ("quotes", "«قال. نعم» "),
    ],
)
def test_a_700_kb_one_line_paragraph_splits_in_linear_time(name, unit):
    import time

    line = (unit * (700_000 // len(unit.encode()) + 1)).strip()
    started = time.perf_counter()
    spans = split_block(Block(line, 0))
    elapsed = time.perf_counter() - started
    # Measured: 102 s for the real text before (quadratic look-behind), 0.1-0.7 s after.
    assert elapsed < 10, f"{name}: {elapsed:.1f} s"
    assert spans[0].start == 0 and spans[-1].end == len(line)
    if name == "real text":
        assert len(spans) == 3 * (700_000 // len(unit.encode()) + 1)


def test_sentences_of_real_text_are_unchanged():
    assert sentences_of(SKYNEWS_0100) == [
        'وأوضح المرصد السوري أن "403 مدنيين قتلوا في خمسة أيام من الغارات الجوية والقصف المدفعي'
        ' الكثيف".',
        "وقال مدير المرصد، رامي عبد الرحمن، إن 46 مدنيا على الأقل قتلوا، يوم الخميس، فقط.",
        "ومنذ الأحد، يستهدف النظام السوري الغوطة الشرقية التي يحاصرها منذ 2013 بحملة قصف كثيف مع"
        " مؤشرات على هجوم بري وشيك تستعد له القوات الحكومية.",
    ]
