"""Rule 1 — other sites' furniture out, as each source's profile declares it.

Every site puts its own page furniture into the bodies it publishes: 掘金 a ``复制代码`` copy
button inside every code block, 快科技 an end-of-article marker and a ``文章纠错`` ("report an
error") link glued to the editor credit, cnBeta a 相关文章 block of links to other stories.
None of it is the article.  What is furniture is site-specific, so it is declared as data in
the document's :class:`~zakerclean.profiles.SourceProfile` (``ctx.profile``), never by testing
a site's name here:

* ``furniture_classes``: an element with one of these ``class`` names goes, with its content;
* ``furniture_texts``: a leaf ``a``/``span``/``button`` (no child element) whose whole text,
  trimmed, is one of these goes — the same button or link when the site drops its class;
* ``furniture_images``: an ``img`` whose URL (``src`` or a lazy-loading attribute) contains one
  of these substrings goes — a footer icon is not an article picture.

ZAKER's own trailers stay in :mod:`.boilerplate` (they apply to every input, ZAKER pages being
the library's first shape); this pass runs right after it, under the same ``boilerplate``
switch (``CleanOptions(boilerplate=False)`` keeps furniture too).  One walk over the tree,
skipping what is inside an element already doomed, and one :func:`~zakerclean.dom.remove_all`:
linear in the size of the body.  A source without a profile (or a fragment) declares nothing,
and the pass returns at once.
"""

from __future__ import annotations

from ..context import CleanContext
from ..dom import HtmlElement, remove_all
from ..profiles import SourceProfile

__all__ = ["FURNITURE_TEXT_TAGS", "IMAGE_URL_ATTRIBUTES", "is_furniture", "strip_furniture"]

#: Elements that a ``furniture_texts`` entry may name: the buttons and links furniture is.
FURNITURE_TEXT_TAGS: frozenset[str] = frozenset({"a", "span", "button"})

#: Attributes of an ``img`` that may hold its URL before rule 2 settles it.
IMAGE_URL_ATTRIBUTES: tuple[str, ...] = (
    "src",
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-actualsrc",
)


def is_furniture(element: HtmlElement, profile: SourceProfile) -> bool:
    """True when ``profile`` declares ``element`` site furniture (by class, text or image)."""
    classes = element.get("class")
    if classes and not profile.furniture_classes.isdisjoint(classes.split()):
        return True
    tag = element.tag
    if tag in FURNITURE_TEXT_TAGS and profile.furniture_texts and not len(element):
        return (element.text or "").strip() in profile.furniture_texts
    if tag == "img" and profile.furniture_images:
        for name in IMAGE_URL_ATTRIBUTES:
            url = element.get(name)
            if url and any(part in url for part in profile.furniture_images):
                return True
    return False


def strip_furniture(root: HtmlElement, ctx: CleanContext) -> int:
    """Remove what the document's source profile declares furniture; return how many
    elements went."""
    profile = ctx.profile
    if not (profile.furniture_classes or profile.furniture_texts or profile.furniture_images):
        return 0
    doomed: list[HtmlElement] = []
    inside: set[HtmlElement] = set()
    for element in root.iterdescendants():
        if not isinstance(element.tag, str) or element in inside:
            continue
        if is_furniture(element, profile):
            inside.update(element.iterdescendants())
            doomed.append(element)
    remove_all(root, doomed)
    return len(doomed)
