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

from ..context import CleanContext
from ..dom import (
    BLOCK_TAGS,
    HEADING_TAGS,
    LAYOUT_TAGS,
    MAX_DEPTH,
    MEDIA_TAGS,
    HtmlElement,
    flatten_deep_nesting,
    is_blank,
    new_element,
    text_of,
    unwrap_all,
)

ASCII_WHITESPACE = " \t\n\r\f"

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
#: What each table part may hold; anything else is moved before the table.
_TABLE_CHILDREN: dict[str, frozenset[str]] = {
    "table": frozenset({"caption", "thead", "tbody", "tfoot", "tr"}),
    "thead": frozenset({"tr"}),
    "tbody": frozenset({"tr"}),
    "tfoot": frozenset({"tr"}),
    "tr": frozenset({"td", "th"}),
}
#: Blocks that only mean something inside their parent (a list, a table, a figure); found
#: anywhere else they are unwrapped like layout containers.
_ONLY_INSIDE_PARENT = frozenset(
    {"li", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "figcaption"}
)
#: Inline tags whose nesting in an identical tag adds nothing (``a`` in ``a`` is invalid too).
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
        #: how many ``<p>`` elements enclose the content being added (0: bare content)
        self.paragraph_depth = 0
        #: whether the current run started outside any ``<p>`` (only bare text can be a caption)
        self.run_is_bare = False
        self.blocks: list[HtmlElement] = []
        self.run: HtmlElement | None = None
        self.changes = 0

    def text(self, text: str | None) -> None:
        if not text:
            return
        if self.run is None:
            if not text.strip(ASCII_WHITESPACE):
                # only ASCII whitespace: layout between blocks.  U+3000/NBSP indentation
                # starts a paragraph (it is content when text follows it)
                return
            run = self._start_run()
        else:
            run = self.run
        if len(run):
            last = run[-1]
            last.tail = (last.tail or "") + text
        else:
            run.text = (run.text or "") + text

    def attach_caption(self, paragraph: HtmlElement, before: int | None = None) -> bool:
        """Make ``paragraph`` the ``figcaption`` of the figure at ``blocks[before - 1]``
        (default: the last block), if that is a figure without a caption."""
        index = len(self.blocks) if before is None else before
        if not (self.ctx.options.captions and index > 0):
            return False
        figure = self.blocks[index - 1]
        if figure.tag != "figure" or figure.find("figcaption") is not None:
            return False
        paragraph.tag = "figcaption"
        figure.append(paragraph)
        self.changes += 1
        return True

    def _start_run(self) -> HtmlElement:
        self.run = new_element("p")
        self.run_is_bare = self.paragraph_depth == 0
        return self.run

    def _caption(self, run: HtmlElement) -> bool:
        """Attach a bare, text-only, caption-like run right after a figure as its caption."""
        if not self.run_is_bare or len(run) or run.text is None:
            return False
        if not looks_like_caption(run.text):
            return False
        return self.attach_caption(run)

    def inline(self, element: HtmlElement) -> None:
        if len(element):
            self.changes += _unwrap_blocks_inside(element)
        tail, element.tail = element.tail, None
        run = self.run if self.run is not None else self._start_run()
        run.append(element)
        self.text(tail)

    def block(self, element: HtmlElement) -> None:
        self.flush()
        tail, element.tail = element.tail, None
        if _has_content(element):
            self.blocks.append(element)
        else:
            # rule 6 would remove it anyway; dropping it now keeps the decisions that look at
            # neighbouring blocks (captions, single paragraphs) the same on every run
            self.changes += 1
        self.text(tail)

    def keep_paragraph(self, paragraph: HtmlElement) -> None:
        """Take a plain paragraph (see :func:`_is_plain_paragraph`) as a block as it is.

        Same result as adding its content piece by piece: leading layout whitespace goes, its
        tail continues the sequence after it.
        """
        self.flush()
        tail, paragraph.tail = paragraph.tail, None
        if paragraph.text is not None and not paragraph.text.strip(ASCII_WHITESPACE):
            paragraph.text = None
        self.blocks.append(paragraph)
        self.text(tail)

    def flush(self) -> None:
        run, self.run = self.run, None
        if run is None:
            return
        if _media_only(run):
            # one figure per medium (or per link around one); empty inline leftovers go
            for child in list(run):
                if child.tag in MEDIA_TAGS or _holds_media(child):
                    figure = new_element("figure")
                    child.tail = None
                    figure.append(child)
                    self.blocks.append(figure)
            self.changes += 1
            return
        if not _has_content(run):
            return
        if self._caption(run):
            return
        self.blocks.append(run)

    def finish(self) -> list[HtmlElement]:
        self.flush()
        return self.blocks


