"""Draw the articles of the entity gold set and write unlabelled skeletons (seed fixed).

Half the articles are about Syria (``../shared/corpus/ant/articles``), half about other
fronts (news categories of ``../shared/corpus/ant-archive.jsonl.gz`` whose title names the
front). Articles of the classifier's current held-out part are skipped. Each article is
assigned at random to ``dev`` or ``heldout``.

    python eval/tools/sample_entities.py ../shared/corpus eval/entities eval/real
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import tempfile
from pathlib import Path

from sample_more import used
from sample_real import NEWS, _front_matter_outlet, archive_file, first_sentences

SEED = 20261215
SYRIA = 40
FRONTS = {"yemen": ("اليمن", 10), "libya": ("ليبيا", 8), "iraq": ("العراق", 8),
          "gaza": ("غزة", 8), "afghanistan": ("أفغانستان", 4), "sudan": ("جنوب السودان", 2)}
MAX_SENTENCES = 12


def skeleton(path: Path, source: str, outlet: str, front: str) -> list[dict] | None:
    """An unlabelled entity-gold file: line 1 and one empty line per sentence."""
    read = first_sentences(path, source, outlet, MAX_SENTENCES)
    if read is None:
        return None
    head, sentences = read
    return [head | {"front": front}] + [
        {"i": s.index, "text": s.text, "entities": []} for s in sentences]


def main(corpus: Path, out: Path, real: Path) -> None:
    rng = random.Random(SEED)
    skip = used(real, "heldout*")  # the classifier's current held-out part
    chosen: list[tuple[str, list[dict]]] = []
    files = sorted((corpus / "ant" / "articles").glob("*.txt"))
    rng.shuffle(files)
    for f in files:
        source = f"ant/articles/{f.name}"
        if len(chosen) >= SYRIA or source in skip:
            continue
        if "سوري" not in f.read_text(encoding="utf-8"):
            continue
        lines = skeleton(f, source, _front_matter_outlet(f), "syria")
        if lines:
            chosen.append((f.stem, lines))
    with gzip.open(corpus / "ant-archive.jsonl.gz", "rt") as stream:
        records = [json.loads(line) for line in stream]
    rng.shuffle(records)
    with tempfile.TemporaryDirectory() as tmp:
        for front, (word, count) in FRONTS.items():
            taken = 0
            for r in records:
                source = f"ant-archive.jsonl.gz#{r['id']}"
                if taken >= count:
                    break
                if r["category"] not in NEWS or word not in r["title"] or source in skip:
                    continue
                path = archive_file(r, Path(tmp))
                lines = skeleton(path, source, r["outlet"], front)
                if lines:
                    skip.add(source)
                    chosen.append((f"archive_{r['id']}", lines))
                    taken += 1
    rng.shuffle(chosen)
    for index, (name, lines) in enumerate(chosen):
        folder = out / ("dev" if index % 2 == 0 else "heldout")
        folder.mkdir(parents=True, exist_ok=True)
        text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in lines)
        (folder / f"{name}.jsonl").write_text(text, encoding="utf-8")
    fronts = [lines[0]["front"] for _, lines in chosen]
    print(f"{len(chosen)} articles ({fronts.count('syria')} Syria), "
          f"{sum(len(lines) - 1 for _, lines in chosen)} sentences")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
