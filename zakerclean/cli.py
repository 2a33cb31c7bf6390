"""The ``zakerclean`` command (also ``python -m zakerclean``).

``zakerclean clean PATH...`` writes one JSON record per input to stdout: the article, or
``{"path": ..., "error": {"type": ..., "message": ...}}``.  Exit status 0 when every input
parsed, 1 when some failed, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .errors import ZakerCleanError
from .models import Failure
from .parse import parse_file

__all__ = ["main", "INPUT_SUFFIXES"]

#: File name endings read when a directory is given.
INPUT_SUFFIXES = (".md", ".html", ".htm", ".xml")


def _inputs(paths: Sequence[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
            )
        else:
            yield path


def _record(path: Path) -> tuple[dict[str, Any], bool]:
    try:
        article = parse_file(path)
    except (ZakerCleanError, OSError) as error:
        return Failure.from_exception(str(path), error).to_record(), False
    record = {"path": str(path), **article.model_dump(mode="json")}
    return record, True


def _clean(args: argparse.Namespace) -> int:
    documents = failures = 0
    out = sys.stdout
    for path in _inputs(args.paths):
        record, ok = _record(path)
        documents += 1
        failures += not ok
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"zakerclean: {documents} documents, {failures} failed", file=sys.stderr)
    return 1 if failures else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zakerclean", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"zakerclean {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    clean = commands.add_parser("clean", help="clean files or folders of posts into JSONL")
    clean.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    clean.set_defaults(run=_clean)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))