def _has_content(element: HtmlElement) -> bool:
    """Text or media: what the empty-elements rule keeps (stops at the first text found)."""
    return any(text.strip() for text in element.itertext()) or _holds_media(element)


_MEDIA = tuple(MEDIA_TAGS)


def _holds_media(element: HtmlElement) -> bool:
    """``element`` is, or holds, an image or a video (libxml2 filters the tags, not Python)."""
    return next(element.iter(*_MEDIA), None) is not None


def _media_only(run: HtmlElement) -> bool:
    """A run with images or videos and no text at all (``<br>`` and empty tags aside)."""
    return len(run) > 0 and is_blank(text_of(run)) and _holds_media(run)


def _is_block_like(element: HtmlElement) -> bool:
    return element.tag in LAYOUT_TAGS or element.tag in BLOCK_TAGS or element.tag == "p"


def _unwrap_blocks_inside(element: HtmlElement) -> int:
    """Unwrap block and layout elements inside an inline or phrasing element.

    Their text stays, separated by a space so that two blocks' words do not run together
    (the whitespace rule trims it where it is not needed).
    """
    blocks = [inner for inner in element.iterdescendants() if _is_block_like(inner)]
    for block in blocks:
        block.text = " " + (block.text or "")
        block.tail = " " + (block.tail or "")
    return unwrap_all(element, blocks)


_BLOCK_LIKE = tuple(LAYOUT_TAGS | BLOCK_TAGS | {"p"})


def _holds_blocks(element: HtmlElement) -> bool:
    """An inline wrapper (``span``, ``strong`` …) around paragraphs acts as a layout container."""
    return (
        element.tag != "a"
        and len(element) > 0
        and next(element.iterdescendants(*_BLOCK_LIKE), None) is not None
    )


def _is_plain_paragraph(element: HtmlElement) -> bool:
    """A ``<p>`` that the general path would rebuild unchanged: no attributes, no blocks
    inside, text and no media-only content.  Most paragraphs are like this; keeping the element
    saves rebuilding it child by child (the benchmark's biggest single step)."""
    return (
        not element.attrib
        and (len(element) == 0 or next(element.iterdescendants(*_BLOCK_LIKE), None) is None)
        and any(text.strip() for text in element.itertext())
    )


