"""Rule 6 — empty elements.

The parser's repair leaves ``<p></p>`` everywhere, ZAKER adds empty ``<strong>``/``<b>`` and
``<p>\\n \\n</p>``.  Any element with no non-whitespace text and no medium (``img``, ``video``)
inside is removed, children first, so a parent emptied by the removal goes too.  Table parts are
kept while their table has content, so the table keeps its shape.  ``<br>`` at the edges of a block
and the extra ``<br>`` of a run are dropped.
"""

from __future__ import annotations

from ..context import CleanContext
from ..dom import (
    BLOCK_TAGS,
    DOOMED_TAG,
    MEDIA_TAGS,
    TABLE_STRUCTURE_TAGS,
    HtmlElement,
    is_blank,
    remove_all,
)

__all__ = ["remove_empty_elements"]


def remove_empty_elements(root: HtmlElement, ctx: CleanContext) -> int:
    """Remove contentless elements (bottom-up), then stray ``<br>``s."""
    changes = 0
    has_content: set[HtmlElement] = set()
    doomed: list[HtmlElement] = []
    # Reversed document order visits every element after all of its descendants.  The empty
    # ones are removed together at the end (see :func:`zakerclean.dom.remove_all`): removing
    # them one by one moves each tail onto its neighbour, and a neighbour's tail that keeps
    # growing made runs of empty spans quadratic.  The decisions are the same: a child's tail
    # counts where it is as much as where removing the child would have moved it.
    for element in reversed(list(root.iterdescendants())):
        tag = element.tag
        if tag == "br":
            continue
        if _has_content(element, has_content):
            has_content.add(element)
            continue
        if tag in TABLE_STRUCTURE_TAGS and _inside_table(element):
            continue  # kept for the table's shape; the table itself goes if it is all empty
        if element.text or any(child.tail for child in element):
            # "一<strong> </strong>二": the space still separates the words around it
            element.tail = " " + (element.tail or "")
        doomed.append(element)
        changes += 1
    remove_all(root, doomed)
    return changes + _drop_stray_breaks(root)


def _has_content(element: HtmlElement, has_content: set[HtmlElement]) -> bool:
    """A medium, text, or a child with content or text after it.  (``isspace`` rather than
    ``strip``: the same test for blank text without building a new string.)"""
    if element.tag in MEDIA_TAGS:
        return True
    text = element.text
    if text and not text.isspace():
        return True
    for child in element:
        if child in has_content:
            return True
        tail = child.tail
        if tail and not tail.isspace():
            return True
    return False


def _inside_table(element: HtmlElement) -> bool:
    return any(ancestor.tag == "table" for ancestor in element.iterancestors())


def _before(br: HtmlElement, root: HtmlElement) -> str:
    """What comes before ``br`` in its block, looking through inline wrappers and empty tags:
    ``"start"`` (nothing), ``"break"`` (another ``<br>``) or ``"content"``."""
    node = br
    while True:
        previous = node.getprevious()
        if previous is None:
            parent = node.getparent()
            if parent is None or not is_blank(parent.text):
                return "content"
            if parent is root or parent.tag in BLOCK_TAGS:
                return "start"
            node = parent
            continue
        if not is_blank(previous.tail):
            return "content"
        while len(previous) and previous.tag not in MEDIA_TAGS:  # its last content first
            last = previous[-1]
            if not is_blank(last.tail):
                return "content"
            previous = last
        if previous.tag == "br":
            return "break"
        if previous.tag in MEDIA_TAGS or not is_blank(previous.text):
            return "content"
        node = previous  # an empty element: keep looking before it


def _after(br: HtmlElement, root: HtmlElement) -> str:
    """What follows ``br`` in its block: ``"end"``, ``"break"`` or ``"content"``."""
    node = br
    while True:
        if not is_blank(node.tail):
            return "content"
        following = node.getnext()
        if following is None:
            parent = node.getparent()
            if parent is None or parent is root or parent.tag in BLOCK_TAGS:
                return "end"
            node = parent
            continue
        while True:  # its first content
            if following.tag == "br":
                return "break"
            if following.tag in MEDIA_TAGS or not is_blank(following.text):
                return "content"
            if not len(following):
                break
            following = following[0]
        node = following  # an empty element: keep looking after it


def _drop_stray_breaks(root: HtmlElement) -> int:
    """Drop ``<br>`` at a block's start or end and all but the first of a run of ``<br>``.

    Both look through inline wrappers: ``<p>一<span>二<br></span></p>`` ends in a ``<br>``, and
    ``一<strong>二<br></strong><br>三`` holds a run of two.  The doomed ``<br>``s are renamed at
    once and removed together at the end: a renamed one reads, to the ``<br>``s before it, as the
    empty element it is about to stop being (its tail still counts), so the decisions are those
    of removing them one by one, without moving tails from neighbour to neighbour.
    """
    doomed: list[HtmlElement] = []
    for br in reversed(list(root.iter("br"))):  # last first: a run at the end goes whole
        if (
            br.getparent() is root
            or _before(br, root) in ("start", "break")
            or (_after(br, root) == "end")
        ):
            br.tag = DOOMED_TAG
            doomed.append(br)
    remove_all(root, doomed)
    return len(doomed)
