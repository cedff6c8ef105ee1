"""Sort sentences into Diplomacy, Battlefield or Other, with the cues that decided it.

Each kind of evidence is recorded as a human-readable reason:
1. pivot markers at the start of a sentence (ميدانياً, سياسياً, من ناحية أخرى …) that set or
   clear the running topic (``data/markers.toml``);
2. weighted lexicon hits matched through clitics and suffixes: terms from
   ``data/lexicon.csv`` and every conjugation of the verbs in ``data/verbs.csv``; a hit
   strictly inside a longer name (تحرير in هيئة تحرير الشام) does not count;
3. actor cues: the gazetteer entities present (envoys and ministers, UN bodies, armed groups;
   ``data/actors.toml``);
4. sentence structure (``sitrep.analysis.shape``): a political subject with a statement verb (وقال
   وزير الخارجية …) or an opening stance verb (ندد، طالب …) marks a political statement; the
   opening verb counts more and a subordinate clause less; in a sentence that states an
   agreement's terms (ينص، تقضي، بموجب …) battlefield and humanitarian words describe the deal,
   so their weight is reduced;
5. the section model (``sitrep.analysis.stems``) decides: a logistic regression over the sentence's
   words, its neighbours', the headline's and the whole article's, the rule scores above and
   the running topic, trained on real labelled articles; the reason names its strongest words.

Without the model (``stem_model = false`` in a brief, or ``sitrep eval --no-model``) the rule
scores decide, with the running topic from the last marker as a prior to its section, or else
the previous sentence's section as a smaller one (neighbour smoothing).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from sitrep.analysis.shape import (
    SentenceShape,
    opening_index,
    political_speaker,
    sentence_shape,
    subordinate_start,
)
from sitrep.analysis.stems import context_features, vote
from sitrep.knowledge.lexicon import TermIndex, gazetteer_index
from sitrep.knowledge.resources import (
    actor_cues,
    lexicon_rows,
    markers,
    verb_form_set,
    vocabulary,
)
from sitrep.knowledge.stem_model import StemModel, default_model
from sitrep.model import BriefConfig, Classification, GazetteerEntry, SectionName, Sentence
from sitrep.reading.normalize import Token, normalize, strip_clitics, tokenize, without_article

_MARKER_WEIGHT = 3.0
_CONTEXT_WEIGHT = 2.0
_NEIGHBOUR_WEIGHT = 0.75
_MARKER_WINDOW = 4  # a marker counts when it starts within the first tokens


@dataclass(frozen=True)
class Cue:
    section: SectionName
    weight: float
    en: str
    verb: bool = False


@dataclass(frozen=True)
class Lexicon:
    terms: TermIndex[Cue]
    markers: TermIndex[str]
    names: TermIndex[GazetteerEntry]
    shape: SentenceShape
    model: StemModel | None = None


@cache
def default_lexicon() -> Lexicon:
    return build_lexicon(lexicon_rows(), model=default_model())


def lexicon_for(brief: BriefConfig) -> Lexicon:
    """The default lexicon with the brief's ``[lexicon]`` additions and overrides.

    A brief term replaces default terms of the same spelling, with or without the article ال
    (in any section); weight 0 removes them. ``stem_model = false`` leaves the stem model out."""
    lexicon = default_lexicon()
    if brief.lexicon or brief.gazetteer:
        overridden = {_bare_term(term) for _, term, _, _ in brief.lexicon}
        rows = [row for row in lexicon_rows() if _bare_term(row[1]) not in overridden]
        rows += [row for row in brief.lexicon if row[2] > 0]
        lexicon = build_lexicon(rows, gazetteer_index(brief.gazetteer), lexicon.model)
    return lexicon if brief.stem_model else dataclasses.replace(lexicon, model=None)


def _bare_term(term: str) -> str:
    return without_article(normalize(term))


def build_lexicon(
    rows: Iterable[tuple[str, str, float, str]],
    names: TermIndex[GazetteerEntry] | None = None,
    model: StemModel | None = None,
) -> Lexicon:
    """A lexicon from ``(section, term, weight, english)`` rows plus the marker table, with
    the section ``model`` if one is given (rules alone otherwise)."""
    verbs = verb_form_set()
    terms = TermIndex(
        ((term, Cue(sec, w, en, term in verbs)) for sec, term, w, en in rows),  # type: ignore[arg-type]
        inflect=True,
        exact=verbs - {term for _, term, _, _ in lexicon_rows(generated=False)},
    )
    table = markers()
    marker_terms = TermIndex(
        (term, kind)
        for kind in ("battlefield", "diplomacy", "switch", "continue")
        for term in table[kind]
    )
    names = names or gazetteer_index()
    return Lexicon(terms, marker_terms, names, sentence_shape(), model)


def classify(
    sentences: Iterable[Sentence], lexicon: Lexicon | None = None, title: str | None = None
) -> tuple[Classification, ...]:
    """Classify the sentences of one article in reading order.

    The rule cues of every sentence are read first; with the section model (the default) its
    vote over the sentence's words, its neighbours', the headline's, the article's and the
    rule scores decides. Without it, the rule scores decide, with the running topic and the
    previous sentence (or, for the first, the headline) as a prior."""
    lexicon = lexicon or default_lexicon()
    texts = [sentence.text for sentence in sentences]
    readings = _read_article(texts, lexicon)
    if lexicon.model is None:
        return _by_rules(readings, lexicon, title)
    rows = _feature_rows(texts, title, readings)
    return tuple(
        _by_model(reading, text, row, lexicon.model)
        for reading, text, row in zip(readings, texts, rows, strict=True)
    )


def training_rows(
    texts: Sequence[str], title: str | None, lexicon: Lexicon
) -> list[dict[str, float]]:
    """The section model's features for the sentences of one article, exactly as
    :func:`classify` computes them (``sitrep train`` learns from these)."""
    return _feature_rows(texts, title, _read_article(texts, lexicon))


def headline_section(title: str | None, lexicon: Lexicon) -> SectionName | None:
    """The section the headline's vocabulary points to, if any."""
    if not title:
        return None
    tally, hits = _rule_tally(tokenize(title, vocabulary()), title, lexicon, None)
    section = _winner(tally.scores, None)
    return section if _cues(hits, section) else None


