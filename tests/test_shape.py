from sitrep.analysis.shape import (
    opening_index,
    political_speaker,
    sentence_shape,
    subordinate_start,
)
from sitrep.knowledge.lexicon import gazetteer_index
from sitrep.knowledge.resources import vocabulary
from sitrep.reading.normalize import tokenize


def parts(text: str):
    tokens = tokenize(text, vocabulary())
    return tokens, text


def test_the_opening_verb_may_follow_a_connective():
    assert opening_index(*parts("كما أدانت الحكومة القرار."), sentence_shape()) == 1
    assert opening_index(*parts("أدانت الحكومة القرار."), sentence_shape()) == 0


def test_a_subordinate_clause_starts_at_its_word_but_not_at_the_very_start():
    tokens, text = parts("نزح مئات المدنيين من القرية خشية تجدد المعارك.")
    assert tokens[subordinate_start(tokens, text, sentence_shape())].surface == "خشية"
    tokens, text = parts("بعد ساعات، دخلت وحدات من الجيش المدينة.")
    assert subordinate_start(tokens, text, sentence_shape()) == len(tokens)


def speaker(text: str):
    tokens, text = parts(text)
    names = list(gazetteer_index().matches(tokens, text))
    return political_speaker(tokens, text, sentence_shape(), names)


def test_political_speakers_are_titles_politicians_and_states():
    assert speaker("وقال وزير الخارجية إن الجولة المقبلة ستعقد في جنيف.") == ("وزير الخارجية", 2.0)
    assert speaker("وقال لافروف إن الاتفاق صامد.") == ("لافروف", 2.0)
    assert speaker("ونفت أنقرة أي تدخل في المعارك.") == ("أنقرة", 1.0)


def test_military_speakers_are_not_political():
    assert speaker("وقال شويغو إن الطائرات دمرت مستودعات.") is None
    assert speaker("وقالت وزارة الدفاع الروسية إن الطائرات دمرت مستودعات.") is None
    assert speaker("أعلن المرصد مقتل عشرة مسلحين.") is None


def test_a_name_after_the_subject_is_not_the_speaker():
    assert speaker("وأعلنت الحكومة السورية أن الانتخابات ستجري في موعدها.") is None
    assert speaker("ودعا وكيل الأمين العام للشؤون الإنسانية المانحين إلى الوفاء بتعهداتهم.") is None
    assert speaker("وكان الرئيس السوري قد قال إن الحرب طويلة.") == ("الرئيس", 2.0)
