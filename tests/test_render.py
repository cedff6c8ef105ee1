import datetime as dt
from pathlib import Path

import pytest

from sitrep.build import build_brief
from sitrep.errors import TemplateFailure
from sitrep.report.render.isolate import ltr_runs, rtl_runs
from sitrep.report.render.pdf import BlockedURLError, BriefURLFetcher, write_pdf

from .conftest import SEEDS, VALID_BRIEF


def test_latin_and_number_runs_in_arabic_are_isolated():
    html = ltr_runs("سلمت قسد منظومة HIMARS في 2017-07-10 من نوع كيه.إتش-101.")
    assert '<span dir="ltr">HIMARS</span>' in html
    assert '<span dir="ltr">2017-07-10</span>' in html
    assert 'كيه.إتش-<span dir="ltr">101</span>.' in html  # the full stop stays outside


def test_arabic_runs_in_english_are_isolated_without_their_quote_marks():
    html = rtl_runs("marker «ميدانياً» → battlefield")
    assert html == 'marker «<span lang="ar" dir="rtl">ميدانياً</span>» → battlefield'


def test_filters_escape_markup():
    assert ltr_runs("<script> نص").startswith('&lt;<span dir="ltr">script</span>&gt;')
    assert rtl_runs("<b>x</b> نص").startswith("&lt;b&gt;x&lt;/b&gt;")


def test_fetcher_allows_data_and_files_under_its_roots(tmp_path):
    (tmp_path / "ok.css").write_text("p {}")
    fetcher = BriefURLFetcher([tmp_path])
    assert fetcher.fetch("data:text/plain,hi").read() == b"hi"
    assert fetcher.fetch((tmp_path / "ok.css").as_uri()).read() == b"p {}"


@pytest.mark.parametrize(
    "url", ["http://example.org/x.png", "https://example.org/", "file:///etc/passwd", "ftp://x/y"]
)
def test_fetcher_refuses_everything_else(tmp_path, url):
    with pytest.raises((BlockedURLError, ValueError)):
        BriefURLFetcher([tmp_path]).fetch(url)


def test_fetcher_refuses_escapes_through_dot_dot(tmp_path):
    inside = tmp_path / "brief"
    inside.mkdir()
    (tmp_path / "secret.txt").write_text("no")
    with pytest.raises(BlockedURLError):
        BriefURLFetcher([inside]).fetch((inside / ".." / "secret.txt").as_uri())


def test_a_failed_pdf_leaves_nothing_behind(tmp_path, monkeypatch):
    import weasyprint

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(weasyprint.Document, "write_pdf", explode)
    target = tmp_path / "out" / "r.pdf"
    with pytest.raises(RuntimeError):
        write_pdf("<p>x</p>", target, tmp_path, [tmp_path])
    assert list(target.parent.iterdir()) == []


ARTICLE = "قالت مصادر إن <script>alert(1)</script> {{ 7*7 }} اشتباكات عنيفة دارت في الرقة أمس.\n"


def test_article_text_is_data_never_markup_or_template(make_brief, tmp_path):
    root = make_brief(articles={"a.txt": ARTICLE})
    result = build_brief(root, tmp_path / "out", formats=("html",), generated=dt.date(2026, 1, 1))
    html = result.outputs[0].read_text(encoding="utf-8")
    assert "<script>" not in html
    assert '&lt;<span dir="ltr">script</span>&gt;' in html
    assert '{{ <span dir="ltr">7</span>*<span dir="ltr">7</span> }}' in html  # shown, not run
    assert "49" not in html.split("<body>")[1]


def test_a_brief_can_overlay_a_template(make_brief, tmp_path):
    root = make_brief(articles={"a.txt": ARTICLE})
    (root / "templates").mkdir()
    (root / "templates" / "cover.html.j2").write_text(
        "<header><h1>OVERLAID {{ report.brief.title_en }}</h1></header>", encoding="utf-8"
    )
    result = build_brief(root, tmp_path / "out", formats=("html",), generated=dt.date(2026, 1, 1))
    assert "OVERLAID Test brief" in result.outputs[0].read_text(encoding="utf-8")


def test_templates_are_strict_about_undefined_names(make_brief, tmp_path):
    root = make_brief(articles={"a.txt": ARTICLE})
    (root / "templates").mkdir()
    (root / "templates" / "cover.html.j2").write_text("{{ report.no_such_field }}", "utf-8")
    with pytest.raises(TemplateFailure, match=r"cover\.html\.j2:1: .*no attribute 'no_such_field'"):
        build_brief(root, tmp_path / "out", formats=("html",), generated=dt.date(2026, 1, 1))