@dataclass(frozen=True)
class _Reading:
    """One sentence's rule cues (before any context) and the topic running into it."""

    tally: _Tally
    hits: tuple[Cue, ...]
    marker: tuple[str, str] | None
    topic: SectionName | None


def _read_article(texts: Sequence[str], lexicon: Lexicon) -> list[_Reading]:
    topic: SectionName | None = None
    readings = []
    for text in texts:
        tokens = tokenize(text, vocabulary())
        marker = _leading_marker(tokens, text, lexicon)
        topic = _next_topic(topic, marker)
        tally, hits = _rule_tally(tokens, text, lexicon, marker)
        readings.append(_Reading(tally, tuple(hits), marker, topic))
    return readings


def _feature_rows(
    texts: Sequence[str], title: str | None, readings: Sequence[_Reading]
) -> list[dict[str, float]]:
    return context_features(
        texts, title, [r.tally.scores for r in readings], [r.topic for r in readings]
    )


def _by_model(reading: _Reading, text: str, row: dict[str, float], model: StemModel):
    """The model's decision, with the rule cues and the context it weighed as reasons."""
    tally = reading.tally
    reasons = list(tally.reasons)
    if reading.topic and not (reading.marker and reading.marker[0] == reading.topic):
        reasons.append(f"context: after a {reading.topic} marker")
    section_vote = vote(model, text, row)
    probabilities = section_vote.probabilities
    section = max(probabilities, key=probabilities.__getitem__)
    words = ", ".join(f"«{s}»" for s in section_vote.strongest)
    reasons.append(
        f"model: the wording and its context lean {section} (p {probabilities[section]:.2f}"
        + (f"; {words}" if words else "")
        + ")"
    )
    return Classification(section, tuple(reasons), _cues(reading.hits, section))


