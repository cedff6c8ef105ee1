"""Command line: ``sitrep build`` and ``sitrep inspect``. Thin over the API.

Errors are one line on stderr and a non-zero exit; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sitrep import __version__
from sitrep.analysis.classify import build_lexicon, default_lexicon, lexicon_for
from sitrep.build import (
    ARTICLES_DIR,
    FORMATS,
    analyse_article,
    article_refs,
    build_brief,
    write_text_atomically,
)
from sitrep.config import CONFIG_NAME, find_brief, list_briefs, load_brief
from sitrep.errors import ArticleError, SitrepError, shown
from sitrep.inspect_view import article_record, json_line, terminal_view
from sitrep.knowledge.resources import lexicon_rows
from sitrep.knowledge.stem_model import model_to_json
from sitrep.reading.ingest import ARTICLE_SUFFIXES, list_articles, read_article
from sitrep.report.translate import offline_translator
from sitrep.training.entities import (
    format_entities,
    is_entity_gold,
    read_entity_gold,
    score_entities,
)
from sitrep.training.evaluate import (
    breakdown,
    format_fact_misses,
    format_facts,
    format_misses,
    format_scores,
    score,
    score_facts,
)
from sitrep.training.gold import gold_parts, read_gold
from sitrep.training.train import train, training_examples, training_parts

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_PIPE = 141  # 128 + SIGPIPE, as for other tools whose reader closed the pipe

DESCRIPTION = """\
Turn raw Arabic news articles into a bilingual (English + Arabic) situation report.

