"""Rule 8 — whitespace.

Runs of ASCII whitespace (space, tab, CR, LF, FF) collapse to one space, also across inline tags,
and text is trimmed at the edges of every block and around ``<br>``.  Only ASCII whitespace is
touched: U+3000 (ideographic space), U+00A0 and full-width punctuation are content and are never
folded (no NFKC).  ``<pre>`` and ``<code>`` are left exactly as they are.
"""

from __future__ import annotations

import re

from ..context import CleanContext
from ..dom import BLOCK_TAGS, HtmlElement, html_text_of, text_slots

__all__ = ["ASCII_WHITESPACE", "normalize_whitespace"]

ASCII_WHITESPACE = " \t\n\r\f"
_RUN = re.compile(r"[ \t\n\r\f]+")


def normalize_whitespace(root: HtmlElement, ctx: CleanContext) -> int:
    """Collapse and trim ASCII whitespace in every block of ``root``."""
    changes = 0
    # Top-level text between blocks is only whitespace once the structure rule has run.
    if root.text is not None:
        root.text = None
    for block in root:
        if block.tail is not None:
            block.tail = None
        if not _is_normal(block):
            changes += _normalize_block_text(block)
    return changes


#: Elements whose whitespace is content (SPEC §3 rule 8).
_KEPT: frozenset[str] = frozenset({"pre", "code"})
#: Descendants around which text is trimmed.
_SEPARATING: frozenset[str] = frozenset({"br", "pre"}) | BLOCK_TAGS


def _normal_text(text: str) -> bool:
    """Nothing to collapse or trim in ``text``: no ASCII whitespace but single spaces, none
    at either end.  Substring tests: a regex costs several times more per paragraph."""
    return not (
        "  " in text
        or "\n" in text
        or "\t" in text
        or "\r" in text
        or "\f" in text
        or text[:1] == " "
        or text[-1:] == " "
    )


def _is_normal(block: HtmlElement) -> bool:
    """True when ``block`` is running text already in normal form (most blocks on a second
    pass): nothing to collapse or trim, and no ``<br>``/block/``pre`` inside to trim around.

    The descendants are looked at in a plain loop: lxml builds a new tag matcher for every
    ``iterdescendants(*tags)`` call, dearer than the loop over a paragraph's few children.
    """
    if block.tag == "pre":
        return False
    if not len(block):  # the commonest paragraph: one text node
        return block.text is None or _normal_text(block.text)
    for element in block.iterdescendants():
        if element.tag in _SEPARATING:
            return False
    return _normal_text(html_text_of(block))


def _normalize_block_text(block: HtmlElement) -> int:
    """One left-to-right pass over the text slots of ``block`` (and any blocks inside it).

    ``pending`` remembers the slot whose text ends in a space: the space is dropped if a block
    boundary or ``<br>`` follows, or kept when more text follows (which then loses its leading
    space, so a run split across tags still collapses to one space).
    """
    if block.tag != "pre" and not len(block):
        return _normalize_lone_text(block)
    changes = 0
    pending: tuple[HtmlElement, str] | None = None
    line_start = True
    kept_depth = 0
    for node, slot in text_slots(block):
        tag = node.tag
        if tag in _KEPT and slot == "text":  # pre and code content is kept as it is...
            if kept_depth == 0 and tag == "code":
                pending = None  # code follows: the space before it separates words
                line_start = False
            elif kept_depth == 0 and pending is not None:
                changes += _trim_end(*pending)
                pending = None
            if tag == "pre" and node.text and node.text[0] in "\r\n":
                # ...but for leading newlines: HTML parsers drop the first one, so keeping
                # them would change the text each time the output is parsed again
                node.text = node.text.lstrip("\r\n") or None
                changes += 1
            kept_depth += 1
            continue
        if tag in _KEPT:
            kept_depth -= 1
        if kept_depth:
            continue
        if tag in BLOCK_TAGS or tag == "br":
            if pending is not None:
                changes += _trim_end(*pending)
                pending = None
            line_start = True
        value = getattr(node, slot)
        if not value:
            continue
        new = _RUN.sub(" ", value)
        if line_start or pending is not None:
            new = new.lstrip(" ")
        if new != value:
            changes += 1
            setattr(node, slot, new or None)
        if new:
            line_start = False
            pending = (node, slot) if new.endswith(" ") else None
    if pending is not None:
        changes += _trim_end(*pending)
    return changes


def _normalize_lone_text(block: HtmlElement) -> int:
    """:func:`_normalize_block_text` for a block that is one text node (most paragraphs):
    the same edits and counts, without walking the slots."""
    value = block.text
    if not value:
        return 0
    changes = 0
    new = _RUN.sub(" ", value).lstrip(" ")
    if new != value:
        changes += 1
        block.text = new or None
    if new.endswith(" "):
        block.text = new.rstrip(" ") or None
        changes += 1
    return changes


def _trim_end(node: HtmlElement, slot: str) -> int:
    value = getattr(node, slot)
    if value and value.endswith(" "):
        setattr(node, slot, value.rstrip(" ") or None)
        return 1
    return 0
