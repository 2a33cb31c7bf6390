"""The ``zakerclean`` command (also ``python -m zakerclean``), SPEC §7.

``zakerclean clean PATH...`` turns files, folders (recursively: .md .html .htm .xml) and ``-``
(stdin) into one record per input: JSON Lines by default, a JSON array, or one Markdown / HTML /
Hexo file per input in an output folder that mirrors the input tree.  A ``.xml`` file is an RSS or
Atom feed: it gives one record per item (path ``feed.xml#N``, N from 1; files ``feed/000N.md``),
or one error record when the file is not a feed.  Exit status: 0 when every input parsed, 1 when
some failed (every record is still written), 2 on usage errors.
``zakerclean show PATH...`` prints articles for a person; ``zakerclean schema`` prints the
JSON Schema of the records ``clean`` writes (articles and errors).  Exit status 3 means an input
hit a bug in zakerclean (an ``InternalError`` record), never bad input.

Why ~340 lines: the argparse declarations of every subcommand are here, generated from
``CleanOptions`` where they are options; the work itself is in ``runners/``' other modules.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import IO, Any, get_args
from zoneinfo import ZoneInfo

from .. import __version__
from ..engine.pipeline import RULE_ORDER
from ..errors import InvalidOptionsError
from ..models import FLAGS, Article, Failure
from ..options import DEFAULT_PROXIES, CleanOptions, Sanitizer
from ..writers.records import record_schema
from .batch import ordered_map, source_name
from .dedup import DedupUsageError, RecordMarker, run_dedup
from .inputs import Input, iter_inputs
from .output import DirectoryWriter, StreamWriter, TableWriter
from .render import FILE_FORMATS, FORMATS, TABLE_FORMATS, parse_input, render
from .state import RunState, StateError, settings_digest

__all__ = ["build_parser", "main"]


class UsageError(Exception):
    """A command-line mistake: reported on stderr with exit status 2."""


# -- commands -------------------------------------------------------------------------------------


def _options(args: argparse.Namespace) -> CleanOptions:
    """The ``CleanOptions`` the cleaning flags ask for (flags left out keep the defaults)."""
    changes: dict[str, Any] = {}
    for option in dataclasses.fields(CleanOptions):
        value = getattr(args, option.name, None)
        if value is None:
            continue
        if option.name == "proxies":
            value = DEFAULT_PROXIES + tuple(value)  # --proxy adds to the defaults
        changes[option.name] = value
    try:
        return CleanOptions(**changes)
    except InvalidOptionsError as error:
        raise UsageError(str(error)) from None


def _now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"--now must be an ISO 8601 date-time, got {value!r}") from None


def _progress(total: int | None, enabled: bool) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, file=sys.stderr, unit="doc", dynamic_ncols=True)


def _summary(
    documents: int,
    failures: int,
    changes: Counter[str],
    signals: dict[str, Counter[str]] | None = None,
    skipped: int = 0,
    state: RunState | None = None,
) -> str:
    ranked = sorted(changes.items(), key=lambda item: RULE_ORDER.index(item[0]))
    rules = ", ".join(f"{rule} {count}" for rule, count in ranked)
    line = f"zakerclean: {documents} documents, {failures} failed"
    if skipped:
        line += f", {skipped} skipped"
    line += f"; changes: {rules}" if rules else ""
    if state is not None:
        line += "; " + state.summary()
    if signals:
        line += "; signals: " + "; ".join(
            f"{source} " + ", ".join(f"{name} {n}" for name, n in sorted(counts.items()))
            for source, counts in sorted(signals.items())
        )
    return line


def _skip_flags(value: str | None) -> frozenset[str]:
    """``--skip-flags deleted,placeholder``: flags of the vocabulary (SPEC §10), else a usage
    error."""
    if value is None:
        return frozenset()
    names = frozenset(part.strip() for part in value.split(",") if part.strip())
    unknown = sorted(names - set(FLAGS))
    if unknown or not names:
        raise UsageError(
            f"--skip-flags takes flags among {', '.join(FLAGS)}; "
            f"got {', '.join(unknown) or repr(value)}"
        )
    return names


def _count_signals(signals: dict[str, Counter[str]], outcome: Any) -> None:
    """Add an outcome's flags and dropped picture URLs to the per-source summary counts."""
    if not (outcome.flags or outcome.dropped_urls):
        return
    counts = signals.setdefault(outcome.source or "(no source)", Counter())
    counts.update(outcome.flags)
    if outcome.dropped_urls:
        counts["picture URL dropped"] += outcome.dropped_urls