A brief is a folder with a brief.toml and an articles/ folder of .txt/.md files:
  briefs/<name>/brief.toml
  briefs/<name>/articles/*.txt
`sitrep build` writes output/<name>/<name>.html and output/<name>/<name>.pdf."""

BUILD_EPILOG = """\
examples:
  sitrep build                          every brief under ./briefs into ./output
  sitrep build briefs/astana-2017       one brief
  sitrep build astana-2017 --format html --out /tmp/out --timings

The generation date shown in the report is today, or SOURCE_DATE_EPOCH when it is set."""

EVAL_EPILOG = """\
examples:
  sitrep eval eval/real/dev --by outlet  real articles: sections, figures, dates, per outlet
  sitrep eval eval/real/dev --errors 20  with the misses listed
  sitrep eval eval/gold                 the imitation set, every part and the total
  sitrep eval eval/entities/dev          names: English-name recall and precision per type, front

Real gold (eval/real/, the truth) is JSON Lines: one article per file, a sentence a line, with
its section, figures and dates (eval/real/RULES.md); entity gold (eval/entities/) has the names
of each sentence instead (eval/entities/RULES.md). The older imitation gold is .tsv:
"title<TAB>headline", then "label<TAB>sentence" lines. Held-out parts (heldout*) are measured
once per round; see eval/README.md."""

TRAIN_EPILOG = """\
examples:
  sitrep train eval/real eval/gold --out src/sitrep/data/stem_model.json

Trains on every part of GOLD except held-out ones (heldout, heldout-*; never used for
training) and writes the model as JSON. Needs scikit-learn: pip install 'sitrep[train]'. The
model reads each sentence's words, its neighbours', the headline's and the article's, and the
rule cues' scores; see eval/README.md for how it was chosen and what it scores on fresh text."""

INSPECT_EPILOG = """\
examples:
  sitrep inspect briefs/astana-2017/articles/000_7d854960c5eeb0b2.txt
  sitrep inspect briefs/astana-2017 --json | jq .title
  sitrep inspect article.txt --no-shape     (for terminals that shape Arabic themselves)"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.ERROR, format="%(name)s: %(message)s"
    )
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    previous = _on_sigterm(_terminated)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("sitrep: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _closed_pipe()
    except Exception as exc:
        if args.debug:
            raise
        print(f"sitrep: error: {one_line(exc)}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        _on_sigterm(previous)


def _on_sigterm(handler: Any) -> Any:
    """Install ``handler`` for SIGTERM (only the main thread can); return the previous one."""
    try:
        return signal.signal(signal.SIGTERM, handler)
    except (ValueError, TypeError):
        return None


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so temporary output files are deleted on the way out."""
    raise KeyboardInterrupt


def one_line(exc: BaseException) -> str:
    """What went wrong, as one line: the project's own errors as they are, a file-system error
    with its file, a template error with its file and line, anything else with a hint."""
    if isinstance(exc, SitrepError):
        return _single(str(exc))
    if isinstance(exc, OSError):
        where = f"{shown(exc.filename)}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    if isinstance(exc, MemoryError):
        return "out of memory"
    name = type(exc).__name__
    return _single(f"unexpected {name}: {exc} (run `sitrep --debug ...` for the traceback)")


def _single(text: str) -> str:
    return " ".join(text.split()) if "\n" in text else text


def _closed_pipe() -> int:
    """The reader of our output went away (``sitrep inspect … | head``): stop quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_PIPE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and library logs")
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser(
        "build",
        parents=[debug],
        help="build briefs into HTML and PDF reports",
        epilog=BUILD_EPILOG,
        description="Build one or more briefs into output/<name>/<name>.{html,pdf}.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument(
        "briefs",
        nargs="*",
        metavar="BRIEF",
        help="brief folder or name under --briefs-dir (default: every brief)",
    )
    build.add_argument(
        "--format",
        default="html,pdf",
        type=_formats,
        help="comma-separated output formats: html, pdf (default: html,pdf)",
    )
    build.add_argument(
        "--out", type=Path, default=Path("output"), help="output folder (default: ./output)"
    )
    build.add_argument(
        "--briefs-dir",
        type=Path,
        default=Path("briefs"),
        help="where brief names are looked up (default: ./briefs)",
    )
    build.add_argument("--timings", action="store_true", help="print the time of each stage")
    build.add_argument(
        "--translate",
        action="store_true",
        help="add a labelled machine translation of every item (needs an offline "
        "argostranslate ar→en model; never downloads)",
    )
    build.add_argument(
        "--strict",
        action="store_true",
        help="fail on an unreadable or refused article instead of skipping it with a warning",
    )
    build.set_defaults(run=_run_build)

    inspect = commands.add_parser(
        "inspect",
        parents=[debug],
        help="show how articles are parsed, classified and extracted",
        epilog=INSPECT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Parse article files (or every article of a folder) and show the result.",
    )
    inspect.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="article file, articles folder or brief folder",
    )
    inspect.add_argument(
        "--json", action="store_true", help="print JSON Lines, one object per article"
    )
    inspect.add_argument(
        "--no-shape",
        action="store_true",
        help="print Arabic in logical order, unshaped (for bidi-capable terminals)",
    )
    inspect.set_defaults(run=_run_inspect)

    evaluate = commands.add_parser(
        "eval",
        parents=[debug],
        help="score the classifier on a hand-labelled gold set",
        epilog=EVAL_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Print accuracy, per-class precision/recall/F1 and the confusion matrix.",
    )
    evaluate.add_argument(
        "gold",
        type=Path,
        metavar="GOLD",
        help="gold .tsv file or folder (subfolders are scored as parts)",
    )
    evaluate.add_argument(
        "--brief",
        metavar="BRIEF",
        help="use this brief's [lexicon] additions (brief folder or name)",
    )
    evaluate.add_argument("--briefs-dir", type=Path, default=Path("briefs"), help=argparse.SUPPRESS)
    evaluate.add_argument(
        "--by",
        choices=("outlet", "front", "topic"),
        help="real gold only: also break sections and casualty figures down by this",
    )
    evaluate.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="also list up to N misclassified sentences per part, with reasons",
    )
    evaluate.add_argument(
        "--no-model",
        action="store_true",
        help="score the rule cues alone, without the section model",
    )
    evaluate.set_defaults(run=_run_eval)

    trainer = commands.add_parser(
        "train",
        parents=[debug],
        help="retrain the section model from a gold set",
        epilog=TRAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Fit the classifier's section model (logistic regression over words, their "
        "context and the rule scores) on labelled "
        "sentences.",
    )
    trainer.add_argument(
        "gold", type=Path, nargs="+", metavar="GOLD", help="gold folders (parts as in eval)"
    )
    trainer.add_argument(
        "--out",
        type=Path,
        default=Path("stem_model.json"),
        metavar="PATH",
        help="where to write the model (default: ./stem_model.json)",
    )
    trainer.add_argument(
        "-C",
        dest="c",
        type=float,
        default=0.5,
        metavar="C",
        help="inverse L2 regularisation strength (default: 0.5)",
    )
    trainer.set_defaults(run=_run_train)
    return parser


def _run_train(args: argparse.Namespace) -> int:
    parts = training_parts(*args.gold)
    labelled = training_examples(parts, build_lexicon(lexicon_rows()))
    model = train(labelled, parts, c=args.c)
    write_text_atomically(args.out, model_to_json(model))
    print(
        f"trained on {model.sentences} sentences ({', '.join(model.trained_on)}); "
        f"{len(model.weights)} features; wrote {args.out}"
    )
    return 0


def _run_eval(args: argparse.Namespace) -> int:
    lexicon = default_lexicon()
    if args.brief:
        lexicon = lexicon_for(load_brief(find_brief(args.brief, args.briefs_dir)))
    if args.no_model:
        lexicon = dataclasses.replace(lexicon, model=None)
    parts = gold_parts(args.gold)
    if all(is_entity_gold(path) for files in parts.values() for path in files):
        return _eval_entities(parts, lexicon, args.errors)
    everything = []
    for name, files in parts.items():
        articles = [read_gold(path) for path in files]
        everything += articles
        scores = score(articles, lexicon)
        print(format_scores(f"{name} ({len(files)} articles)", scores))
        if args.errors:
            print(format_misses(scores, args.errors))
        real = [a for a in articles if a.labelled]
        if real:
            facts = score_facts(real)
            print(format_facts(name, facts))
            if args.errors:
                print(format_fact_misses(facts, args.errors))
            if args.by:
                print(breakdown(real, lambda a: getattr(a, args.by), lexicon))
        print()
    if len(parts) > 1:
        print(format_scores("all parts", score(everything, lexicon)))
    return 0


def _eval_entities(parts: dict[str, list[Path]], lexicon, errors: int) -> int:
    """Entity gold (eval/entities): names found with their English name, per type and front."""
    for name, files in parts.items():
        articles = [read_entity_gold(path) for path in files]
        print(format_entities(f"{name} ({len(files)} articles)", score_entities(
            articles, lexicon.names), errors))
        print()
    return 0


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    unknown = [v for v in chosen if v not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"expected a comma-separated list of {', '.join(FORMATS)}")
    return chosen


def _run_build(args: argparse.Namespace) -> int:
    roots = [find_brief(b, args.briefs_dir) for b in args.briefs] or list_briefs(args.briefs_dir)
    if not roots:
        raise SitrepError(
            f"no briefs found under {args.briefs_dir} (a brief is a folder with brief.toml)"
        )
    roots = distinct_outputs(roots, args.out)
    translator = offline_translator() if args.translate else None
    for root in roots:
        found: list[str] = []
        try:
            result = build_brief(
                root,
                args.out,
                formats=args.format,
                generated=_generation_date(),
                strict=args.strict,
                progress=_progress,
                translator=translator,
                warnings=found,
            )
        finally:
            _print_warnings(found)  # also those found before a fatal error, before its line
        print(
            f"{result.name}: {result.articles} articles, {result.sentences} sentences → "
            + ", ".join(str(p) for p in result.outputs)
        )
        if args.timings:
            for stage, seconds in result.timings:
                print(f"  {stage:<9} {seconds * 1000:8.1f} ms")
            print(f"  {'total':<9} {sum(s for _, s in result.timings) * 1000:8.1f} ms")
    return 0


def _print_warnings(warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"sitrep: warning: {_single(warning)}", file=sys.stderr)


def distinct_outputs(roots: list[Path], out: Path) -> list[Path]:
    """The briefs, each once; two different briefs that would write the same output folder
    (same folder name) are an error rather than a mix of each other's files."""
    by_name: dict[str, Path] = {}
    for root in roots:
        resolved = root.resolve()
        other = by_name.setdefault(resolved.name, resolved)
        if other != resolved:
            raise SitrepError(
                f"{other} and {resolved} would both write {out / resolved.name}:"
                " rename one of the folders or build them with different --out"
            )
    return list(by_name.values())


def _run_inspect(args: argparse.Namespace) -> int:
    found = _article_paths(args.paths)
    paths = [path for path, _ in found]
    unreadable = 0
    for (path, inside), ref in zip(found, article_refs(paths), strict=True):
        try:
            article = read_article(path, ref, inside)
        except ArticleError as exc:
            print(f"sitrep: warning: {exc}", file=sys.stderr)
            unreadable += 1
            continue
        record = article_record(article, analyse_article(article, default_lexicon()))
        print(json_line(record) if args.json else terminal_view(record, shape=not args.no_shape))
    return EXIT_ERROR if unreadable else 0


def _article_paths(paths: Sequence[Path]) -> list[tuple[Path, Path | None]]:
    """The article files to inspect, each with the folder it must resolve inside: as in
    ``sitrep build``, the brief's folder for a brief, its articles folder or a file in it;
    the folder itself for another folder; nothing for a file named outside any brief."""
    found: list[tuple[Path, Path | None]] = []
    for path in paths:
        if path.is_dir():
            folder = path / ARTICLES_DIR if (path / ARTICLES_DIR).is_dir() else path
            inside = _brief_of(folder) or folder
            found.extend((article, inside) for article in list_articles(folder))
        elif path.exists() or path.is_symlink():
            found.append((path, _brief_of(path.parent)))
        else:
            raise SitrepError(f"{path}: no such file or folder")
    if not found:
        suffixes = ", ".join(ARTICLE_SUFFIXES)
        raise SitrepError(f"no article files ({suffixes}) in {', '.join(map(str, paths))}")
    return found


def _brief_of(folder: Path) -> Path | None:
    """The brief whose articles folder ``folder`` is (by name, before following links)."""
    if folder.name == ARTICLES_DIR and (folder.parent / CONFIG_NAME).is_file():
        return folder.parent
    return None


MAX_EPOCH = 253_402_300_799  # 9999-12-31T23:59:59Z, the last second a date can show


def _generation_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        message = (
            f"SOURCE_DATE_EPOCH={epoch[:40]!r}: expected a Unix timestamp from 0 to {MAX_EPOCH}"
        )
        try:
            seconds = int(epoch)
        except ValueError as exc:
            raise SitrepError(message) from exc
        if not 0 <= seconds <= MAX_EPOCH:
            raise SitrepError(message)
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    return dt.date.today()


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
