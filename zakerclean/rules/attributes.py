"""Rule 7 — tags and attributes allowlist.

Only :data:`zakerclean.dom.ALLOWED_TAGS` survive (others are unwrapped: their text stays), and only
the attributes of :data:`zakerclean.dom.ALLOWED_ATTRIBUTES`.  No ``id``, ``style``, ``on*``,
``data-*`` or ``target``; ``class`` only on ``code``, reduced to its ``language-NAME`` token.
Numeric attributes must be integers.

``img`` and ``video`` get ``referrerpolicy="no-referrer"`` while ``CleanOptions.hide_referrer``
is on (the default): the value is fixed here, never copied from the input (an input's
``referrerpolicy`` is kept only when it is that value and the option is on, so cleaning clean
HTML changes nothing).  Image hosts that refuse hot-linked requests carrying a foreign referrer
then serve the pictures wherever the clean HTML is shown.
"""

from __future__ import annotations

import re

from ..context import CleanContext
from ..dom import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    REFERRER_POLICY,
    HtmlElement,
    code_language,
    unwrap_all,
)

__all__ = ["INTEGER_ATTRIBUTES", "REFERRER_TAGS", "filter_attributes"]

#: Attributes whose value must be a positive integer (dropped otherwise).
INTEGER_ATTRIBUTES: frozenset[str] = frozenset({"width", "height", "start", "colspan", "rowspan"})
_INTEGER = re.compile(r"[1-9]\d{0,5}")
_NO_ATTRIBUTES: frozenset[str] = frozenset()
#: Tags that get ``referrerpolicy="no-referrer"`` (``CleanOptions.hide_referrer``).
REFERRER_TAGS: frozenset[str] = frozenset({"img", "video"})
#: The order a kept ``video`` has its attributes in: the order rule 4 builds them, then the
#: referrer policy.  Rule 4 rebuilds any other video, so cleaning clean HTML would reorder.
_VIDEO_ORDER: tuple[str, ...] = ("controls", "src", "poster", "referrerpolicy")


def filter_attributes(root: HtmlElement, ctx: CleanContext) -> int:
    """Unwrap tags outside the allowlist and drop attributes outside it."""
    changes = 0
    outside: list[HtmlElement] = []
    hide_referrer = ctx.options.hide_referrer
    for element in root.iterdescendants():
        tag = element.tag
        if tag not in ALLOWED_TAGS:
            outside.append(element)
            continue
        attributes = element.attrib
        if not attributes:
            continue
        allowed = ALLOWED_ATTRIBUTES.get(tag, _NO_ATTRIBUTES)
        for name, value in list(attributes.items()):
            if (
                name not in allowed
                or (name in INTEGER_ATTRIBUTES and not _INTEGER.fullmatch(value))
                or (name == "referrerpolicy" and not (hide_referrer and value == REFERRER_POLICY))
            ):
                del attributes[name]
                changes += 1
            elif name == "class":
                language = code_language(value)
                if language is None:
                    del attributes[name]
                    changes += 1
                elif language != value:
                    attributes[name] = language
                    changes += 1
            elif name == "controls" and value != "":
                attributes[name] = ""
                changes += 1
        if tag in REFERRER_TAGS and hide_referrer and "referrerpolicy" not in attributes:
            attributes["referrerpolicy"] = REFERRER_POLICY  # after the others: a stable order
            changes += 1
        if tag == "video":
            _order_video(element)
    return changes + unwrap_all(root, outside)


def _order_video(video: HtmlElement) -> None:
    """Put a video's attributes in :data:`_VIDEO_ORDER` (no change counted: same content)."""
    names = list(video.attrib.keys())
    ordered = [name for name in _VIDEO_ORDER if name in video.attrib]
    if names != ordered:
        values = dict(video.attrib)
        video.attrib.clear()
        for name in ordered:
            video.set(name, values[name])