def run_clean(args: argparse.Namespace) -> int:
    options = _options(args)
    now = _now(args.now)
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    fmt = args.format
    skip_flags = _skip_flags(args.skip_flags)
    if skip_flags and fmt in TABLE_FORMATS:
        raise UsageError(
            f"--skip-flags writes skip records; --format {fmt} has a flags column to filter on"
        )
    if fmt in FILE_FORMATS and not args.output:
        raise UsageError(f"--format {fmt} writes one file per input: give a directory with -o")
    marker = None
    if args.dedup:
        if fmt in FILE_FORMATS:
            raise UsageError(f"--dedup adds duplicate_of to records; --format {fmt} writes none")
        marker = _checked(RecordMarker, args.dedup_threshold)
    show_progress = not args.no_progress and sys.stderr.isatty()
    # Inputs stream to the workers (which read the files); only a progress bar needs the count.
    inputs: Iterable[Input] = iter_inputs(args.paths, max_bytes=options.max_bytes)
    state = _open_state(args, options, skip_flags) if args.state else None
    if state is not None:
        for note in state.notes:
            print(f"zakerclean: {note}", file=sys.stderr)
        inputs = state.select(inputs)
    total = None
    if show_progress:
        inputs = list(inputs)
        total = len(inputs)
    output_file: IO[str] | None = None
    writer: StreamWriter | DirectoryWriter | TableWriter
    if fmt in TABLE_FORMATS:
        writer = _table_writer(args.output, fmt, marker is not None)
    elif fmt in FILE_FORMATS:
        root = Path(args.output)
        if root.exists() and not root.is_dir():
            raise UsageError(f"-o {root} exists and is not a directory")
        writer = DirectoryWriter(root, FILE_FORMATS[fmt])
    else:
        if args.output and args.output != "-":
            target = Path(args.output)
            if target.is_dir():
                raise UsageError(f"-o {target} is a directory; --format {fmt} writes one file")
            target.parent.mkdir(parents=True, exist_ok=True)
            # an incremental run adds its records to those of the runs before it
            mode = "a" if state is not None and not state.fresh else "w"
            output_file = open(target, mode, encoding="utf-8")  # noqa: SIM115
        writer = StreamWriter(output_file or sys.stdout, fmt)
    bar = _progress(total, show_progress)
    documents = failures = internal = skipped = 0
    changes: Counter[str] = Counter()
    signals: dict[str, Counter[str]] = {}
    complete = False
    try:
        work = partial(
            render,
            fmt=fmt,
            options=options,
            now=now,
            dedup=marker is not None,
            tz=ZoneInfo(options.tz),
            skip_flags=skip_flags,
        )
        stop = False
        for outcomes in ordered_map(work, inputs, jobs=args.jobs):
            for outcome in outcomes:  # one per input, or one per feed item
                _count_signals(signals, outcome)
                if outcome.skipped:
                    skipped += 1
                    if isinstance(writer, DirectoryWriter):  # no file; the record on stderr
                        sys.stderr.write(outcome.payload + "\n")
                    else:
                        writer.write(outcome)
                    documents += 1
                    continue
                if isinstance(writer, DirectoryWriter):
                    outcome = writer.write(outcome)
                else:
                    writer.write(outcome if marker is None else marker.mark(outcome))
                documents += 1
                failures += not outcome.ok
                internal += outcome.internal
                for rule, count in outcome.steps:
                    changes[rule] += count
                if args.fail_fast and not outcome.ok:
                    stop = True
                    break
            if state is not None:  # only once its records are on disk is an input done
                writer.flush()
                state.done(os.fstat(output_file.fileno()).st_size if output_file else None)
            if bar is not None:
                bar.update()  # the bar counts inputs (a feed is one), the summary documents
            if stop:
                break
        writer.close()
        complete = not stop
    finally:
        if bar is not None:
            bar.close()
        size = None
        if output_file is not None:
            output_file.flush()
            size = os.fstat(output_file.fileno()).st_size
            output_file.close()
        if state is not None:
            state.finish(complete, size)
    print(_summary(documents, failures, changes, signals, skipped, state), file=sys.stderr)
    return _status(failures, internal)


