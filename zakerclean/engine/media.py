"""Read ``Article.images`` and ``Article.videos`` off the cleaned tree.

They are read from the final HTML, not collected on the way, so that parsing a post written by
``Article.to_hexo()`` gives the same lists: whatever the HTML shows is exactly what the lists hold.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..dom import HtmlElement
from ..models import Image, Video
from ..urls import url_host

__all__ = ["collect_images", "collect_videos", "is_animated"]


def is_animated(url: str, stills: Mapping[str, str]) -> bool:
    """A gif (by the path's extension), or an image ZAKER offered with a separate still."""
    if url in stills:
        return True
    path = url.split("#", 1)[0].split("?", 1)[0]
    return path[-4:].lower() == ".gif"


def _int(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None


def collect_images(root: HtmlElement, stills: Mapping[str, str]) -> tuple[Image, ...]:
    """Every ``img`` of the cleaned tree, in document order."""
    images: list[Image] = []
    for img in root.iter("img"):
        url = img.get("src")
        if not url:
            continue  # the image rule gives every kept image a src
        images.append(
            Image(
                url=url,
                width=_int(img.get("width")),
                height=_int(img.get("height")),
                alt=img.get("alt"),
                animated=is_animated(url, stills),
                still_url=stills.get(url),
            )
        )
    return tuple(images)


def collect_videos(root: HtmlElement, players: Mapping[str, int]) -> tuple[Video, ...]:
    """Every ``video`` and every player link of the cleaned tree, in document order.

    ``players`` counts the links that stand for an embedded player, by URL (recorded by rule 4
    when it replaced the iframe, or read from a post's front matter): the first that many
    links to such a URL are players; any other link is a link.
    """
    videos: list[Video] = []
    left = dict(players)
    for element in root.iter("video", "a"):
        if element.tag == "video":
            url = element.get("src")
            if url:
                videos.append(Video(url=url, poster=element.get("poster"), provider=url_host(url)))
            continue
        url = element.get("href")
        if url and left.get(url, 0) > 0:
            left[url] -= 1
            videos.append(Video(url=url, provider=url_host(url)))
    return tuple(videos)
