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
        if element.text or any(child.tail for child in element):
            # "一<strong> </strong>二": the space still separates the words around it
            element.tail = " " + (element.tail or "")
        remove(element)
        changes += 1
    return changes + _drop_stray_breaks(root)


def _inside_table(element: HtmlElement) -> bool:
    return any(ancestor.tag == "table" for ancestor in element.iterancestors())


def _nothing_before(node: HtmlElement, root: HtmlElement) -> bool:
    """True when no text or element precedes ``node`` inside its enclosing block."""
    while True:
        parent = node.getparent()
        if node.getprevious() is not None or parent is None or not is_blank(parent.text):
            return False
        if parent is root or parent.tag in BLOCK_TAGS:
            return True
        node = parent


def _nothing_after(node: HtmlElement, root: HtmlElement) -> bool:
    """True when no text or element follows ``node`` inside its enclosing block."""
    while True:
        if not is_blank(node.tail) or node.getnext() is not None:
            return False
        parent = node.getparent()
        if parent is None or parent is root or parent.tag in BLOCK_TAGS:
            return True
        node = parent


def _drop_stray_breaks(root: HtmlElement) -> int:
    """Drop ``<br>`` at a block's start or end and all but the first of a run of ``<br>``.

    "Start" and "end" look through inline wrappers: ``<p>一<span>二<br></span></p>`` ends in one.
    """
    changes = 0
    for br in reversed(list(root.iter("br"))):  # last first: a run at the end goes whole
        parent = br.getparent()
        if parent is None:
            continue
        previous = br.getprevious()
        after_break = previous is not None and previous.tag == "br" and is_blank(previous.tail)
        if parent is root or after_break or _nothing_before(br, root) or _nothing_after(br, root):
            remove(br)
            changes += 1
    return changes
