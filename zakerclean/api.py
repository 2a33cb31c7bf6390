"""The public verbs: ``parse``, ``parse_file``, ``parse_feed`` and ``clean_html``.

Each one reads its input with a reader (:mod:`zakerclean.readers`), which gives one
:class:`~zakerclean.readers.document.Document`, and hands it to the engine
(:func:`zakerclean.engine.article.build_article`), which gives the ``Article``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from .engine.article import build_article
from .engine.pipeline import clean_fragment_html
from .errors import EmptyInputError, PathGivenAsDataError, ZakerCleanError
from .models import Article, Failure
from .options import CleanOptions, check_base_url
from .readers import read_document
from .readers.decoding import check_size, prepare_text, read_text
from .readers.feed import read_feed

__all__ = ["FeedItem", "clean_html", "feed_items", "parse", "parse_feed", "parse_file"]

_DEFAULT_OPTIONS = CleanOptions()


def _options(options: CleanOptions | None) -> CleanOptions:
    if options is None:
        return _DEFAULT_OPTIONS
    if not isinstance(options, CleanOptions):
        raise TypeError(
            f"options must be a CleanOptions, not {type(options).__name__} "
            "(build one: CleanOptions(**settings))"
        )
    return options


def parse(
    data: str | bytes,
    *,
    options: CleanOptions | None = None,
    base_url: str | None = None,
    now: datetime | None = None,
) -> Article:
    """Parse one article (a Hexo post, a myzaker.com page or an HTML fragment) into a clean
    ``Article``; the shape is detected (see ``docs/inputs.md``).

    ``now`` is needed only for relative dates (``3小时前``); ``base_url`` resolves relative URLs.
    Raises a ``ZakerCleanError`` subclass on bad input.
    """
    options = _options(options)
    check_base_url(base_url)
    if isinstance(data, str) and _looks_like_a_path(data):
        raise PathGivenAsDataError(
            f"parse() got {data.strip()[:200]!r}, which looks like a file name, not a post: "
            "read a file with zakerclean.parse_file(path)"
        )
    text, warnings = read_text(data, options.max_bytes)
    document = read_document(text)
    return build_article(document, options, base_url=base_url, now=now, warnings=tuple(warnings))


#: What a file name given to ``parse`` by mistake ends with.
_PATH_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".xml", ".txt")


def _looks_like_a_path(data: str) -> bool:
    """One short line with no markup and no URL scheme, ending in a post's file suffix."""
    value = data.strip()
    return (
        0 < len(value) <= 4096
        and "\n" not in value
        and "<" not in value
        and "://" not in value
        and value.lower().endswith(_PATH_SUFFIXES)
    )


def parse_file(
    path: str | os.PathLike[str],
    *,
    options: CleanOptions | None = None,
    now: datetime | None = None,
) -> Article:
    """Read and ``parse`` the file at ``path`` (bytes are decoded per SPEC §2).

    The size limit is checked before the file is read.  ``OSError`` (missing, unreadable file)
    propagates unchanged.
    """
    options = _options(options)
    check_size(os.stat(path).st_size, options.max_bytes)
    with open(path, "rb") as handle:
        data = handle.read(options.max_bytes + 1)
    return parse(data, options=options, now=now)


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed: its 1-based position, its link (if any) and what it parsed into."""

    index: int
    link: str | None
    result: Article | Failure


def parse_feed(
    data: str | bytes,
    *,
    options: CleanOptions | None = None,
    now: datetime | None = None,
) -> Iterator[Article | Failure]:
    """Parse an RSS 2.0 / RSS 1.0 / Atom feed into one ``Article`` or ``Failure`` per item.

    The XML is read and checked when ``parse_feed`` is called: a document that is not a feed
    raises a ``ZakerCleanError`` (``FeedError``) right away.  Items are then cleaned one at a
    time as the iterator is consumed, in document order.  A broken item yields a ``Failure``
    whose ``source`` is the item's link, or ``"item N"`` (1-based) when it has none.

    ```python
    for result in zakerclean.parse_feed(xml_bytes):
        if isinstance(result, zakerclean.Failure):
            print(result.source, result.message)
    ```
    """
    return (item.result for item in feed_items(data, options=options, now=now))


def feed_items(
    data: str | bytes,
    *,
    options: CleanOptions | None = None,
    now: datetime | None = None,
) -> Iterator[FeedItem]:
    """Like :func:`parse_feed`, with each result's item number and link (for the CLI).

    Only a ``ZakerCleanError`` makes an item a ``Failure``; any other exception is a bug in
    zakerclean and propagates.
    """
    options = _options(options)
    entries = read_feed(data, options.max_bytes)

    def items() -> Iterator[FeedItem]:
        for entry in entries:
            name = entry.link or f"item {entry.index}"
            if isinstance(entry.document, ZakerCleanError):
                yield FeedItem(
                    entry.index, entry.link, Failure.from_exception(name, entry.document)
                )
                continue
            try:
                result: Article | Failure = build_article(entry.document, options, now=now)
            except ZakerCleanError as error:
                result = Failure.from_exception(name, error)
            yield FeedItem(entry.index, entry.link, result)

    return items()


def clean_html(
    fragment: str,
    *,
    options: CleanOptions | None = None,
    base_url: str | None = None,
) -> str:
    """Clean an HTML fragment with every rule of SPEC §3; return the clean HTML.

    Idempotent: ``clean_html(clean_html(x)) == clean_html(x)``.  Empty input gives ``""``.
    """
    options = _options(options)
    check_base_url(base_url)
    if not isinstance(fragment, str):
        raise TypeError(f"clean_html() takes str, not {type(fragment).__name__}")
    if len(fragment) > options.max_bytes // 4:
        check_size(len(fragment.encode("utf-8", "surrogatepass")), options.max_bytes)
    try:
        text, _ = prepare_text(fragment)
    except EmptyInputError:
        return ""
    return clean_fragment_html(text, options, base_url=base_url)
