"""Structure pass ``captions``: a short caption-like paragraph right after a figure becomes its
``<figcaption>`` (``CleanOptions.captions``).

Which paragraphs may be captions is only known while the ``blocks`` pass rebuilds the body: a
run of bare text (never a ``<p>`` the author wrote), or the one paragraph of ZAKER's
``div.zk_decsimg`` caption box, whose class is gone once the box is unwrapped.  That pass marks
them with :data:`CAPTION_MARK`; this one decides, attaches, and always removes the marks.
"""

from __future__ import annotations

import re

from ...context import CleanContext
from ...dom import HtmlElement

__all__ = [
    "BARE_TEXT",
    "CAPTION_BOX",
    "CAPTION_MARK",
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

_CAPTION = re.compile(
    r"""^\s*(?:[▲△↑☝]|图[：:]|图自|图源|图片来源|图片|来源[：:]|摄影[：:]|视频来源)"""
    r"""|[（(][^（）()]*(?:摄|图源|图自|图片来源|来源|供图|截图|图片)[^（）()]*[)）]\s*$""",
)


def looks_like_caption(text: str) -> bool:
    """True for short text that reads as an image caption (``▲ …``, ``（… 摄）``, ``图源 …``)."""
    stripped = text.strip()
    return 0 < len(stripped) <= CAPTION_MAX_CHARS and _CAPTION.search(stripped) is not None


def _captionless_figure(element: HtmlElement | None) -> bool:
    return element is not None and element.tag == "figure" and element.find("figcaption") is None


def attach_captions(root: HtmlElement, ctx: CleanContext) -> int:
    """Attach the marked paragraphs that qualify to the figure before them; return how many
    bare-text captions were attached.

    A caption box attached counts nothing here: the ``blocks`` pass already counted the box it
    unwrapped, and the box becoming a caption is that same change.
    """
    changes = 0
    detect = ctx.options.captions
    marked = [(p, kinds) for p in root.iter("p") if (kinds := p.get(CAPTION_MARK)) is not None]
    for paragraph, kinds in marked:
        del paragraph.attrib[CAPTION_MARK]
        if not detect:
            continue
        figure = paragraph.getprevious()
        if not _captionless_figure(figure):
            continue
        assert figure is not None  # for mypy: _captionless_figure checked it
        if BARE_TEXT in kinds.split() and looks_like_caption(paragraph.text or ""):
            changes += 1
        elif CAPTION_BOX not in kinds.split():
            continue
        paragraph.tag = "figcaption"
        paragraph.tail = None
        figure.append(paragraph)
    return changes