def _open_state(
    args: argparse.Namespace, options: CleanOptions, skip_flags: frozenset[str]
) -> RunState:
    """The ``--state FILE`` of an incremental run, checked against the other arguments."""
    fmt = args.format
    if fmt in ("json", *TABLE_FORMATS):
        raise UsageError(
            f"--state adds each run's records to the output; --format {fmt} writes one "
            "document per run (use jsonl, md, html or hexo)"
        )
    if "-" in args.paths:
        raise UsageError("--state tracks inputs by path; stdin (-) has none")
    if args.dedup:
        raise UsageError(
            "--dedup compares all articles of a run; --state leaves the unchanged ones out"
        )
    output = Path(args.output).resolve() if args.output and args.output != "-" else None
    settings = settings_digest(
        {
            "format": fmt,
            "output": str(output) if output else "-",
            "options": dataclasses.asdict(options),
            "now": args.now,
            "skip_flags": sorted(skip_flags),
        }
    )
    try:
        return RunState.open(
            Path(args.state), settings, output if fmt not in FILE_FORMATS else None
        )
    except StateError as error:
        raise UsageError(f"--state: {error}") from None


def _table_writer(output: str | None, fmt: str, dedup: bool) -> TableWriter:
    """The CSV or Parquet writer of ``-o FILE`` (a file: a table is not a stream of lines)."""
    if not output or output == "-":
        raise UsageError(f"--format {fmt} writes one table: give a file with -o")
    target = Path(output)
    if target.is_dir():
        raise UsageError(f"-o {target} is a directory; --format {fmt} writes one file")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        return TableWriter(target, fmt, dedup=dedup)
    except ImportError as error:
        raise UsageError(str(error)) from None


def _checked(make: Any, *args: Any) -> Any:
    """``make(*args)``, with a ``DedupUsageError`` (datasketch missing) as a usage error."""
    try:
        return make(*args)
    except DedupUsageError as error:
        raise UsageError(str(error)) from None


def run_dedup_command(args: argparse.Namespace) -> int:
    """Print the groups of duplicate articles (SPEC §9) for a person."""
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    return int(_checked(run_dedup, args, _options(args), _now(args.now)))


def _status(failures: int, internal: int) -> int:
    """0 when every input parsed, 1 when some were bad input, 3 when zakerclean hit a bug."""
    if internal:
        print(
            f"zakerclean: {internal} input(s) hit a bug in zakerclean (records of type "
            "InternalError); please report it",
            file=sys.stderr,
        )
        return 3
    return 1 if failures else 0


def format_for_person(article: Article) -> str:
    """The text ``zakerclean show`` prints."""
    lines = [article.title or "(untitled)", "=" * 40]
    facts = [
        ("published", article.published.isoformat() if article.published else None),
        ("raw date", article.published_raw),
        ("source", article.source),
        ("feed", article.feed),
        ("author", article.author),
        ("url", article.url),
        ("cover", article.cover.url if article.cover else None),
        ("language", article.lang),
        ("characters", str(article.char_count)),
        ("flags", ", ".join(article.flags) or None),
        *(
            (f"{name}".replace("_", " "), value if isinstance(value, str) else "；".join(value))
            for name, value in article.credits
            if value
        ),
    ]
    lines += [f"{label:>10}: {value}" for label, value in facts if value]
    if article.images:
        lines += ["", f"images ({len(article.images)}):"]
        for image in article.images:
            size = f" {image.width}x{image.height}" if image.width and image.height else ""
            gif = " (animated)" if image.animated else ""
            lines.append(f"  - {image.url}{size}{gif}")
    if article.videos:
        lines += ["", f"videos ({len(article.videos)}):"]
        lines += [f"  - {video.url}" for video in article.videos]
    lines += ["", article.text, "", "report:"]
    lines += [f"  {rule}: {count}" for rule, count in article.report.steps] or ["  (no changes)"]
    lines += [f"  warning: {warning}" for warning in article.report.warnings]
    return "\n".join(lines) + "\n"


def run_show(args: argparse.Namespace) -> int:
    """Print every article of the inputs (files, directories, feeds' items) for a person."""
    options = _options(args)
    now = _now(args.now)
    failures = internal = shown = 0
    # a heading names each article when there can be more than one
    many = len(args.files) > 1 or any(os.path.isdir(name) for name in args.files)
    for item in iter_inputs(args.files, max_bytes=options.max_bytes):
        results = parse_input(item, options, now)
        if not results:
            print(f"zakerclean: {source_name(item.source)}: the feed has no items", file=sys.stderr)
        for label, _, result in results:
            if isinstance(result, Failure):
                failures += 1
                internal += result.is_internal
                print(
                    f"zakerclean: {label}: {result.error_type}: {result.message}", file=sys.stderr
                )
                continue
            if shown:
                sys.stdout.write("\n")
            if many or len(results) > 1:
                sys.stdout.write(f"[{label}]\n")
            sys.stdout.write(format_for_person(result))
            shown += 1
    return _status(failures, internal)


