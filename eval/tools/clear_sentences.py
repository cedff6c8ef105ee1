"""Section agreement of a blind second pass (sections only) with a gold part, and — with
``--score`` — the classifier's accuracy on all sentences and on the clear ones (where the
two labellers agree), which is how the hidden test sets are scored.

    cd eval/tools
    python clear_sentences.py ../real/heldout-d ../real/agreement/sections-heldout-d --score
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from agreement import kappa

from sitrep.analysis.classify import classify, default_lexicon
from sitrep.model import Sentence, Span
from sitrep.training.gold import read_real_gold


def second_pass(path: Path) -> dict[int, str]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {line["i"]: line["section"] for line in lines[1:]}


def main(part: Path, second: Path, score: bool) -> None:
    pairs, clear, found = [], 0, Counter()
    for path in sorted(part.glob("*.jsonl")):
        article = read_real_gold(path)
        other = second_pass(second / path.name)
        body = [s for s in article.labelled if s.section != "not-body"]
        labels = {}
        if score:
            sentences = [Sentence(path.stem, i, s.text, Span(0, len(s.text)))
                         for i, s in enumerate(body, start=1)]
            labels = {s.line: c.section for s, c in
                      zip(body, classify(sentences, default_lexicon(), article.title), strict=True)}
        raw = path.read_text(encoding="utf-8").splitlines()
        for line in article.labelled:
            second_label = other[json.loads(raw[line.line - 1])["i"]]
            pairs.append((line.section, second_label))
            if line.section == "not-body" or not labels:
                continue
            agree = second_label == line.section
            clear += agree
            found["all"] += labels[line.line] == line.section
            found["all n"] += 1
            if agree:
                found["clear"] += labels[line.line] == line.section
    same = sum(a == b for a, b in pairs)
    print(f"sections agree on {same}/{len(pairs)} lines = {same / len(pairs):.3f}; "
          f"Cohen's kappa {kappa(pairs):.3f}")
    if score:
        print(f"classifier accuracy, all body sentences: {found['all']}/{found['all n']} = "
              f"{found['all'] / found['all n']:.3f}")
        print(f"classifier accuracy, clear sentences (both labellers agree): "
              f"{found['clear']}/{clear} = {found['clear'] / clear:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), "--score" in sys.argv[3:])
