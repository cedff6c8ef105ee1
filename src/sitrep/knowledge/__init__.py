"""Knowledge: what sitrep knows before it reads an article.

``resources`` loads the versioned data files under ``sitrep/data`` (lexicon, verbs, markers,
actors, gazetteer, tables), ``lexicon`` indexes terms and names for matching through clitics,
``stem_model`` loads (and writes) the trained section model. It imports no analysis,
report or training module (only ``sitrep.model`` and ``sitrep.reading.normalize``).
"""
