"""Write ``src/sitrep/data/common_words.txt``: the normalized Arabic words used 5 times or
more in the 1,000 real articles of ``../shared/corpus/ant/articles`` (word statistics, no
text). GeoNames gives some towns Arabic names that are everyday words (الخميس "Thursday",
بيان "statement", السلطات "the authorities"); ``sitrep.knowledge.places`` skips a town
spelling that is one of these.

    python eval/tools/common_words.py ../shared/corpus src/sitrep/data/common_words.txt
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from sitrep.reading.normalize import normalize

MIN_COUNT = 5


def main(corpus: Path, out: Path) -> None:
    counts: Counter[str] = Counter()
    for path in sorted((corpus / "ant" / "articles").glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("+++")[-1]
        counts.update(normalize(w) for w in re.findall(r"[\u0621-\u064A]+", body))
    words = sorted(w for w, n in counts.items() if n >= MIN_COUNT)
    header = (f"# Normalized Arabic words used {MIN_COUNT}+ times in ../shared/corpus/ant/articles "
              "(written by eval/tools/common_words.py)\n")
    out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words → {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
