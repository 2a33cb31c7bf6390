"""The command line's inputs: files, directories (recursively, sorted, one directory at a time),
archives (one input per member, see :mod:`.archives`) and ``-`` for stdin; which are feeds."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import ZakerCleanError
from ..options import CleanOptions
from .archives import is_archive, iter_members
from .batch import Source

__all__ = ["FEED_SUFFIXES", "INPUT_SUFFIXES", "Input", "is_feed", "iter_inputs"]

#: File name endings read when a directory is given.
INPUT_SUFFIXES = (".md", ".html", ".htm", ".xml")
#: File name endings read as RSS/Atom feeds (one record per item) rather than as one post.
FEED_SUFFIXES = (".xml",)


@dataclass(frozen=True)
class Input:
    """One input: where it comes from and where its output file goes (relative)."""

    source: Source
    relative: str
    #: why the input cannot be read at all (a refused archive member); its record is an error
    error: ZakerCleanError | None = None


def iter_inputs(
    paths: Sequence[str],
    stdin: IO[bytes] | None = None,
    *,
    max_bytes: int = CleanOptions().max_bytes,
) -> Iterator[Input]:
    """Expand the command-line paths: directories recursively, in sorted order; ``-`` is stdin;
    an archive given by name, member by member (read here, at most ``max_bytes`` each)."""
    for name in paths:
        if name == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield Input(source=("-", data), relative="stdin")
            continue
        path = Path(name)
        if path.is_dir():
            for relative in _walk(name, ""):
                yield Input(source=os.path.join(name, relative), relative=relative)
        elif is_archive(name) and path.is_file():
            for member in iter_members(name, path.name, max_bytes):
                yield Input((member.name, member.data), member.relative, member.error)
        else:
            yield Input(source=name, relative=path.name)


def _walk(top: str, prefix: str) -> Iterator[str]:
    """Input files below ``top`` as relative POSIX paths, sorted, one directory at a time.

    Holds one directory's names at once (not a list of every path), so memory stays flat
    however many files a tree holds.
    """
    with os.scandir(os.path.join(top, prefix) if prefix else top) as entries:
        names = sorted((entry.name, entry.is_dir()) for entry in entries)
    for name, is_dir in names:
        relative = f"{prefix}/{name}" if prefix else name
        if is_dir:
            yield from _walk(top, relative)
        elif os.path.splitext(name)[1].lower() in INPUT_SUFFIXES:
            yield relative


def is_feed(source: Source) -> bool:
    """Whether ``source`` is read as a feed: a file or archive member whose name ends in
    ``.xml`` (never stdin)."""
    if isinstance(source, tuple):
        return "!" in source[0] and source[0].lower().endswith(FEED_SUFFIXES)
    return os.fspath(source).lower().endswith(FEED_SUFFIXES)
