"""Plain text of cleaned HTML: one paragraph per block, paragraphs separated by a blank line.

Inside a block, ``<br>`` and nested blocks (list items, table rows) start a new line and table
cells are separated by a tab.  A ``blockquote`` contributes its paragraphs as paragraphs.
Images and videos contribute nothing; their captions do.
"""

from __future__ import annotations

import re

from ..dom import BLOCK_TAGS, HtmlElement, html_text_of, text_slots

__all__ = ["tree_to_text"]

_BLANK_LINES = re.compile(r"[ \t]*\n[ \t\n]*\n[ \t]*|[ \t]*\n[ \t]*")


#: Descendants that put a separator into the text (everything else is plain running text).
_SEPARATING: frozenset[str] = frozenset({"br"}) | BLOCK_TAGS


def is_running_text(block: HtmlElement) -> bool:
    """No ``<br>`` and no block inside ``block``: its text is one run.

    A plain loop over the descendants: paragraphs hold a handful of them, and lxml builds a
    new tag matcher for every ``iterdescendants(*tags)`` call, which costs several times more.
    """
    for element in block.iterdescendants():  # noqa: SIM110 (a generator costs more here)
        if element.tag in _SEPARATING:
            return False
    return True


def _block_text(block: HtmlElement) -> str:
    if block.tag != "pre":
        # the common cases, a paragraph of running text: one text node, or libxml2 walks it
        if not len(block):
            return block.text.strip(" \t\n\r\f") if block.text else ""
        if is_running_text(block):
            return html_text_of(block).strip(" \t\n\r\f")
    parts: list[str] = []
    for node, slot in text_slots(block):
        tag = node.tag
        if node is not block:
            if tag == "br" and slot == "text":
                parts.append("\n")
            elif tag in ("td", "th") and slot == "tail":
                parts.append("\t")
            elif tag in BLOCK_TAGS and tag not in ("td", "th"):
                parts.append("\n")
        value = node.text if slot == "text" else node.tail
        if value:
            parts.append(value)
    text = "".join(parts)
    if block.tag == "pre":
        return text.strip("\n")
    return _BLANK_LINES.sub(lambda m: "\n", text).strip(" \t\n\r\f")


def tree_to_text(root: HtmlElement) -> str:
    """The plain text of a cleaned tree."""
    paragraphs: list[str] = []
    stack = list(reversed(root))
    while stack:
        block = stack.pop()
        if block.tag == "blockquote":
            stack.extend(reversed(block))
            if block.text and block.text.strip():
                paragraphs.append(block.text.strip(" \t\n\r\f"))
            continue
        text = _block_text(block)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)
