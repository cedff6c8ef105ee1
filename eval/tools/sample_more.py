"""Draw more real articles for the gold set, none already in it (run once per round, seed fixed).

Same sources and reader as ``sample_real.py``; articles already in any part of ``eval/real``
are skipped. Writes unlabelled skeletons into the named parts, shared out at random.

    python eval/tools/sample_more.py ../shared/corpus eval/real 20261205 heldout-c=60 dev-r11=60
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import tempfile
from pathlib import Path

from sample_real import FRONTS, NEWS, PER_OUTLET, _front_matter_outlet, archive_file, skeleton


def used(root: Path, parts: str = "*") -> set[str]:
    """The articles (``article`` of line 1) already in the parts matching ``parts``."""
    found = set()
    for path in root.glob(f"{parts}/*.jsonl"):
        with path.open(encoding="utf-8") as stream:
            found.add(json.loads(stream.readline())["article"])
    return found


def main(corpus: Path, out: Path, seed: int, parts: dict[str, int]) -> None:
    rng = random.Random(seed)
    taken_before = used(out)
    total = sum(parts.values())
    share = total / (sum(PER_OUTLET.values()) + sum(n for _, n in FRONTS.values()))
    chosen: list[tuple[str, list[dict]]] = []
    files = sorted((corpus / "ant" / "articles").glob("*.txt"))
    for outlet, count in PER_OUTLET.items():
        pool = [f for f in files if f.stem.split("_", 1)[1] == outlet]
        rng.shuffle(pool)
        want, taken = round(count * share), 0
        for f in pool:
            source = f"ant/articles/{f.name}"
            if taken >= want:
                break
            if source in taken_before:
                continue
            lines = skeleton(f, source, "")
            if lines:
                lines[0]["outlet"] = _front_matter_outlet(f)
                chosen.append((f.stem, lines))
                taken += 1
    with gzip.open(corpus / "ant-archive.jsonl.gz", "rt") as stream:
        records = [json.loads(line) for line in stream]
    rng.shuffle(records)
    with tempfile.TemporaryDirectory() as tmp:
        for word, count in FRONTS.values():
            want, taken = max(1, round(count * share)), 0
            for r in records:
                source = f"ant-archive.jsonl.gz#{r['id']}"
                if taken >= want:
                    break
                if r["category"] not in NEWS or source in taken_before or word not in r["title"]:
                    continue
                path = archive_file(r, Path(tmp))
                lines = skeleton(path, source, r["outlet"])
                if lines:
                    taken_before.add(source)
                    chosen.append((f"archive_{r['id']}", lines))
                    taken += 1
    rng.shuffle(chosen)
    start = 0
    for index, (part, count) in enumerate(parts.items()):
        end = len(chosen) if index == len(parts) - 1 else start + count
        folder = out / part
        folder.mkdir(parents=True, exist_ok=True)
        for name, lines in chosen[start:end]:
            text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in lines)
            (folder / f"{name}.jsonl").write_text(text, encoding="utf-8")
        count = sum(len(x) - 1 for _, x in chosen[start:end])
        print(f"{part}: {end - start} articles, {count} lines")
        start = end


if __name__ == "__main__":
    wanted = dict((p.split("=")[0], int(p.split("=")[1])) for p in sys.argv[4:])
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), wanted)
