from sitrep.knowledge.lexicon import TermIndex
from sitrep.knowledge.resources import verb_forms
from sitrep.reading.normalize import tokenize


def hits(index: TermIndex[str], text: str) -> list[tuple[str, str]]:
    return [(m.value, m.surface) for m in index.matches(tokenize(text), text)]


def test_the_longest_term_wins_across_forms_of_the_first_token():
    index = TermIndex([("قانون", "law"), ("القانون الدولي", "international law")], inflect=True)
    assert hits(index, "المخالف للقانون الدولي") == [("international law", "للقانون الدولي")]


def test_a_term_with_the_article_also_matches_without_it():
    index = TermIndex([("اللقاحات", "vaccines")], inflect=True)
    assert hits(index, "وصول شحنة لقاحات") == [("vaccines", "لقاحات")]


def test_exact_terms_do_not_match_through_a_suffix():
    index = TermIndex([("زار", "visited")], inflect=True, exact=["زار"])
    assert hits(index, "وزارة الصحة") == []
    assert hits(index, "وزار الوزير دمشق") == [("visited", "وزار")]


def test_verb_forms_cover_past_present_and_future():
    forms = verb_forms("قصف", "يقصف")
    assert {"قصف", "قصفت", "قصفوا", "يقصف", "تقصف", "يقصفون", "سيقصف", "ستقصف"} <= set(forms)
    assert {"تصدت", "يتصدى"} <= set(verb_forms("تصدى تصدت", "يتصدى"))


def test_a_noun_ending_in_ta_marbuta_matches_with_a_suffix():
    index = TermIndex([("سيطرة", "control")], inflect=True)
    assert hits(index, "بعد سيطرتها على المدينة") == [("control", "سيطرتها")]