def _is_caption_box(container: HtmlElement, blocks: list[HtmlElement]) -> bool:
    """ZAKER's ``div.zk_decsimg`` holding one short paragraph: an image or video caption."""
    return (
        "zk_decsimg" in (container.get("class") or "").split()
        and len(blocks) == 1
        and blocks[0].tag == "p"
        and len(text_of(blocks[0]).strip()) <= 2 * CAPTION_MAX_CHARS
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
    if tag == "p" and _is_plain_paragraph(child):
        builder.keep_paragraph(child)
    elif (
        tag in LAYOUT_TAGS
        or tag == "p"
        or tag in _ONLY_INSIDE_PARENT
        or (tag not in BLOCK_TAGS and _holds_blocks(child))
    ):
        # unwrapped in place: its blocks join the same sequence, so a caption box can still
        # find the figure that a sibling container produced
        builder.flush()
        tail, child.tail = child.tail, None
        first = len(builder.blocks)
        builder.paragraph_depth += tag == "p"
        _add_content(builder, child)
        builder.flush()
        builder.paragraph_depth -= tag == "p"
        added = builder.blocks[first:]
        if _is_caption_box(child, added) and builder.attach_caption(added[0], before=first):
            del builder.blocks[first:]
        elif tag != "p" or len(added) != 1 or added[0].tag != "p" or child.attrib:
            # a layout container unwrapped; a paragraph split, emptied or stripped of attributes
            builder.changes += 1
        builder.text(tail)
    elif tag == "table":
        fostered: list[HtmlElement | str] = []
        builder.changes += _normalize_table(child, builder.ctx, fostered)
        for item in fostered:  # content that has no place in a table goes before it
            if isinstance(item, str):
                builder.text(item)
            else:
                _add(builder, item)
        builder.block(child)
    elif tag in BLOCK_TAGS:
        builder.changes += _normalize_block(child, builder.ctx)
        builder.block(child)
    else:
        builder.inline(child)


def _normalize_block(block: HtmlElement, ctx: CleanContext) -> int:
    tag = block.tag
    changes = 0
    if tag in _PHRASING_BLOCKS:
        return _unwrap_blocks_inside(block)
    if tag in ("ul", "ol"):
        return _normalize_list(block, ctx)
    if tag == "figure":
        # a figure holds media, inline content and one caption: every other block goes
        for inner in block:
            if inner.tag == "figcaption":
                changes += _normalize_block(inner, ctx)
        return changes + unwrap_all(
            block,
            [
                inner
                for inner in block.iterdescendants()
                if _is_block_like(inner)
                and not (inner.tag == "figcaption" and inner.getparent() is block)
            ],
        )
    # blockquote (always blocks inside) and li/td/th (text or blocks)
    inner_builder = _build_blocks(block, ctx)
    blocks = inner_builder.blocks
    changes += inner_builder.changes
    block.text = None
    if tag in _FLOW_BLOCKS and len(blocks) == 1 and blocks[0].tag == "p":
        only = blocks[0]
        block.text = only.text
        _replace_children(block, list(only))
    else:
        _replace_children(block, blocks)
    return changes


def _normalize_table(
    part: HtmlElement, ctx: CleanContext, fostered: list[HtmlElement | str]
) -> int:
    """Keep only proper table structure in ``part``; move the rest to ``fostered``.

    Like an HTML5 parser's foster parenting: text and elements with no place in a table go
    before it, so that re-parsing the output cannot move them (idempotence).
    """
    changes = 0
    allowed = _TABLE_CHILDREN[str(part.tag)]
    if part.text is not None and part.text.strip():
        fostered.append(part.text)
        changes += 1
    part.text = None
    for child in list(part):
        tail, child.tail = child.tail, None
        if child.tag in allowed:
            if child.tag in _TABLE_CHILDREN:
                changes += _normalize_table(child, ctx, fostered)
            else:
                changes += _normalize_block(child, ctx)
        else:
            part.remove(child)
            fostered.append(child)
            changes += 1
        if tail is not None and tail.strip():
            fostered.append(tail)
            changes += 1
    return changes


def _normalize_list(listing: HtmlElement, ctx: CleanContext) -> int:
    changes = 0
    if not is_blank(listing.text):
        item = new_element("li")
        item.text = listing.text
        listing.insert(0, item)
        changes += 1
    listing.text = None
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
        changes += _normalize_block(item, ctx)
    return changes


def _replace_children(parent: HtmlElement, children: list[HtmlElement]) -> None:
    """``parent[:] = children`` without lxml's slice assignment, which leaks C memory
    (about a kilobyte per call, measured) when the new children come from elsewhere."""
    for child in list(parent):
        parent.remove(child)
    parent.extend(children)


def _rename_tags(root: HtmlElement) -> int:
    changes = 0
    for element in root.iter(*RENAMED_TAGS):
        element.tag = RENAMED_TAGS[str(element.tag)]
        changes += 1
    return changes


def _collapse_nested_inline(root: HtmlElement) -> int:
    """Unwrap ``<strong>`` inside ``<strong>`` (and so on): the inner one adds nothing."""
    nested: list[HtmlElement] = []
    for element in root.iter(*_INLINE_COLLAPSIBLE):
        parent = element.getparent()
        while parent is not None and parent is not root and parent.tag not in BLOCK_TAGS:
            if parent.tag == element.tag:
                nested.append(element)
                break
            parent = parent.getparent()
    return unwrap_all(root, nested)


def normalize_structure(root: HtmlElement, ctx: CleanContext) -> int:
    """Rebuild ``root``'s content as a flat sequence of clean blocks."""
    # The one recursive rule: bound the depth first.  (After rules 1-4, so that deep scripts are
    # already gone and deep image and video blocks already converted.)
    flattened = flatten_deep_nesting(root)
    if flattened:
        ctx.warn(f"{flattened} elements nested deeper than {MAX_DEPTH} levels were unwrapped")
    changes = _rename_tags(root) + flattened
    builder = _build_blocks(root, ctx)
    root.text = None
    _replace_children(root, builder.blocks)
    # after flattening: unwrapping blocks inside inline elements can create new nestings
    return changes + builder.changes + _collapse_nested_inline(root)
