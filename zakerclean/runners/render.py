"""Rendering one input in an output format; runs in the worker processes, so what it returns
(:class:`Outcome`) is small, picklable and already rendered."""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from ..api import feed_items
from ..dedup import Signature, signature
from ..engine.dropped import DROPPED_PREFIX
from ..errors import ZakerCleanError
from ..models import Article, Failure
from ..options import CleanOptions
from ..readers.decoding import check_size
from ..writers.frames import record
from ..writers.page import article_page
from ..writers.records import article_record, error_record, skip_record
from .batch import Source, parse_source, source_name
from .inputs import Input, is_feed

__all__ = [
    "FILE_FORMATS",
    "FORMATS",
    "STREAM_FORMATS",
    "TABLE_FORMATS",
    "Outcome",
    "parse_input",
    "render",
]

#: Output formats: records on a stream, or one file per input in a directory.
STREAM_FORMATS = ("jsonl", "json")
#: Tables written to one ``-o FILE``: rows (``writers.frames.record``) instead of JSON text.
TABLE_FORMATS = ("csv", "parquet")
FILE_FORMATS = {"md": ".md", "html": ".html", "hexo": ".md"}
FORMATS = STREAM_FORMATS + TABLE_FORMATS + tuple(FILE_FORMATS)


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back: small, picklable, already rendered."""

    name: str
    relative: str
    ok: bool
    payload: str
    steps: tuple[tuple[str, int], ...] = ()
    #: the failure is a bug in zakerclean (``InternalError``), not bad input
    internal: bool = False
    #: the article's MinHash signature, computed in the worker when ``--dedup`` asks for it
    signature: Signature | None = None
    #: the table row (``TABLE_FORMATS``), lists native; the payload is then empty
    row: dict[str, Any] | None = None
    #: the article's source, flags and dropped-picture-URL warnings, for the summary (§10)
    source: str | None = None
    flags: tuple[str, ...] = ()
    dropped_urls: int = 0
    #: the article was left out (``--skip-flags``): the payload is its skip record
    skipped: bool = False


def render_html_page(article: Article, tz: tzinfo | None = None) -> str:
    """A standalone reader-view page for one article (see :mod:`zakerclean.writers.page`),
    ``published`` shown in ``tz`` (UTC by default)."""
    return article_page(article, tz)


def render(
    item: Input,
    fmt: str,
    options: CleanOptions,
    now: datetime | None,
    dedup: bool = False,
    tz: tzinfo | None = None,
    skip_flags: frozenset[str] = frozenset(),
) -> list[Outcome]:
    """Parse one input and render it in ``fmt``: one outcome, or one per item of a feed.

    Failures become error records.  ``dedup`` adds each article's signature (hashing the text
    is the costly part of deduplication, so it runs here, in the workers).  An article with a
    flag of ``skip_flags`` becomes a skip record (``--skip-flags``).
    """
    return [
        render_result(name, relative, result, fmt, dedup, tz, skip_flags)
        for name, relative, result in parse_input(item, options, now)
    ]


def parse_input(
    item: Input, options: CleanOptions, now: datetime | None
) -> list[tuple[str, str, Article | Failure]]:
    """``(name, relative output path, result)`` of one input, or of each item of a feed.

    A ``ZakerCleanError`` or ``OSError`` is the input's fault; any other exception is a bug and
    becomes an ``InternalError`` failure (the CLI then exits with 3).
    """
    name = source_name(item.source)
    if item.error is not None:
        return [(name, item.relative, Failure.from_exception(name, item.error))]
    if not is_feed(item.source):
        return [(name, item.relative, parse_source(item.source, options, now))]
    results: list[tuple[str, str, Article | Failure]] = []
    try:
        entries = feed_items(read_feed_bytes(item.source, options), options=options, now=now)
        for entry in entries:
            item_name = f"{name}#{entry.index}"
            result = entry.result
            if isinstance(result, Failure):  # named by position, like the item's article record
                result = Failure(
                    source=item_name, error_type=result.error_type, message=result.message
                )
            results.append((item_name, feed_item_relative(item.relative, entry.index), result))
    except (ZakerCleanError, OSError) as error:
        results.append((name, item.relative, Failure.from_exception(name, error)))
    except Exception as error:
        where = f"{name}#{len(results) + 1}" if results else name
        results.append((where, item.relative, Failure.from_bug(where, error)))
    return results


def read_feed_bytes(source: Source, options: CleanOptions) -> bytes:
    """The bytes of a feed; a file's size is checked before it is read (as ``parse_file`` does)."""
    if isinstance(source, tuple):
        return source[1]
    check_size(os.stat(source).st_size, options.max_bytes)
    with open(source, "rb") as handle:
        return handle.read(options.max_bytes + 1)


def feed_item_relative(relative: str, index: int) -> str:
    """Where item ``index`` of the feed at ``relative`` goes: ``a/b.xml`` → ``a/b/0003.xml``
    (the writer then swaps the suffix for the output format's)."""
    return f"{Path(relative).with_suffix('').as_posix()}/{index:04d}.xml"


def render_result(
    name: str,
    relative: str,
    result: Article | Failure,
    fmt: str,
    dedup: bool = False,
    tz: tzinfo | None = None,
    skip_flags: frozenset[str] = frozenset(),
) -> Outcome:
    """Render one parsed input (or feed item) in ``fmt``; a failure becomes an error record."""
    if isinstance(result, Failure):
        row = record(result, name, native_lists=True) if fmt in TABLE_FORMATS else None
        payload = json.dumps(error_record(result), ensure_ascii=False)
        return Outcome(name, relative, False, payload, internal=result.is_internal, row=row)
    signals = _signals(result)
    if skip_flags.intersection(result.flags):
        payload = json.dumps(skip_record(name, "flagged", result.flags), ensure_ascii=False)
        return dataclasses.replace(
            signals, name=name, relative=relative, payload=payload, skipped=True
        )
    row = record(result, name, native_lists=True) if fmt in TABLE_FORMATS else None
    sig = signature(result) if dedup else None
    if row is not None:
        return dataclasses.replace(
            signals, name=name, relative=relative, steps=result.report.steps, signature=sig, row=row
        )
    if fmt in STREAM_FORMATS:
        payload = json.dumps(article_record(name, result), ensure_ascii=False)
    elif fmt == "md":
        payload = result.to_markdown()
    elif fmt == "html":
        payload = render_html_page(result, tz)
    else:
        payload = result.to_hexo()
    return dataclasses.replace(
        signals,
        name=name,
        relative=relative,
        payload=payload,
        steps=result.report.steps,
        signature=sig,
    )


def _signals(article: Article) -> Outcome:
    """An outcome holding only what the summary counts of ``article`` (SPEC §10)."""
    dropped = sum(w.startswith(DROPPED_PREFIX) for w in article.report.warnings)
    return Outcome(
        "", "", True, "", source=article.source, flags=article.flags, dropped_urls=dropped
    )
