"""Rule 2 — lazy images.

ZAKER wraps every picture as ``div.img_box > div.content_img_div > img.lazy``: the real URL is in
``data-original``, an animated version in ``data-gif-url`` and ``src`` is the same URL behind a
CORS proxy.  Other sites use ``data-src``, ``data-actualsrc``, ``srcset`` and friends.  This rule
picks the one real URL per image (:data:`URL_ATTRIBUTES`, in priority order), turns the size the
source gives (:data:`WIDTH_ATTRIBUTES`/:data:`HEIGHT_ATTRIBUTES`, or 36kr's
``data-img-size-val="W,H"``) into integer ``width``/``height``, and replaces any wrapper whose
only content is the image by ``<figure><img></figure>``.

Lazy loaders leave a stand-in where the picture goes: a placeholder (a ``data:`` URI, a 1×1 or
``blank.gif``-style spacer) or a low-resolution blurred preview (``?q=20``, Medium's
``/max/60/``).  Such a URL is never the image while a real one exists: the next candidate
attribute is tried, and when none is real the image of the adjacent ``<noscript>`` (recorded by
rule 1 in ``ctx.fallbacks``) replaces it.  The size is the size of the element the URL came
from: a noscript image without a size of its own gets the lazy image's only when that was a
placeholder (a spacer has no size of its own, so its ``width``/``height`` can only describe the
slot of the picture meant to fill it), never a preview's (a preview is a picture file of its
own, whose size and crop need not be the real one's).  A placeholder with nothing real behind it
is dropped with a warning; a preview with nothing better is kept (it is the only picture).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..context import CleanContext
from ..dom import DOOMED_TAG, HtmlElement, is_blank, new_element, remove, remove_all
from .srcset import largest_candidate

__all__ = [
    "HEIGHT_ATTRIBUTES",
    "IMAGE_WRAPPER_TAGS",
    "SRCSET_ATTRIBUTES",
    "URL_ATTRIBUTES",
    "WIDTH_ATTRIBUTES",
    "is_placeholder_url",
    "is_preview_url",
    "noscript_fallback",
    "pick_image_url",
    "resolve_lazy_images",
]

#: Where an image's URL may be, best first.  ``srcset`` (largest candidate) comes before ``src``.
URL_ATTRIBUTES: tuple[str, ...] = (
    "data-gif-url",
    "data-original",
    "data-src",
    "data-actualsrc",
    "data-lazy-src",
    "_src",
    "data-lazy-srcset",
    "data-srcset",
    "srcset",
    "src",
)

#: URL attributes holding a ``srcset`` (the largest candidate is the URL).
SRCSET_ATTRIBUTES: frozenset[str] = frozenset({"data-lazy-srcset", "data-srcset", "srcset"})

#: The file names lazy loaders use for spacer images (``blank.gif``, ``lazy-placeholder.png``).
_PLACEHOLDER_FILE = re.compile(
    r"(?:blank|spacer|transparent|placeholder|lazy|lazyload|loading|grey|gray|1x1)"
    r"(?:[-_.][a-z0-9]+)*\.(?:gif|png|svg|webp)",
    re.I,
)
#: Low-resolution previews: a quality of at most 30 (``?q=20``), Medium's ``/max/60/`` width
#: (at most 100 px), a width parameter of at most 64 px, or a ``blur`` parameter.
_PREVIEW_QUALITY = re.compile(r"[?&](?:q|quality)=(\d{1,3})(?:&|$)", re.I)
_PREVIEW_MAX = re.compile(r"/max/(\d{1,4})/", re.I)
_PREVIEW_WIDTH = re.compile(r"[?&](?:w|width)=(\d{1,4})(?:&|$)", re.I)
_PREVIEW_BLUR = re.compile(r"[?&]blur(?:=|&|$)", re.I)
#: How far up from a noscript's neighbour a lone image is looked for (wrappers of wrappers).
_FALLBACK_DEPTH = 4


def is_placeholder_url(url: str) -> bool:
    """Whether ``url`` names a lazy loader's spacer image (``…/blank.gif``, ``1x1.png``)."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    return _PLACEHOLDER_FILE.fullmatch(path.rsplit("/", 1)[-1]) is not None


