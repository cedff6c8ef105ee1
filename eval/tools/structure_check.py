"""How well the reader keeps non-body lines (sub-headings, teasers, bylines …) out of the
sentences, measured on the real gold set: every gold line is a sentence the reader produced
when the set was drawn; re-reading the article now, a ``not-body`` line should be gone and a
body line should still be there.

    python eval/tools/structure_check.py ../shared/corpus eval/real/dev eval/real/dev-r11 …
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from sample_real import archive_file

from sitrep.reading.ingest import read_article
from sitrep.reading.segment import segment
from sitrep.training.gold import read_real_gold


def sentences_now(source: str, corpus: Path, archive: dict[str, dict], tmp: Path) -> set[str]:
    if source.startswith("ant-archive.jsonl.gz#"):
        path = archive_file(archive[source.split("#", 1)[1]], tmp)
    else:
        path = corpus / source
    return {s.text for s in segment(read_article(path, "001"))}


def main(corpus: Path, parts: list[Path]) -> None:
    with gzip.open(corpus / "ant-archive.jsonl.gz", "rt") as stream:
        archive = {r["id"]: r for r in map(json.loads, stream)}
    counts: Counter[str] = Counter()
    lost: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for part in parts:
            for path in sorted(part.glob("*.jsonl")):
                article = read_real_gold(path)
                now = sentences_now(article.source, corpus, archive, Path(tmp))
                for line in article.labelled:
                    # a body line whose dateline the reader now cuts off is still there
                    kept = line.text in now or any(
                        len(s) > 20 and line.text.endswith(s) for s in now
                    )
                    if line.section == "not-body":
                        counts["not-body kept out" if not kept else "not-body still read"] += 1
                        counts[f"  {line.structure or 'other'}: {'out' if not kept else 'in'}"] += 1
                    else:
                        counts["body lost" if not kept else "body kept"] += 1
                        if not kept:
                            lost.append(f"{path.name}:{line.line}: {line.text[:90]}")
    for key in sorted(counts):
        print(f"{key:32} {counts[key]}")
    for item in lost[:40]:
        print("lost:", item)


if __name__ == "__main__":
    main(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
