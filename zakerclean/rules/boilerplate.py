"""Rule 1 — boilerplate out.

ZAKER pages end with empty trailer containers (``#recommend_bottom``, ``#article_bottom``) and
carry tool bars (``.edi_oper``) and a 【纠错】 link (``.advise``); none of it is article content.
``script``/``style``/``noscript`` and other non-content elements go with everything inside them,
whatever the options say: they are never content and can be dangerous.  (Comments never reach
the rules: the parser drops them.)
"""

from __future__ import annotations

from ..context import CleanContext
from ..dom import HtmlElement, remove, text_of

__all__ = [
    "BOILERPLATE_CLASSES",
    "BOILERPLATE_IDS",
    "NON_CONTENT_TAGS",
    "is_boilerplate",
    "strip_boilerplate",
]

#: ``id`` values of ZAKER trailer containers.
BOILERPLATE_IDS: frozenset[str] = frozenset({"recommend_bottom", "article_bottom"})

#: ``class`` names of ZAKER tool/trailer containers.
BOILERPLATE_CLASSES: frozenset[str] = frozenset(
    {"edi_oper", "advise", "recommend_bottom", "article_bottom", "zk_share", "share_box"}
)

#: Elements removed with their whole content: never visible article text, often dangerous.
NON_CONTENT_TAGS: frozenset[str] = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
        "object", "embed", "applet", "param", "frame", "frameset", "noembed", "svg", "math",
        "canvas", "map", "input", "button", "textarea", "select", "option", "audio", "track",
    }
)  # fmt: skip


#: Non-content elements removed without a warning: they never hold anything a reader sees.
_NEVER_CONTENT: frozenset[str] = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "meta", "link", "base"}
)


_NON_CONTENT = "|".join(f".//{tag}" for tag in sorted(NON_CONTENT_TAGS))
_CANDIDATES = _NON_CONTENT + "|.//*[@id or @class]"


def is_boilerplate(element: HtmlElement) -> bool:
    """True for a ZAKER trailer or tool container (by ``id`` or ``class``)."""
    if element.get("id") in BOILERPLATE_IDS:
        return True
    classes = element.get("class")
    return classes is not None and not BOILERPLATE_CLASSES.isdisjoint(classes.split())


def strip_boilerplate(root: HtmlElement, ctx: CleanContext) -> int:
    """Remove non-content elements, and (when enabled) ZAKER trailer/tool containers."""
    # One XPath query finds them all in C; only elements with an id or class, or of a listed
    # tag, come back to Python.
    candidates = root.xpath(_CANDIDATES if ctx.options.boilerplate else _NON_CONTENT)
    doomed = [
        element
        for element in candidates
        if element.tag in NON_CONTENT_TAGS
        or not isinstance(element.tag, str)
        or (ctx.options.boilerplate and is_boilerplate(element))
    ]
    removed = 0
    reported: dict[str, int] = {}
    for element in doomed:
        if element.getparent() is not None and _attached(element, root):
            tag = element.tag
            if isinstance(tag, str) and tag not in _NEVER_CONTENT and _has_content(element):
                reported[tag] = reported.get(tag, 0) + 1
            remove(element)
            removed += 1
    for tag, count in reported.items():
        ctx.warn(f"{count} <{tag}> element(s) with content removed: not article content")
    return removed


def _has_content(element: HtmlElement) -> bool:
    return bool(text_of(element).strip()) or any(
        element.get(name) for name in ("src", "data", "href")
    )


def _attached(element: HtmlElement, root: HtmlElement) -> bool:
    """False when an ancestor of ``element`` was already removed in this pass."""
    return any(ancestor is root for ancestor in element.iterancestors())
