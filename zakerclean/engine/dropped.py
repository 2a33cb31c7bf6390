"""Picture URLs that cleaning dropped: a report warning that names the attribute (SPEC §10).

When a site changes its lazy-loading markup, the real picture URL moves to an attribute the
image rule does not know (``data-hires``, ``style="background-image:url(…)"``) and the picture
would vanish without a word.  :func:`picture_url_candidates` snapshots, right after parsing,
every ``data-*`` attribute whose value is an http(s) URL that looks like a picture and every
``style`` ``background-image:url(…)`` (one XPath walk in libxml2); :func:`dropped_picture_warnings`
checks them, cleaned the same way as the rules clean URLs (proxies stripped, base URL
applied), against the final images (their ``url`` and ``still_url``) and the videos' posters.
Each that is missing gets one warning naming its attribute and element.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ..context import CleanContext
from ..dom import HtmlElement
from ..models import Image, Video

__all__ = [
    "DROPPED_PREFIX",
    "PICTURE_EXTENSIONS",
    "dropped_picture_warnings",
    "picture_url_candidates",
]

#: How every warning of this check starts (the CLI summary counts them).
DROPPED_PREFIX = "picture URL dropped: "
#: Path endings of a picture URL.
PICTURE_EXTENSIONS: tuple[str, ...] = (
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".avif",
    ".bmp",
    ".svg",
    ".heic",
)
#: Query words of image CDNs whose URLs have no extension (``wx_fmt=``, ``x-oss-process=image``).
_PICTURE_QUERY = re.compile(
    r"wx_fmt=|x-oss-process=image|imageView|imageMogr|format=(?:jpe?g|png|webp|gif)", re.I
)
_BACKGROUND = re.compile(
    r"background(?:-image)?\s*:[^;]*?url\(\s*['\"]?(https?://[^'\")\s]+)", re.I
)
#: Only attributes that may hold a URL are handed to Python: the XPath filter runs in C.
_CANDIDATES = etree.XPath(
    ".//@*[contains(., 'http') and (starts-with(name(), 'data-') or name() = 'style')]"
)


def _looks_like_picture(url: str) -> bool:
    path = url.split("#", 1)[0]
    path, _, query = path.partition("?")
    return path.lower().endswith(PICTURE_EXTENSIONS) or bool(_PICTURE_QUERY.search(query))


def picture_url_candidates(root: HtmlElement) -> list[tuple[str, str, str]]:
    """``(attribute, tag, raw URL)`` of every input attribute that holds a picture's URL."""
    found: list[tuple[str, str, str]] = []
    values: Any = _CANDIDATES(root)
    for value in values:
        name = str(value.attrname)
        tag = str(value.getparent().tag)
        if name == "style":
            found.extend((name, tag, url) for url in _BACKGROUND.findall(value))
            continue
        url = value.strip()
        if url.lower().startswith(("http://", "https://")) and _looks_like_picture(url):
            found.append((name, tag, url))
    return found


def dropped_picture_warnings(
    candidates: list[tuple[str, str, str]],
    images: tuple[Image, ...],
    videos: tuple[Video, ...],
    ctx: CleanContext,
) -> list[str]:
    """A warning for each candidate whose cleaned URL is in no image, still or poster."""
    if not candidates:
        return []
    kept = {image.url for image in images} | {i.still_url for i in images if i.still_url}
    kept |= {video.poster for video in videos if video.poster}
    warnings: list[str] = []
    for name, tag, raw in candidates:
        if raw in kept:
            continue  # the common case, already clean: no need to clean it again
        url = ctx.url(raw)
        if url is None or url in kept:
            continue
        kept.add(url)  # one warning per URL
        warnings.append(
            f"{DROPPED_PREFIX}<{tag} {name}> held {url[:120]!r}, which is in no image "
            "(a markup change at the source?)"
        )
    return warnings
