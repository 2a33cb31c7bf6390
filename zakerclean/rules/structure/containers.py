"""What each kind of block may hold, for the ``blocks`` pass: phrasing blocks, figures, lists
and tables.

These helpers fix one container's own children and hand back the parts that need the general
treatment (list items, table cells), so that the recursion stays in :mod:`.blocks`.
"""

from __future__ import annotations

from ...dom import (
    BLOCK_TAGS,
    HEADING_TAGS,
    LAYOUT_TAGS,
    HtmlElement,
    is_blank,
    new_element,
    unwrap_all,
)

__all__ = [
    "BLOCK_LIKE",
    "FLOW_BLOCKS",
    "ONLY_INSIDE_PARENT",
    "PHRASING_BLOCKS",
    "TABLE_CHILDREN",
    "foster_table_content",
    "holds_block",
    "normalize_figure",
    "replace_children",
    "unwrap_blocks_inside",
    "wrap_list_items",
]

#: Elements that end a paragraph: layout containers, blocks and ``p``.
BLOCK_LIKE: frozenset[str] = LAYOUT_TAGS | BLOCK_TAGS | {"p"}
#: Containers whose content is phrasing only: blocks inside them are unwrapped.
PHRASING_BLOCKS: frozenset[str] = HEADING_TAGS | {"figcaption", "caption", "pre"}
#: Containers that may hold both text and blocks (content normalized, not forced into ``p``).
FLOW_BLOCKS: frozenset[str] = frozenset({"li", "td", "th"})
#: What each table part may hold; anything else is moved before the table.
TABLE_CHILDREN: dict[str, frozenset[str]] = {
    "table": frozenset({"caption", "thead", "tbody", "tfoot", "tr"}),
    "thead": frozenset({"tr"}),
    "tbody": frozenset({"tr"}),
    "tfoot": frozenset({"tr"}),
    "tr": frozenset({"td", "th"}),
}
#: Blocks that only mean something inside their parent (a list, a table, a figure); found
#: anywhere else they are unwrapped like layout containers.
ONLY_INSIDE_PARENT: frozenset[str] = frozenset(
    {"li", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "figcaption"}
)


def holds_block(element: HtmlElement) -> bool:
    """Some descendant of ``element`` ends a paragraph.

    A Python loop: most elements asked about are small, and ``iterdescendants(*tags)`` builds
    a new tag matcher on every call (several microseconds, ten times the loop).
    """
    return any(inner.tag in BLOCK_LIKE for inner in element.iterdescendants())


def unwrap_blocks_inside(element: HtmlElement) -> int:
    """Unwrap block and layout elements inside an inline or phrasing element.

    Their text stays, separated by a space so that two blocks' words do not run together
    (the whitespace rule trims it where it is not needed).
    """
    blocks = [inner for inner in element.iterdescendants() if inner.tag in BLOCK_LIKE]
    for block in blocks:
        block.text = " " + (block.text or "")
        block.tail = " " + (block.tail or "")
    return unwrap_all(element, blocks)


def normalize_figure(figure: HtmlElement) -> int:
    """A figure holds media, inline content and one caption: every other block goes."""
    changes = 0
    for inner in figure:
        if inner.tag == "figcaption":
            changes += unwrap_blocks_inside(inner)
    return changes + unwrap_all(
        figure,
        [
            inner
            for inner in figure.iterdescendants()
            if inner.tag in BLOCK_LIKE
            and not (inner.tag == "figcaption" and inner.getparent() is figure)
        ],
    )


def wrap_list_items(listing: HtmlElement) -> tuple[list[HtmlElement], int]:
    """Put every child and every text of a ``ul``/``ol`` into an ``li``.

    Returns the items whose content still needs normalizing (those made of a tail hold text
    only) and how many changes were made.
    """
    changes = 0
    if not is_blank(listing.text):
        item = new_element("li")
        item.text = listing.text
        listing.insert(0, item)
        changes += 1
    listing.text = None
    items: list[HtmlElement] = []
    for child in list(listing):
        if child.tag != "li":
            item = new_element("li")
            child.addprevious(item)
            item.append(child)
            changes += 1
        else:
            item = child
        if not is_blank(item.tail):
            extra = new_element("li")
            extra.text = item.tail
            item.addnext(extra)
            changes += 1
        item.tail = None
        items.append(item)
    return items, changes


def foster_table_content(
    part: HtmlElement, fostered: list[HtmlElement | str], cells: list[HtmlElement]
) -> int:
    """Keep only proper table structure in ``part``; move the rest to ``fostered``.

    Like an HTML5 parser's foster parenting: text and elements with no place in a table go
    before it, so that re-parsing the output cannot move them (idempotence).  The cells and
    captions found go to ``cells`` (their content is normalized by the caller).  Recursion is
    bounded: a table has at most three levels of parts.
    """
    changes = 0
    allowed = TABLE_CHILDREN[str(part.tag)]
    if part.text is not None and part.text.strip():
        fostered.append(part.text)
        changes += 1
    part.text = None
    for child in list(part):
        tail, child.tail = child.tail, None
        if child.tag in allowed:
            if child.tag in TABLE_CHILDREN:
                changes += foster_table_content(child, fostered, cells)
            else:
                cells.append(child)
        else:
            part.remove(child)
            fostered.append(child)
            changes += 1
        if tail is not None and tail.strip():
            fostered.append(tail)
            changes += 1
    return changes


def replace_children(parent: HtmlElement, children: list[HtmlElement]) -> None:
    """``parent[:] = children`` without lxml's slice assignment, which leaks C memory
    (about a kilobyte per call, measured) when the new children come from elsewhere."""
    for child in list(parent):
        parent.remove(child)
    parent.extend(children)
