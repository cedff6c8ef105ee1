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


ARTICLE = "أعلنت وزارة الخارجية الروسية أن المحادثات ستبدأ في جنيف الأسبوع المقبل بحضور الوفود.\n"


def test_a_bad_article_is_a_warning_and_the_brief_goes_on(capsys, make_brief, tmp_path):
    root = make_brief(articles={"good.txt": ARTICLE, "bad.txt": "---\n1: x\n---\n" + ARTICLE})
    assert main(["build", str(root), "--format", "html", "--out", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert f"sitrep: warning: {root / 'articles' / 'bad.txt'}:2: cannot read article" in err
    assert (tmp_path / "o" / "test-brief" / "test-brief.html").is_file()


def test_strict_makes_the_warning_an_error(capsys, make_brief, tmp_path):
    root = make_brief(articles={"good.txt": ARTICLE, "bad.txt": "---\n1: x\n---\n" + ARTICLE})
    argv = ["build", str(root), "--format", "html", "--out", str(tmp_path / "o"), "--strict"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("sitrep: error: ") and err.count("\n") == 1
    assert not (tmp_path / "o" / "test-brief" / "test-brief.html").exists()


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{% if %}\n", "cover.html.j2:1: template error: Expected an expression"),
        ("<p>\n{{ no_such_name.x }}</p>\n", "cover.html.j2:2: template error: 'no_such_name' is"),
    ],
)
def test_a_broken_template_overlay_is_one_line_with_file_and_line(
    capsys, make_brief, tmp_path, template, message
):
    root = make_brief(articles={"a.txt": ARTICLE})
    (root / "templates").mkdir()
    (root / "templates" / "cover.html.j2").write_text(template, encoding="utf-8")
    assert main(["build", str(root), "--format", "html", "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err.splitlines()[-1]
    assert err.startswith("sitrep: error: ") and message in err


@pytest.mark.parametrize("epoch", ["99999999999999999999", "-5", "1e9", "9" * 5000])
def test_source_date_epoch_out_of_range_is_a_clear_error(capsys, monkeypatch, epoch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert main(["build", str(BUNDLED), "--format", "html", "--out", "/nonexistent/x"]) == 1
    err = capsys.readouterr().err
    assert "expected a Unix timestamp from 0 to 253402300799" in err and err.count("\n") == 1


@pytest.mark.parametrize("name", ["brief.toml", "gazetteer.csv"])
def test_settings_in_windows_1256_name_the_file_line_and_byte(capsys, make_brief, tmp_path, name):
    root = make_brief(articles={"a.txt": ARTICLE})
    text = (
        VALID_BRIEF.replace("موجز تجريبي", "سوريا")
        if name == "brief.toml"
        else "type,ar,en\nplace,حلب,Aleppo\n"
    )
    (root / name).write_bytes(text.encode("cp1256"))
    assert main(["build", str(root), "--format", "html", "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert f"{root / name}:" in err and "not UTF-8 (byte 0x" in err and "save it as UTF-8" in err


def test_an_unexpected_failure_is_one_line_without_traceback(capsys, monkeypatch):
    import sitrep.cli

    def explode(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(sitrep.cli, "build_brief", explode)
    assert main(["build", str(BUNDLED)]) == 1
    err = capsys.readouterr().err
    assert err == (
        "sitrep: error: unexpected RuntimeError: boom second line"
        " (run `sitrep --debug ...` for the traceback)\n"
    )
    with pytest.raises(RuntimeError):
        main(["build", str(BUNDLED), "--debug"])  # --debug after the command works too


def test_inspect_into_a_closed_pipe_is_quiet():
    script = (
        f"{sys.executable} -m sitrep inspect {BUNDLED} --json | head -c 10 >/dev/null;"
        " echo ${PIPESTATUS[0]}"
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True)
    assert done.stderr == "" and done.stdout.strip() == "141"


def test_two_briefs_with_the_same_output_folder_are_an_error(capsys, tmp_path):
    for parent in ("a", "b"):
        root = tmp_path / parent / "same"
        (root / "articles").mkdir(parents=True)
        (root / "brief.toml").write_text(VALID_BRIEF, encoding="utf-8")
        (root / "articles" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    argv = ["build", str(tmp_path / "a" / "same"), str(tmp_path / "b" / "same")]
    assert main([*argv, "--format", "html", "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "would both write" in err and err.count("\n") == 1
    assert not (tmp_path / "o").exists()
