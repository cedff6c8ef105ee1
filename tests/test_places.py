"""Places of the world from real data (CLDR countries, GeoNames towns), on real sentences."""

from sitrep.analysis.extract import extract
from sitrep.knowledge.places import world_places

# ../shared/corpus/ant-archive.jsonl.gz, id BB-internationalNews-626-20180609
KUNDUZ = "وجاء إعلان الحركة بعد ساعات من قتل مسلحيها 19 شرطيا أفغانيا في ولاية قندوز."
# ../shared/corpus/ant/articles/0045_jawhara.txt, line 7 (start)
THURSDAY = "أكدت وزارة الدفاع الأمريكية، البنتاغون، أمس الخميس أن الولايات المتحدة ألقت اليوم"


def names(text: str) -> dict[str, str]:
    return {e.en: e.type for e in extract(text).facts.entities}


def test_towns_and_countries_beyond_the_hand_gazetteer():
    assert names(KUNDUZ).get("Kunduz") == "place"


def test_an_everyday_word_is_no_town():
    # GeoNames names an Algerian town «الخميس» (Khemis Miliana): here it is Thursday
    assert "Khemis Miliana" not in names(THURSDAY)
    assert any(e.en == "Khemis Miliana" for e in world_places())  # the town itself is known


def test_news_spellings_and_coordinates():
    towns = {e.en: e for e in world_places() if e.type == "place"}
    hodeidah = towns["Hodeidah"]
    assert "الحديدة" in hodeidah.variants and hodeidah.governorate == "YE"
    assert 14 < hodeidah.lat < 15.5 and 42 < hodeidah.lon < 43.5
    countries = {e.en for e in world_places() if e.type == "state"}
    assert {"Turkey", "Canada", "Ethiopia", "Libya"} <= countries and "Mali" not in countries
