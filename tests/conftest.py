"""Shared fixtures: the repository layout and one build of the bundled brief per session."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

from sitrep.build import BuildResult, build_brief

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "briefs" / "astana-2017"
SEEDS = BUNDLED / "articles"
GENERATED = dt.date(2026, 1, 2)

VALID_BRIEF = """\
[brief]
title = "Test brief"
title_ar = "موجز تجريبي"
period_start = 2017-06-01
period_end = 2017-10-31
"""


def input_digests() -> dict[str, str]:
    """sha256 of every file a build of the bundled brief reads besides the package's cached
    data: the brief and the templates (a change during a session would change a rebuild)."""
    folders = (BUNDLED, REPO / "templates")
    return {
        str(path.relative_to(REPO)): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="session")
def built_inputs() -> dict[str, str]:
    """The bundled brief's inputs as they were when ``built`` was built."""
    return input_digests()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, built_inputs: dict[str, str]) -> BuildResult:
    """The bundled brief built once, HTML and PDF."""
    out = tmp_path_factory.mktemp("out")
    return build_brief(BUNDLED, out, generated=GENERATED)


@pytest.fixture
def make_brief(tmp_path: Path):
    """Create a brief folder with the given brief.toml text and articles {name: bytes|str}."""

    def make(config: str = VALID_BRIEF, articles: dict[str, bytes | str] | None = None) -> Path:
        root = tmp_path / "briefs" / "test-brief"
        (root / "articles").mkdir(parents=True)
        (root / "brief.toml").write_text(config, encoding="utf-8")
        for name, content in (articles or {}).items():
            path = root / "articles" / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make


@pytest.fixture
def seed_copy(tmp_path: Path):
    """Copy one seed article into a temporary folder and return its path."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copy(SEEDS / name, target)
        return target

    return copy
