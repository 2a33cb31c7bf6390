"""The cleaning pipeline: SPEC §3's rules, run over one lxml tree in one fixed order.

Read :data:`PASSES` and :data:`TITLE_PASSES` top to bottom and you have read the algorithm.
Each pass is declared once, with its name (the report step, and for a switchable pass the
``CleanOptions`` field and the CLI flag) and its function; this module owns switching and
reporting, so adding a rule is one rule module plus one line here.  Each rule lives in its own
module under :mod:`zakerclean.rules`; the final sanitizer runs over the serialized HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from html import unescape

from ..context import CleanContext
from ..dom import HtmlElement, parse_fragment, serialize_children
from ..models import Image, Video
from ..options import CleanOptions
from ..profiles import GENERIC, SourceProfile
from ..rules.attributes import filter_attributes
from ..rules.boilerplate import strip_boilerplate
from ..rules.depth import limit_depth
from ..rules.empty import remove_empty_elements
from ..rules.furniture import strip_furniture
from ..rules.images import resolve_lazy_images
from ..rules.links import fix_links
from ..rules.sanitize import get_sanitizer
from ..rules.structure import normalize_structure
from ..rules.titles import (
    TitleChange,
    restore_title_question_marks,
    restore_title_quotes,
    restore_title_quotes_ascii,
)
from ..rules.typography import restore_cjk_parentheses, restore_cjk_spacing, restore_quotes
from ..rules.video import convert_videos
from ..rules.whitespace import normalize_whitespace
from .dropped import dropped_picture_warnings, picture_url_candidates
from .media import collect_images, collect_videos
from .text import tree_to_text

__all__ = [
    "PASSES",
    "RULE_ORDER",
    "TITLE_PASSES",
    "CleanResult",
    "Pass",
    "TitlePass",
    "clean_fragment",
    "clean_fragment_html",
    "restore_title",
]

Rule = Callable[[HtmlElement, CleanContext], int]
TitleRule = Callable[[str], TitleChange]


@dataclass(frozen=True)
class Pass:
    """One named pass of the pipeline, declared once.

    ``name`` is the pass's report step (``Article.report.steps``); when ``switchable``, it is
    also the ``CleanOptions`` field that turns the pass on or off, and the command line flag
    (``--NAME``/``--no-NAME``).  ``group`` names a ``CleanOptions`` switch for a whole rule
    (``typography`` for rule 9).  The pipeline decides whether a pass runs; rules never look at
    their own switch.
    """

    name: str
    rule: Rule
    switchable: bool = False
    group: str | None = None

    def runs(self, options: CleanOptions) -> bool:
        """Whether this pass runs under ``options``."""
        return enabled(self.name, self.switchable, self.group, options)


@dataclass(frozen=True)
class TitlePass:
    """A pass over the title (rule 9, titles), declared and switched like :class:`Pass`."""

    name: str
    rule: TitleRule
    switchable: bool = False
    group: str | None = None

    def runs(self, options: CleanOptions) -> bool:
        """Whether this pass runs under ``options``."""
        return enabled(self.name, self.switchable, self.group, options)


def enabled(name: str, switchable: bool, group: str | None, options: CleanOptions) -> bool:
    """A pass runs unless its own switch or its group's switch is off."""
    if switchable and not getattr(options, name):
        return False
    return group is None or bool(getattr(options, group))


#: The passes over the body, in the order they run (SPEC §3 numbering in comments).
PASSES: tuple[Pass, ...] = (
    Pass("boilerplate", strip_boilerplate),  # 1
    Pass("furniture", strip_furniture, group="boilerplate"),  # 1, per source profile
    Pass("lazy_images", resolve_lazy_images),  # 2
    Pass("links", fix_links),  # 3
    Pass("video", convert_videos),  # 4
    Pass("structure", normalize_structure),  # 5
    Pass("empty_elements", remove_empty_elements),  # 6
    Pass("attributes", filter_attributes),  # 7
    Pass("whitespace", normalize_whitespace),  # 8
    # 9, typography: quotes last, because full-width parentheses next to a quote pair make
    # its context CJK (so one run gives what two would)
    Pass("cjk_parentheses", restore_cjk_parentheses, switchable=True, group="typography"),
    Pass("cjk_spacing", restore_cjk_spacing, switchable=True, group="typography"),
    Pass("quotes", restore_quotes, switchable=True, group="typography"),
)

#: Run right after parsing, before every rule: bounds the nesting the rules work on (deep
#: nesting never merges paragraphs; ``rules/depth.py``).
DEPTH_LIMIT = Pass("depth", limit_depth)

