"""Structure pass ``collapse_inline``: an inline element inside an identical one is unwrapped.

``<strong><strong>x</strong></strong>`` says nothing more than one ``strong``; ``a`` inside ``a``
is invalid HTML.  Runs last: unwrapping blocks inside inline elements (the ``blocks`` pass) can
create such nestings.
"""

from __future__ import annotations

from ...context import CleanContext
from ...dom import BLOCK_TAGS, HtmlElement, unwrap_all

__all__ = ["INLINE_COLLAPSIBLE", "collapse_nested_inline"]

#: Inline tags whose nesting in an identical tag adds nothing.
INLINE_COLLAPSIBLE: frozenset[str] = frozenset(
    {"strong", "em", "u", "s", "sub", "sup", "code", "a"}
)
_COLLAPSIBLE = tuple(INLINE_COLLAPSIBLE)


def collapse_nested_inline(root: HtmlElement, ctx: CleanContext) -> int:
    """Unwrap ``<strong>`` inside ``<strong>`` (and so on, up to the enclosing block)."""
    nested: list[HtmlElement] = []
    for element in root.iter(*_COLLAPSIBLE):
        parent = element.getparent()
        while parent is not None and parent is not root and parent.tag not in BLOCK_TAGS:
            if parent.tag == element.tag:
                nested.append(element)
                break
            parent = parent.getparent()
    return unwrap_all(root, nested)
