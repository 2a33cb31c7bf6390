"""Rule 5 — structure.

The bodies are a soup of layout ``div``s, bare text between blocks (left by an HTML parser's
repair of ``<p><div class="img_box">…</div>text</p>``), ``<b>``/``<i>``, ``<h1>`` and nested
duplicates like ``<strong><strong>``.  This rule rebuilds the body as a flat sequence of blocks:

* layout containers (``div``, ``section`` …, :data:`zakerclean.dom.LAYOUT_TAGS`) are unwrapped,
  but still end the paragraph before them;
* bare text and inline runs at block level become ``<p>``; a run holding only images or videos
  becomes one ``<figure>`` per medium;
* a short caption-like run right after a figure (``▲ …``, ``（… 摄）``, ``图源 …``) becomes that
  figure's ``<figcaption>`` (``CleanOptions.detect_captions``);
* ``b``→``strong``, ``i``→``em``, ``h1``→``h2``; an inline element inside an identical one is
  unwrapped; ``p``, headings and captions never hold blocks.
"""

from __future__ import annotations

import re

from lxml.html import Element

from ..context import CleanContext
from ..dom import (
    BLOCK_TAGS,
    HEADING_TAGS,
    LAYOUT_TAGS,
    MEDIA_TAGS,
    HtmlElement,
    is_blank,
    unwrap,
)

__all__ = ["CAPTION_MAX_CHARS", "RENAMED_TAGS", "looks_like_caption", "normalize_structure"]

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

#: Containers whose content is phrasing only: blocks inside them are unwrapped.
_PHRASING_BLOCKS = HEADING_TAGS | {"figcaption", "caption", "pre"}
#: Containers that may hold both text and blocks (content normalized, not forced into ``p``).
_FLOW_BLOCKS = frozenset({"li", "td", "th"})
_TABLE_TAGS = frozenset({"table", "thead", "tbody", "tfoot", "tr"})
_INLINE_COLLAPSIBLE = frozenset({"strong", "em", "u", "s", "sub", "sup", "code", "a"})

#: Captions are short; longer text after an image is a paragraph.
CAPTION_MAX_CHARS = 60
_CAPTION = re.compile(
    r"""^\s*(?:[▲△↑☝]|图[：:]|图自|图源|图片来源|图片|来源[：:]|摄影[：:]|视频来源)"""
    r"""|[（(][^（）()]*(?:摄|图源|图自|图片来源|来源|供图|截图|图片)[^（）()]*[)）]\s*$""",
)


def looks_like_caption(text: str) -> bool:
    """True for short text that reads as an image caption (``▲ …``, ``（… 摄）``, ``图源 …``)."""
    stripped = text.strip()
    return 0 < len(stripped) <= CAPTION_MAX_CHARS and _CAPTION.search(stripped) is not None


class _Builder:
    """Collects the blocks of one container; inline content accumulates into a paragraph."""

    def __init__(self, ctx: CleanContext) -> None:
        self.ctx = ctx
        self.blocks: list[HtmlElement] = []
        self.run: HtmlElement | None = None
        self.changes = 0

    def text(self, text: str | None) -> None:
        if not text:
            return
        if self.run is None:
            if is_blank(text):
                return
            self.run = Element("p")
        if len(self.run):
            last = self.run[-1]
            last.tail = (last.tail or "") + text
        else:
            self.run.text = (self.run.text or "") + text

    def attach_caption(self, paragraph: HtmlElement, before: int | None = None) -> bool:
        """Make ``paragraph`` the ``figcaption`` of the figure at ``blocks[before - 1]``
        (default: the last block), if that is a figure without a caption."""
        index = len(self.blocks) if before is None else before
        if not (self.ctx.options.detect_captions and index > 0):
            return False
        figure = self.blocks[index - 1]
        if figure.tag != "figure" or figure.find("figcaption") is not None:
            return False
        paragraph.tag = "figcaption"
        figure.append(paragraph)
        self.changes += 1
        return True

    def _caption(self, run: HtmlElement) -> bool:
        """Attach a text-only, caption-like run right after a figure as its ``figcaption``."""
        if len(run) or run.text is None or not looks_like_caption(run.text):
            return False
        return self.attach_caption(run)

    def inline(self, element: HtmlElement) -> None:
        if len(element):
            self.changes += _unwrap_blocks_inside(element)
        tail, element.tail = element.tail, None
        if self.run is None:
            self.run = Element("p")
        self.run.append(element)
        self.text(tail)

    def block(self, element: HtmlElement) -> None:
        self.flush()
        tail, element.tail = element.tail, None
        self.blocks.append(element)
        self.text(tail)

    def flush(self) -> None:
        run, self.run = self.run, None
        if run is None:
            return
        if _media_only(run):
            for medium in list(run):
                if medium.tag in MEDIA_TAGS:
                    figure = Element("figure")
                    medium.tail = None
                    figure.append(medium)
                    self.blocks.append(figure)
            self.changes += 1
            return
        if len(run) == 0 and is_blank(run.text):
            return
        if self._caption(run):
            return
        self.blocks.append(run)

    def finish(self) -> list[HtmlElement]:
        self.flush()
        return self.blocks


def _media_only(run: HtmlElement) -> bool:
    if not is_blank(run.text) or len(run) == 0:
        return False
    return all(child.tag in MEDIA_TAGS and is_blank(child.tail) for child in run)


