"""Agreement between the real gold set and the blind second pass (``eval/real/agreement/``).

    python eval/tools/agreement.py eval/real > eval/real/agreement.md
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from sitrep.training.gold import read_real_gold

FIELDS = ("section", "negated", "future", "conditional")
CASUALTY = {"killed", "wounded", "casualties"}


def kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main(root: Path) -> None:
    primary = {}
    for path in root.glob("*/*.jsonl"):
        if path.parent.name != "agreement":
            article = read_real_gold(path)
            primary[path.name] = {s.line: s for s in article.labelled}
    pairs: dict[str, list[tuple[str, str]]] = {f: [] for f in FIELDS}
    figures = Counter()
    dates = Counter()
    confusion = Counter()
    for path in sorted((root / "agreement").glob("*.jsonl")):
        for second in read_real_gold(path).labelled:
            first = primary[path.name][second.line]
            assert first.text == second.text, f"{path}:{second.line}"
            for field in FIELDS:
                pairs[field].append((str(getattr(first, field)), str(getattr(second, field))))
            confusion[(first.section, second.section)] += 1
            a = Counter((f.number, f.outcome) for f in first.figures if f.outcome in CASUALTY)
            b = Counter((f.number, f.outcome) for f in second.figures if f.outcome in CASUALTY)
            figures["both"] += sum((a & b).values())
            figures["first"] += sum(a.values())
            figures["second"] += sum(b.values())
            da = Counter((d.value, d.precision) for d in first.dates)
            db = Counter((d.value, d.precision) for d in second.dates)
            dates["both"] += sum((da & db).values())
            dates["first"] += sum(da.values())
            dates["second"] += sum(db.values())
    n = len(pairs["section"])
    print("# Agreement of the blind second labelling pass\n")
    print(f"{n} sentences (a random 10 % of the real gold set, all parts), labelled a second time")
    print("by a labeller who saw neither the first labels nor sitrep's output.\n")
    print("| field | agreement | Cohen's kappa |\n| --- | --- | --- |")
    for field in FIELDS:
        same = sum(a == b for a, b in pairs[field]) / n
        print(f"| {field} | {same:.3f} | {kappa(pairs[field]):.3f} |")
    f1 = 2 * figures["both"] / (figures["first"] + figures["second"])
    d1 = 2 * dates["both"] / (dates["first"] + dates["second"])
    print(f"| casualty figures (number + outcome), F1 between passes | {f1:.3f} | "
          f"({figures['both']} shared of {figures['first']} / {figures['second']}) |")
    print(f"| dates (value + precision), F1 between passes | {d1:.3f} | "
          f"({dates['both']} shared of {dates['first']} / {dates['second']}) |")
    labels = ("diplomacy", "battlefield", "other", "not-body")
    print("\nSections, first pass (rows) against second pass (columns):\n")
    print("| | " + " | ".join(labels) + " |\n|" + " --- |" * (len(labels) + 1))
    for a in labels:
        print(f"| {a} | " + " | ".join(str(confusion[(a, b)]) for b in labels) + " |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
