"""Check entity gold files (``eval/entities/RULES.md``): every line valid, with file:line.

    python eval/tools/check_entities.py eval/entities/dev/*.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TYPES = {"person", "group", "state", "un", "aid", "org", "place"}
ROLES = {"speaker", "actor", "target", "addressee", "source", "location", "dateline", "mention"}
KEYS = {"text", "en", "also", "type", "role"}
FRONTS = {"syria", "yemen", "libya", "iraq", "gaza", "afghanistan", "sudan", "other"}


def problems(path: Path) -> list[str]:
    found = []
    lines = path.read_text(encoding="utf-8").splitlines()
    head = json.loads(lines[0])
    if head.get("front") not in FRONTS:
        found.append(f"{path}:1: front must be one of {sorted(FRONTS)}")
    for number, raw in enumerate(lines[1:], start=2):
        try:
            line = json.loads(raw)
        except json.JSONDecodeError as error:
            found.append(f"{path}:{number}: not JSON: {error}")
            continue
        entities = line.get("entities")
        if not isinstance(entities, list):
            found.append(f"{path}:{number}: 'entities' must be a list")
            continue
        for entity in entities:
            where = f"{path}:{number}: {entity.get('text')!r}"
            unknown = set(entity) - KEYS
            if unknown:
                found.append(f"{where}: unknown keys {sorted(unknown)}")
            if not entity.get("text") or entity["text"] not in line["text"]:
                found.append(f"{where}: text must occur in the sentence")
            if not isinstance(entity.get("en"), str) or not entity["en"].strip():
                found.append(f"{where}: 'en' is required")
            if entity.get("type") not in TYPES:
                found.append(f"{where}: type must be one of {sorted(TYPES)}")
            if entity.get("role") not in ROLES:
                found.append(f"{where}: role must be one of {sorted(ROLES)}")
            if not isinstance(entity.get("also", []), list):
                found.append(f"{where}: 'also' must be a list of names")
    return found


def main(paths: list[str]) -> int:
    found = [p for path in paths for p in problems(Path(path))]
    print("\n".join(found) if found else f"valid ({len(paths)} files)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
