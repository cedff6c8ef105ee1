"""Render a Report to one self-contained HTML file with Jinja2.

Templates come from the brief's own ``templates/`` folder first (an overlay), then from the
packaged ``templates/``. Autoescape is on and undefined names are errors (StrictUndefined).
Article text is only ever passed as data, never compiled as a template.

Overlays may come from someone else (docs/security.md): templates render in Jinja's
``SandboxedEnvironment`` (no access to Python internals, so no code runs), and a template file
that resolves outside its folder (a link to ``/etc/passwd``) is refused with a warning and
the packaged template is used instead. The final HTML may not carry active content
(``<script>``, ``on*=`` handlers, ``javascript:`` URLs): it is removed, with a warning naming
the overlay that put it there (``render/active.py``).
"""

from __future__ import annotations

import traceback
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    select_autoescape,
)
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from sitrep import __version__
from sitrep.errors import TemplateFailure
from sitrep.model import Report
from sitrep.reading.ingest import is_http_url
from sitrep.report.render.active import Finding, remove_active_content
from sitrep.report.render.fonts import FAMILY, font_faces
from sitrep.report.render.isolate import ltr_runs, rtl_runs

TEMPLATE = "report.html.j2"


def packaged_templates() -> Path:
    """The packaged templates (in a wheel), or the repository's ``templates/`` (source tree)."""
    installed = Path(str(files("sitrep"))) / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[4] / "templates"


def template_dirs(brief_root: Path) -> list[Path]:
    overlay = brief_root / "templates"
    return [d for d in (overlay, packaged_templates()) if d.is_dir()]


class ContainedLoader(BaseLoader):
    """Load a template from the first folder that has it, and only if the file resolves
    inside that folder (and the folder inside ``root``, for an overlay); refused files are
    noted in ``refused`` and the next folder is tried."""

    def __init__(self, folders: list[Path], root: Path) -> None:
        self.folders = folders
        self.root = root.resolve()
        self.refused: list[str] = []
        self.overlays: dict[str, str] = {}  # overlay file → its source

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Any]:
        for folder in self.folders:
            single = FileSystemLoader(str(folder))
            try:
                source, filename, uptodate = single.get_source(environment, template)
            except TemplateNotFound:
                continue
            if self._contained(folder, Path(filename)):
                if folder.resolve() != packaged_templates().resolve():
                    self.overlays[filename] = source
                return source, filename, uptodate
            self.refused.append(
                f"{filename}: template resolves outside {folder}; refused, the packaged"
                " template is used"
            )
        raise TemplateNotFound(template)

    def _contained(self, folder: Path, filename: Path) -> bool:
        base = folder.resolve()
        packaged = base == packaged_templates().resolve()
        if not packaged and not base.is_relative_to(self.root):
            return False
        return filename.resolve().is_relative_to(base)


def environment(brief_root: Path) -> Environment:
    env = SandboxedEnvironment(
        loader=ContainedLoader(template_dirs(brief_root), brief_root),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["ltr_runs"] = ltr_runs
    env.filters["rtl_runs"] = rtl_runs
    env.filters["http_url"] = http_url
    return env


def http_url(url: str | None) -> str:
    """``url`` when it is an absolute http(s) URL, else "" (no ``javascript:`` links)."""
    return url if url and is_http_url(url) else ""


def render_html(report: Report) -> str:
    """The complete HTML document of ``report``, fonts embedded."""
    return render_html_warning(report)[0]


def render_html_warning(report: Report) -> tuple[str, tuple[str, ...]]:
    """The HTML document and the warnings about refused template files."""
    env = environment(report.brief.root)
    try:
        template = env.get_template(TEMPLATE)
        context = {"report": report, "font_family": FAMILY, "version": __version__}
        draft = template.render(font_css=Markup(""), **context)
        css = Markup("\n".join(face.css for face in font_faces(draft)))
        html = template.render(font_css=css, **context)
    except TemplateError as exc:
        raise TemplateFailure(_template_location(exc), _first_line(exc)) from exc
    loader = env.loader
    assert isinstance(loader, ContainedLoader)
    html, findings = remove_active_content(html, rewrite=bool(loader.overlays))
    refused = loader.refused + active_content_warnings(findings, loader.overlays)
    return html, tuple(dict.fromkeys(refused))


def active_content_warnings(findings: tuple[Finding, ...], overlays: dict[str, str]) -> list[str]:
    """One warning per overlay that put active content into the HTML: each finding is blamed
    on the overlays whose source mentions it (all overlays used when none does)."""
    blamed: dict[str, list[str]] = {}
    for finding in findings:
        marker = finding.marker.lower()
        sources = [f for f, text in overlays.items() if marker in text.lower()] or list(overlays)
        for filename in sources or ["the packaged templates"]:
            blamed.setdefault(filename, []).append(finding.what)
    return [
        f"{filename}: template overlay put active content into the HTML, removed from the"
        f" published report: {', '.join(dict.fromkeys(whats))}"
        for filename, whats in blamed.items()
    ]


def _template_location(exc: TemplateError) -> str:
    """``file:line`` of the template where ``exc`` happened (Jinja puts template frames, with
    their template line, into the traceback)."""
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        return f"{exc.filename}:{exc.lineno}"
    where = "templates"
    for frame, line in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename.endswith(".j2"):
            where = f"{frame.f_code.co_filename}:{line}"
    return where


def _first_line(exc: Exception) -> str:
    if isinstance(exc, TemplateNotFound):
        return f"template {exc.name!r} not found (or refused) in the brief's templates/ folder"
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return text.splitlines()[0]
