"""Build one brief: the whole pipeline, top to bottom.

config → ingest → segment → classify → extract → group → render HTML → render PDF.
Each stage is a pure function over frozen dataclasses; this module only wires them together,
times them and writes the outputs atomically.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path

from sitrep.analysis.classify import Lexicon, classify, lexicon_for
from sitrep.analysis.extract import extract
from sitrep.config import load_brief_reporting
from sitrep.errors import ArticleError, SitrepError
from sitrep.model import Analysed, Article, BriefConfig, Report
from sitrep.reading.ingest import list_articles, read_article
from sitrep.reading.segment import segment
from sitrep.report.group import build_report
from sitrep.report.render.html import render_html_warning, template_dirs
from sitrep.report.render.pdf import publish, render_pdf, reproducible_fonts
from sitrep.report.translate import Translator

FORMATS = ("html", "pdf")
ARTICLES_DIR = "articles"
Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    name: str
    outputs: tuple[Path, ...]
    articles: int
    sentences: int
    warnings: tuple[str, ...]
    timings: tuple[tuple[str, float], ...]


def build_brief(
    root: Path,
    out_dir: Path,
    *,
    formats: tuple[str, ...] = FORMATS,
    generated: dt.date,
    strict: bool = False,
    progress: Progress = lambda message: None,
    translator: Translator | None = None,
    warnings: list[str] | None = None,
) -> BuildResult:
    """Build ``root`` (a brief folder) into ``out_dir/<name>/<name>.{html,pdf}``.

    Warnings are appended to ``warnings`` (when given) as they are found, so a caller still
    has them when the build then fails. An existing output of a format not built now (the PDF
    of ``--format html``) that is older than this build is removed, with a warning, so the
    published outputs are always a matching set."""
    started = time.time()
    warnings = [] if warnings is None else warnings
    timings: list[tuple[str, float]] = []
    with _timed("config", timings):
        brief, config_warnings = load_brief_reporting(root)
        warnings += config_warnings
    with _timed("ingest", timings):
        articles, _ = read_articles(
            root / ARTICLES_DIR,
            strict=strict,
            progress=Every(progress, f"{brief.name}: reading"),
            inside=root,
            warnings=warnings,
        )
    articles, outside = within_period(articles, brief)
    warnings += outside
    progress(f"{brief.name}: {len(articles)} articles read")
    with _timed("segment", timings):
        sentences = {a.ref: segment(a) for a in articles}
    lexicon = lexicon_for(brief)
    with _timed("classify", timings):
        tick = Every(progress, f"{brief.name}: classifying")
        classes = {}
        for index, article in enumerate(articles):
            tick(index, len(articles))
            classes[article.ref] = classify(sentences[article.ref], lexicon, article.title)
    with _timed("extract", timings):
        tick = Every(progress, f"{brief.name}: extracting")
        analysed = []
        for index, article in enumerate(articles):
            tick(index, len(articles))
            pairs = zip(sentences[article.ref], classes[article.ref], strict=True)
            analysed += [_analyse(sentence, label, article, lexicon) for sentence, label in pairs]
    with _timed("group", timings):
        report = build_report(brief, articles, analysed, generated)
    if translator is not None:
        progress(f"{brief.name}: machine-translating {len(analysed)} sentences")
        with _timed("translate", timings):
            report = translate_report(report, translator)
    target = out_dir / brief.name
    outputs: list[Path] = []
    with _timed("html", timings):
        html, refused = render_html_warning(report)
        if refused and strict:
            warnings += refused[1:]
            raise SitrepError(refused[0])
        warnings += refused
    with staged_outputs() as stage:
        for other in FORMATS:
            if other not in formats:
                stage.retire(target / f"{brief.name}.{other}", older_than=started)
        if "html" in formats:
            outputs.append(stage.write_text(target / f"{brief.name}.html", html))
        if "pdf" in formats:
            progress(f"{brief.name}: rendering PDF")
            if not reproducible_fonts():
                warnings.append(NO_HARFBUZZ_SUBSET)
            with _timed("pdf", timings):
                pdf = stage.reserve(target / f"{brief.name}.pdf")
                render_pdf(html, pdf, base_dir=root.resolve(), roots=[root, *template_dirs(root)])
                outputs.append(target / f"{brief.name}.pdf")
    warnings += [_retired_warning(path, formats) for path in stage.retired]
    return BuildResult(
        brief.name, tuple(outputs), len(articles), len(analysed), tuple(warnings), tuple(timings)
    )


def within_period(articles: list[Article], brief: BriefConfig) -> tuple[list[Article], list[str]]:
    """The articles to build from, and a warning for each one published outside the brief's
    period (left out when the brief says ``leave_out_of_period = true``, else kept)."""
    kept: list[Article] = []
    warnings: list[str] = []
    for article in articles:
        day = article.published
        if day is None or brief.period_start <= day <= brief.period_end:
            kept.append(article)
            continue
        what = "left out" if brief.leave_out_of_period else "kept (leave_out_of_period = false)"
        warnings.append(
            f"{article.path}: published {day.isoformat()}, outside the brief's period "
            f"{brief.period_start.isoformat()} – {brief.period_end.isoformat()}; {what}"
        )
        if not brief.leave_out_of_period:
            kept.append(article)
    return kept, warnings


class Every:
    """Calls ``progress`` with ``label i/n`` at most every ``seconds``, so that only long
    stages (thousands of articles, a huge file) print anything."""

    def __init__(self, progress: Progress, label: str, seconds: float = 2.0) -> None:
        self.progress, self.label, self.seconds = progress, label, seconds
        self.last = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last >= self.seconds:
            self.last = now
            self.progress(f"{self.label} {done}/{total} articles")


def read_articles(
    folder: Path,
    *,
    strict: bool,
    progress: Callable[[int, int], None] = lambda i, n: None,
    inside: Path | None = None,
    warnings: list[str] | None = None,
) -> tuple[list[Article], list[str]]:
    """Every readable article of ``folder``; unreadable ones, and files that resolve outside
    ``inside`` (the brief), become warnings (errors if strict), appended to ``warnings`` as
    they are found (so they are not lost when no article is readable) and returned."""
    if not folder.is_dir():
        raise SitrepError(f"{folder}: no articles folder (put article files in {folder})")
    articles: list[Article] = []
    warnings = [] if warnings is None else warnings
    paths = list_articles(folder)
    for index, (path, ref) in enumerate(zip(paths, article_refs(paths), strict=True)):
        progress(index, len(paths))
        try:
            article = read_article(path, ref, inside)
        except ArticleError as exc:
            if strict:
                raise
            warnings.append(str(exc))
            continue
        articles.append(article)
        if not article.blocks:
            warnings.append(
                f"{path}: no body text (only a headline, captions or page debris);"
                " nothing to report from it"
            )
    if not articles:
        raise SitrepError(f"{folder}: no readable articles (.txt, .md, .html)")
    return articles, warnings


def translate_report(report: Report, translator: Translator) -> Report:
    """Add a labelled machine translation to every item (``--translate``)."""
    sections = tuple(
        replace(
            section,
            items=tuple(
                replace(item, machine=translator(item.primary.sentence.text))
                for item in section.items
            ),
        )
        for section in report.sections
    )
    return replace(report, sections=sections)


def article_refs(paths: list[Path]) -> list[str]:
    """Short references: the files' own number prefixes (``007_x.txt`` → 007) when every file
    has a distinct one, else positions 001, 002, … in name order."""
    prefixes = [re.match(r"^(\d{1,6})(?=[_\-. ])", p.name) for p in paths]
    numbers = [int(m[1]) for m in prefixes if m]
    if len(numbers) == len(paths) and len(set(numbers)) == len(numbers):
        return [f"{n:03d}" for n in numbers]
    return [f"{i:03d}" for i in range(1, len(paths) + 1)]


def analyse_article(article: Article, lexicon: Lexicon) -> list[Analysed]:
    """segment → classify → extract for one article (what ``sitrep inspect`` shows)."""
    sentences = segment(article)
    labels = classify(sentences, lexicon, article.title)
    return [
        _analyse(s, label, article, lexicon) for s, label in zip(sentences, labels, strict=True)
    ]


def _analyse(sentence, label, article: Article, lexicon: Lexicon) -> Analysed:
    extracted = extract(sentence.text, article.published, lexicon.names)
    return Analysed(sentence, label, extracted.facts, extracted.source)


NO_HARFBUZZ_SUBSET = (
    "libharfbuzz-subset0 is not installed: PDF fonts are subset another way and two builds of"
    " the same brief may differ (apt-get install libharfbuzz-subset0)"
)


def _retired_warning(path: Path, formats: tuple[str, ...]) -> str:
    built = ", ".join(formats)
    return (
        f"{path}: removed: an older {path.suffix[1:].upper()} from an earlier build, which would"
        f" no longer match the {built.upper()} built now (--format {built})"
    )


class Stage:
    """Temporary files beside their targets (see ``staged_outputs``), and older outputs to
    remove when they are published."""

    def __init__(self) -> None:
        self.files: dict[Path, str] = {}
        self.stale: dict[Path, float] = {}
        self.retired: list[Path] = []

    def retire(self, target: Path, older_than: float) -> None:
        """Remove ``target`` on publishing, if it is a file last written before ``older_than``
        (a file written meanwhile, by another build, is left alone)."""
        self.stale[target] = older_than

    def reserve(self, target: Path) -> Path:
        """A new empty temporary file in ``target``'s folder, published as ``target``."""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        except OSError as exc:
            raise SitrepError(f"{target.parent}: cannot write there: {exc.strerror}") from exc
        os.close(handle)
        self.files[target] = temporary
        return Path(temporary)

    def write_text(self, target: Path, text: str) -> Path:
        path = self.reserve(target)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise SitrepError(f"{target}: cannot write: {exc.strerror}") from exc
        return target

    def stale_outputs(self) -> list[Path]:
        """The outputs to remove: files last written before their build started."""
        stale = []
        for target, started in self.stale.items():
            try:
                if target.is_file() and target.stat().st_mtime < started:
                    stale.append(target)
            except OSError:
                continue
        return stale

    def publish_all(self) -> None:
        """Move the older outputs aside, the new ones into place, then delete the older ones;
        on any failure, put everything back as it was (a matching set)."""
        stale = self.stale_outputs()
        aside: list[tuple[Path, str]] = []
        published: list[Path] = []
        try:
            for target in [*stale, *(t for t in self.files if t.is_file())]:
                aside.append((target, _move_aside(target)))
            for target, temporary in self.files.items():
                publish(temporary, target)
                published.append(target)
        except BaseException:
            _put_back(published, aside)
            raise
        for _, backup in aside:
            _remove_quietly(backup)
        self.retired = stale