def is_preview_url(url: str) -> bool:
    """Whether ``url`` is a low-resolution (blurred) preview of the real image."""
    for pattern, limit in ((_PREVIEW_QUALITY, 30), (_PREVIEW_MAX, 100), (_PREVIEW_WIDTH, 64)):
        match = pattern.search(url)
        if match and int(match.group(1)) <= limit:
            return True
    return _PREVIEW_BLUR.search(url) is not None


#: Where an image's size may be, best first: ZAKER's ``data-width``, HTML's ``width``, and the
#: bare ``w``/``h`` of 快科技 (mydrivers).  36kr's ``data-img-size-val="W,H"`` comes last.
WIDTH_ATTRIBUTES: tuple[str, ...] = ("data-width", "width", "w")
HEIGHT_ATTRIBUTES: tuple[str, ...] = ("data-height", "height", "h")
_SIZE_PAIR = re.compile(r"\s*(\d{1,6})\s*[,x×]\s*(\d{1,6})\s*")

#: Elements that may wrap a single image and are replaced by ``<figure>``.
IMAGE_WRAPPER_TAGS: frozenset[str] = frozenset({"div", "span", "p", "section", "picture", "center"})

_INTEGER = re.compile(r"\s*(\d{1,6})(?:px)?\s*")

#: What the URL of an image is: the real picture, a preview of it, a placeholder, or nothing.
REAL, PREVIEW, PLACEHOLDER, NONE = "real", "preview", "placeholder", "none"


def pick_image_url(img: HtmlElement, ctx: CleanContext) -> tuple[str | None, str | None]:
    """Return ``(url, still_url)``: the first usable candidate of :data:`URL_ATTRIBUTES`.

    ``data:`` placeholders and unsafe schemes are skipped.  ``still_url`` is set when the URL is
    the animated ``data-gif-url`` and a different still (``data-original``) exists.
    """
    url, still, _kind = _pick_url(dict(img.attrib), ctx)
    return url, still


def _pick_url(
    attributes: Mapping[str, str], ctx: CleanContext
) -> tuple[str | None, str | None, str]:
    """``(url, still_url, kind)`` from the image's attributes, read once into a dict (a dict
    lookup costs a fraction of an lxml attribute lookup).  ``kind`` is :data:`REAL`, or
    :data:`PREVIEW` (the first preview, when no candidate is real), :data:`PLACEHOLDER` (only
    spacers), :data:`NONE`."""
    preview: str | None = None
    kind = NONE
    for attribute in URL_ATTRIBUTES:
        raw = attributes.get(attribute)
        if raw is None or not raw.strip():
            continue
        if attribute in SRCSET_ATTRIBUTES:
            candidate = largest_candidate(raw)
            raw = candidate.url if candidate is not None else None
        elif raw.lstrip()[:5].lower() == "data:":
            kind = PLACEHOLDER
            continue
        url = ctx.url(raw)
        if url is None:
            continue
        if is_placeholder_url(url):
            kind = PLACEHOLDER
            continue
        if is_preview_url(url):
            preview = preview or url
            continue
        still = None
        if attribute == "data-gif-url":
            still = ctx.url(attributes.get("data-original"))
            if still == url:
                still = None
        return url, still, REAL
    if preview is not None:
        return preview, None, PREVIEW
    return None, None, kind


def _is_one_pixel(attributes: Mapping[str, str]) -> bool:
    """A 1×1 image by its stated size: a spacer's own size, which describes no picture (not
    used to judge the URL: a real picture may be stated 1×1, and dropping it would lose it)."""
    return _size(attributes) == ("1", "1")