def _by_rules(
    readings: Sequence[_Reading], lexicon: Lexicon, title: str | None
) -> tuple[Classification, ...]:
    """The rule scores with the running topic, or else the neighbour, as a prior."""
    lead = headline_section(title, lexicon)
    results: list[Classification] = []
    for reading in readings:
        tally = dataclasses.replace(
            reading.tally, scores=dict(reading.tally.scores), reasons=list(reading.tally.reasons)
        )
        topic, marker = reading.topic, reading.marker
        if topic and not (marker and marker[0] == topic):
            reason = f"context: after a {topic} marker (+{_CONTEXT_WEIGHT:g})"
            tally.add(topic, _CONTEXT_WEIGHT, reason)
        elif not topic and marker is None and (results or lead):
            section, source = (
                (results[-1].section, "previous sentence") if results else (lead, "headline")
            )
            reason = f"context: {source} is {section} (+{_NEIGHBOUR_WEIGHT:g})"
            tally.add(section, _NEIGHBOUR_WEIGHT, reason)
        section = _winner(tally.scores, topic)
        results.append(Classification(section, tuple(tally.reasons), _cues(reading.hits, section)))
    return tuple(results)


def _cues(hits: Sequence[Cue], section: SectionName) -> tuple[str, ...]:
    return tuple(cue.en for cue in sorted(hits, key=lambda c: -c.weight) if cue.section == section)


def _leading_marker(
    tokens: tuple[Token, ...], text: str, lexicon: Lexicon
) -> tuple[str, str] | None:
    for match in lexicon.markers.matches(tokens[: _MARKER_WINDOW + 2], text):
        if match.first < _MARKER_WINDOW:
            return match.value, match.surface
    return None


def _next_topic(topic: SectionName | None, marker: tuple[str, str] | None) -> SectionName | None:
    if marker is None or marker[0] == "continue":
        return topic
    if marker[0] == "switch":
        return None
    return marker[0]  # type: ignore[return-value]


@dataclass
class _Tally:
    """The running scores of one sentence and the reasons behind them."""

    scores: dict[SectionName, float] = field(
        default_factory=lambda: {"diplomacy": 0.0, "battlefield": 0.0, "other": 0.0}
    )
    reasons: list[str] = field(default_factory=list)

    def add(self, section: SectionName, weight: float, reason: str) -> None:
        self.scores[section] += weight
        self.reasons.append(reason)


@dataclass(frozen=True)
class _Parsed:
    """A sentence as the cue counters read it."""

    tokens: tuple[Token, ...]
    text: str
    names: list  # gazetteer matches
    opening: int  # where the main verb may stand


def _rule_tally(
    tokens: tuple[Token, ...], text: str, lexicon: Lexicon, marker: tuple[str, str] | None
) -> tuple[_Tally, list[Cue]]:
    """The rule cues of one sentence: its marker, vocabulary, actors and statement shape."""
    tally = _Tally()
    if marker and marker[0] in tally.scores:
        tally.add(marker[0], _MARKER_WEIGHT, f"marker «{marker[1]}» → {marker[0]}")  # type: ignore[arg-type]
    elif marker:
        tally.reasons.append(f"marker «{marker[1]}» ({marker[0]} topic)")
    parsed = _Parsed(
        tokens,
        text,
        list(lexicon.names.matches(tokens, text)),
        opening_index(tokens, text, lexicon.shape),
    )
    hits = _count_vocabulary(tally, parsed, lexicon)
    for entry, (section, weight) in _actor_cues(parsed.names):
        tally.add(section, weight, f"actor: {entry.en} → {section} (+{weight:g})")
    _count_statement(tally, parsed, lexicon)
    return tally, hits


