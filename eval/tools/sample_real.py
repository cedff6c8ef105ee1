"""Draw the real gold set's articles and write unlabelled skeletons (run once, seed fixed).

Articles come from ``../shared/corpus/ant/articles`` (stratified by outlet) and, for other
fronts, from ``../shared/corpus/ant-archive.jsonl.gz`` (news categories whose text names the
front). Sentences are split by sitrep's own reader, so the gold lines up with what a build
sees. Each article is assigned at random to ``dev``, ``heldout-a`` or ``heldout-b``.

    python eval/tools/sample_real.py ../shared/corpus eval/real
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import tempfile
from email.utils import parsedate_to_datetime
from pathlib import Path

from sitrep.reading.ingest import read_article
from sitrep.reading.segment import segment

PER_OUTLET = {"alarabiya": 36, "bbc": 50, "cnn": 50, "france24": 54, "jawhara": 36, "skynews": 54}
FRONTS = {"yemen": ("اليمن", 16), "iraq": ("العراق", 10), "libya": ("ليبيا", 10),
          "gaza": ("غزة", 10), "afghanistan": ("أفغانستان", 6)}
NEWS = {"internationalNews", "middleEast"}
MAX_SENTENCES = 18
PARTS = (("dev", 0.64), ("heldout-a", 0.18), ("heldout-b", 0.18))


def skeleton(path: Path, source: str, outlet: str) -> list[dict] | None:
    """An unlabelled real-gold file: line 1 and one empty line per sentence."""
    read = first_sentences(path, source, outlet, MAX_SENTENCES)
    if read is None:
        return None
    head, sentences = read
    return [head | {"front": "", "topic": ""}] + [
        {"i": s.index, "text": s.text, "section": "", "figures": [], "dates": [],
         "negated": False, "future": False, "conditional": False} for s in sentences]


def first_sentences(path: Path, source: str, outlet: str, limit: int):
    """Line 1 of a gold file (source, outlet, date, title) and the article's first ``limit``
    sentences as sitrep's reader splits them, or None for an article under three sentences."""
    article = read_article(path, "001")
    sentences = segment(article)[:limit]
    if len(sentences) < 3:
        return None
    head = {"article": source, "outlet": outlet,
            "published": article.published.isoformat() if article.published else None,
            "title": article.title}
    return head, sentences


def main(corpus: Path, out: Path) -> None:
    rng = random.Random(20261205)
    chosen: list[tuple[str, list[dict]]] = []
    files = sorted((corpus / "ant" / "articles").glob("*.txt"))
    for outlet, count in PER_OUTLET.items():
        pool = [f for f in files if f.stem.split("_", 1)[1] == outlet]
        rng.shuffle(pool)
        taken = 0
        for f in pool:
            lines = skeleton(f, f"ant/articles/{f.name}", "")
            if lines and taken < count:
                lines[0]["outlet"] = _front_matter_outlet(f)
                chosen.append((f.stem, lines))
                taken += 1
    seen_ids = set()
    with gzip.open(corpus / "ant-archive.jsonl.gz", "rt") as stream:
        records = [json.loads(line) for line in stream]
    rng.shuffle(records)
    with tempfile.TemporaryDirectory() as tmp:
        for word, count in FRONTS.values():
            taken = 0
            for r in records:
                if taken >= count:
                    break
                if r["category"] not in NEWS or r["id"] in seen_ids or word not in r["title"]:
                    continue
                path = archive_file(r, Path(tmp))
                lines = skeleton(path, f"ant-archive.jsonl.gz#{r['id']}", r["outlet"])
                if lines:
                    seen_ids.add(r["id"])
                    chosen.append((f"archive_{r['id']}", lines))
                    taken += 1
    rng.shuffle(chosen)
    cut = [0]
    for _, share in PARTS:
        cut.append(cut[-1] + round(share * len(chosen)))
    cut[-1] = len(chosen)
    for (part, _), start, end in zip(PARTS, cut, cut[1:], strict=False):
        folder = out / part
        folder.mkdir(parents=True, exist_ok=True)
        for name, lines in chosen[start:end]:
            text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in lines)
            (folder / f"{name}.jsonl").write_text(text, encoding="utf-8")
    total = sum(len(lines) - 1 for _, lines in chosen)
    print(f"{len(chosen)} articles, {total} sentences")


def archive_file(record: dict, folder: Path) -> Path:
    """An archive record written as an article file (front matter, title, text) in
    ``folder``, as sitrep reads one."""
    path = folder / f"{record['id']}.txt"
    path.write_text(f'+++\npublished = {_rfc_date(record["published"])}\n+++\n'
                    f'{record["title"]}\n{record["text"]}\n', encoding="utf-8")
    return path


def _front_matter_outlet(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines()[1:6]:
        if line.startswith("outlet"):
            return line.split("=", 1)[1].strip().strip('"')
    return ""


def _rfc_date(value: str) -> str:
    return parsedate_to_datetime(value).date().isoformat()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
