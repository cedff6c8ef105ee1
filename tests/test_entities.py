"""Entity scoring on real sentences: names found with their English name, misses listed.

The sentence is quoted from ../shared/corpus/ant-archive.jsonl.gz, id BB-middleEast-114-20180228.
"""

import json

import pytest

from sitrep.errors import SitrepError
from sitrep.knowledge.lexicon import gazetteer_index
from sitrep.knowledge.resources import gazetteer_entry
from sitrep.training.entities import is_entity_gold, read_entity_gold, score_entities

SALAME = (
    "ورث غسان سلامة، مبعوث الأمم المتحدة إلى ليبيا، الذي عين في أغسطس/آب 2017 مهمة في غاية "
    "الصعوبة."
)
# A two-row gazetteer, so that the test checks the scoring and not today's knowledge.
NAMES = gazetteer_index(tuple(gazetteer_entry(row) for row in (
    {"type": "un", "en": "UN", "ar": "الأمم المتحدة"},
    {"type": "place", "en": "Libya", "ar": "ليبيا"},
)))
HEAD = {"article": "ant-archive.jsonl.gz#BB-middleEast-114-20180228", "published": "2018-02-28",
        "front": "libya"}


def gold_file(tmp_path, entities):
    path = tmp_path / "one.jsonl"
    lines = [HEAD, {"i": 1, "text": SALAME, "entities": entities}]
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    return path


def test_names_are_scored_by_their_english_name(tmp_path):
    path = gold_file(tmp_path, [
        {"text": "غسان سلامة", "en": "Ghassan Salame", "type": "person", "role": "actor"},
        {"text": "الأمم المتحدة", "en": "United Nations", "also": ["UN"], "type": "un",
         "role": "mention"},
        {"text": "ليبيا", "en": "Libya", "type": "place", "role": "mention"},
    ])
    assert is_entity_gold(path)
    scores = score_entities([read_entity_gold(path)], NAMES)
    found = {k: scores.found[k] for k in ("type un", "type place", "type person")}
    assert found == {"type un": 1, "type place": 1, "type person": 0}  # "UN" is an "also" form
    assert scores.misses == ["one.jsonl:2: missed person Ghassan Salame «غسان سلامة»"]
    assert scores.gold["front libya"] == 3 and scores.precision == 1.0


def test_a_bad_entity_line_names_file_and_line(tmp_path):
    path = gold_file(tmp_path, [{"text": "ليبيا", "en": "Libya", "type": "country",
                                 "role": "mention"}])
    with pytest.raises(SitrepError, match=r"one\.jsonl:2: 'ليبيا': type must be one of"):
        read_entity_gold(path)
