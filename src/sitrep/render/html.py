"""Render a Report to one self-contained HTML file with Jinja2.

Templates come from the brief's own ``templates/`` folder first (an overlay), then from the
packaged ``templates/``. Autoescape is on and undefined names are errors (StrictUndefined).
Article text is only ever passed as data, never compiled as a template.
"""

from __future__ import annotations

import traceback
from importlib.resources import files
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    select_autoescape,
)
from markupsafe import Markup

from sitrep import __version__
from sitrep.errors import TemplateFailure
from sitrep.model import Report
from sitrep.render.fonts import FAMILY, font_faces
from sitrep.render.isolate import ltr_runs, rtl_runs

TEMPLATE = "report.html.j2"


def packaged_templates() -> Path:
    """The packaged templates (in a wheel), or the repository's ``templates/`` (source tree)."""
    installed = Path(str(files("sitrep"))) / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / "templates"


def template_dirs(brief_root: Path) -> list[Path]:
    overlay = brief_root / "templates"
    return [d for d in (overlay, packaged_templates()) if d.is_dir()]


def environment(brief_root: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader([str(d) for d in template_dirs(brief_root)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["ltr_runs"] = ltr_runs
    env.filters["rtl_runs"] = rtl_runs
    return env


def render_html(report: Report) -> str:
    """The complete HTML document of ``report``, fonts embedded."""
    try:
        template = environment(report.brief.root).get_template(TEMPLATE)
        context = {"report": report, "font_family": FAMILY, "version": __version__}
        draft = template.render(font_css=Markup(""), **context)
        css = Markup("\n".join(face.css for face in font_faces(draft)))
        return template.render(font_css=css, **context)
    except TemplateError as exc:
        raise TemplateFailure(_template_location(exc), _first_line(exc)) from exc


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
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return text.splitlines()[0]