def _move_aside(target: Path) -> str:
    """Rename ``target`` to a new temporary name beside it; return that name."""
    try:
        handle, backup = tempfile.mkstemp(prefix=f".{target.name}.old.", dir=target.parent)
        os.close(handle)
        os.replace(target, backup)
    except OSError as exc:
        raise SitrepError(f"{target}: cannot replace the older output: {exc.strerror}") from exc
    return backup


def _put_back(published: list[Path], aside: list[tuple[Path, str]]) -> None:
    for target in published:
        _remove_quietly(str(target))
    for target, backup in reversed(aside):
        os.replace(backup, target)


def _remove_quietly(path: str) -> None:
    with suppress(FileNotFoundError):
        os.unlink(path)


@contextmanager
def staged_outputs() -> Iterator[Stage]:
    """Outputs published together or not at all: each is written to a temporary file, and
    all are renamed into place only when the block ends without error (older outputs that
    would not match them, see ``Stage.retire``, are removed then); on any failure (or SIGTERM,
    which the CLI turns into an exception) the temporary files are deleted and the previous
    outputs stay as they were, a matching set."""
    stage = Stage()
    try:
        yield stage
        for target in stage.files:
            if target.is_dir():
                raise SitrepError(f"{target}: is a folder; cannot write the report there")
        stage.publish_all()
    finally:
        for temporary in stage.files.values():
            if os.path.exists(temporary):
                os.unlink(temporary)


def write_text_atomically(path: Path, text: str) -> Path:
    """Write ``text`` to a temporary file beside ``path`` and move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        publish(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path


@contextmanager
def _timed(stage: str, timings: list[tuple[str, float]]) -> Iterator[None]:
    start = time.perf_counter()
    yield
    timings.append((stage, time.perf_counter() - start))
