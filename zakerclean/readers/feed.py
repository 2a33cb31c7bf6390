"""Feeds: an RSS or Atom feed (RSSHub output) in, one ``Document`` per item.

RSSHub's ZAKER routes publish each article as a feed item whose ``description`` holds the same
HTML body the Hexo posts were made from, so every item's document goes through the same
engine as ``parse`` (:func:`zakerclean.api.parse_feed`) and gets the same cleaning guarantees.

Two levels of failure, on purpose:

- the **whole feed** is bad (not XML, not RSS/Atom, an entity declaration, too large, not text):
  ``parse_feed`` raises a :class:`~zakerclean.errors.ZakerCleanError` (``FeedError`` for the
  XML-level problems) when it is called, before any item is produced;
- **one item** is bad (neither a title nor content; a body the HTML parser gives up on): that
  item becomes a :class:`~zakerclean.models.Failure` and the other items still parse.  An
  unreadable date is not a failure: ``published`` is ``None`` with a report warning, as in
  ``parse``.

XML is read with a libxml2 parser that never expands entities, never loads a DTD, never touches
the network and keeps its default depth and text-size limits; a feed whose DTD declares or
whose text references an entity is refused outright (that is how "billion laughs" and XXE
attacks are built, and no RSSHub feed needs one).

Why one module of ~450 lines: RSS 2.0, RSS 1.0 (RDF) and Atom share the safe XML parser, the
entity refusal, the text/markup/XHTML readers and the per-item failure handling; split by
format, each part would import most of the others' helpers.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml.etree import _Element

from ..dom import parse_fragment, text_of, to_html
from ..errors import FeedError, ZakerCleanError
from .decoding import decode_bytes, read_text
from .document import Document, split_unsafe_link, web_url

__all__ = ["FeedEntry", "read_feed"]


ATOM = "http://www.w3.org/2005/Atom"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RSS1 = "http://purl.org/rss/1.0/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
XHTML = "http://www.w3.org/1999/xhtml"

#: An XML declaration (with any whitespace before it) at the very start of the text.
_XML_DECLARATION = re.compile(r"\A\s*<\?xml\b[^>]*\?>")
_XML_DECLARATION_BYTES = re.compile(rb"\A\s*<\?xml\b[^>]*\bencoding\s*=", re.IGNORECASE)
_BOM_BYTES = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_ELEMENT_START = re.compile(r"<[A-Za-z_:]")
_ENTITIES_REFUSED = (
    "the DTD declares an entity; zakerclean never expands entities (billion laughs, XXE): "
    "feed refused"
)
_ASCII_SPACE = re.compile(r"[ \t\r\n\f]+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f]*\n")


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: its 1-based position, its link (if any) and its document, or the
    ``ZakerCleanError`` that says why the item cannot be read."""

    index: int
    link: str | None
    document: Document | ZakerCleanError


def read_feed(data: str | bytes, max_bytes: int) -> Iterator[FeedEntry]:
    """Read the feed in ``data`` (at most ``max_bytes``); its items, one at a time.

    The XML is read and checked now: a document that is not a feed raises a
    ``ZakerCleanError`` (``FeedError`` for the XML-level problems) before any item is produced.
    """
    text, warnings = read_text(data, max_bytes, decode=_decode_feed, caller="parse_feed")
    root = _parse_xml(text)
    feed = _Feed.of(root)
    return feed.entries_of(tuple(f"feed: {warning}" for warning in warnings))


# -- the document ------------------------------------------------------------------------------


def _decode_feed(data: bytes) -> tuple[str, list[str]]:
    """XML's own rule first: no BOM and no declared encoding means UTF-8.

    Only then the project's decoding (:func:`~zakerclean.readers.decoding.decode_bytes`:
    BOM, declared charset, UTF-8, GB18030).  Going straight to it could mistake a
    ``<meta charset>`` inside an item's CDATA HTML for the feed's encoding.
    """
    if not data.startswith(_BOM_BYTES) and not _XML_DECLARATION_BYTES.match(data):
        try:
            return data.decode("utf-8"), []
        except UnicodeDecodeError:
            pass
    return decode_bytes(data)


