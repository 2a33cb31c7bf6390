"""Rule 1 — boilerplate out.

ZAKER pages end with empty trailer containers (``#recommend_bottom``, ``#article_bottom``) and
carry tool bars (``.edi_oper``) and a 【纠错】 link (``.advise``); none of it is article content.
``script``/``style``/``noscript`` and other non-content elements go with everything inside them,
whatever the options say: they are never content and can be dangerous.  (Comments never reach
the rules: the parser drops them.)

Two of them are read before they go, because what they say matters to rule 2 and later:

* the first ``<base href>`` sets the document's base URL (combined with ``base_url`` as a
  browser combines it with the page's address, :func:`zakerclean.urls.document_base`), so
  images and links resolve as they did on the page;
* a ``<noscript>`` next to a lazy image holds the real image a browser without scripts shows:
  its attributes are recorded in ``ctx.fallbacks`` for that image
  (:func:`zakerclean.rules.images.noscript_fallback`), and rule 2 uses them when the lazy image
  has only a placeholder or a blurred preview.  Recording instead of keeping the noscript in the
  tree keeps this rule the one definition of what is visible: nothing of a noscript is ever
  content by itself.
"""

from __future__ import annotations

from ..context import CleanContext
from ..dom import HtmlElement, remove_all, text_of
from ..urls import document_base
from .images import noscript_fallback

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


def is_boilerplate(element: HtmlElement) -> bool:
    """True for a ZAKER trailer or tool container (by ``id`` or ``class``)."""
    if element.get("id") in BOILERPLATE_IDS:
        return True
    classes = element.get("class")
    return classes is not None and not BOILERPLATE_CLASSES.isdisjoint(classes.split())


def _doomed(root: HtmlElement, containers: bool) -> list[HtmlElement]:
    """The outermost elements to remove, in document order: non-content tags and (when
    ``containers``) trailer/tool containers, without those inside another one.

    One walk over the tree (a 28-way XPath union cost more, and grew with the document); an
    element's ``id``/``class`` is only read when it has attributes.  Elements inside a doomed
    one are skipped by collecting the doomed subtree's descendants once, so the walk stays
    linear however deeply doomed elements nest.
    """
    doomed: list[HtmlElement] = []
    inside: set[HtmlElement] = set()
    for element in root.iterdescendants():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag in NON_CONTENT_TAGS or (containers and element.attrib and is_boilerplate(element)):
            if element in inside:
                continue
            inside.update(element.iterdescendants())
            doomed.append(element)
    return doomed


def strip_boilerplate(root: HtmlElement, ctx: CleanContext) -> int:
    """Remove non-content elements, and (when enabled) ZAKER trailer/tool containers."""
    doomed = _doomed(root, ctx.options.boilerplate)
    reported: dict[str, int] = {}
    base_read = False
    for element in doomed:
        tag = str(element.tag)
        if tag == "base" and not base_read and element.get("href") is not None:
            base_read = True  # only the first base with an href counts, as in browsers
            _read_base(element.get("href") or "", ctx)
        elif tag == "noscript":
            found = noscript_fallback(element)
            if found is not None and found[0] not in ctx.fallbacks:
                ctx.fallbacks[found[0]] = found[1]
        if tag not in _NEVER_CONTENT and _has_content(element):
            reported[tag] = reported.get(tag, 0) + 1
    remove_all(root, doomed)
    for tag, count in reported.items():
        ctx.warn(f"{count} <{tag}> element(s) with content removed: not article content")
    return len(doomed)


def _read_base(href: str, ctx: CleanContext) -> None:
    base = document_base(ctx.base_url, href, proxies=ctx.options.proxies)
    if base is None:
        ctx.warn(f"<base href={href[:60]!r}> ignored: no usable base URL")
    else:
        ctx.base_url = base


def _has_content(element: HtmlElement) -> bool:
    return bool(text_of(element).strip()) or any(
        element.get(name) for name in ("src", "data", "href")
    )