#: The passes over the title, in the order they run (rule 9, titles); ``title_raw`` keeps the
#: title as written.
TITLE_PASSES: tuple[TitlePass, ...] = (
    TitlePass("quotes", restore_title_quotes_ascii, switchable=True, group="typography"),
    TitlePass(
        "title_question_marks", restore_title_question_marks, switchable=True, group="typography"
    ),
    TitlePass("title_quotes", restore_title_quotes, switchable=True, group="typography"),
)

#: Names of the steps as ``CleanReport.steps`` orders them: the body passes, the sanitizer
#: (rule 10), then the title passes that are not body passes too.
RULE_ORDER: tuple[str, ...] = tuple(
    dict.fromkeys(
        [
            DEPTH_LIMIT.name,
            *(step.name for step in PASSES),
            "sanitize",
            *(step.name for step in TITLE_PASSES),
        ]
    )
)


def restore_title(
    title: str, options: CleanOptions
) -> tuple[str, tuple[tuple[str, int], ...], tuple[str, ...]]:
    """Run the title passes over ``title``: ``(title, steps, warnings)``."""
    steps: list[tuple[str, int]] = []
    warnings: list[str] = []
    for step in TITLE_PASSES:
        if not step.runs(options):
            continue
        title, count, notes = step.rule(title)
        if count:
            steps.append((step.name, count))
        warnings += notes
    return title, tuple(steps), tuple(warnings)


@dataclass(frozen=True)
class CleanResult:
    """Everything cleaning one body produces."""

    html: str
    text: str
    images: tuple[Image, ...]
    videos: tuple[Video, ...]
    steps: tuple[tuple[str, int], ...]
    warnings: tuple[str, ...]
    #: the final tree (``html`` parsed), for the signals read off it (``engine/flags.py``)
    root: HtmlElement | None = None


def _unescaped(html: str) -> str:
    """Serializers differ in escaping (``&nbsp;``, ``&quot;``, quote style), not in content."""
    return unescape(html).replace("'", '"')


def _clean(
    fragment: str, ctx: CleanContext, watch: list[tuple[str, str, str]] | None = None
) -> tuple[HtmlElement, str, list[tuple[str, int]]]:
    """Parse ``fragment``, run the depth limit and every pass, sanitize: ``(tree, html,
    steps)``; the last step is ``sanitize`` when the second lock changed content.  ``watch``
    gets the input's picture URL attributes (``engine/dropped.py``)."""
    options = ctx.options
    root = parse_fragment(fragment)
    if watch is not None:
        watch.extend(picture_url_candidates(root))
    steps: list[tuple[str, int]] = []
    for step in (DEPTH_LIMIT, *PASSES):
        if not step.runs(options):
            continue
        count = step.rule(root, ctx)
        if count:
            steps.append((step.name, count))
    serialized = serialize_children(root)
    html = get_sanitizer(options.sanitizer)(serialized)
    if html != serialized and _unescaped(html) != _unescaped(serialized):
        steps.append(("sanitize", 1))  # 10: the second lock found something the rules let by
    return root, html, steps


def clean_fragment_html(
    fragment: str,
    options: CleanOptions,
    *,
    base_url: str | None = None,
    profile: SourceProfile = GENERIC,
) -> str:
    """Only the clean HTML of ``fragment`` (``clean_html``): the same passes and sanitizer as
    :func:`clean_fragment`, without the text, image and video work nobody asked for."""
    ctx = CleanContext(options=options, base_url=base_url or options.base_url, profile=profile)
    return _clean(fragment, ctx)[1]


def clean_fragment(
    fragment: str,
    options: CleanOptions,
    *,
    base_url: str | None = None,
    stills: Mapping[str, str] | None = None,
    players: Iterable[str] = (),
    profile: SourceProfile = GENERIC,
) -> CleanResult:
    """Run every pass over ``fragment`` and sanitize the result.

    ``stills`` seeds the animated→still image map and ``players`` the player links (both from
    the front matter of a post zakerclean wrote: HTML has no place for them).

    ``html``, ``text``, ``images`` and ``videos`` come from one final tree: the tree the passes
    leave, when the sanitizer's output has the same content; otherwise (the second lock
    removed something the rules let by) the sanitizer's output parsed again.
    """
    ctx = CleanContext(options=options, base_url=base_url or options.base_url, profile=profile)
    if stills:
        ctx.stills.update(stills)
    ctx.players.update(players)
    candidates: list[tuple[str, str, str]] = []
    root, html, steps = _clean(fragment, ctx, candidates)
    if steps and steps[-1][0] == "sanitize":
        root = parse_fragment(html)  # the final tree is what the sanitizer gave
    images = collect_images(root, ctx.stills)
    videos = collect_videos(root, ctx.players)
    dropped = dropped_picture_warnings(candidates, images, videos, ctx)
    return CleanResult(
        html=html,
        text=tree_to_text(root),
        images=images,
        videos=videos,
        steps=tuple(steps),
        warnings=(*ctx.warnings, *dropped),
        root=root,
    )
