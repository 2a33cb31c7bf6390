"""Depth limiting: the first step after parsing, before every rule.

libxml2 reads up to 2048 levels of nesting; the structure rule recurses once per nested
container, so the tree must be bounded first.  Bounding it must not change what it says:

1. **Redundant wrappers go first.**  Deep input is nearly always a chain of wrappers each
   holding just the next one (``<div><div><div>…``).  A wrapper without attributes whose whole
   content is one element (no text around it) adds no boundary of its own, so unwrapping it
   changes nothing the rules see: the output is the one the same body gives without the chain.
   Wrappers with attributes stay (rules 1–4 read classes such as ``edi_oper`` and ``zk_upvideo``).
2. **What is still too deep is flattened, never glued.**  Below :data:`FLATTEN_BASE` levels,
   an element whose subtree fits where it goes is kept whole (a table, an image box, a script
   with its text); any other block-like element (layout containers, paragraphs, list and table
   parts) is lifted to one level and split where a nested block interrupted it (a shallow
   copy, attributes and all, carries the rest), so every block boundary survives and no two
   paragraphs' text run together.  Other inline elements are copied while there is room, then
   unwrapped.  Text and media stay in order.

Both steps are linear and iterative (no recursion): ``etree.iterwalk`` and one bulk unwrap.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy

from lxml import etree

from ..context import CleanContext
from ..dom import BLOCK_TAGS, LAYOUT_TAGS, HtmlElement, new_element, unwrap_all

__all__ = ["FLATTEN_BASE", "MAX_DEPTH", "limit_depth"]

#: Deepest element nesting the rules work on (root children are level 1).
MAX_DEPTH = 64
#: Level of the elements whose too-deep content is flattened.  Lifted blocks sit one level below
#: it; an element whose own subtree fits below where it goes (a table, an image box, a short
#: list) is kept whole, so the margin keeps most real blocks intact.
FLATTEN_BASE = MAX_DEPTH - 8

_ASCII_WHITESPACE = " \t\n\r\f"
#: Elements that end a paragraph (as the structure rule treats them).
_BLOCK_LIKE = LAYOUT_TAGS | BLOCK_TAGS | {"p"}
#: Inline wrappers that mean nothing without attributes.
_PLAIN_INLINE = frozenset({"span", "font"})
#: Wrappers that may absorb an identical plain wrapper inside them (``a`` in ``a`` is a second
#: link, ``blockquote`` in ``blockquote`` a deeper quote: those stay).
_MERGEABLE = LAYOUT_TAGS | _PLAIN_INLINE | {"strong", "em", "b", "i", "u", "s", "sub", "sup"}


def limit_depth(root: HtmlElement, ctx: CleanContext) -> int:
    """Bound the nesting below ``root`` to :data:`MAX_DEPTH` levels; return how many elements
    were unwrapped or lifted (0, and no work beyond one XPath test, for ordinary trees)."""
    if not _deeper_than(root, MAX_DEPTH):
        return 0
    changes = unwrap_all(root, _redundant_wrappers(root))
    if _deeper_than(root, MAX_DEPTH):
        for base in root.xpath("*/" * (FLATTEN_BASE - 1) + "*"):
            if _deeper_than(base, MAX_DEPTH - FLATTEN_BASE):
                changes += _flatten_content(base)
    ctx.warn(f"{changes} elements nested deeper than {MAX_DEPTH} levels were unwrapped or lifted")
    return changes


def _deeper_than(element: HtmlElement, levels: int) -> bool:
    """Whether some element lies more than ``levels`` levels below ``element``."""
    return bool(element.xpath("*/" * levels + "*"))


def _is_blank(text: str | None) -> bool:
    """No text, or layout whitespace only (NBSP and U+3000 are content)."""
    return text is None or not text.strip(_ASCII_WHITESPACE)


def _redundant_wrappers(root: HtmlElement) -> list[HtmlElement]:
    """Wrappers whose unwrapping changes no boundary: each one's content is one element.

    A plain ``span``/``font`` goes whatever it holds; a plain layout container goes when what it
    holds is itself block-like (its boundaries are the same); a plain wrapper inside an
    identical wrapper with attributes goes (the outer one keeps the attributes).  Decisions
    hold together: each keeps every text and tail where it was.
    """
    doomed: dict[HtmlElement, None] = {}  # ordered set: an element may qualify twice
    for wrapper in root.iterdescendants():
        child = next(iter(wrapper), None)
        if (
            child is None
            or child.getnext() is not None
            or not isinstance(child.tag, str)
            or not _is_blank(wrapper.text)
            or not _is_blank(child.tail)
        ):
            continue
        if not wrapper.attrib:
            if wrapper.tag in _PLAIN_INLINE or (
                wrapper.tag in LAYOUT_TAGS and child.tag in _BLOCK_LIKE
            ):
                doomed[wrapper] = None
        elif child.tag == wrapper.tag and child.tag in _MERGEABLE and not child.attrib:
            doomed[child] = None
    return list(doomed)


class _Flattener:
    """Rebuilds the content of one element as lifted blocks (see the module docstring)."""

    def __init__(self, base: HtmlElement) -> None:
        self.base = base
        #: tells the walk over the input not to enter the element just kept whole
        self.skip_subtree: Callable[[], None] = _nothing
        #: output elements content goes into: the base, then a lifted block, then inline copies
        self.stack: list[HtmlElement] = [base]
        #: the input block-like elements open at this point (innermost last)
        self.blocks: list[HtmlElement] = []
        #: per open input element, what became of it (``block``, ``inline``, ``whole``, ``gone``)
        self.kinds: list[str] = []
        #: per open ``inline`` element, its copy
        self.copies: list[HtmlElement] = []
        #: text waiting to be written after ``last`` (or into ``stack[-1].text``): written once,
        #: so that many unwrapped wrappers' texts do not make a tail grow piece by piece
        self.pending: list[str] = []
        self.last: HtmlElement | None = None
        self.changes = 0

    def start(self, element: HtmlElement) -> None:
        is_block = element.tag in _BLOCK_LIKE
        if is_block:
            self.flush()
            del self.stack[1:]
        else:
            self._continue_block()
        level = FLATTEN_BASE + len(self.stack)  # where a copy of ``element`` would be
        if not _deeper_than(element, MAX_DEPTH - level):
            whole = deepcopy(element)  # fits where it goes: kept as it is
            whole.tail = None
            self.append(whole, push=False)
            self.kinds.append("whole")
            self.skip_subtree()
        elif is_block:
            self.blocks.append(element)
            self.kinds.append("block")
            self.append(_shallow_copy(element), push=True)
            self.text(element.text)
            self.changes += 1
        elif level < MAX_DEPTH:
            copy = _shallow_copy(element)
            self.append(copy, push=True)
            self.kinds.append("inline")
            self.copies.append(copy)
            self.text(element.text)
        else:
            self.kinds.append("gone")
            self.text(element.text)
            self.changes += 1

    def end(self, element: HtmlElement) -> None:
        kind = self.kinds.pop()
        if kind == "block":
            # (a block kept whole needs nothing here: its start already left it the last
            # element of the base, with nothing open after it)
            self.flush()
            self.blocks.pop()
            del self.stack[1:]  # what follows continues the enclosing block, in a new copy
            self.last = self.base[-1]
        elif kind == "inline":
            copy = self.copies.pop()
            if self.stack[-1] is copy:
                self.flush()
                self.stack.pop()
                self.last = copy
        self.text(element.tail)

    def text(self, text: str | None) -> None:
        if not text:
            return
        if not _is_blank(text):
            self._continue_block()
        self.pending.append(text)

    def append(self, element: HtmlElement, *, push: bool) -> None:
        self.flush()
        self.stack[-1].append(element)
        if push:
            self.stack.append(element)
            self.last = None
        else:
            self.last = element

    def flush(self) -> None:
        if not self.pending:
            return
        text = "".join(self.pending)
        self.pending.clear()
        if self.last is not None:
            self.last.tail = (self.last.tail or "") + text
        else:
            target = self.stack[-1]
            target.text = (target.text or "") + text

    def _continue_block(self) -> None:
        """Content after a nested block belongs to the enclosing block: open its next piece."""
        if len(self.stack) == 1 and self.blocks:
            self.flush()
            piece = _shallow_copy(self.blocks[-1])
            self.base.append(piece)
            self.stack.append(piece)
            self.last = None


def _nothing() -> None:
    """Placeholder until a walk starts."""


def _shallow_copy(element: HtmlElement) -> HtmlElement:
    """``element`` without its children.  The HTML parser accepts tag and attribute names that
    lxml refuses to create (``<a"b>``, ``x"=1``): such a tag becomes a layout ``div`` (unwrapped
    later, as an unknown tag would be) and such an attribute is left out (none is allowed)."""
    try:
        copy = new_element(str(element.tag))
    except ValueError:
        copy = new_element("div")
    for name, value in element.items():
        try:
            copy.set(name, value)
        except ValueError:
            continue
    return copy


def _flatten_content(base: HtmlElement) -> int:
    """Replace ``base``'s content by lifted blocks below it; return how many elements were
    lifted or unwrapped."""
    children = list(base)
    for child in children:
        base.remove(child)  # with its tail, which the walk below puts back in place
    flattener = _Flattener(base)
    for child in children:  # ``base.text`` stays as it is; the walk continues after it
        walker = etree.iterwalk(child, events=("start", "end"))
        flattener.skip_subtree = walker.skip_subtree
        for event, element in walker:
            if event == "start":
                flattener.start(element)
            else:
                flattener.end(element)
    flattener.flush()
    return flattener.changes
