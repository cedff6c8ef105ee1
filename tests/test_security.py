"""The threat model of docs/security.md: a brief, its articles and its template overlays may
come from someone else; nothing they contain may read local files, run code or inject links."""

import datetime as dt
import os
from pathlib import Path

import pytest

from sitrep.build import build_brief
from sitrep.errors import SitrepError, TemplateFailure

GENERATED = dt.date(2026, 1, 1)
ARTICLE = "أعلنت وزارة الخارجية الروسية أن المحادثات ستبدأ في جنيف الأسبوع المقبل بحضور الوفود.\n"


def build_html(root: Path, out: Path, **kwargs):
    return build_brief(root, out, formats=("html",), generated=GENERATED, **kwargs)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the brief that must never reach a report."""
    path = tmp_path / "secret.txt"
    path.write_text("TOKEN=hunter2 " + ARTICLE, encoding="utf-8")
    return path


def test_an_article_link_outside_the_brief_is_refused_with_a_warning(make_brief, tmp_path, secret):
    root = make_brief(articles={"a.txt": ARTICLE})
    (root / "articles" / "b.txt").symlink_to(secret)
    result = build_html(root, tmp_path / "out")
    html = result.outputs[0].read_text(encoding="utf-8")
    assert "hunter2" not in html and result.articles == 1
    assert result.warnings == (
        f"{root / 'articles' / 'b.txt'}: cannot read article: a link to a file outside the"
        " brief folder; refused",
    )
    with pytest.raises(SitrepError, match="outside the brief folder"):
        build_html(root, tmp_path / "strict", strict=True)


def test_a_link_inside_the_brief_is_read(make_brief, tmp_path):
    root = make_brief(articles={"a.txt": ARTICLE})
    (root / "notes.txt").write_text(ARTICLE.replace("جنيف", "أستانا"), encoding="utf-8")
    (root / "articles" / "b.txt").symlink_to(root / "notes.txt")
    assert build_html(root, tmp_path / "out").articles == 2


def test_an_articles_folder_that_links_outside_is_refused(make_brief, tmp_path, secret):
    root = make_brief(articles={})
    (root / "articles").rmdir()
    (root / "articles").symlink_to(secret.parent)
    with pytest.raises(SitrepError, match="no readable articles"):
        build_html(root, tmp_path / "out")


def test_a_pipe_in_the_articles_folder_is_refused_not_read(make_brief, tmp_path):
    root = make_brief(articles={"a.txt": ARTICLE})
    os.mkfifo(root / "articles" / "b.txt")  # reading it would block the build forever
    result = build_html(root, tmp_path / "out")
    assert result.warnings == (
        f"{root / 'articles' / 'b.txt'}: cannot read article: not a regular file (a device,"
        " pipe or folder); refused",
    )


@pytest.mark.parametrize(
    "payload",
    [
        '{{ cycler.__init__.__globals__.os.popen("echo RAN > ran.txt").read() }}',
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ self._TemplateReference__context }}{{ lipsum.__globals__['os'].getcwd() }}",
    ],
)
def test_template_overlays_cannot_run_code(make_brief, tmp_path, monkeypatch, payload):
    root = make_brief(articles={"a.txt": ARTICLE})
    (root / "templates").mkdir()
    (root / "templates" / "cover.html.j2").write_text(payload, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TemplateFailure, match=r"cover\.html\.j2:1: template error: .*unsafe"):
        build_html(root, tmp_path / "out")
    assert not (tmp_path / "ran.txt").exists()


def test_a_template_overlay_cannot_include_a_file_outside(make_brief, tmp_path, secret):
    root = make_brief(articles={"a.txt": ARTICLE})
    (root / "templates").mkdir()
    (root / "templates" / "cover.html.j2").write_text('{% include "s.j2" %}', encoding="utf-8")
    (root / "templates" / "s.j2").symlink_to(secret)
    with pytest.raises(TemplateFailure, match=r"template 's\.j2' not found \(or refused\)"):
        build_html(root, tmp_path / "out")


def test_an_overlay_linking_outside_is_replaced_by_the_packaged_template(
    make_brief, tmp_path, secret
):
    root = make_brief(articles={"a.txt": ARTICLE})
    (root / "templates").mkdir()
    (root / "templates" / "cover.html.j2").symlink_to(secret)
    result = build_html(root, tmp_path / "out")
    assert "hunter2" not in result.outputs[0].read_text(encoding="utf-8")
    assert result.warnings == (
        f"{root / 'templates' / 'cover.html.j2'}: template resolves outside"
        f" {root / 'templates'}; refused, the packaged template is used",
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:msgbox(1)",
        "https://example.org/a\" onmouseover=\"alert(1)",
        "//evil.example/x",
    ],
)
def test_only_http_urls_become_links(make_brief, tmp_path, url):
    root = make_brief(articles={"a.md": f"+++\nurl = {url!r}\n+++\n" + ARTICLE})
    formats = ("html", "pdf") if url == "javascript:alert(1)" else ("html",)  # PDFs are slow
    result = build_brief(root, tmp_path / "out", formats=formats, generated=GENERATED)
    html = result.outputs[0].read_text(encoding="utf-8")
    sources = html.split('id="sources"')[1]
    assert "<a href" not in sources
    if "pdf" in formats:
        assert pdf_link_actions(result.outputs[1]) == []


def test_an_http_url_is_a_link_in_html_and_pdf(make_brief, tmp_path):
    root = make_brief(articles={"a.md": '+++\nurl = "https://example.org/a?b=1"\n+++\n' + ARTICLE})
    result = build_brief(root, tmp_path / "out", generated=GENERATED)
    assert '<a href="https://example.org/a?b=1">' in result.outputs[0].read_text(encoding="utf-8")
    assert pdf_link_actions(result.outputs[1]) == [("/URI", "https://example.org/a?b=1")]


def pdf_link_actions(pdf: Path) -> list[tuple[str, str]]:
    """(action type, URI or script) of every link annotation that leaves the document."""
    from pypdf import PdfReader

    found = []
    for page in PdfReader(pdf).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and action.get("/S") != "/GoTo":
                found.append((action["/S"], str(action.get("/URI") or action.get("/JS"))))
    return found


def test_a_refused_url_is_listed_as_removed(tmp_path):
    from sitrep.reading.ingest import read_article

    path = tmp_path / "a.md"
    path.write_text('+++\nurl = "javascript:alert(1)"\n+++\n' + ARTICLE, encoding="utf-8")
    article = read_article(path, "001")
    assert article.url is None
    assert [(r.text, r.reason, r.line) for r in article.removed] == [
        ("javascript:alert(1)", "url that is not http(s): not linked", 2)
    ]