def _count_vocabulary(tally: _Tally, parsed: _Parsed, lexicon: Lexicon) -> list[Cue]:
    """Add the lexicon and verb hits, weighed by where they stand in the sentence."""
    shape = lexicon.shape
    tokens, text, opening = parsed.tokens, parsed.text, parsed.opening
    frame = next(shape.terms_frame.matches(tokens, text), None) or next(
        shape.terms_openers.matches(tokens[opening : opening + 1], text), None
    )
    if frame:
        tally.reasons.append(
            f"terms of an agreement («{frame.surface}»): "
            f"battlefield and other cues ×{shape.terms_factor:g}"
        )
    tail = subordinate_start(tokens, text, shape)
    hits: list[Cue] = []
    for match in _vocabulary_hits(tokens, text, lexicon, parsed.names):
        cue = match.value
        hits.append(cue)
        weight = cue.weight * (shape.terms_factor if frame and cue.section != "diplomacy" else 1)
        note = ""
        if match.first == opening and cue.verb:
            weight *= shape.opening_verb_factor
            note = ", opening verb"
        if match.first >= tail:
            weight *= shape.subordinate_factor
            note = ", subordinate clause"
        tally.add(
            cue.section, weight, f"{cue.section}: «{match.surface}» {cue.en} (+{weight:g}{note})"
        )
    return hits


def _count_statement(tally: _Tally, parsed: _Parsed, lexicon: Lexicon) -> None:
    """Add the political-statement cues: an opening stance verb, a political speaker."""
    shape = lexicon.shape
    opening = parsed.opening
    stance = next(shape.stance.matches(parsed.tokens[opening : opening + 1], parsed.text), None)
    if stance:
        tally.add(
            "diplomacy",
            shape.stance_weight,
            f"diplomacy: opens with «{stance.surface}» (+{shape.stance_weight:g})",
        )
    speaker = political_speaker(parsed.tokens, parsed.text, shape, parsed.names)
    if speaker:
        surface, weight = speaker
        tally.add("diplomacy", weight, f"diplomacy: statement by «{surface}» (+{weight:g})")


def _vocabulary_hits(tokens: tuple[Token, ...], text: str, lexicon: Lexicon, names) -> list:
    """Lexicon matches, each spelling once, without words inside a longer name."""
    seen: set[str] = set()
    hits = []
    for match in lexicon.terms.matches(tokens, text):
        key = normalize(match.surface)
        if key in seen or _inside_a_name(match.first, match.last, match.surface, names):
            continue
        seen.add(key)
        hits.append(match)
    return hits


def _inside_a_name(first: int, last: int, surface: str, names) -> bool:
    """True when tokens first..last lie strictly inside a longer gazetteer name and are not
    themselves a spelling of that name (مجلس الأمن inside مجلس الأمن الدولي stays a term)."""
    forms = set(strip_clitics(normalize(surface)))
    return any(
        n.first <= first
        and last <= n.last
        and (n.last - n.first) > (last - first)
        and not forms & {normalize(v) for v in n.value.variants}
        for n in names
    )


def _actor_cues(names) -> list[tuple[GazetteerEntry, tuple[SectionName, float]]]:
    table = actor_cues()
    cues: dict[str, tuple[GazetteerEntry, tuple[SectionName, float]]] = {}
    for match in names:
        entry = match.value
        spec = table["types"].get(entry.type)
        for word, role_spec in table["roles"].items():
            if entry.type == "person" and word in entry.role.lower():
                spec = role_spec
                break
        if spec and entry.en not in cues:
            cues[entry.en] = (entry, (spec["section"], float(spec["weight"])))
    return list(cues.values())


def _winner(scores: dict[SectionName, float], topic: SectionName | None) -> SectionName:
    best = max(scores.values())
    if all(score == best for score in scores.values()):
        return topic or "other"
    leaders = [name for name, score in scores.items() if score == best]
    if topic in leaders:
        return topic  # type: ignore[return-value]
    return leaders[0]