def run_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of every record ``clean`` writes (articles and errors)."""
    print(json.dumps(record_schema(), ensure_ascii=False, indent=2))
    return 0


def _add_cleaning_options(parser: argparse.ArgumentParser) -> None:
    """One flag per ``CleanOptions`` field, generated from the field: its name (``--quotes``,
    ``--no-quotes`` for a switch), its type, its help text and its default.  Nothing is
    copied, so the flags cannot drift from the options."""
    group = parser.add_argument_group("cleaning options (CleanOptions; see docs/api.md)")
    defaults = CleanOptions()
    group.add_argument("--now", help="ISO 8601 time that relative dates (3小时前) are read against")
    for option in dataclasses.fields(CleanOptions):
        flag = option.metadata.get("flag", "--" + option.name.replace("_", "-"))
        default = getattr(defaults, option.name)
        text = option.metadata["help"].replace("%", "%%")
        if isinstance(default, bool):
            group.add_argument(
                flag,
                dest=option.name,
                action=argparse.BooleanOptionalAction,
                default=None,
                help=f"{text} (default: {'on' if default else 'off'})",
            )
        elif option.name == "proxies":
            group.add_argument(flag, dest=option.name, action="append", metavar="PREFIX", help=text)
        elif option.name == "sanitizer":
            group.add_argument(
                flag,
                dest=option.name,
                choices=get_args(Sanitizer),
                help=f"{text} (default: {default})",
            )
        else:
            group.add_argument(
                flag,
                dest=option.name,
                type=int if isinstance(default, int) else str,
                metavar=option.name.upper(),
                help=f"{text} (default: {default})",
            )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zakerclean", description="Clean ZAKER news articles into typed data."
    )
    parser.add_argument("--version", action="version", version=f"zakerclean {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    clean = commands.add_parser(
        "clean", help="clean posts into JSONL, JSON or files", description=run_clean.__doc__
    )
    clean.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, directories (recursive: .md .html .htm .xml) or - for stdin",
    )
    clean.add_argument(
        "-o",
        "--output",
        help="output file (jsonl, json, csv, parquet) or directory (md, html, hexo)",
    )
    clean.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="jsonl",
        help="output format (default: %(default)s)",
    )
    clean.add_argument(
        "-j", "--jobs", type=int, default=1, help="worker processes (default: %(default)s)"
    )
    clean.add_argument(
        "--fail-fast", action="store_true", help="stop at the first input that fails"
    )
    clean.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (none is shown unless stderr is a terminal)",
    )
    clean.add_argument(
        "--state",
        metavar="FILE",
        help="incremental run: skip inputs whose bytes are unchanged since the run that wrote "
        "FILE, add the records of the others to -o, and count new/changed/unchanged/gone "
        "(see docs/cli.md)",
    )
    clean.add_argument(
        "--dedup",
        action="store_true",
        help="add duplicate_of to each article record: the path of the first article of the same "
        "story (pip install 'zakerclean[dedup]')",
    )
    clean.add_argument(
        "--dedup-threshold",
        type=float,
        default=0.8,
        metavar="J",
        help="near duplicates: estimated Jaccard similarity of shingles (default: %(default)s)",
    )
    clean.add_argument(
        "--skip-flags",
        metavar="FLAG,...",
        help="leave articles with any of these flags out: each becomes a skip record "
        f"{{path, skipped: flagged, flags}} ({', '.join(FLAGS)}; see docs/signals.md)",
    )
    _add_cleaning_options(clean)
    clean.set_defaults(run=run_clean)

    dedup = commands.add_parser(
        "dedup", help="print the groups of duplicate articles", description=run_dedup.__doc__
    )
    dedup.add_argument("paths", nargs="+", metavar="PATH", help="as for clean")
    dedup.add_argument(
        "--threshold",
        type=float,
        default=0.8,
        metavar="J",
        help="near duplicates: estimated Jaccard similarity of shingles (default: %(default)s)",
    )
    dedup.add_argument(
        "-j", "--jobs", type=int, default=1, help="worker processes (default: %(default)s)"
    )
    _add_cleaning_options(dedup)
    dedup.set_defaults(run=run_dedup_command)

    show = commands.add_parser("show", help="print articles and their reports for a person")
    show.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="posts, pages, feeds (.xml: every item), directories (recursive), or - for stdin",
    )
    _add_cleaning_options(show)
    show.set_defaults(run=run_show)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the records clean writes (articles and errors)"
    )
    schema.set_defaults(run=run_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"zakerclean: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader went away (`zakerclean clean ... | head`): not an error worth a traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
