"""Structure pass ``rename_tags``: legacy and presentational tags become their allowed equivalent.

Runs first, so that every later pass (and rule) sees only ``strong``, ``em``, ``h2`` …
"""

from __future__ import annotations

from ...context import CleanContext
from ...dom import HtmlElement

__all__ = ["RENAMED_TAGS", "rename_tags"]

#: Tags replaced by their modern or allowed equivalent.
RENAMED_TAGS: dict[str, str] = {
    "b": "strong",
    "i": "em",
    "h1": "h2",
    "strike": "s",
    "del": "s",
    "tt": "code",
    "kbd": "code",
    "samp": "code",
    "ins": "u",
}
_RENAMED = tuple(RENAMED_TAGS)


def rename_tags(root: HtmlElement, ctx: CleanContext) -> int:
    """Rename every ``b``, ``i``, ``h1`` … below ``root``; return how many."""
    changes = 0
    for element in root.iter(*_RENAMED):  # one tag matcher for the whole tree
        element.tag = RENAMED_TAGS[str(element.tag)]
        changes += 1
    return changes