def _new_parser() -> etree.XMLParser:
    """A fresh parser per feed (parsers are not thread-safe): no entities, DTD or network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_pis=True,
        remove_comments=True,
    )


def _blank(match: re.Match[str]) -> str:
    """The same text as spaces (newlines kept), so lxml's line and column numbers stay true."""
    return re.sub(r"[^\n]", " ", match.group())


def _refuse_entity_declarations(text: str) -> None:
    """Refuse an ``<!ENTITY`` in the prolog before libxml2 sees it, with a clear message.

    The prolog ends at the first ``<`` + name (the root element; or, rarely, markup quoted in
    the DTD, which ends the scan early): a declaration this misses is still refused after
    parsing, from the parsed DTD.
    """
    root = _ELEMENT_START.search(text)
    position = text.find("<!ENTITY", 0, root.start() if root else len(text))
    if position >= 0:
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        raise FeedError(_ENTITIES_REFUSED, line=line, column=column)


def _parse_xml(text: str) -> _Element:
    # The text is already decoded: lxml refuses a str that declares an encoding, so the
    # declaration goes (as blanks).  A leading BOM character goes too.
    text = _XML_DECLARATION.sub(_blank, text.removeprefix("\ufeff"), count=1)
    _refuse_entity_declarations(text)
    # Errors are built inside the except blocks but raised after them, so that they carry no
    # __context__: lxml's exception holds an error log that cannot be pickled, and tblib (which
    # Dask installs) pickles the context of an exception too.
    failure: FeedError | None = None
    try:
        root = etree.fromstring(text, _new_parser())
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        message = error.msg or str(error)
        problem = re.sub(r", line \d+, column \d+$", "", message.strip())
        failure = FeedError(f"not well-formed XML: {problem}", line=line, column=column)
    except (etree.LxmlError, ValueError) as error:  # pragma: no cover - defensive
        failure = FeedError(f"not readable as XML: {error}")
    if failure is not None:
        raise failure
    dtd = root.getroottree().docinfo.internalDTD
    declared = next(iter(dtd.iterentities()), None) if dtd is not None else None
    if declared is not None:
        raise FeedError(f"{_ENTITIES_REFUSED} ({declared.name!r})")
    reference = next(root.iter(etree.Entity), None)
    if reference is not None:
        raise FeedError(
            f"entity reference {reference.text} is not expanded (zakerclean never expands "
            "entities): feed refused",
            line=reference.sourceline,
        )
    return root


# -- helpers over elements ---------------------------------------------------------------------


def _squeeze(value: str) -> str:
    """Runs of ASCII whitespace become one space; U+3000 and NBSP are content and stay."""
    return _ASCII_SPACE.sub(" ", value).strip(" ")


def _plain(element: _Element | None) -> str | None:
    """The element's text, whitespace squeezed; ``None`` when absent or blank."""
    if element is None:
        return None
    value = _squeeze("".join(element.itertext()))
    return value or None


def _first_text(parent: _Element, *tags: str) -> str | None:
    """The plain text of the first non-blank child among ``tags`` (tried in that order)."""
    for tag in tags:
        for child in parent.iterchildren(tag):
            value = _plain(child)
            if value is not None:
                return value
    return None


def _all_texts(parent: _Element, tag: str) -> list[str]:
    return [value for child in parent.iterchildren(tag) if (value := _plain(child)) is not None]


def _without_namespaces(element: _Element) -> _Element:
    """A copy of ``element`` with plain tag names and no namespaced attributes (its tail is
    copied too; the callers serialize it without)."""
    copy = deepcopy(element)
    for node in copy.iter():
        if isinstance(node.tag, str) and node.tag.startswith("{"):
            node.tag = etree.QName(node).localname
        for name in [name for name in node.attrib if name.startswith("{")]:
            del node.attrib[name]
    etree.cleanup_namespaces(copy)
    return copy


def _markup(element: _Element) -> str:
    """The HTML an element carries: its text (escaped HTML or CDATA) plus any child elements
    (feeds that put raw markup in ``description`` instead of escaping it) serialized as HTML."""
    parts = [element.text or ""]
    for child in element:
        parts.append(to_html(_without_namespaces(child)))
        parts.append(child.tail or "")
    return "".join(parts)


def _xhtml(element: _Element) -> str:
    """Atom ``type="xhtml"``: the (namespaced) XHTML inside, serialized as HTML with its text
    escaped; the wrapping ``div`` is kept (layout ``div``s are unwrapped by cleaning)."""
    copy = _without_namespaces(element)
    copy.tag = "div"
    copy.attrib.clear()
    return to_html(copy)


