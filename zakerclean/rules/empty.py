"""Rule 6 — empty elements.

The parser's repair leaves ``<p></p>`` everywhere, ZAKER adds empty ``<strong>``/``<b>`` and
``<p>\\n \\n</p>``.  Any element with no non-whitespace text and no medium (``img``, ``video``)
inside is removed, children first, so a parent emptied by the removal goes too.  Table parts are
kept while their table has content, so the table keeps its shape.  ``<br>`` at the edges of a block
and the extra ``<br>`` of a run are dropped.
"""

from __future__ import annotations

from ..context import CleanContext
from ..dom import BLOCK_TAGS, MEDIA_TAGS, TABLE_STRUCTURE_TAGS, HtmlElement, is_blank, remove

__all__ = ["remove_empty_elements"]


def remove_empty_elements(root: HtmlElement, ctx: CleanContext) -> int:
    """Remove contentless elements (bottom-up), then stray ``<br>``s."""
    changes = 0
    has_content: set[HtmlElement] = set()
    # Reversed document order visits every element after all of its descendants.
    for element in reversed(list(root.iterdescendants())):
        tag = element.tag
        if tag == "br":
            continue
        if (
            tag in MEDIA_TAGS
            or not is_blank(element.text)
            or any(child in has_content or not is_blank(child.tail) for child in element)
        ):
            has_content.add(element)
            continue
        if tag in TABLE_STRUCTURE_TAGS and _inside_table(element):
            continue  # kept for the table's shape; the table itself goes if it is all empty
        remove(element)
        changes += 1
    return changes + _drop_stray_breaks(root)


def _inside_table(element: HtmlElement) -> bool:
    return any(ancestor.tag == "table" for ancestor in element.iterancestors())


def _drop_stray_breaks(root: HtmlElement) -> int:
    """Drop ``<br>`` at a block's start or end and all but the first of a run of ``<br>``."""
    changes = 0
    for br in list(root.iter("br")):
        parent = br.getparent()
        if parent is None:
            continue
        previous = br.getprevious()
        at_start = previous is None and is_blank(parent.text) if parent.tag in BLOCK_TAGS else False
        after_break = previous is not None and previous.tag == "br" and is_blank(previous.tail)
        at_end = (
            parent.tag in BLOCK_TAGS and br.getnext() is None and is_blank(br.tail)
        ) or parent is root
        if at_start or after_break or at_end:
            remove(br)
            changes += 1
    return changes