def _unwrap_blocks_inside(element: HtmlElement) -> int:
    """Unwrap block and layout elements inside an inline or phrasing element (text stays)."""
    changes = 0
    for inner in list(element.iterdescendants()):
        if inner.tag in LAYOUT_TAGS or inner.tag in BLOCK_TAGS or inner.tag == "p":
            unwrap(inner)
            changes += 1
    return changes


def _is_caption_box(container: HtmlElement, blocks: list[HtmlElement]) -> bool:
    """ZAKER's ``div.zk_decsimg`` holding one short paragraph: an image or video caption."""
    return (
        "zk_decsimg" in (container.get("class") or "").split()
        and len(blocks) == 1
        and blocks[0].tag == "p"
        and len(blocks[0].text_content().strip()) <= 2 * CAPTION_MAX_CHARS
    )


def _build_blocks(container: HtmlElement, ctx: CleanContext) -> _Builder:
    """Flatten ``container``'s content into blocks."""
    builder = _Builder(ctx)
    _add_content(builder, container)
    builder.finish()
    return builder


def _add_content(builder: _Builder, container: HtmlElement) -> None:
    builder.text(container.text)
    for child in list(container):
        _add(builder, child)


def _add(builder: _Builder, child: HtmlElement) -> None:
    tag = child.tag
    if tag in LAYOUT_TAGS or tag == "p":
        # unwrapped in place: its blocks join the same sequence, so a caption box can still
        # find the figure that a sibling container produced
        builder.flush()
        tail, child.tail = child.tail, None
        first = len(builder.blocks)
        _add_content(builder, child)
        builder.flush()
        added = builder.blocks[first:]
        if _is_caption_box(child, added) and builder.attach_caption(added[0], before=first):
            del builder.blocks[first:]
        elif tag != "p" or len(added) != 1 or added[0].tag != "p":
            builder.changes += 1  # a layout container unwrapped, or a paragraph split or emptied
        builder.text(tail)
    elif tag in BLOCK_TAGS:
        builder.changes += _normalize_block(child, builder.ctx)
        builder.block(child)
    else:
        builder.inline(child)


def _normalize_block(block: HtmlElement, ctx: CleanContext) -> int:
    tag = block.tag
    changes = 0
    if tag in _PHRASING_BLOCKS:
        return 0 if tag == "pre" else _unwrap_blocks_inside(block)
    if tag in ("ul", "ol"):
        return _normalize_list(block, ctx)
    if tag in _TABLE_TAGS:
        for part in block:
            if part.tag in _TABLE_TAGS or part.tag in _FLOW_BLOCKS or part.tag == "caption":
                changes += _normalize_block(part, ctx)
        return changes
    if tag == "figure":
        for inner in list(block):
            if inner.tag == "figcaption":
                changes += _normalize_block(inner, ctx)
            elif inner.tag in LAYOUT_TAGS or inner.tag == "p":
                unwrap(inner)
                changes += 1
        return changes
    # blockquote (always blocks inside) and li/td/th (text or blocks)
    inner_builder = _build_blocks(block, ctx)
    blocks = inner_builder.blocks
    changes += inner_builder.changes
    block.text = None
    if tag in _FLOW_BLOCKS and len(blocks) == 1 and blocks[0].tag == "p":
        only = blocks[0]
        block.text = only.text
        block[:] = list(only)
    else:
        block[:] = blocks
    return changes


def _normalize_list(listing: HtmlElement, ctx: CleanContext) -> int:
    changes = 0
    if not is_blank(listing.text):
        item = Element("li")
        item.text = listing.text
        listing.insert(0, item)
        changes += 1
    listing.text = None
    for child in list(listing):
        if child.tag != "li":
            item = Element("li")
            child.addprevious(item)
            item.append(child)
            changes += 1
        else:
            item = child
        if not is_blank(item.tail):
            extra = Element("li")
            extra.text = item.tail
            item.addnext(extra)
            changes += 1
        item.tail = None
        changes += _normalize_block(item, ctx)
    return changes


def _rename_tags(root: HtmlElement) -> int:
    changes = 0
    for element in root.iter(*RENAMED_TAGS):
        element.tag = RENAMED_TAGS[str(element.tag)]
        changes += 1
    return changes


def _collapse_nested_inline(root: HtmlElement) -> int:
    """Unwrap ``<strong>`` inside ``<strong>`` (and so on): the inner one adds nothing."""
    changes = 0
    for element in list(root.iter(*_INLINE_COLLAPSIBLE)):
        if element.tag == "a":
            continue
        parent = element.getparent()
        while parent is not None and parent is not root and parent.tag not in BLOCK_TAGS:
            if parent.tag == element.tag:
                unwrap(element)
                changes += 1
                break
            parent = parent.getparent()
    return changes


def normalize_structure(root: HtmlElement, ctx: CleanContext) -> int:
    """Rebuild ``root``'s content as a flat sequence of clean blocks."""
    changes = _rename_tags(root)
    builder = _build_blocks(root, ctx)
    root.text = None
    root[:] = builder.blocks
    # after flattening: unwrapping blocks inside inline elements can create new nestings
    return changes + builder.changes + _collapse_nested_inline(root)
