from sitrep.normalize import normalize, split_glued, strip_clitics, tokenize
from sitrep.resources import vocabulary


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
