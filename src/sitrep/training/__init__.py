"""Training and evaluation, apart from the runtime pipeline (which never imports this).

``gold`` reads hand-labelled articles, ``evaluate`` scores sitrep against them (``sitrep
eval``), ``train`` fits the section model (``sitrep train``, needs scikit-learn).
"""
