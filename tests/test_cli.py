import json
import shutil
import subprocess
import sys

import pytest

from sitrep import __version__
from sitrep.cli import main

from .conftest import BUNDLED, SEEDS, VALID_BRIEF

INSPECT_KEYS = [
    "path",
    "title",
    "subtitles",
    "captions",
    "dateline",
    "outlet",
    "published",
    "removed",
    "sentences",
]
SENTENCE_KEYS = {"text", "section", "reasons", "entities", "figures", "dates"}


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"sitrep {__version__}"


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"], ["inspect", "--help"]])
def test_help_on_every_command(capsys, argv):
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr().out
    assert "usage: sitrep" in out and ("examples:" in out or "COMMAND" in out)


def test_unknown_brief_is_one_clear_line(capsys, tmp_path):
    assert main(["build", "no-such-brief", "--briefs-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown brief 'no-such-brief'" in err
    assert "Traceback" not in err


def test_invalid_brief_toml_names_file_line_and_key(capsys, make_brief, tmp_path):
    root = make_brief(VALID_BRIEF.replace("2017-06-01", '"June"'))
    assert main(["build", str(root), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert f"{root / 'brief.toml'}:4: Config value 'period_start': expected YYYY-MM-DD" in err


def test_debug_shows_the_traceback(make_brief, tmp_path):
    root = make_brief(VALID_BRIEF.replace("2017-06-01", '"June"'))
    from sitrep.errors import ConfigError

    with pytest.raises(ConfigError):
        main(["--debug", "build", str(root), "--out", str(tmp_path / "o")])


def test_bad_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["build", "--format", "docx"])
    assert info.value.code == 2
    assert "expected a comma-separated list of html, pdf" in capsys.readouterr().err


def test_build_html_only_with_timings(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    out = tmp_path / "o"
    assert main(["build", str(BUNDLED), "--format", "html", "--out", str(out), "--timings"]) == 0
    printed = capsys.readouterr().out
    html = out / "astana-2017" / "astana-2017.html"
    assert html.is_file() and not (out / "astana-2017" / "astana-2017.pdf").exists()
    for stage in ("ingest", "segment", "classify", "extract", "group", "html", "total"):
        assert f"  {stage}" in printed
    assert "2017-07-14" in html.read_text(encoding="utf-8")  # SOURCE_DATE_EPOCH sets the date


def test_inspect_json_has_exactly_the_documented_keys(capsys):
    assert main(["inspect", str(BUNDLED), "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 5
    for record in records:
        assert list(record) == INSPECT_KEYS
        for sentence in record["sentences"]:
            assert set(sentence) >= SENTENCE_KEYS
            assert sentence["section"] in {"diplomacy", "battlefield", "other"}
            for entity in sentence["entities"]:
                assert set(entity) == {"text", "type", "en"}
            for figure in sentence["figures"]:
                assert set(figure) == {
                    "value", "unit", "counts", "outcome", "qualifier", "vague", "cumulative", "text"
                }
    by_name = {r["path"].rsplit("/", 1)[1][:3]: r for r in records}
    assert by_name["003"]["dateline"] == "استانا – وكالات:"


def test_inspect_shapes_arabic_for_terminals_unless_asked_not_to(capsys):
    seed = str(next(SEEDS.glob("004_*")))
    assert main(["inspect", seed]) == 0
    shaped = capsys.readouterr().out
    assert main(["inspect", seed, "--no-shape"]) == 0
    plain = capsys.readouterr().out
    assert "إرجاء محادثات أستانا" in plain
    assert "إرجاء محادثات أستانا" not in shaped
    assert any("\ufe70" <= ch <= "\ufeff" for ch in shaped)  # presentation forms, terminal only
    assert not any("\ufe70" <= ch <= "\ufeff" for ch in plain)


def test_inspect_missing_path(capsys, tmp_path):
    assert main(["inspect", str(tmp_path / "nope.txt")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_console_script_is_installed():
    exe = shutil.which("sitrep") or str(
        __import__("pathlib").Path(sys.executable).with_name("sitrep")
    )
    done = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"sitrep {__version__}"
