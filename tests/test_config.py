import datetime as dt

import pytest

from sitrep.config import find_brief, list_briefs, load_brief
from sitrep.errors import BriefNotFoundError, ConfigError

from .conftest import BUNDLED, REPO, VALID_BRIEF


def test_bundled_brief_loads():
    brief = load_brief(BUNDLED)
    assert brief.name == "astana-2017"
    assert brief.title_ar.startswith("سوريا")
    assert brief.period_start == dt.date(2017, 6, 1)
    assert brief.period_end == dt.date(2017, 10, 31)
    assert brief.organisation and brief.handling


def test_unknown_key_is_reported_with_its_line(make_brief):
    root = make_brief(VALID_BRIEF + 'colour = "red"\n')
    with pytest.raises(ConfigError) as info:
        load_brief(root)
    assert info.value.line == 6
    assert "Unknown config key 'colour'" in str(info.value)
    assert str(info.value).startswith(f"{root / 'brief.toml'}:6:")


def test_bad_date_reads_like_mkdocs(make_brief):
    root = make_brief(VALID_BRIEF.replace("period_end = 2017-10-31", 'period_end = "31/10/2017"'))
    with pytest.raises(ConfigError) as info:
        load_brief(root)
    assert info.value.line == 5
    assert info.value.message == "Config value 'period_end': expected YYYY-MM-DD"


def test_missing_required_key(make_brief):
    root = make_brief(VALID_BRIEF.replace('title_ar = "موجز تجريبي"\n', ""))
    with pytest.raises(ConfigError, match="Config value 'title_ar': missing"):
        load_brief(root)


def test_period_must_not_end_before_it_starts(make_brief):
    root = make_brief(VALID_BRIEF.replace("2017-10-31", "2017-01-31"))
    with pytest.raises(ConfigError, match="before period_start"):
        load_brief(root)


def test_invalid_toml_carries_the_line(make_brief):
    root = make_brief(VALID_BRIEF + "handling = \n")
    with pytest.raises(ConfigError) as info:
        load_brief(root)
    assert info.value.line == 6
    assert "invalid TOML" in info.value.message


def test_unknown_top_level_table(make_brief):
    root = make_brief(VALID_BRIEF + "[extras]\nx = 1\n")
    with pytest.raises(ConfigError, match="Unknown config key 'extras'") as info:
        load_brief(root)
    assert info.value.line == 6


def test_find_brief_by_name_and_path():
    assert find_brief("astana-2017", REPO / "briefs") == REPO / "briefs" / "astana-2017"
    assert find_brief(str(BUNDLED), REPO / "nowhere") == BUNDLED
    with pytest.raises(BriefNotFoundError, match=r"unknown brief .nope.*astana-2017"):
        find_brief("nope", REPO / "briefs")
    assert BUNDLED in list_briefs(REPO / "briefs")


def test_a_brief_can_add_and_override_classifier_terms(make_brief):
    from sitrep.analysis.classify import classify, lexicon_for
    from sitrep.model import Sentence, Span

    root = make_brief(
        VALID_BRIEF
        + '[lexicon.battlefield]\n"مسيرة" = { weight = 3, en = "drone" }\n'
        + '[lexicon.other]\n"مفاوضات" = 0\n'
    )
    brief = load_brief(root)
    assert brief.lexicon == (
        ("battlefield", "مسيرة", 3.0, "drone"),
        ("other", "مفاوضات", 0.0, "مفاوضات"),
    )
    text = "أسقطت الدفاعات مسيرة قرب المفاوضات."
    (result,) = classify([Sentence("001", 1, text, Span(0, len(text)))], lexicon_for(brief))
    assert result.section == "battlefield" and "drone" in result.cues
    assert not any("negotiations" in r for r in result.reasons)  # weight 0 removed the term


@pytest.mark.parametrize(
    ("table", "line", "message"),
    [
        ('[lexicon.weather]\n"مطر" = 1\n', 6, "Unknown config key 'lexicon.weather'"),
        ('[lexicon.battlefield]\n"مسيرة" = -1\n', 7, "Config value 'lexicon.battlefield.مسيرة'"),
        (
            '[lexicon.battlefield]\n"مسيرة" = { weight = 1, colour = "red" }\n',
            7,
            "expected a weight",
        ),
    ],
)
def test_lexicon_config_errors_carry_file_line_and_key(make_brief, table, line, message):
    root = make_brief(VALID_BRIEF + table)
    with pytest.raises(ConfigError, match=message) as info:
        load_brief(root)
    assert info.value.line == line


def test_a_brief_can_extend_the_gazetteer(make_brief):
    from sitrep.analysis.classify import lexicon_for
    from sitrep.analysis.extract import extract

    root = make_brief()
    (root / "gazetteer.csv").write_text(
        "type,en,ar,role,governorate,lat,lon\n"
        "group,Houthis,الحوثيين|أنصار الله,,,,\n"
        "place,Hodeidah,الحديدة,port city,,14.8,42.95\n",
        encoding="utf-8",
    )
    brief = load_brief(root)
    names = lexicon_for(brief).names
    found = extract("هاجم الحوثيين ميناء الحديدة", names=names).facts.entities
    assert [(e.en, e.type) for e in found] == [("Houthis", "group"), ("Hodeidah", "place")]


def test_a_bad_gazetteer_row_names_file_and_line(make_brief):
    root = make_brief()
    (root / "gazetteer.csv").write_text(
        "type,en,ar,role,governorate,lat,lon\nplace,Aden,عدن,,,12.8,45.0\nship,X,س,,,,\n", "utf-8"
    )
    with pytest.raises(ConfigError, match="type 'ship' is not one of") as info:
        load_brief(root)
    assert info.value.line == 3 and info.value.path.name == "gazetteer.csv"


def test_the_stem_model_can_be_turned_off_for_another_conflict(make_brief):
    from sitrep.analysis.classify import lexicon_for

    root = make_brief(VALID_BRIEF)
    assert lexicon_for(load_brief(root)).model is not None
    (root / "brief.toml").write_text(VALID_BRIEF + "stem_model = false\n", encoding="utf-8")
    brief = load_brief(root)
    assert brief.stem_model is False
    assert lexicon_for(brief).model is None


def test_stem_model_must_be_a_boolean(make_brief):
    root = make_brief(VALID_BRIEF + 'stem_model = "no"\n')
    with pytest.raises(ConfigError) as info:
        load_brief(root)
    assert info.value.line == 6
    assert info.value.message == "Config value 'stem_model': expected true or false"


def test_a_control_character_in_a_lexicon_gloss_is_refused(make_brief):
    config = VALID_BRIEF + '[lexicon.battlefield]\n"مسيرة" = { weight = 2, en = "dr\u202eone" }\n'
    with pytest.raises(ConfigError, match=r"'lexicon.battlefield.مسيرة': bidi control character "
                       r"U\+202E; remove it") as info:
        load_brief(make_brief(config))
    assert info.value.line == config.splitlines().index('[lexicon.battlefield]') + 2


def test_a_control_character_in_a_gazetteer_name_is_refused(make_brief):
    root = make_brief()
    (root / "gazetteer.csv").write_text(
        "type,en,ar,role,governorate,lat,lon\nplace,Aden,عدن,,,12.8,45.0\n"
        "place,Ma\u0000rib,مأرب,,,15.4,45.3\n", "utf-8"
    )
    with pytest.raises(ConfigError, match="gazetteer row': control character U\\+0000") as info:
        load_brief(root)
    assert info.value.line == 3 and info.value.path.name == "gazetteer.csv"