def _lone_image(element: HtmlElement, depth: int) -> HtmlElement | None:
    """``element`` if it is an ``img``, or the ``img`` that is the whole content of
    ``element`` (wrappers of at most ``depth`` levels); else ``None``."""
    while depth >= 0:
        if element.tag == "img":
            return element
        if element.tag not in IMAGE_WRAPPER_TAGS and element.tag not in ("figure", "a"):
            return None
        if not is_blank(element.text) or len(element) != 1:  # len: bounded by the depth
            return None
        element = element[0]
        if not is_blank(element.tail):
            return None
        depth -= 1
    return None


def noscript_fallback(noscript: HtmlElement) -> tuple[HtmlElement, dict[str, str]] | None:
    """``(lazy image, real image's attributes)`` for a ``<noscript>`` that holds an image and
    sits right before or after a lone lazy image (or a wrapper of one), else ``None``.

    Cost: the noscript's first image, and a few levels of its two neighbours.
    """
    real = next(noscript.iter("img"), None)
    if real is None:
        return None
    neighbours = []
    previous = noscript.getprevious()
    if previous is not None and is_blank(previous.tail):
        neighbours.append(previous)
    following = noscript.getnext()
    if following is not None and is_blank(noscript.tail):
        neighbours.append(following)
    for neighbour in neighbours:
        if not isinstance(neighbour.tag, str):
            continue
        img = _lone_image(neighbour, _FALLBACK_DEPTH)
        if img is not None:
            return img, dict(real.attrib)
    return None


