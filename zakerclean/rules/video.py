"""Rule 4 — video.

Three shapes become playable ``<video controls src poster>`` elements or links, so no video is
lost:

* ZAKER's ``div.zk_upvideo[data-zkinfo]``: URL-encoded JSON with ``videoUrl`` and ``imgUrl``;
* ``<video>`` with ``<source>`` children: the first playable source becomes ``video[src]``;
* ``<iframe>`` players with an http(s) ``src`` (``v.qq.com`` …): removed, and replaced by a
  paragraph linking the player page, labelled :func:`video_label`: :data:`VIDEO_LINK_LABEL` and
  the provider's name (``视频：腾讯视频``; the host for a provider :data:`PROVIDER_NAMES` does not
  name).  A full player URL as the label would dominate a short post's text.  The label is the
  one documented addition to the text, and it is neither counted in ``char_count`` nor hashed
  into ``fingerprint`` (``engine/article.py``).  The rule records each player link in
  ``ctx.players``; :func:`zakerclean.engine.media.collect_videos` reads the links back as
  ``Video`` by that record, never by their text.  An iframe with no usable http(s) URL (``#``,
  ``about:blank``, a relative ``src`` with no base URL) plays nothing: it is dropped with a
  warning and is no video.
"""

from __future__ import annotations

import json
from urllib.parse import unquote, urlsplit

from ..context import CleanContext
from ..dom import HtmlElement, new_element, remove, text_of
from ..urls import url_host

__all__ = [
    "PLAYABLE_EXTENSIONS",
    "PROVIDER_NAMES",
    "VIDEO_LINK_LABEL",
    "convert_videos",
    "provider_name",
    "video_label",
    "video_link",
]

#: Start of the text of the link that stands for an embedded player (followed by the
#: provider's name).
VIDEO_LINK_LABEL = "视频："

#: Video sites by host (a host and its subdomains) → the name a reader knows them by.  A
#: host missing here is shown as itself.
PROVIDER_NAMES: tuple[tuple[str, str], ...] = (
    ("v.qq.com", "腾讯视频"),
    ("video.qq.com", "腾讯视频"),
    ("youtube.com", "YouTube"),
    ("youtube-nocookie.com", "YouTube"),
    ("youtu.be", "YouTube"),
    ("bilibili.com", "哔哩哔哩"),
    ("youku.com", "优酷"),
    ("iqiyi.com", "爱奇艺"),
    ("tv.sohu.com", "搜狐视频"),
    ("ixigua.com", "西瓜视频"),
    ("douyin.com", "抖音"),
    ("weibo.com", "微博视频"),
    ("vimeo.com", "Vimeo"),
    ("dailymotion.com", "Dailymotion"),
)

#: File extensions a ``<source>`` may have to count as playable when it has no ``type``.
PLAYABLE_EXTENSIONS: tuple[str, ...] = (".mp4", ".m4v", ".webm", ".ogv", ".ogg", ".mov", ".m3u8")


def provider_name(url: str) -> str:
    """The name of the video site of ``url`` (``腾讯视频``), else its host (``www.`` off)."""
    host = url_host(url) or ""
    for domain, name in PROVIDER_NAMES:
        if host == domain or host.endswith("." + domain):
            return name
    return host


def video_label(url: str) -> str:
    """The text of the link standing for the player at ``url``: ``视频：腾讯视频``."""
    return VIDEO_LINK_LABEL + provider_name(url)


def video_link(url: str) -> HtmlElement:
    """``<p><a href=url>视频：provider</a></p>``: the stand-in for an embedded player."""
    paragraph = new_element("p")
    link = new_element("a", href=url)
    link.text = video_label(url)
    paragraph.append(link)
    return paragraph