def _text_to_html(text: str) -> str:
    """Atom ``type="text"``: plain text, escaped; blank lines separate paragraphs."""
    paragraphs = [part.strip() for part in _PARAGRAPH_BREAK.split(text)]
    return "".join(f"<p>{escape(part, quote=False)}</p>" for part in paragraphs if part)


def _atom_kind(element: _Element) -> str | None:
    """``"html"``, ``"xhtml"`` or ``"text"`` for an Atom text construct, ``None`` if unusable."""
    kind = (element.get("type") or "text").strip().lower()
    if kind in ("html", "text/html"):
        return "html"
    if kind in ("xhtml", "application/xhtml+xml"):
        return "xhtml"
    if kind == "text" or kind.startswith("text/"):
        return "text"
    return None  # other media types (base64 data, XML vocabularies): not an article body


def _atom_body(element: _Element | None) -> str | None:
    # ``src`` (out-of-line content) is not looked at: RSSHub sets it *and* inlines the HTML, and
    # an element that really is empty gives an empty body, so ``summary`` is used instead.
    if element is None:
        return None
    kind = _atom_kind(element)
    if kind == "html":
        return _markup(element)
    if kind == "xhtml":
        return _xhtml(element)
    if kind == "text":
        return _text_to_html("".join(element.itertext()))
    return None


def _atom_text(element: _Element | None) -> str | None:
    """An Atom title: the text, whatever its ``type`` (HTML markup is read, then dropped)."""
    if element is None:
        return None
    if _atom_kind(element) == "html":
        return _squeeze(text_of(parse_fragment(_markup(element)))) or None
    return _plain(element)


def _is_web_url(value: str | None) -> bool:
    return value is not None and value.startswith(("http://", "https://"))


# -- the feed ----------------------------------------------------------------------------------


class _Feed:
    """A parsed feed: its kind, its channel-level facts and its item elements."""

    def __init__(
        self, kind: str, title: str | None, authors: list[str], entries: list[_Element]
    ) -> None:
        self.kind = kind
        self.title = title
        self.authors = authors
        self.entries = entries

    @classmethod
    def of(cls, root: _Element) -> _Feed:
        tag = root.tag if isinstance(root.tag, str) else ""
        if tag == "rss":
            channel = root.find("channel")
            if channel is None:
                raise FeedError("<rss> has no <channel>", line=root.sourceline)
            return cls("rss", _first_text(channel, "title"), [], list(channel.iterchildren("item")))
        if tag == f"{{{RDF}}}RDF":
            channel = root.find(f"{{{RSS1}}}channel")
            title = _first_text(channel, f"{{{RSS1}}}title") if channel is not None else None
            return cls("rdf", title, [], list(root.iterchildren(f"{{{RSS1}}}item")))
        if tag == f"{{{ATOM}}}feed":
            return cls(
                "atom",
                _atom_text(root.find(f"{{{ATOM}}}title")),
                _atom_authors(root),
                list(root.iterchildren(f"{{{ATOM}}}entry")),
            )
        name = etree.QName(root).localname if tag else "?"
        raise FeedError(
            f"not an RSS or Atom feed: the root element is <{name}>, not <rss>, <rdf:RDF> "
            "or an Atom <feed>",
            line=root.sourceline,
        )

    def entries_of(self, warnings: tuple[str, ...]) -> Iterator[FeedEntry]:
        for index, entry in enumerate(self.entries, 1):
            yield self._entry(index, entry, warnings)

    def _entry(self, index: int, entry: _Element, warnings: tuple[str, ...]) -> FeedEntry:
        if self.kind == "atom":
            front, body = _atom_entry(entry, self.authors)
        else:
            front, body = _rss_item(entry, rdf=self.kind == "rdf")
        link = front.get("link")
        if not body.strip() and front.get("title") is None:
            error = FeedError("item has neither a title nor any content", line=entry.sourceline)
            return FeedEntry(index, link, error)
        meta: dict[str, Any] = {}
        if front.get("guid") is not None:
            meta["guid"] = front["guid"]
        if self.title is not None:
            meta["feed_title"] = self.title
        url, unsafe, unsafe_warnings = split_unsafe_link(link, "link")
        meta.update(unsafe)
        document = Document(
            body=body,
            kind="feed",
            title=front.get("title"),
            url=url,
            author=front.get("author"),
            # an item's categories are its own tags, not the Hexo posts' (site, source,
            # channel) triple: no source or channel is read from them
            categories=tuple(front.get("categories", ())),
            published_raw=front.get("date"),
            meta=meta,
            base_url=web_url(url),
            warnings=(*warnings, *unsafe_warnings),
        )
        return FeedEntry(index, link, document)