def _dimension(attributes: Mapping[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = attributes.get(name)
        if value is not None:
            match = _INTEGER.fullmatch(value)
            if match and int(match.group(1)) > 0:
                return str(int(match.group(1)))
    return None


def _size(attributes: Mapping[str, str]) -> tuple[str | None, str | None]:
    """``(width, height)`` as positive integer strings, each ``None`` when not given."""
    width = _dimension(attributes, WIDTH_ATTRIBUTES)
    height = _dimension(attributes, HEIGHT_ATTRIBUTES)
    pair = attributes.get("data-img-size-val")
    if pair is not None and (width is None or height is None):
        match = _SIZE_PAIR.fullmatch(pair)
        if match and int(match.group(1)) > 0 and int(match.group(2)) > 0:
            width = width or str(int(match.group(1)))
            height = height or str(int(match.group(2)))
    return width, height


def _alone(child: HtmlElement) -> bool:
    """``child`` is its parent's only content: no other sibling (but images dropped in this
    pass, see :func:`resolve_lazy_images`) and no text around it (a dropped image's tail is
    text around it too).

    Asked of the siblings, not with ``len(parent)``: lxml counts every child for ``len``, which
    made thousands of images in one container quadratic.
    """
    if not is_blank(child.tail):
        return False
    sibling = child.getprevious()
    while sibling is not None:
        if sibling.tag != DOOMED_TAG or not is_blank(sibling.tail):
            return False
        sibling = sibling.getprevious()
    sibling = child.getnext()
    while sibling is not None:
        if sibling.tag != DOOMED_TAG or not is_blank(sibling.tail):
            return False
        sibling = sibling.getnext()
    return True


def _only_wrapper(img: HtmlElement, root: HtmlElement) -> HtmlElement | None:
    """The outermost wrapper whose whole content is ``img`` (``div.img_box`` …), if any."""
    wrapper = None
    child = img
    parent = child.getparent()
    while (
        parent is not None
        and parent is not root
        and parent.tag in IMAGE_WRAPPER_TAGS
        and "zk_upvideo" not in (parent.get("class") or "")  # a video block, for rule 4
        and is_blank(parent.text)
        and _alone(child)
    ):
        wrapper = parent
        child = parent
        parent = parent.getparent()
    return wrapper


def resolve_lazy_images(root: HtmlElement, ctx: CleanContext) -> int:
    """Give every ``img`` its real URL and dimensions, and unwrap lazy-load wrappers to figures.

    Images without a usable URL are renamed at once and removed together at the end
    (:func:`zakerclean.dom.remove_all`): removed one by one, their tails piled up on a
    neighbour, quadratic in a paragraph of many of them.
    """
    changes = 0
    dropped: list[HtmlElement] = []
    for index, img in enumerate(list(root.iter("img"))):
        before = dict(img.attrib)
        url, still, kind = _pick_url(before, ctx)
        sized = before
        fallback = ctx.fallbacks.get(img) if kind != REAL else None
        if fallback is not None:
            real_url, real_still, real_kind = _pick_url(fallback, ctx)
            if real_kind == REAL or (real_kind == PREVIEW and kind != PREVIEW):
                url, still = real_url, real_still
                sized = _fallback_attributes(before, fallback, kind)
                kind = real_kind
        if url is None:
            what = "only a placeholder" if kind == PLACEHOLDER else "no usable URL"
            ctx.warn(f"image {index + 1} dropped: {what} in {_describe(img)}")
            img.tag = DOOMED_TAG
            dropped.append(img)
            changes += 1
            continue
        if kind == PREVIEW:
            ctx.warn(f"image {index + 1}: only a low-resolution preview, kept: {url[:80]}")
        after = _kept_attributes(sized, url)
        if list(after.items()) != list(before.items()):  # same attributes, same order: as is
            img.attrib.clear()
            for name, value in after.items():
                img.set(name, value)
        if still:
            ctx.stills[url] = still
        wrapper = _only_wrapper(img, root)
        if wrapper is not None:
            figure = new_element("figure")
            figure.tail = wrapper.tail
            wrapper.addprevious(figure)
            img.tail = None
            figure.append(img)
            wrapper.tail = None  # it now lives on the figure
            remove(wrapper)
        if wrapper is not None or after != before:
            changes += 1
    remove_all(root, dropped)
    return changes


def _fallback_attributes(
    lazy: Mapping[str, str], real: Mapping[str, str], kind: str
) -> dict[str, str]:
    """The attributes that describe the noscript's real image: its own; its ``alt`` else the
    lazy image's; its size, else a placeholder's (see the module docstring)."""
    described = {name: real[name] for name in (*WIDTH_ATTRIBUTES, *HEIGHT_ATTRIBUTES, "alt")
                 if name in real}  # fmt: skip
    if "data-img-size-val" in real:
        described["data-img-size-val"] = real["data-img-size-val"]
    if not (described.get("alt") or "").strip() and lazy.get("alt"):
        described["alt"] = lazy["alt"]
    if _size(real) == (None, None) and kind in (PLACEHOLDER, NONE) and not _is_one_pixel(lazy):
        for name in (*WIDTH_ATTRIBUTES, *HEIGHT_ATTRIBUTES, "data-img-size-val"):
            if name in lazy:
                described[name] = lazy[name]
    return described


def _kept_attributes(before: Mapping[str, str], url: str) -> dict[str, str]:
    """The attributes the image keeps, in this order: ``src``, a non-blank ``alt``, the size,
    and a ``referrerpolicy`` for rule 7 to judge (an unchanged image then compares equal and is
    left alone)."""
    after = {"src": url}
    alt = before.get("alt")
    if alt is not None and alt.strip():
        after["alt"] = alt.strip()
    width, height = _size(before)
    if width:
        after["width"] = width
    if height:
        after["height"] = height
    policy = before.get("referrerpolicy")
    if policy is not None:
        after["referrerpolicy"] = policy
    return after


def _describe(img: HtmlElement) -> str:
    shown = {k: v[:60] for k, v in img.attrib.items() if k in URL_ATTRIBUTES}
    return f"<img {shown}>" if shown else "<img> without any URL attribute"
