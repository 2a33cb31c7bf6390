"""Rendering one input in an output format; runs in the worker processes, so what it returns
(:class:`Outcome`) is small, picklable and already rendered."""

from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..api import feed_items
from ..models import Article, Failure
from ..options import CleanOptions
from ..readers.decoding import check_size
from .batch import Source, parse_source, source_name
from .inputs import Input, is_feed

__all__ = ["FILE_FORMATS", "FORMATS", "STREAM_FORMATS", "Outcome", "article_record", "render"]

#: Output formats: records on a stream, or one file per input in a directory.
STREAM_FORMATS = ("jsonl", "json")
FILE_FORMATS = {"md": ".md", "html": ".html", "hexo": ".md"}
FORMATS = STREAM_FORMATS + tuple(FILE_FORMATS)


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back: small, picklable, already rendered."""

    name: str
    relative: str
    ok: bool
    payload: str
    steps: tuple[tuple[str, int], ...] = ()


def article_record(name: str, article: Article) -> dict[str, Any]:
    """The JSON record of an article: its path, then every field of the model."""
    return {"path": name, **article.model_dump(mode="json")}


def render_html_page(article: Article) -> str:
    """A standalone HTML page for one article (the body is already sanitized)."""
    title = html.escape(article.title or "")
    lang = html.escape(article.lang)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<article>\n<h1>{title}</h1>\n{article.html}\n"
        "</article>\n</body>\n</html>\n"
    )


def render(item: Input, fmt: str, options: CleanOptions, now: datetime | None) -> list[Outcome]:
    """Parse one input and render it in ``fmt``: one outcome, or one per item of a feed.

    Failures become error records.
    """
    if is_feed(item.source):
        return render_feed(item, fmt, options, now)
    name = source_name(item.source)
    return [render_result(name, item.relative, parse_source(item.source, options, now), fmt)]


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


def render_feed(
    item: Input, fmt: str, options: CleanOptions, now: datetime | None
) -> list[Outcome]:
    """One outcome per item of the feed at ``item``, named ``path#N``; one error outcome
    (named ``path``) when the file cannot be read or is not a feed."""
    name = source_name(item.source)
    try:
        items = feed_items(read_feed_bytes(item.source, options), options=options, now=now)
    except Exception as error:  # ZakerCleanError or OSError expected; anything else is a bug
        return [render_result(name, item.relative, Failure.from_exception(name, error), fmt)]
    outcomes = []
    for entry in items:
        item_name = f"{name}#{entry.index}"
        result = entry.result
        if isinstance(result, Failure):  # named by position, like the item's article record
            result = Failure(source=item_name, error_type=result.error_type, message=result.message)
        relative = feed_item_relative(item.relative, entry.index)
        outcomes.append(render_result(item_name, relative, result, fmt))
    return outcomes


def render_result(name: str, relative: str, result: Article | Failure, fmt: str) -> Outcome:
    """Render one parsed input (or feed item) in ``fmt``; a failure becomes an error record."""
    if isinstance(result, Failure):
        return Outcome(name, relative, False, json.dumps(result.to_record(), ensure_ascii=False))
    if fmt in STREAM_FORMATS:
        payload = json.dumps(article_record(name, result), ensure_ascii=False)
    elif fmt == "md":
        payload = result.to_markdown()
    elif fmt == "html":
        payload = render_html_page(result)
    else:
        payload = result.to_hexo()
    return Outcome(name, relative, True, payload, result.report.steps)