def _front(
    title: str | None,
    link: str | None,
    date: str | None,
    author: str | None,
    categories: list[str],
    guid: str | None,
) -> dict[str, Any]:
    """The item's facts by name; ``guid`` only when it adds news (differs from the link)."""
    front: dict[str, Any] = {}
    for key, value in (("title", title), ("link", link), ("date", date), ("author", author)):
        if value is not None:
            front[key] = value
    if categories:
        front["categories"] = categories
    if guid is not None and guid != link:
        front["guid"] = guid
    return front


def _rss_item(item: _Element, *, rdf: bool) -> tuple[dict[str, Any], str]:
    """RSS 2.0 (``rdf=False``) or RSS 1.0 item → (front dict, HTML body)."""
    ns = f"{{{RSS1}}}" if rdf else ""
    guid_element = None if rdf else item.find("guid")
    guid = _plain(guid_element)
    link = _first_text(item, f"{ns}link")
    if link is None:
        if rdf:
            about = item.get(f"{{{RDF}}}about")
            link = _squeeze(about) if about and about.strip() else None
        elif guid_element is not None and guid_element.get("isPermaLink", "true") != "false":
            link = guid if _is_web_url(guid) else None
    authors = _all_texts(item, "author") if not rdf else []
    authors = authors or _all_texts(item, f"{{{DC}}}creator")
    categories = _all_texts(item, "category") if not rdf else []
    categories = categories or _all_texts(item, f"{{{DC}}}subject")
    body_element = item.find(f"{{{CONTENT}}}encoded")
    if body_element is None or not _markup(body_element).strip():
        body_element = item.find(f"{ns}description")
    front = _front(
        title=_first_text(item, f"{ns}title"),
        link=link,
        date=_first_text(item, "pubDate", f"{{{DC}}}date"),
        author=", ".join(authors) or None,
        categories=categories,
        guid=guid,
    )
    return front, _markup(body_element) if body_element is not None else ""


def _atom_authors(parent: _Element) -> list[str]:
    names = []
    for author in parent.iterchildren(f"{{{ATOM}}}author"):
        name = _first_text(author, f"{{{ATOM}}}name")
        if name is not None:
            names.append(name)
    return names


def _atom_link(entry: _Element) -> str | None:
    """The first ``link`` with ``rel="alternate"`` or no ``rel``; relative hrefs are resolved
    against ``xml:base`` when it is a web URL."""
    for link in entry.iterchildren(f"{{{ATOM}}}link"):
        href = (link.get("href") or "").strip()
        if href and (link.get("rel") or "alternate").strip() == "alternate":
            base = link.base
            if base is not None and _is_web_url(base):
                # (an absolute href stays as it is); an xml:base urllib cannot split
                # (``http://[``) resolves nothing
                with contextlib.suppress(ValueError):
                    href = urljoin(base, href)
            return href
    return None


def _atom_entry(entry: _Element, feed_authors: list[str]) -> tuple[dict[str, Any], str]:
    """Atom entry → (front dict, HTML body); the feed's authors stand in for missing ones."""
    body = _atom_body(entry.find(f"{{{ATOM}}}content"))
    if body is None or not body.strip():
        body = _atom_body(entry.find(f"{{{ATOM}}}summary")) or ""
    authors = _atom_authors(entry) or feed_authors
    front = _front(
        title=_atom_text(entry.find(f"{{{ATOM}}}title")),
        link=_atom_link(entry),
        date=_first_text(entry, f"{{{ATOM}}}published", f"{{{ATOM}}}updated"),
        author=", ".join(authors) or None,
        categories=[
            term.strip()
            for category in entry.iterchildren(f"{{{ATOM}}}category")
            if (term := category.get("term")) and term.strip()
        ],
        guid=_first_text(entry, f"{{{ATOM}}}id"),
    )
    return front, body
