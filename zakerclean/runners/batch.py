"""Parsing many inputs: in order, in parallel processes, with bounded memory (SPEC §8).

:func:`parse_many` is the library's batch API; the ``zakerclean clean`` command is built on the
same ordered map.  Library calls are CPU-bound and pure, so they scale with processes.  At most
``jobs * window`` inputs are in flight at once and results come back in input order as soon as
they are ready, so memory stays flat however many inputs there are.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import datetime
from functools import partial
from typing import TypeVar

from ..api import parse, parse_file
from ..errors import ZakerCleanError
from ..models import Article, Failure
from ..options import CleanOptions

__all__ = ["parse_many", "parse_source", "ordered_map", "Source"]

T = TypeVar("T")
R = TypeVar("R")

#: An input: a path, or ``(name, data)`` for data already read (``"-"`` for stdin).
Source = str | os.PathLike[str] | tuple[str, bytes]

#: Chunks in flight per worker process: enough to keep workers busy, few enough to bound memory.
WINDOW_PER_JOB = 4
#: Inputs per round trip to a worker: amortizes the pickling and queueing cost per task.
CHUNK_SIZE = 16


def source_name(source: Source) -> str:
    """The name a source is reported under (its path, or the given name)."""
    return source[0] if isinstance(source, tuple) else os.fspath(source)


def parse_source(
    source: Source, options: CleanOptions | None = None, now: datetime | None = None
) -> Article | Failure:
    """Parse one source; bad input becomes a :class:`Failure` instead of an exception.

    ``OSError`` (missing or unreadable file) and every :class:`ZakerCleanError` are the input's
    fault.  Any other exception is a bug in zakerclean: it becomes a ``Failure`` of type
    ``InternalError`` naming the exception (never disguised as bad input), so that one document
    cannot stop a pipeline of thousands and the bug is still seen (the CLI exits with 3).
    """
    name = source_name(source)
    try:
        if isinstance(source, tuple):
            return parse(source[1], options=options, now=now)
        return parse_file(source, options=options, now=now)
    except (ZakerCleanError, OSError) as error:
        return Failure.from_exception(name, error)
    except Exception as error:
        return Failure.from_bug(name, error)


def _map_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [func(item) for item in chunk]


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ordered_map(
    func: Callable[[T], R], items: Iterable[T], *, jobs: int = 1, chunksize: int = CHUNK_SIZE
) -> Iterator[R]:
    """``map(func, items)`` over ``jobs`` processes, in input order, with bounded look-ahead.

    Items travel to the workers in chunks of ``chunksize`` (one round trip per chunk, not per
    item).  ``func`` must be picklable (a module-level function or a ``functools.partial`` of
    one).  ``jobs=1`` runs in this process with no pool at all.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    if jobs == 1:
        yield from map(func, items)
        return
    window = jobs * WINDOW_PER_JOB
    work = partial(_map_chunk, func)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[list[R]]] = deque()
        for chunk in _chunks(items, chunksize):
            pending.append(pool.submit(work, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def parse_many(
    sources: Iterable[Source],
    *,
    jobs: int = 1,
    options: CleanOptions | None = None,
    now: datetime | None = None,
) -> Iterator[Article | Failure]:
    """Parse every source, yielding an ``Article`` or a ``Failure`` for each, in order.

    ``sources`` may be paths or ``(name, bytes)`` pairs and may be a lazy iterable; with
    ``jobs > 1`` the work runs in a process pool:

    ```python
    for result in zakerclean.parse_many(paths, jobs=4):
        if isinstance(result, zakerclean.Failure):
            print(result.source, result.message)
    ```
    """
    return ordered_map(partial(parse_source, options=options, now=now), sources, jobs=jobs)
