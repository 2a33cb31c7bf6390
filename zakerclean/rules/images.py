"""Rule 2 — lazy images.

ZAKER wraps every picture as ``div.img_box > div.content_img_div > img.lazy``: the real URL is in
``data-original``, an animated version in ``data-gif-url`` and ``src`` is the same URL behind a
CORS proxy.  Other sites use ``data-src``, ``data-actualsrc``, ``srcset`` and friends.  This rule
picks the one real URL per image (:data:`URL_ATTRIBUTES`, in priority order), turns the size the
source gives (:data:`WIDTH_ATTRIBUTES`/:data:`HEIGHT_ATTRIBUTES`, or 36kr's
``data-img-size-val="W,H"``) into integer ``width``/``height``, and replaces any wrapper whose
only content is the image by ``<figure><img></figure>``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..context import CleanContext
from ..dom import DOOMED_TAG, HtmlElement, is_blank, new_element, remove, remove_all

__all__ = [
    "HEIGHT_ATTRIBUTES",
    "IMAGE_WRAPPER_TAGS",
    "URL_ATTRIBUTES",
    "WIDTH_ATTRIBUTES",
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
    "srcset",
    "src",
)

#: Where an image's size may be, best first: ZAKER's ``data-width``, HTML's ``width``, and the
#: bare ``w``/``h`` of 快科技 (mydrivers).  36kr's ``data-img-size-val="W,H"`` comes last.
WIDTH_ATTRIBUTES: tuple[str, ...] = ("data-width", "width", "w")
HEIGHT_ATTRIBUTES: tuple[str, ...] = ("data-height", "height", "h")
_SIZE_PAIR = re.compile(r"\s*(\d{1,6})\s*[,x×]\s*(\d{1,6})\s*")

#: Elements that may wrap a single image and are replaced by ``<figure>``.
IMAGE_WRAPPER_TAGS: frozenset[str] = frozenset({"div", "span", "p", "section", "picture", "center"})

_KEPT = ("src", "alt", "width", "height")
_INTEGER = re.compile(r"\s*(\d{1,6})(?:px)?\s*")


def _largest_srcset_candidate(srcset: str) -> str | None:
    """The URL of the widest (``w``) or densest (``x``) candidate of a ``srcset``."""
    best: tuple[float, str] | None = None
    for candidate in re.split(r",\s+", srcset.strip()):
        parts = candidate.split()
        if not parts:
            continue
        size = 0.0
        if len(parts) > 1 and parts[-1][-1:] in ("w", "x"):
            try:
                size = float(parts[-1][:-1])
            except ValueError:
                size = 0.0
        if best is None or size > best[0]:
            best = (size, parts[0].rstrip(","))
    return best[1] if best else None


def pick_image_url(img: HtmlElement, ctx: CleanContext) -> tuple[str | None, str | None]:
    """Return ``(url, still_url)``: the first usable candidate of :data:`URL_ATTRIBUTES`.

    ``data:`` placeholders and unsafe schemes are skipped.  ``still_url`` is set when the URL is
    the animated ``data-gif-url`` and a different still (``data-original``) exists.
    """
    return _pick_url(dict(img.attrib), ctx)


def _pick_url(attributes: Mapping[str, str], ctx: CleanContext) -> tuple[str | None, str | None]:
    """:func:`pick_image_url` on the image's attributes, read once into a dict (a dict lookup
    costs a fraction of an lxml attribute lookup)."""
    for attribute in URL_ATTRIBUTES:
        raw = attributes.get(attribute)
        if raw is None or not raw.strip():
            continue
        if attribute == "srcset":
            raw = _largest_srcset_candidate(raw)
        url = ctx.url(raw)
        if url is None:
            continue
        still = None
        if attribute == "data-gif-url":
            still = ctx.url(attributes.get("data-original"))
            if still == url:
                still = None
        return url, still
    return None, None


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
        url, still = _pick_url(before, ctx)
        if url is None:
            ctx.warn(f"image {index + 1} dropped: no usable URL in {_describe(img)}")
            img.tag = DOOMED_TAG
            dropped.append(img)
            changes += 1
            continue
        after = _kept_attributes(before, url)
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


def _kept_attributes(before: Mapping[str, str], url: str) -> dict[str, str]:
    """The attributes the image keeps, in this order: ``src``, a non-blank ``alt``, and the
    size (an unchanged image then compares equal and is left alone)."""
    after = {"src": url}
    alt = before.get("alt")
    if alt is not None and alt.strip():
        after["alt"] = alt.strip()
    width, height = _size(before)
    if width:
        after["width"] = width
    if height:
        after["height"] = height
    return after


def _describe(img: HtmlElement) -> str:
    shown = {k: v[:60] for k, v in img.attrib.items() if k in URL_ATTRIBUTES}
    return f"<img {shown}>" if shown else "<img> without any URL attribute"
