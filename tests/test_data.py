"""The data files are versioned inputs: check their shape so a bad edit fails loudly."""

from collections import Counter

from sitrep.knowledge.resources import (
    date_tables,
    figure_tables,
    gazetteer,
    lexicon_rows,
    markers,
    verb_form_set,
)
from sitrep.model import OUTCOMES
from sitrep.reading.normalize import normalize, without_article

ENTITY_TYPES = {"state", "un", "aid", "group", "org", "person", "place"}


def test_gazetteer_rows_are_well_formed():
    entries = gazetteer()
    assert len(entries) > 150
    for entry in entries:
        assert entry.type in ENTITY_TYPES, entry
        assert entry.en and entry.variants, entry
        if entry.lat is not None:
            assert 20 < entry.lat < 60 and 0 < entry.lon < 75, entry  # Gulf to Kazakhstan


def test_no_spelling_variant_points_at_two_entities():
    owners: dict[str, set[str]] = {}
    for entry in gazetteer():
        for variant in entry.variants:
            owners.setdefault(normalize(variant), set()).add(entry.en)
    assert {v: e for v, e in owners.items() if len(e) > 1} == {}


def test_gazetteer_covers_every_syrian_governorate():
    governorates = {e.governorate for e in gazetteer() if e.governorate}
    assert len(governorates) == 14


def test_lexicon_rows():
    rows = lexicon_rows()
    assert Counter(section for section, *_ in rows).keys() == {"diplomacy", "battlefield", "other"}
    assert all(weight > 0 and term and en for _, term, weight, en in rows)


def test_month_tables_are_complete():
    for name, months in date_tables()["months"].items():
        assert sorted(set(months.values())) == list(range(1, 13)) or name == "maghrebi", name


def test_marker_and_figure_tables_have_their_sections():
    assert {"battlefield", "diplomacy", "switch", "continue"} <= markers().keys()
    tables = figure_tables()
    assert {"units", "cues_before", "cues_after", "numbers", "qualifiers"} <= tables.keys()
    assert all({"unit", "counts"} <= set(spec) <= {"unit", "counts", "outcome"}
               for spec in tables["units"].values())
    outcomes = [s.get("outcome", "none") for s in tables["units"].values()]
    outcomes += [*tables["cues_before"].values(), *tables["cues_after"].values()]
    assert set(outcomes) <= OUTCOMES


def test_each_lexicon_term_appears_once():
    """Once, counting a term with the article ال and without it as the same term (the
    lexicon matches both)."""
    terms = Counter(without_article(normalize(term)) for _, term, _, _ in lexicon_rows())
    assert [t for t, n in terms.items() if n > 1] == []


def test_no_verb_form_is_a_gazetteer_name():
    names = {
        word
        for entry in gazetteer()
        for variant in entry.variants
        for word in normalize(variant).split()
    }
    assert {normalize(form) for form in verb_form_set()} & names == set()
