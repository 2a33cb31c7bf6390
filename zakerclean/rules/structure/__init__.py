"""Rule 5 — structure, as four named passes.

The bodies are a soup of layout ``div``s, bare text between blocks (left by an HTML parser's
repair of ``<p><div class="img_box">…</div>text</p>``), ``<b>``/``<i>``, ``<h1>`` and nested
duplicates like ``<strong><strong>``.  The passes, in the order :data:`STRUCTURE_PASSES` runs
them:

1. ``rename_tags`` (:mod:`.rename`): ``b``→``strong``, ``i``→``em``, ``h1``→``h2`` …;
2. ``blocks`` (:mod:`.blocks`, :mod:`.containers`): layout containers unwrapped, bare text and
   inline runs wrapped in ``<p>``, media-only runs made figures, blocks out of phrasing
   elements, lists and tables given their proper parts;
3. ``captions`` (:mod:`.captions`): a short caption-like paragraph right after a figure becomes
   its ``<figcaption>`` (``CleanOptions.captions``);
4. ``collapse_inline`` (:mod:`.inline`): an inline element inside an identical one is unwrapped.

Each pass is a pure ``(root, ctx) -> int`` like every rule.  The pipeline reports them as one
step, ``structure`` (:func:`normalize_structure` runs them in sequence and sums their counts).
Depth is bounded before any rule runs (:mod:`zakerclean.rules.depth`).
"""

from __future__ import annotations

from collections.abc import Callable

from ...context import CleanContext
from ...dom import HtmlElement
from .blocks import rebuild_blocks
from .captions import CAPTION_MAX_CHARS, attach_captions, looks_like_caption
from .inline import collapse_nested_inline
from .rename import RENAMED_TAGS, rename_tags

__all__ = [
    "CAPTION_MAX_CHARS",
    "RENAMED_TAGS",
    "STRUCTURE_PASSES",
    "attach_captions",
    "collapse_nested_inline",
    "looks_like_caption",
    "normalize_structure",
    "rebuild_blocks",
    "rename_tags",
]

Rule = Callable[[HtmlElement, CleanContext], int]

#: The structure passes, in the order they must run: ``(name, rule)``.
STRUCTURE_PASSES: tuple[tuple[str, Rule], ...] = (
    ("rename_tags", rename_tags),
    ("blocks", rebuild_blocks),
    ("captions", attach_captions),
    ("collapse_inline", collapse_nested_inline),
)


def normalize_structure(root: HtmlElement, ctx: CleanContext) -> int:
    """Run every structure pass over ``root``; return their summed change counts."""
    changes = 0
    for _, rule in STRUCTURE_PASSES:
        changes += rule(root, ctx)
    return changes
