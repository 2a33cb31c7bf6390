"""Read ``Article.images`` and ``Article.videos`` off the cleaned tree.

They are read from the final HTML, not collected on the way, so that parsing a post written by
``Article.to_hexo()`` gives the same lists: whatever the HTML shows is exactly what the lists hold.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..dom import HtmlElement, text_of
from ..models import Image, Video
from ..rules.video import VIDEO_LINK_LABEL
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


def collect_videos(root: HtmlElement) -> tuple[Video, ...]:
    """Every ``video`` and every player link (``视频：URL``) of the cleaned tree, in order."""
    videos: list[Video] = []
    for element in root.iter("video", "a"):
        url = element.get("src") if element.tag == "video" else element.get("href")
        if not url:
            continue
        if element.tag == "a" and text_of(element) != VIDEO_LINK_LABEL + url:
            continue
        videos.append(
            Video(
                url=url,
                poster=element.get("poster") if element.tag == "video" else None,
                provider=url_host(url),
            )
        )
    return tuple(videos)
