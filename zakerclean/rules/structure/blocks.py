"""Structure pass ``blocks``: rebuild the body as a flat sequence of blocks.

* layout containers (``div``, ``section`` …, :data:`zakerclean.dom.LAYOUT_TAGS`) are unwrapped,
  but still end the paragraph before them; so are inline wrappers around blocks and table or
  list parts found outside their parent;
* bare text and inline runs at block level become ``<p>``; a run holding only images or videos
  becomes one ``<figure>`` per medium;
* blocks keep only what they may hold (:mod:`.containers`): ``p``, headings and captions never
  hold blocks, lists hold items, tables hold table parts;
* caption candidates are marked for the ``captions`` pass (:mod:`.captions`).

One walk over the tree, linear in its size: the current run's last child is tracked (lxml's
``len()`` counts children one by one), and the small tests asked of every element are Python
loops rather than lxml tag matchers, which cost more to build than to run.  It recurses once per
nested container; the depth limit (:mod:`zakerclean.rules.depth`) bounds that before any rule runs.

Why ~310 lines: unwrapping layout containers, wrapping bare text and inline runs, making
figures and marking caption candidates are that one walk; split into modules, each would
need the walk's run state (the builder) and every container would be walked once per part.
"""

from __future__ import annotations

from ...context import CleanContext
from ...dom import BLOCK_TAGS, LAYOUT_TAGS, MEDIA_TAGS, HtmlElement, new_element, text_of
from .captions import BARE_TEXT, CAPTION_BOX, CAPTION_MARK, CAPTION_MAX_CHARS
from .containers import (
    BLOCK_LIKE,
    FLOW_BLOCKS,
    ONLY_INSIDE_PARENT,
    PHRASING_BLOCKS,
    foster_table_content,
    holds_block,
    normalize_figure,
    replace_children,
    unwrap_blocks_inside,
    wrap_list_items,
)

__all__ = ["rebuild_blocks"]

_ASCII_WHITESPACE = " \t\n\r\f"


def _has_text(element: HtmlElement) -> bool:
    """``element``'s own text or tail is more than whitespace."""
    text, tail = element.text, element.tail
    return bool((text and not text.isspace()) or (tail and not tail.isspace()))


def _has_content(element: HtmlElement) -> bool:
    """Text or media: what the empty-elements rule keeps (stops at the first found)."""
    text = element.text
    if text and not text.isspace():
        return True
    for inner in element.iterdescendants():  # one loop, no call per descendant
        if inner.tag in MEDIA_TAGS:
            return True
        text, tail = inner.text, inner.tail
        if (text and not text.isspace()) or (tail and not tail.isspace()):
            return True
    return False


def _holds_media(element: HtmlElement) -> bool:
    """``element`` is, or holds, an image or a video."""
    return any(inner.tag in MEDIA_TAGS for inner in element.iter())


def _media_only(run: HtmlElement) -> bool:
    """A run with images or videos and no text at all (``<br>`` and empty tags aside)."""
    text = run.text
    if text and not text.isspace():
        return False
    media = False
    for inner in run.iterdescendants():
        if _has_text(inner):
            return False
        media = media or inner.tag in MEDIA_TAGS
    return media


def _is_plain_paragraph(element: HtmlElement) -> bool:
    """A ``<p>`` that the general path would rebuild unchanged: no attributes, no blocks
    inside, and some text.  Most paragraphs are like this; keeping the element saves rebuilding
    it child by child.  One loop answers both questions."""
    if element.attrib:
        return False
    text = element.text
    has_text = bool(text and not text.isspace())
    for inner in element.iterdescendants():
        if inner.tag in BLOCK_LIKE:
            return False
        if not has_text:
            text, tail = inner.text, inner.tail
            has_text = bool((text and not text.isspace()) or (tail and not tail.isspace()))
    return has_text


def _is_caption_box(container: HtmlElement, blocks: list[HtmlElement], first: int) -> bool:
    """ZAKER's ``div.zk_decsimg`` holding one short paragraph: an image or video caption."""
    if len(blocks) != first + 1:
        return False
    only = blocks[first]
    return (
        only.tag == "p"
        and "zk_decsimg" in (container.get("class") or "").split()
        and len(text_of(only).strip()) <= 2 * CAPTION_MAX_CHARS
    )


