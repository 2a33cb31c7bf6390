"""Rule 7 — tags and attributes allowlist.

Only :data:`zakerclean.dom.ALLOWED_TAGS` survive (others are unwrapped: their text stays), and only
the attributes of :data:`zakerclean.dom.ALLOWED_ATTRIBUTES`.  No ``id``, ``style``, ``on*``,
``data-*``, ``referrerpolicy`` or ``target``; ``class`` only on ``code``, reduced to its
``language-NAME`` token.  Numeric attributes must be integers.
"""

from __future__ import annotations

import re

from ..context import CleanContext
from ..dom import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, HtmlElement, code_language, unwrap_all

__all__ = ["INTEGER_ATTRIBUTES", "filter_attributes"]

#: Attributes whose value must be a positive integer (dropped otherwise).
INTEGER_ATTRIBUTES: frozenset[str] = frozenset({"width", "height", "start", "colspan", "rowspan"})
_INTEGER = re.compile(r"[1-9]\d{0,5}")
_NO_ATTRIBUTES: frozenset[str] = frozenset()


def filter_attributes(root: HtmlElement, ctx: CleanContext) -> int:
    """Unwrap tags outside the allowlist and drop attributes outside it."""
    changes = 0
    outside: list[HtmlElement] = []
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
            if name not in allowed or (
                name in INTEGER_ATTRIBUTES and not _INTEGER.fullmatch(value)
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
    return changes + unwrap_all(root, outside)
