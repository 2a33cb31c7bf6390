"""Hexo posts (SPEC §2): YAML front matter between ``---`` fences, then the HTML body.

:mod:`zakerclean.readers.frontmatter` finds and loads the YAML; this module maps its keys onto a
:class:`~zakerclean.readers.document.Document`.  Known keys become fields; every other key is
kept in ``meta``.  ZAKER's categories are ``[新媒体, source, feed]`` (also the early
``[新媒体, "ZAKER - channel"]`` form, whose ``channel`` is the feed).
"""

from __future__ import annotations

from typing import Any

from ..errors import FrontMatterError
from .document import Document, split_unsafe_link, web_url
from .frontmatter import load_front_matter, split_front_matter

__all__ = ["KNOWN_KEYS", "read_hexo"]

#: Front matter keys mapped to ``Document`` fields; all others are kept in ``Document.meta``.
KNOWN_KEYS = frozenset(
    {
        "title",
        "categories",
        "headimg",
        "thumbnail",
        "author",
        "date",
        "link",
        "url",
        "image_stills",
        "video_players",
    }
)


def read_hexo(text: str) -> Document | None:
    """The post in ``text``, or ``None`` when ``text`` has no front matter.

    Raises :class:`FrontMatterError` for front matter YAML rejects or a key of the wrong type.
    """
    split = split_front_matter(text)
    if split is None:
        return None
    yaml_text, body, first_line = split
    front, warnings = load_front_matter(yaml_text, first_line)
    categories = _categories(front)
    source, feed = _source_and_feed(categories)
    link = _scalar_text(front, "link")
    key = "link" if link else "url"
    url, unsafe, unsafe_warnings = split_unsafe_link(link or _scalar_text(front, "url"), key)
    meta = {k: v for k, v in front.items() if k not in KNOWN_KEYS}
    meta.update(unsafe)
    return Document(
        body=body,
        kind="hexo",
        title=_scalar_text(front, "title"),
        url=url,
        author=_scalar_text(front, "author"),
        source=source,
        feed=feed,
        categories=categories,
        published_raw=front.get("date"),
        cover=_scalar_text(front, "headimg"),
        thumbnail=_scalar_text(front, "thumbnail"),
        stills=_stills(front),
        players=_players(front),
        meta=meta,
        base_url=web_url(url),
        warnings=(*warnings, *unsafe_warnings),
    )


def _scalar_text(front: dict[str, Any], key: str) -> str | None:
    value = front.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise FrontMatterError(f"'{key}' must be text, got {type(value).__name__} {value!r}")
    return str(value)


def _categories(front: dict[str, Any]) -> tuple[str, ...]:
    value = front.get("categories")
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    flat: list[str] = []
    for item in items:
        for leaf in item if isinstance(item, list) else [item]:
            if isinstance(leaf, (dict, list)):
                raise FrontMatterError(f"'categories' holds a nested {type(leaf).__name__}")
            if leaf is not None:
                flat.append(str(leaf))
    return tuple(flat)


def _source_and_feed(categories: tuple[str, ...]) -> tuple[str | None, str | None]:
    """Second category → source, third → feed; the early ``"ZAKER - channel"`` form too."""
    if len(categories) >= 3:
        return categories[1], categories[2]
    if len(categories) == 2:
        if " - " in categories[1]:
            source, feed = categories[1].split(" - ", 1)
            return source.strip(), feed.strip()
        return categories[1], None
    return None, None


def _stills(front: dict[str, Any]) -> dict[str, str]:
    value = front.get("image_stills")
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise FrontMatterError("'image_stills' must map animated image URLs to still URLs")
    return dict(value)


def _players(front: dict[str, Any]) -> tuple[str, ...]:
    value = front.get("video_players")
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(url, str) for url in value):
        raise FrontMatterError("'video_players' must list the URLs of player links")
    return tuple(value)