class _Builder:
    """Collects the blocks of one container; inline content accumulates into a paragraph."""

    def __init__(self) -> None:
        #: how many ``<p>`` elements enclose the content being added (0: bare content)
        self.paragraph_depth = 0
        #: whether the current run started outside any ``<p>`` (only bare text can be a caption)
        self.run_is_bare = False
        self.blocks: list[HtmlElement] = []
        self.run: HtmlElement | None = None
        #: the run's last child (None: text goes into ``run.text``)
        self.last: HtmlElement | None = None
        #: text for the run, not yet written (see :meth:`_write_pending`)
        self.pending: list[str] = []
        self.changes = 0

    def text(self, text: str | None) -> None:
        if not text:
            return
        if self.run is None:
            if not text.strip(_ASCII_WHITESPACE):
                # only ASCII whitespace: layout between blocks.  U+3000/NBSP indentation
                # starts a paragraph (it is content when text follows it)
                return
            self._start_run()
        self.pending.append(text)

    def _write_pending(self) -> None:
        """Put the text gathered since the run's last child after it (joined once: many texts
        in a row, such as those a table fosters, must not grow one string piece by piece)."""
        if not self.pending:
            return
        text = "".join(self.pending)
        self.pending.clear()
        last = self.last
        if last is not None:
            last.tail = (last.tail or "") + text
        else:
            run = self.run
            assert run is not None  # text is only gathered into a run
            run.text = (run.text or "") + text

    def _start_run(self) -> HtmlElement:
        self.run = new_element("p")
        self.last = None
        self.run_is_bare = self.paragraph_depth == 0
        return self.run

    def inline(self, element: HtmlElement) -> None:
        if element.tag == "a":  # the only inline element that reaches here holding blocks
            self.changes += unwrap_blocks_inside(element)
        tail, element.tail = element.tail, None
        run = self.run if self.run is not None else self._start_run()
        self._write_pending()
        run.append(element)
        self.last = element
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
        if paragraph.text is not None and not paragraph.text.strip(_ASCII_WHITESPACE):
            paragraph.text = None
        self.blocks.append(paragraph)
        self.text(tail)

    def flush(self) -> None:
        if self.run is None and not self.pending:  # most calls: between two blocks
            return
        self._write_pending()
        run, self.run = self.run, None
        if run is None:
            return
        if self.last is None:  # text only (no element: no media, nothing to drop)
            if run.text is None or run.text.isspace():
                return
            if self.run_is_bare:
                run.set(CAPTION_MARK, BARE_TEXT)
            self.blocks.append(run)
            return
        self.last = None
        if _media_only(run):
            # one figure per medium (or per link around one); empty inline leftovers go
            for child in list(run):
                if _holds_media(child):
                    figure = new_element("figure")
                    child.tail = None
                    figure.append(child)
                    self.blocks.append(figure)
            self.changes += 1
            return
        if _has_content(run):
            self.blocks.append(run)


def build_blocks(container: HtmlElement, ctx: CleanContext) -> tuple[list[HtmlElement], int]:
    """Flatten ``container``'s content into blocks; return them and how many changes."""
    builder = _Builder()
    _add_content(builder, container, ctx)
    builder.flush()
    return builder.blocks, builder.changes


def _add_content(builder: _Builder, container: HtmlElement, ctx: CleanContext) -> None:
    builder.text(container.text)
    for child in list(container):
        _add(builder, child, ctx)


def _add(builder: _Builder, child: HtmlElement, ctx: CleanContext) -> None:
    tag = child.tag
    if tag == "p" and _is_plain_paragraph(child):
        builder.keep_paragraph(child)
    elif (
        tag in LAYOUT_TAGS
        or tag == "p"
        or tag in ONLY_INSIDE_PARENT
        or (tag not in BLOCK_TAGS and tag != "a" and holds_block(child))
    ):
        # An inline wrapper around paragraphs acts as a layout container.  Unwrapped in
        # place: its blocks join the same sequence, so a caption box can still find the figure
        # that a sibling container produced.
        _unwrap_in_place(builder, child, ctx)
    elif tag == "table":
        fostered: list[HtmlElement | str] = []
        cells: list[HtmlElement] = []
        builder.changes += foster_table_content(child, fostered, cells)
        for cell in cells:
            builder.changes += _normalize_block(cell, ctx)
        for item in fostered:  # content that has no place in a table goes before it
            if isinstance(item, str):
                builder.text(item)
            else:
                _add(builder, item, ctx)
        builder.block(child)
    elif tag in BLOCK_TAGS:
        builder.changes += _normalize_block(child, ctx)
        builder.block(child)
    else:
        builder.inline(child)


def _unwrap_in_place(builder: _Builder, child: HtmlElement, ctx: CleanContext) -> None:
    builder.flush()
    tail, child.tail = child.tail, None
    first = len(builder.blocks)
    is_paragraph = child.tag == "p"
    builder.paragraph_depth += is_paragraph
    _add_content(builder, child, ctx)
    builder.flush()
    builder.paragraph_depth -= is_paragraph
    blocks = builder.blocks
    if _is_caption_box(child, blocks, first):
        # counted as the unwrapped container it is; the ``captions`` pass may attach it
        marked = blocks[first]
        kinds = marked.get(CAPTION_MARK)
        marked.set(CAPTION_MARK, CAPTION_BOX if kinds is None else f"{kinds} {CAPTION_BOX}")
        builder.changes += 1
    elif (
        not is_paragraph
        or len(blocks) != first + 1
        or blocks[first].tag != "p"
        or len(child.attrib)
    ):
        # a layout container unwrapped; a paragraph split, emptied or stripped of attributes
        builder.changes += 1
    builder.text(tail)


def _normalize_block(block: HtmlElement, ctx: CleanContext) -> int:
    tag = block.tag
    if tag in PHRASING_BLOCKS:
        return unwrap_blocks_inside(block)
    if tag in ("ul", "ol"):
        items, changes = wrap_list_items(block)
        for item in items:
            changes += _normalize_block(item, ctx)
        return changes
    if tag == "figure":
        return normalize_figure(block)
    # blockquote (always blocks inside) and li/td/th (text or blocks)
    blocks, changes = build_blocks(block, ctx)
    block.text = None
    if tag in FLOW_BLOCKS and len(blocks) == 1 and blocks[0].tag == "p":
        only = blocks[0]
        block.text = only.text
        replace_children(block, list(only))
    else:
        replace_children(block, blocks)
    return changes


def rebuild_blocks(root: HtmlElement, ctx: CleanContext) -> int:
    """Rebuild ``root``'s content as a flat sequence of blocks; return how many changes."""
    blocks, changes = build_blocks(root, ctx)
    root.text = None
    replace_children(root, blocks)
    return changes
