"""Writing an :class:`~zakerclean.models.Article` back as a Hexo post.

The output is what :func:`zakerclean.parse` reads back to the same article (report aside):
``title`` holds ``title_raw``, ``date`` holds ``published_raw``, the cleaned HTML is the body,
animated images' stills go in ``image_stills`` and the player links' URLs in ``video_players``,
because HTML has no place for them.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import yaml

from ..dates import format_rfc2822
from ..dom import parse_fragment

if TYPE_CHECKING:
    from ..models import Article

__all__ = ["article_to_hexo"]

try:
    _Dumper: type[yaml.SafeDumper] = yaml.CSafeDumper  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Dumper = yaml.SafeDumper


def article_to_hexo(article: Article) -> str:
    """Render ``article`` as a Hexo post (front matter + cleaned HTML body)."""
    front: dict[str, Any] = {}
    title = article.title_raw if article.title_raw is not None else article.title
    if title is not None:
        front["title"] = title
    if article.categories:
        front["categories"] = list(article.categories)
    if article.cover is not None:
        front["headimg"] = article.cover.url
    if article.author is not None:
        front["author"] = article.author
    if article.url is not None:
        front["link"] = article.url
    if article.published_raw is not None:
        front["date"] = article.published_raw
    elif article.published is not None:
        front["date"] = format_rfc2822(article.published)
    if article.cover is not None and "thumbnail" not in article.meta:
        front["thumbnail"] = article.cover.url
    stills = {image.url: image.still_url for image in article.images if image.still_url}
    if stills:
        front["image_stills"] = stills
    players = _player_urls(article) if article.videos else []
    if players:
        front["video_players"] = players
    for key, value in article.meta.items():
        front.setdefault(key, value)
    header = (
        yaml.dump(front, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
        if front
        else ""
    )
    return f"---\n{header}---\n\n{article.html}\n"


def _player_urls(article: Article) -> list[str]:
    """The URLs of the videos that stand in the HTML as links to their player page: every
    video but those that are a ``<video src>`` of the HTML, in order."""
    files = Counter(video.get("src") for video in parse_fragment(article.html).iter("video"))
    players = []
    for video in article.videos:
        if files[video.url] > 0:
            files[video.url] -= 1
        else:
            players.append(video.url)
    return players
