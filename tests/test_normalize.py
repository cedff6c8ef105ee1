import unicodedata

import pytest

from sitrep.knowledge.resources import vocabulary
from sitrep.reading.normalize import normalize, split_glued, strip_clitics, tokenize


def test_orthographic_variants_fold_together():
    assert normalize("إلي") == normalize("إلى") == "الي"
    assert normalize("سوريّة") == normalize("سورية") == "سوريه"
    assert normalize("أستانا") == normalize("استانا") == normalize("آستانا")
    assert normalize("تقدَّم") == "تقدم"  # tashkeel
    assert normalize("جـــيش") == "جيش"  # tatweel
    assert normalize("٢٠١٧") == "2017"
    assert normalize("¢جيش الإسلام¢") == '"جيش الاسلام"'


def test_tokens_keep_their_span_in_the_original():
    text = "قال لافرينتييف، أمس: «تمت الموافقة»."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.surface
    assert [t.surface for t in tokenize(text)][:2] == ["قال", "لافرينتييف"]
    assert "،" not in "".join(t.norm for t in tokenize(text))


def test_run_together_names_are_split_from_the_gazetteer():
    vocab = vocabulary()
    assert split_glued(normalize("الأممالمتحدة"), vocab) == ("الامم", "المتحده")
    assert split_glued(normalize("الولاياتالمتحدة"), vocab) == ("الولايات", "المتحده")
    assert split_glued(normalize("تركياوسوريا"), vocab) == ("تركيا", "و", "سوريا")
    assert split_glued(normalize("بالولاياتالمتحدة"), vocab) == ("بالولايات", "المتحده")
    # an ordinary word is left alone
    assert split_glued(normalize("المفاوضات"), vocab) == ("المفاوضات",)


def test_glued_tokens_point_at_the_original_word():
    text = "مبعوث الأممالمتحدة إلي سوريا"
    tokens = tokenize(text, vocabulary())
    assert [t.norm for t in tokens] == ["مبعوث", "الامم", "المتحده", "الي", "سوريا"]
    assert tokens[1].surface == tokens[2].surface == "الأممالمتحدة"


def test_strip_clitics_offers_forms_with_and_without_the_article():
    assert "رقه" in strip_clitics("بالرقه") and "الرقه" in strip_clitics("بالرقه")
    assert "المعارضه" in strip_clitics("للمعارضه")
    assert "سوريا" in strip_clitics("وسوريا")


# Real text: /work/shared/corpus/ant/articles/0957_cnn.txt line 10 (CNN Arabic) mixes
# presentation forms into words: إدﻟب is إدلب (Idlib), ﻧﺎزح is نازح (displaced).
CNN_0957 = "وتعتبر إدﻟب، التي يسيطر عليها المتمردون ﻣوطنا لـ1.4 ﻣﻟﯾون ﻧﺎزح."


def test_presentation_forms_match_as_letters():
    from sitrep.analysis.extract import extract

    assert normalize("إدﻟب") == normalize("إدلب")
    entities = extract(CNN_0957).facts.entities
    assert [(e.text, e.en) for e in entities] == [("إدﻟب", "Idlib")]


@pytest.mark.parametrize(
    "variant",
    [
        "قتل 46 مدنيا في الغو\u200cطة الشرقية قرب دمش\u200bق.",  # zero-width non-joiner / space
        "قتل 46 مدنيا في الغوطة الشرقية قرب د\u200fمشق\u200e.",  # RLM / LRM marks
        "قتل 46 مدنيا في الغوطة الشرقية قرب ﺩﻣﺸﻖ.",  # presentation forms
        unicodedata.normalize("NFD", "قتل 46 مدنيا في الغوطة الشرقية قرب دمشق."),
    ],
)
def test_invisible_characters_and_forms_do_not_hide_entities(variant):
    from sitrep.analysis.extract import extract

    found = extract(variant).facts
    assert [e.en for e in found.entities] == ["Eastern Ghouta", "Damascus"]
    assert [(f.value, f.outcome) for f in found.figures] == [(46.0, "killed")]


def test_a_zero_width_character_stays_in_the_word_it_sits_in():
    [token] = tokenize("الغو\u200cطة")
    assert (token.surface, token.norm) == ("الغو\u200cطة", "الغوطه")


def test_a_hashtag_is_read_as_its_words():
    """../shared/corpus/ant-archive.jsonl.gz, id AL-internationalNews-765-20180403: Al Arabiya
    writes names as hashtags («#إقليم_قندوز», «#حركة_طالبان»)."""
    from sitrep.knowledge.resources import vocabulary
    from sitrep.reading.normalize import tokenize

    text = "قال قرويون في #إقليم_قندوز بشمال أفغانستان"
    tokens = tokenize(text, vocabulary())
    assert [t.norm for t in tokens][3:5] == ["اقليم", "قندوز"]
    assert [text[t.start : t.end] for t in tokens][3:5] == ["إقليم", "قندوز"]
