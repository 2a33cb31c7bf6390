"""Full myzaker.com article pages (SPEC §2): find the body and the metadata in the page.

A page is the HTML document a browser gets for ``https://www.myzaker.com/article/…``.  RSSHub
built the feeds our Hexo posts come from out of the same pages: the body is the first ``div``
inside ``div.article_content``.  The metadata sits around it:

========================  ===============================================================
field                     where in the page
========================  ===============================================================
title                     the first ``h1``; else ``og:title``; else ``<title>``
author                    ``a.article-auther`` (ZAKER's spelling)
date (``published``)      ``span.time``: absolute, year-less or relative (needs ``now``)
categories                every ``.lebel-list a`` (ZAKER's spelling), in order
source                    ``ZAKER`` (feed: none; the labels are tags, not a feed)
url                       ``link[rel=canonical]``, else ``og:url`` (http/https only)
cover                     ``og:image`` (http/https only)
========================  ===============================================================

What is missing from the page is simply absent from the article.  A page whose body is missing
(``div.article_content`` absent, or holding no ``div``) raises
:class:`~zakerclean.errors.PageStructureError`: an article without its text would be wrong data,
not partial data.
"""

from __future__ import annotations

import html
import re

from lxml import etree

from ..dom import HtmlElement, new_parser, replace_forbidden_characters, to_html
from ..errors import PageStructureError
from ..urls import document_base
from .document import Document, split_unsafe_link, web_url

__all__ = ["is_page", "read_page"]

#: Where a document says it is a myzaker.com page even if its body is missing.
_MYZAKER_URL = re.compile(r"""^https?://(?:[a-z0-9-]+\.)*myzaker\.com(?:[/:?#]|$)""", re.I)
_DOCUMENT_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def _class_xpath(name: str) -> str:
    """XPath 1.0 for CSS's ``.name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


_AUTHOR = etree.XPath(f"//a[{_class_xpath('article-auther')}]")
_TIME = etree.XPath(f"//span[{_class_xpath('time')}]")
_LABELS = etree.XPath(f"//*[{_class_xpath('lebel-list')}]//a")
_H1 = etree.XPath("//body//h1")
_TITLE = etree.XPath("/html/head/title")
_CONTENT = etree.XPath(f"//div[{_class_xpath('article_content')}]")


def is_page(text: str) -> bool:
    """True for a whole HTML document (``<!DOCTYPE html>`` or ``<html>`` first) that is a
    myzaker.com article page: it has ``article_content`` or names myzaker.com as its URL.

    A cheap textual test; :func:`read_page` runs it first and decides from the parsed tree.
    """
    if not _DOCUMENT_START.match(text[:4096]):
        return False
    return "article_content" in text or "myzaker.com" in text


def _text(element: HtmlElement) -> str:
    return " ".join("".join(element.itertext()).split())


def _meta(root: HtmlElement, prop: str) -> str | None:
    for element in root.iter("meta"):
        if prop in (element.get("property"), element.get("name")):
            value = (element.get("content") or "").strip()
            if value:
                return value
    return None


def _canonical(root: HtmlElement) -> str | None:
    for element in root.iter("link"):
        if "canonical" in (element.get("rel") or "").lower().split():
            href = (element.get("href") or "").strip()
            if href:
                return href
    return _meta(root, "og:url")


def read_page(text: str) -> Document | None:
    """The myzaker.com page in ``text`` as a :class:`Document` (source ``ZAKER``, its labels
    as categories); ``None`` when ``text`` is not such a page.

    Raises :class:`PageStructureError` for a myzaker.com page without its body.
    """
    if not is_page(text):
        return None
    try:
        root = etree.fromstring(text, new_parser())
    except (etree.ParserError, etree.XMLSyntaxError):
        return None
    if root is None:
        return None
    if "&#" in text:  # a character reference of a control character: U+FFFD, as for fragments
        replace_forbidden_characters(root)
    url = web_url(_canonical(root))
    containers = _CONTENT(root)
    if not containers:
        if url is not None and _MYZAKER_URL.match(url):
            raise PageStructureError(
                f"myzaker.com page ({url}) without div.article_content: the article body is missing"
            )
        return None  # some other HTML document: read as a fragment
    body = next(containers[0].iterdescendants("div"), None)
    if body is None:
        raise PageStructureError(
            "myzaker.com page whose div.article_content holds no div: the article body is missing"
        )
    url, meta, warnings = split_unsafe_link(url, "link")
    return Document(
        body=_inner_html(body),
        kind="page",
        title=_first_text(_H1(root)) or _meta(root, "og:title") or _first_text(_TITLE(root)),
        url=url,
        author=_first_text(_AUTHOR(root)),
        source="ZAKER",
        categories=tuple(label for label in (_text(a) for a in _LABELS(root)) if label),
        published_raw=_first_text(_TIME(root)),
        cover=web_url(_meta(root, "og:image")),
        meta=meta,
        base_url=_base_url(root, url),
        warnings=warnings,
    )


def _base_url(root: HtmlElement, url: str | None) -> str | None:
    """The page's URL combined with its first ``<base href>`` (in ``head``: the body the rules
    see holds none), as a browser combines them; the page's URL when that gives no absolute
    base."""
    for element in root.iter("base"):
        href = element.get("href")
        if href is not None:
            base = document_base(url, href)
            if base is not None and base.startswith(("http://", "https://")):
                return base
            break
    return url


def _first_text(elements: list[HtmlElement]) -> str | None:
    for element in elements:
        value = _text(element)
        if value:
            return value
    return None


def _inner_html(element: HtmlElement) -> str:
    """The content of ``element`` as HTML (what RSSHub's ``.html()`` gives)."""
    parts = [html.escape(element.text or "", quote=False)]
    for child in element:
        parts.append(to_html(child))
        parts.append(html.escape(child.tail or "", quote=False))
    return "".join(parts)
