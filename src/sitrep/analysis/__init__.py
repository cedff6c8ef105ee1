"""Analysis: sentences → section and facts.

``classify`` sorts a sentence into Diplomacy, Battlefield or Other (with ``shape``, its clause
structure, and ``stems``, the section model's features and vote); ``extract`` finds entities,
figures (``figures``) and dates (``dates``).
"""
