"""Structure pass ``captions``: a short caption-like paragraph right after a figure becomes its
``<figcaption>`` (``CleanOptions.captions``).

Which paragraphs may be captions is only known while the ``blocks`` pass rebuilds the body: a
run of bare text (never a ``<p>`` the author wrote), or the one paragraph of ZAKER's
``div.zk_decsimg`` caption box, whose class is gone once the box is unwrapped.  That pass marks
them with :data:`CAPTION_MARK`; this one decides, attaches, and always removes the marks.

Two shapes need more than the marked paragraph itself:

* a bare caption marker (``▲``) whose caption the author put in the next paragraph
  (``▲<p></p><p>图片说明</p>``): marker and paragraph are one caption, ``▲ 图片说明``, when that
  paragraph is short and holds no media (empty paragraphs between them are skipped);
* credits without brackets (``… 邓文鑫 摄``, ``图丨台媒``, ``图 | …``) read as captions like the
  bracketed ones; ``摄`` must follow a space, so running text ending in 拍摄 never qualifies;
* a paragraph holding only a picture (or a linked picture), a ``<br>`` and a caption after it
  (快科技: ``<p><a><img></a><br>图1 …</p>``) becomes a figure with that caption; ``图1``, ``图 2：``
  start a caption when a space or colon follows the number.
"""

from __future__ import annotations

import re

from ...context import CleanContext
from ...dom import HtmlElement, remove

__all__ = [
    "BARE_TEXT",
    "CAPTION_BOX",
    "CAPTION_MARK",
    "CAPTION_MARKERS",
    "CAPTION_MAX_CHARS",
    "attach_captions",
    "looks_like_caption",
]

#: Captions are short; longer text after an image is a paragraph.
CAPTION_MAX_CHARS = 60
#: Attribute the ``blocks`` pass sets on caption candidates (space-separated kinds below).
CAPTION_MARK = "data-zakerclean-caption"
#: Kind: a paragraph made of bare text only (no element in it).
BARE_TEXT = "bare"
#: Kind: the only paragraph of a ``div.zk_decsimg`` box (a caption whatever its wording).
CAPTION_BOX = "box"

#: Characters that mark a caption; alone in a paragraph, the caption is the next paragraph.
CAPTION_MARKERS: frozenset[str] = frozenset("▲△↑☝")

_CAPTION = re.compile(
    r"""^\s*(?:[▲△↑☝]|图\s*[：:丨|｜]|图\s*\d{1,2}(?:[\s：:.、]|$)|图自|图源|图片来源|图片|来源[：:]|摄影[：:]|视频来源)"""
    r"""|[（(][^（）()]*(?:摄|图源|图自|图片来源|来源|供图|截图|图片)[^（）()]*[)）]\s*$"""
    r"""|\S\s+摄\s*$""",
)
#: Elements a caption paragraph after a bare marker may not hold.
_NOT_IN_CAPTION = ("img", "video", "figure", "table", "ul", "ol", "pre", "blockquote")


def looks_like_caption(text: str) -> bool:
    """True for short text that reads as an image caption (``▲ …``, ``（… 摄）``, ``图源 …``)."""
    stripped = text.strip()
    return 0 < len(stripped) <= CAPTION_MAX_CHARS and _CAPTION.search(stripped) is not None


def _is_blank_paragraph(element: HtmlElement) -> bool:
    return element.tag == "p" and not len(element) and not (element.text or "").strip()


def _caption_after_marker(marker: HtmlElement) -> HtmlElement | None:
    """The short, media-free paragraph that follows a bare ``▲`` (blank paragraphs skipped)."""
    sibling = marker.getnext()
    while sibling is not None and _is_blank_paragraph(sibling):
        sibling = sibling.getnext()
    if sibling is None or sibling.tag != "p":
        return None
    text = "".join(sibling.itertext()).strip()
    if not 0 < len(text) <= CAPTION_MAX_CHARS:
        return None
    if next(sibling.iter(*_NOT_IN_CAPTION), None) is not None:
        return None
    return sibling


def _join_marker(marker: HtmlElement, caption: HtmlElement) -> None:
    """``marker`` (``▲``) takes ``caption``'s content after a space; ``caption`` goes."""
    marker.text = f"{(marker.text or '').strip()} {(caption.text or '').lstrip()}"
    for child in list(caption):
        marker.append(child)
    caption.text = None
    remove(caption)


def _captionless_figure(element: HtmlElement | None) -> bool:
    return element is not None and element.tag == "figure" and element.find("figcaption") is None


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def _lone_picture(element: HtmlElement) -> bool:
    """An ``img``, or a link holding nothing but one ``img``."""
    if element.tag == "img":
        return True
    return (
        element.tag == "a"
        and len(element) == 1
        and element[0].tag == "img"
        and _blank(element.text)
        and _blank(element[0].tail)
    )


def _picture_br_caption(paragraph: HtmlElement) -> bool:
    """``<p><img><br>caption</p>``: a picture, a line break, then caption-like bare text."""
    if len(paragraph) != 2 or not _blank(paragraph.text):
        return False
    picture, br = paragraph[0], paragraph[1]
    return (
        br.tag == "br"
        and _blank(picture.tail)
        and _lone_picture(picture)
        and looks_like_caption(br.tail or "")
    )


def _figure_from_paragraph(paragraph: HtmlElement) -> None:
    """``<p><img><br>caption</p>`` → ``<figure><img><figcaption>caption</figcaption></figure>``."""
    br = paragraph[1]
    caption = br.tail.strip() if br.tail else ""
    paragraph.remove(br)
    paragraph.tag = "figure"
    paragraph.attrib.clear()
    figcaption = paragraph.makeelement("figcaption", {})
    figcaption.text = caption
    paragraph.append(figcaption)


def attach_captions(root: HtmlElement, ctx: CleanContext) -> int:
    """Attach the marked paragraphs that qualify to the figure before them; return how many
    bare-text captions were attached.

    A caption box attached counts nothing here: the ``blocks`` pass already counted the box it
    unwrapped, and the box becoming a caption is that same change.
    """
    changes = 0
    detect = ctx.options.captions
    if detect:
        for paragraph in [p for p in root.iter("p") if _picture_br_caption(p)]:
            _figure_from_paragraph(paragraph)
            changes += 1
    marked = [(p, kinds) for p in root.iter("p") if (kinds := p.get(CAPTION_MARK)) is not None]
    for paragraph, kinds in marked:
        del paragraph.attrib[CAPTION_MARK]
        if not detect:
            continue
        figure = paragraph.getprevious()
        if not _captionless_figure(figure):
            continue
        assert figure is not None  # for mypy: _captionless_figure checked it
        bare = BARE_TEXT in kinds.split()
        if bare and not len(paragraph) and (paragraph.text or "").strip() in CAPTION_MARKERS:
            caption = _caption_after_marker(paragraph)
            if caption is None:
                continue
            _join_marker(paragraph, caption)
            changes += 1
        elif bare and looks_like_caption(paragraph.text or ""):
            changes += 1
        elif CAPTION_BOX not in kinds.split():
            continue
        paragraph.tag = "figcaption"
        paragraph.tail = None
        figure.append(paragraph)
    return changes