def test_one_unreadable_article_does_not_stop_the_build(make_brief, tmp_path):
    seed = next(SEEDS.glob("004_*")).read_text(encoding="utf-8")
    root = make_brief(articles={"a.txt": seed, "b.txt": b""})
    result = build_brief(root, tmp_path / "out", formats=("html",), generated=dt.date(2026, 1, 1))
    assert result.articles == 1
    assert (
        len(result.warnings) == 1
        and "b.txt" in result.warnings[0]
        and "empty" in result.warnings[0]
    )


def test_strict_builds_fail_on_an_unreadable_article(make_brief, tmp_path):
    from sitrep.errors import ArticleError

    root = make_brief(VALID_BRIEF, articles={"a.txt": ARTICLE, "b.txt": b""})
    with pytest.raises(ArticleError):
        build_brief(
            root, tmp_path / "o", formats=("html",), generated=dt.date(2026, 1, 1), strict=True
        )


def test_templates_ship_in_the_package_data_location():
    from sitrep.report.render.html import packaged_templates

    assert (packaged_templates() / "report.html.j2").is_file()
    assert Path(packaged_templates(), "report.css").is_file()


def test_machine_translation_is_labelled_and_optional(make_brief, tmp_path):
    root = make_brief(articles={"a.txt": ARTICLE})
    plain = build_brief(root, tmp_path / "a", formats=("html",), generated=dt.date(2026, 1, 1))
    assert "Machine translation:" not in plain.outputs[0].read_text(encoding="utf-8")
    translated = build_brief(
        root,
        tmp_path / "b",
        formats=("html",),
        generated=dt.date(2026, 1, 1),
        translator=lambda text: f"EN<{len(text)}>",
    )
    html = translated.outputs[0].read_text(encoding="utf-8")
    assert '<span class="machine-label">Machine translation:</span> EN&lt;' in html
    assert "translate" in dict(translated.timings)


def test_translate_without_a_model_says_how_to_get_one(capsys, monkeypatch):
    import builtins

    from sitrep.cli import main

    real_import = builtins.__import__

    def no_argos(name, *args, **kwargs):
        if name.startswith("argostranslate"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_argos)
    assert main(["build", "--translate", "--briefs-dir", "briefs"]) == 1
    assert "pip install argostranslate" in capsys.readouterr().err


def test_an_article_without_body_text_is_reported(make_brief, tmp_path):
    root = make_brief(
        articles={"a.txt": ARTICLE, "b.txt": "عنوان فقط\n", "c.txt": "تويتر\nEmail\n"}
    )
    result = build_brief(root, tmp_path / "o", formats=("html",), generated=dt.date(2026, 1, 1))
    assert result.articles == 3
    assert sorted(w.split(": ")[0].rsplit("/", 1)[1] for w in result.warnings) == ["b.txt", "c.txt"]
    assert all("no body text" in w for w in result.warnings)


def test_a_failed_pdf_keeps_the_previous_html_and_pdf_a_matching_set(
    make_brief, tmp_path, monkeypatch
):
    import sitrep.build

    root = make_brief(articles={"a.txt": ARTICLE})
    out = tmp_path / "out"
    first = build_brief(root, out, generated=dt.date(2026, 1, 1))
    before = {p.name: p.read_bytes() for p in first.outputs}
    (root / "articles" / "b.txt").write_text(ARTICLE.replace("الرقة", "حلب"), "utf-8")

    def explode(html, path, **kwargs):
        path.write_bytes(b"%PDF-half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sitrep.build, "render_pdf", explode)
    with pytest.raises(OSError, match="No space left"):
        build_brief(root, out, generated=dt.date(2026, 1, 1))
    folder = out / "test-brief"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no temp files either


def test_sigterm_during_the_pdf_leaves_no_temporary_files(make_brief, tmp_path):
    import signal
    import subprocess
    import sys
    import time

    root = make_brief(articles={"a.txt": ARTICLE})
    out = tmp_path / "out"
    script = (
        "import sys, time, sitrep.build, sitrep.cli\n"
        "def slow(html, path, **kw):\n"
        "    path.write_bytes(b'%PDF-partial'); print('rendering', flush=True); time.sleep(60)\n"
        "sitrep.build.render_pdf = slow\n"
        f"sys.exit(sitrep.cli.main(['build', {str(root)!r}, '--out', {str(out)!r}]))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    started = time.monotonic()
    while "rendering" not in process.stdout.readline() and time.monotonic() - started < 60:
        pass
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 130
    assert "sitrep: interrupted" in process.stderr.read()
    assert list((out / "test-brief").iterdir()) == []
