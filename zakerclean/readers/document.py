"""``Document``: what a reader found in one input, before any cleaning.

Every input shape (Hexo post, myzaker.com page, feed item, bare fragment) has its own reader,
and every reader returns this one type.  The engine turns a ``Document`` into an ``Article``
(:func:`zakerclean.engine.article.build_article`); it never sees which reader made it, so a
new input source is one reader module and nothing else.

Values are as the input holds them (a date is its raw text, or the ``date`` YAML made of it;
the cover is the URL as written): the engine cleans them, readers only find them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..urls import clean_url

__all__ = ["Document", "split_unsafe_link", "web_url"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input, found but not cleaned.

    Attributes:
        body: the HTML body to clean.
        kind: which reader made it (``"hexo"``, ``"page"``, ``"feed"``, ``"fragment"``).
        title: the title as written (``Article.title_raw``); title rules run in the engine.
        url: the article's own link, already checked to be a safe URL (or ``None``).
        author, source, categories: as the input names them.
        feed: the feed the post came from (the third category: another site's feed name such
            as ``最新``, or for ZAKER RSSHub's route kind ``channel``/``source``).
        published_raw: the date as the input holds it: text, or what YAML made of it (a
            ``datetime``, a number of epoch seconds …); the engine reads it with ``parse_date``.
        cover: the cover picture's URL as written; ``thumbnail`` a second candidate.
        stills: animated image URL → still URL (``image_stills`` of a post zakerclean wrote).
        players: URLs of the body's links that stand for an embedded player, one per link
            (``video_players`` of a post zakerclean wrote; HTML has no place for it).
        meta: everything the input holds that no field above takes (nothing is lost).
        base_url: the base the input itself gives for relative URLs (its own web link).
        warnings: what the reader recovered or left out, for ``Article.report.warnings``.
    """

    body: str
    kind: str
    title: str | None = None
    url: str | None = None
    author: str | None = None
    source: str | None = None
    feed: str | None = None
    categories: tuple[str, ...] = ()
    published_raw: object = None
    cover: str | None = None
    thumbnail: str | None = None
    stills: Mapping[str, str] = field(default_factory=dict)
    players: tuple[str, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)
    base_url: str | None = None
    warnings: tuple[str, ...] = ()


def web_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL (a base for relative URLs), else ``None``."""
    return url if url is not None and url.lower().startswith(("http://", "https://")) else None


def split_unsafe_link(
    url: str | None, key: str
) -> tuple[str | None, dict[str, str], tuple[str, ...]]:
    """Keep an article link no browser should follow (``javascript:``, ``data:`` …) out of
    ``Article.url``: return ``(url or None, meta to add, warnings)``.

    The raw value goes to ``meta[key]``, where nothing presents it as a URL, so it is not lost.
    """
    if url is None or clean_url(url, proxies=()) is not None:
        return url, {}, ()
    warning = f"{key} {url[:80]!r} is not a safe URL: Article.url left empty"
    return None, {key: url}, (warning,)