def _player_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host: the only kind a player has."""
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return url


def _video_element(src: str, poster: str | None) -> HtmlElement:
    video = new_element("video", controls="", src=src)
    if poster:
        video.set("poster", poster)
    return video


def _replace(old: HtmlElement, new: HtmlElement) -> None:
    new.tail = old.tail
    old.tail = None
    old.addprevious(new)
    remove(old)


def _zaker_video(block: HtmlElement, ctx: CleanContext) -> int:
    raw = block.get("data-zkinfo") or ""
    try:
        info = json.loads(unquote(raw))
    except ValueError:
        info = None
    if not isinstance(info, dict):
        ctx.warn(f"ZAKER video block with unreadable data-zkinfo dropped: {raw[:80]!r}")
        _drop_keeping_content(block)
        return 1
    src = ctx.url(str(info.get("videoUrl") or "")) if info.get("videoUrl") else None
    poster = ctx.url(str(info.get("imgUrl"))) if info.get("imgUrl") else None
    if src is None:
        ctx.warn(f"ZAKER video block without a usable videoUrl dropped: {raw[:80]!r}")
        _drop_keeping_content(block)
        return 1
    figure = new_element("figure")
    figure.append(_video_element(src, poster))
    for img in list(block.iter("img")):  # an image inside the block is kept, after the video
        remove(img)  # (its tail stays where it was)
        img.tail = None
        figure.append(img)
    rest = None
    if text_of(block).strip():  # none in real posts; kept all the same, after the figure
        rest = new_element("div")
        rest.text = block.text
        rest.extend(list(block))
    _replace(block, figure)
    if rest is not None:
        rest.tail, figure.tail = figure.tail, None
        figure.addnext(rest)
    return 1


def _drop_keeping_content(block: HtmlElement) -> None:
    """A block that plays nothing goes, but never with text or pictures: what it holds stays,
    in a plain ``div`` the structure rule unwraps (real ZAKER blocks hold nothing)."""
    if text_of(block).strip() or next(block.iter("img"), None) is not None:
        block.attrib.clear()
        block.tag = "div"
    else:
        remove(block)


def _is_playable(source: HtmlElement, url: str) -> bool:
    kind = (source.get("type") or "").lower()
    if kind:
        return kind.startswith("video/") or "mpegurl" in kind
    return urlsplit(url).path.lower().endswith(PLAYABLE_EXTENSIONS)


def _html_video(video: HtmlElement, ctx: CleanContext) -> int:
    src = ctx.url(video.get("src"))
    if src is None:
        for source in video.iter("source"):
            candidate = ctx.url(source.get("src"))
            if candidate and _is_playable(source, candidate):
                src = candidate
                break
    poster = ctx.url(video.get("poster"))
    if src is None:
        ctx.warn("video without a playable source dropped")
        remove(video)
        return 1
    before = (dict(video.attrib), len(video), video.text)
    replacement = _video_element(src, poster)
    if before == (dict(replacement.attrib), 0, None):
        return 0
    _replace(video, replacement)
    return 1


def _iframe(frame: HtmlElement, ctx: CleanContext) -> int:
    url = _player_url(ctx.url(frame.get("src") or frame.get("data-src")))
    if url is None:
        ctx.warn(f"iframe without a usable http(s) src dropped: {str(frame.get('src'))[:80]!r}")
        remove(frame)
        return 1
    _replace(frame, video_link(url))
    ctx.players[url] += 1
    return 1


def convert_videos(root: HtmlElement, ctx: CleanContext) -> int:
    """Turn ZAKER video blocks, ``<video>``/``<source>`` and iframes into kept, safe forms."""
    changes = 0
    for element in list(root.iter("div", "video", "iframe")):
        if element.getparent() is None:
            continue
        if element.tag == "div":
            if "zk_upvideo" in (element.get("class") or "").split() and element.get("data-zkinfo"):
                changes += _zaker_video(element, ctx)
        elif element.tag == "video":
            changes += _html_video(element, ctx)
        else:
            changes += _iframe(element, ctx)
    return changes
