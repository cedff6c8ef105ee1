"""The bad-input corpus (tests/bad_inputs/): every broken or hostile article gives its expected
outcome (read, with what was taken out listed; or one warning naming the file), never an
unexpected exception, a leak or a hang; brief-level failures are one line on stderr."""

import os
import time
import tomllib
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.errors import ArticleError
from sitrep.reading.ingest import MAX_ARTICLE_BYTES, read_article
from sitrep.reading.segment import segment

from .conftest import VALID_BRIEF

CASES = Path(__file__).parent / "bad_inputs"
EXPECTED = tomllib.loads((CASES / "expected.toml").read_text(encoding="utf-8"))
ARTICLE = "أعلنت وزارة الخارجية الروسية أن المحادثات ستبدأ في جنيف الأسبوع المقبل بحضور الوفود.\n"
SLOW_CASE_SECONDS = 5.0
# what the reader takes out of hostile or broken text (page debris is another matter)
TAKEN_OUT = ("undecodable", "control character", "bidi control", "url that is not http")


def outcome_of(path: Path, inside: Path | None = None) -> tuple[str, str]:
    """("ok", all text read) / ("removed", removed lines) / ("warning", the message)."""
    try:
        article = read_article(path, "001", inside)
    except ArticleError as exc:
        return "warning", str(exc)
    if any(r.reason.startswith(TAKEN_OUT) for r in article.removed):
        return "removed", "\n".join(f"{r.text} {r.reason}" for r in article.removed)
    text = [article.title or "", *article.subtitles, *(s.text for s in segment(article))]
    return "ok", "\n".join(text)


def test_the_corpus_has_every_file_and_enough_cases():
    files = {p.name for p in (CASES / "articles").iterdir()}
    assert files == set(EXPECTED)
    assert len(EXPECTED) + len(MADE_AT_RUN_TIME) + len(BRIEF_CASES) >= 60


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_article(name):
    path = CASES / "articles" / name
    started = time.perf_counter()
    outcome, detail = outcome_of(path)
    assert time.perf_counter() - started < SLOW_CASE_SECONDS
    assert (outcome, EXPECTED[name]["fragment"] in detail) == (EXPECTED[name]["outcome"], True), (
        detail[:300]
    )
    if outcome == "warning":
        assert detail.startswith(str(path)) and "\n" not in detail
    if name == "html_javascript_url.html":
        url = read_article(path, "001").url
        assert url is None or url.startswith("https://")


def _huge(folder: Path) -> Path:
    path = folder / "huge.txt"
    path.write_bytes(ARTICLE.encode() * (MAX_ARTICLE_BYTES // len(ARTICLE.encode()) + 1))
    return path


def _link(target: str):
    def make(folder: Path) -> Path:
        (folder / "link.txt").symlink_to(target)
        return folder / "link.txt"

    return make


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def _bad_name(folder: Path) -> Path:
    path = Path(os.fsdecode(bytes(folder) + b"/\xe4\xf1\xe1\xd1.txt"))
    path.write_text(ARTICLE, encoding="utf-8")
    return path


MADE_AT_RUN_TIME = {
    "huge_file": (_huge, "larger than the limit of 2,000,000 bytes"),
    "link_to_passwd": (_link("/etc/passwd"), "a link to a file outside the brief folder"),
    "link_to_environ": (_link("/proc/self/environ"), "a link to a file outside the brief folder"),
    "link_to_dev_zero": (_link("/dev/zero"), "outside the brief folder"),
    "broken_link": (_link("/nonexistent/x.txt"), "No such file or directory"),
    "link_loop": (_link("link.txt"), "cannot read article"),
    "fifo": (_fifo, "not a regular file (a device, pipe or folder); refused"),
    "non_utf8_name": (_bad_name, "the file name is not valid UTF-8; rename the file"),
}


@pytest.mark.parametrize("name", sorted(MADE_AT_RUN_TIME))
def test_bad_article_made_at_run_time(tmp_path, name):
    make, fragment = MADE_AT_RUN_TIME[name]
    brief = tmp_path / "brief"
    (brief / "articles").mkdir(parents=True)
    path = make(brief / "articles")
    outcome, detail = outcome_of(path, inside=brief)
    assert outcome == "warning" and fragment in detail, detail[:300]
    assert "root:" not in detail and "\n" not in detail


def _brief_toml_cp1256(root: Path) -> None:
    (root / "brief.toml").write_bytes(VALID_BRIEF.encode("cp1256"))


def _write(name: str, text: str):
    def make(root: Path) -> None:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")

    return make


BRIEF_CASES = {
    "brief_toml_cp1256": (_brief_toml_cp1256, "not UTF-8 (byte 0x"),
    "brief_toml_syntax": (_write("brief.toml", "[brief\n"), "brief.toml:1: invalid TOML"),
    "brief_toml_unknown_key": (_write("brief.toml", VALID_BRIEF + "colour = 1\n"), "colour"),
    "gazetteer_missing_columns": (_write("gazetteer.csv", "a,b\n1,2\n"), "missing column"),
    "template_syntax": (_write("templates/cover.html.j2", "{% if %}"), "cover.html.j2:1"),
    "template_undefined": (_write("templates/cover.html.j2", "\n{{ x.y }}"), "cover.html.j2:2"),
    "template_code": (
        _write(
            "templates/cover.html.j2",
            "{{ cycler.__init__.__globals__.os.popen('id').read() }}"[:200],
        ),
        "is unsafe",
    ),
    "template_include_missing": (_write("templates/cover.html.j2", '{% include "n.j2" %}'), "n.j2"),
    "no_readable_articles": (_write("articles/a.txt", ""), "no readable articles"),
}


@pytest.mark.parametrize("name", sorted(BRIEF_CASES))
def test_bad_brief_is_one_line_on_stderr(capsys, tmp_path, name):
    root = tmp_path / "brief"
    (root / "articles").mkdir(parents=True)
    (root / "brief.toml").write_text(VALID_BRIEF, encoding="utf-8")
    if name != "no_readable_articles":
        (root / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    make, fragment = BRIEF_CASES[name]
    make(root)
    code = main(["build", str(root), "--format", "html", "--out", str(tmp_path / "out")])
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("sitrep:")]
    *warnings, error = err  # warnings found before the error come first, the error is one line
    assert code == 1 and error.startswith("sitrep: error: "), err
    assert all(w.startswith("sitrep: warning: ") for w in warnings), err
    assert fragment in error and "uid=" not in error
    if name == "no_readable_articles":
        assert len(warnings) == 1 and "a.txt: cannot read article" in warnings[0]
    folder = tmp_path / "out" / "brief"
    assert not folder.exists() or not any(folder.iterdir())  # nothing half-written
