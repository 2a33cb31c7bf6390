"""The cleaning pipeline: SPEC §3's rules, run over one lxml tree in one fixed order.

Read :data:`PASSES` top to bottom and you have read the algorithm.  Each rule lives in its own
module under :mod:`zakerclean.rules`; the final sanitizer runs over the serialized HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import unescape

from .context import CleanContext
from .depth import limit_depth
from .dom import HtmlElement, parse_fragment, serialize_children
from .media import collect_images, collect_videos
from .models import Image, Video
from .options import CleanOptions
from .rules.attributes import filter_attributes
from .rules.boilerplate import strip_boilerplate
from .rules.empty import remove_empty_elements
from .rules.images import resolve_lazy_images
from .rules.links import fix_links
from .rules.structure import normalize_structure
from .rules.typography import restore_cjk_parentheses, restore_cjk_spacing, restore_quotes
from .rules.video import convert_videos
from .rules.whitespace import normalize_whitespace
from .sanitize import get_sanitizer
from .text import tree_to_text

__all__ = ["PASSES", "CleanResult", "Pass", "clean_fragment", "RULE_ORDER", "TITLE_RULES"]

Rule = Callable[[HtmlElement, CleanContext], int]


@dataclass(frozen=True)
class Pass:
    """One named rule of the pipeline."""

    name: str
    rule: Rule


#: The rules, in the order they run (SPEC §3 numbering in comments).
PASSES: tuple[Pass, ...] = (
    Pass("boilerplate", strip_boilerplate),  # 1
    Pass("lazy_images", resolve_lazy_images),  # 2
    Pass("links", fix_links),  # 3
    Pass("video", convert_videos),  # 4
    Pass("structure", normalize_structure),  # 5
    Pass("empty_elements", remove_empty_elements),  # 6
    Pass("attributes", filter_attributes),  # 7
    Pass("whitespace", normalize_whitespace),  # 8
    # 9, typography: quotes last, because full-width parentheses next to a quote pair make
    # its context CJK (so one run gives what two would)
    Pass("cjk_parentheses", restore_cjk_parentheses),  # 9b (off by default)
    Pass("cjk_spacing", restore_cjk_spacing),  # 9c (off by default)
    Pass("quotes", restore_quotes),  # 9a
)


#: Run right after parsing, before every rule: bounds the nesting the rules work on.
DEPTH_LIMIT = Pass("depth", limit_depth)

#: The rules that work on the title, not the body (run by ``parse``; rule 9, titles).
TITLE_RULES: tuple[str, ...] = ("title_question_marks", "title_quotes")

#: Names of the rules as ``CleanReport.steps`` orders them: the depth limit, the passes, the
#: sanitizer, then the title rules.
RULE_ORDER: tuple[str, ...] = (
    DEPTH_LIMIT.name,
    *(step.name for step in PASSES),
    "sanitize",
    *TITLE_RULES,
)


@dataclass(frozen=True)
class CleanResult:
    """Everything cleaning one body produces."""

    html: str
    text: str
    images: tuple[Image, ...]
    videos: tuple[Video, ...]
    steps: tuple[tuple[str, int], ...]
    warnings: tuple[str, ...]


def _unescaped(html: str) -> str:
    """Serializers differ in escaping (``&nbsp;``, ``&quot;``, quote style), not in content."""
    return unescape(html).replace("'", '"')


def clean_fragment(
    fragment: str,
    options: CleanOptions,
    *,
    base_url: str | None = None,
    stills: dict[str, str] | None = None,
) -> CleanResult:
    """Run every pass over ``fragment`` and sanitize the result.

    ``stills`` seeds the animated→still image map (from a post's front matter).
    """
    ctx = CleanContext(options=options, base_url=base_url or options.base_url)
    if stills:
        ctx.stills.update(stills)
    root = parse_fragment(fragment)
    steps: list[tuple[str, int]] = []
    for step in (DEPTH_LIMIT, *PASSES):
        count = step.rule(root, ctx)
        if count:
            steps.append((step.name, count))
    serialized = serialize_children(root)
    html = get_sanitizer(options.sanitizer)(serialized)
    if html != serialized and _unescaped(html) != _unescaped(serialized):
        steps.append(("sanitize", 1))  # 10: the second lock found something the rules let by
    return CleanResult(
        html=html,
        text=tree_to_text(root),
        images=collect_images(root, ctx.stills),
        videos=collect_videos(root),
        steps=tuple(steps),
        warnings=tuple(ctx.warnings),
    )
