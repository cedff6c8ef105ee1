"""Reading: article files → text, structure and sentences.

``ingest`` decodes a file and reads its front matter, ``structure`` separates headline,
captions, dateline and debris, ``segment`` splits the body into sentences with character
spans; ``normalize`` folds Arabic spelling variants for matching (used by every later stage).
"""
