"""The HTML vocabulary zakerclean speaks, and the few tree operations every rule shares.

Allowlists are frozensets (as in bleach/nh3) and are the single source of truth: the
``attributes`` rule and the final sanitizer both read them.

Why ~350 lines: the allowlists and the handful of tree operations every rule shares (parse,
serialize, remove, unwrap, text slots) are one vocabulary; rules import them from one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml import etree
from lxml.etree import ParserError
from lxml.etree import _Element as HtmlElement

from .errors import ParseLimitError

__all__ = [
    "FORBIDDEN_CHARACTERS",
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "CODE_LANGUAGE",
    "allowed_attribute",
    "code_language",
    "BLOCK_TAGS",
    "HEADING_TAGS",
    "REFERRER_POLICY",
    "LAYOUT_TAGS",
    "MEDIA_TAGS",
    "TABLE_STRUCTURE_TAGS",
    "HtmlElement",
    "new_parser",
    "is_blank",
    "parse_fragment",
    "remove",
    "remove_all",
    "DOOMED_TAG",
    "new_element",
    "has_forbidden_reference",
    "replace_forbidden_characters",
    "text_of",
    "html_text_of",
    "serialize_children",
    "to_html",
    "text_slots",
    "unwrap_all",
]

#: Characters an lxml tree cannot hold (XML 1.0): C0 controls but tab/LF/CR, surrogates, U+FFFE/F.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: Tags allowed in cleaned HTML.
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "p", "br", "a", "strong", "em", "u", "s", "sub", "sup", "code", "pre", "blockquote",
        "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "img", "video",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
    }
)  # fmt: skip

#: The one ``referrerpolicy`` value kept (on ``img``/``video``, rule 7 sets it): image hosts that
#: refuse hot-linked requests carrying a foreign referrer serve requests without one.
REFERRER_POLICY = "no-referrer"

#: Attributes allowed per tag (SPEC §3 rule 7).  No ``class``/``id``/``style``/``on*``/``data-*``.
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height", "referrerpolicy"}),
    "video": frozenset({"src", "poster", "controls", "referrerpolicy"}),
    "ol": frozenset({"start"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan"}),
    "code": frozenset({"class"}),  # only a CODE_LANGUAGE value
}

#: The one ``class`` value kept (on ``code``): the code's language, for highlighters and fences.
CODE_LANGUAGE = re.compile(r"language-[A-Za-z0-9+\-#._]{1,40}")


def code_language(value: str) -> str | None:
    """The first ``language-NAME`` token of a ``class`` value (``hljs language-py`` →
    ``language-py``), or ``None``: the only class worth keeping names the code's language."""
    for token in value.split():
        if CODE_LANGUAGE.fullmatch(token):
            return token
    return None


def allowed_attribute(tag: str, name: str, value: str) -> bool:
    """The value test of the allowlist, shared by both sanitizer backends: ``code[class]``
    only as one ``language-NAME``, ``referrerpolicy`` only as :data:`REFERRER_POLICY`; any
    other allowlisted attribute passes."""
    if name == "referrerpolicy":
        return value == REFERRER_POLICY
    return name != "class" or (tag == "code" and CODE_LANGUAGE.fullmatch(value) is not None)


#: Allowed tags that are blocks in the cleaned output.
BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "p", "pre", "blockquote", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "figure",
        "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
    }
)  # fmt: skip

HEADING_TAGS: frozenset[str] = frozenset({"h2", "h3", "h4", "h5", "h6"})

#: Table parts that are kept even when empty, so that the table keeps its shape.
TABLE_STRUCTURE_TAGS: frozenset[str] = frozenset(
    {"thead", "tbody", "tfoot", "tr", "td", "th", "caption"}
)

#: Block-level layout containers: unwrapped, but they still separate paragraphs.
LAYOUT_TAGS: frozenset[str] = frozenset(
    {
        "div", "section", "article", "main", "header", "footer", "aside", "nav", "center",
        "body", "html", "dl", "dt", "dd", "address", "details", "summary", "hgroup", "form",
        "fieldset", "legend", "menu", "dir", "h1", "hr", "frameset", "noframes", "listing",
        "xmp", "plaintext", "marquee", "optgroup", "select",
    }
)  # fmt: skip

#: Elements that are content even without text.
MEDIA_TAGS: frozenset[str] = frozenset({"img", "video"})


def new_parser() -> etree.HTMLParser:
    """A parser for one document (a few microseconds to make; its error log is then ours alone).

    Comments and processing instructions never reach the rules; libxml2 never touches the
    network.  ``huge_tree`` lifts libxml2's 10 MB text-node and 256-level depth limits (input
    size is bounded by ``CleanOptions.max_bytes`` before parsing instead); anything libxml2
    still cannot read raises :class:`ParseLimitError` rather than losing text silently.
    """
    return etree.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        default_doctype=False,
        huge_tree=True,
    )


def _problem(message: str) -> str:
    """libxml2's message, minus advice a user of zakerclean cannot follow (``XML_PARSE_HUGE``
    is already on: 2048 levels is the parser's hard limit)."""
    message = message.strip()
    if "XML_PARSE_HUGE" in message:
        return (
            "excessive depth: elements nested deeper than 2048 levels, the HTML parser's hard "
            "limit; the rest of the input cannot be read (flatten the input's nesting)"
        )
    return message


def parse_fragment(html: str) -> HtmlElement:
    """Parse an HTML fragment (or whole document) into a detached ``div`` holding its content.

    Raises :class:`~zakerclean.errors.ParseLimitError` when libxml2 gives up before the end.
    """
    root = new_element("div")
    if not html.strip():
        return root
    parser = new_parser()
    try:
        document = etree.fromstring(f"<html><body>{html}", parser)
    except (ParserError, etree.XMLSyntaxError):  # nothing parseable at all
        document = None
    if document is None:
        root.text = html
        return root
    for entry in parser.error_log:
        if entry.level_name == "FATAL":
            raise ParseLimitError(_problem(entry.message), line=entry.line, column=entry.column)
    body: HtmlElement | None = document.find("body")
    if body is None:
        return root
    document.remove(body)  # the body itself becomes the root: no text is copied
    body.tag = "div"
    body.attrib.clear()
    if "&#" in html and has_forbidden_reference(html):
        replace_forbidden_characters(body)
    if "{" in html or "}" in html:
        _drop_unreadable_attributes(body)
    return body


_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+))")


def has_forbidden_reference(html: str) -> bool:
    """Whether a numeric character reference in ``html`` may stand for a character that
    :data:`FORBIDDEN_CHARACTERS` matches (or for no character at all: 0, out of range).

    Many bodies hold ``&#8220;``-style references; only these few values need the walk over
    every text and attribute of the tree, which costs as much as the parse itself.
    """
    for match in _NUMERIC_REFERENCE.finditer(html):
        hex_digits, digits = match.groups()
        number = hex_digits or digits
        if len(number.lstrip("0")) > 7:  # beyond U+10FFFF whatever the base
            return True
        value = int(number, 16) if hex_digits else int(number)
        if (
            (value < 0x20 and value not in (0x09, 0x0A, 0x0D))
            or 0xD800 <= value <= 0xDFFF
            or value in (0xFFFE, 0xFFFF)
            or value > 0x10FFFF
        ):
            return True
    return False


def _drop_unreadable_attributes(root: HtmlElement) -> None:
    """Drop attributes whose names hold ``{`` or ``}`` (``<a {x=1 href=…>``): the HTML parser
    accepts them, but lxml takes such a name for a namespace and cannot read or delete it
    (``ValueError: Invalid tag name``).  No allowed attribute has such a name."""
    for element in root.iter():
        if not isinstance(element.tag, str) or not element.attrib:
            continue
        names = element.keys()
        if any("{" in name or "}" in name for name in names):
            kept = [(k, v) for k, v in element.items() if "{" not in k and "}" not in k]
            element.attrib.clear()
            for name, value in kept:
                element.set(name, value)


def replace_forbidden_characters(root: HtmlElement) -> None:
    """Replace what an lxml tree cannot be given back by U+FFFD, in texts and attributes.

    Raw control characters never get this far
    (:func:`zakerclean.readers.decoding.prepare_text` removes them); only character
    references such as ``&#1;`` produce them, hence the ``&#`` check.
    HTML parsers keep such characters; an XML tree cannot, so U+FFFD marks where one was.
    """
    for element in root.iter():
        if element.text and FORBIDDEN_CHARACTERS.search(element.text):
            element.text = FORBIDDEN_CHARACTERS.sub("\ufffd", element.text)
        if element.tail and FORBIDDEN_CHARACTERS.search(element.tail):
            element.tail = FORBIDDEN_CHARACTERS.sub("\ufffd", element.tail)
        for name, value in element.attrib.items():
            if FORBIDDEN_CHARACTERS.search(value):
                element.set(name, FORBIDDEN_CHARACTERS.sub("\ufffd", value))


def to_html(element: HtmlElement, *, with_tail: bool = False) -> str:
    """``element`` serialized as HTML, every attribute value escaped.

    Why not plain ``etree.tostring``: libxml2's HTML serializer writes an attribute value that
    holds a ``<!--…-->`` comment *unescaped* (a server-side-include convenience), so
    ``alt="<!--&lt;-->"`` comes out as written and the next HTML parser decodes the ``&lt;`` a
    second time (issue 23).  Such values are swapped for placeholders, the tree is serialized,
    and the values are put back escaped.  The fast path (no ``<!--`` in the output) costs one
    substring test.
    """
    out = etree.tostring(element, encoding="unicode", method="html", with_tail=with_tail)
    if "<!--" not in out:
        return out
    swapped: list[tuple[HtmlElement, str, str, str]] = []
    stem = "zc-attribute-"
    while stem in out:  # a placeholder that cannot collide with the document's own text
        stem += "x"
    for node in element.iter():
        for name, value in node.attrib.items():
            if "<!--" in value:
                token = f"{stem}{len(swapped)}."
                swapped.append((node, name, value, token))
                node.set(name, token)
    if not swapped:  # a real comment in the tree, no attribute involved
        return out
    try:
        out = etree.tostring(element, encoding="unicode", method="html", with_tail=with_tail)
    finally:
        for node, name, value, _token in swapped:
            node.set(name, value)
    for _node, _name, value, token in reversed(swapped):  # 10 before 1: no prefix clash
        out = out.replace(token, _escape_attribute(value), 1)
    return out


def _escape_attribute(value: str) -> str:
    """An attribute value escaped as libxml2 escapes the others (``&``, ``<``, ``>``, ``"``)."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def serialize_children(root: HtmlElement) -> str:
    """Serialize the children of ``root``, one top-level block per line."""
    return "\n".join(to_html(child) for child in root)


def new_element(tag: str, text: str | None = None, **attributes: str) -> HtmlElement:
    """A new, detached element."""
    element = etree.Element(tag, attributes)
    if text is not None:
        element.text = text
    return element


def text_of(element: HtmlElement) -> str:
    """All text inside ``element`` (not its tail), like ``lxml.html``'s ``text_content()``."""
    return "".join(element.itertext())


def html_text_of(element: HtmlElement) -> str:
    """:func:`text_of` for the HTML trees of :func:`parse_fragment`, at a third to a quarter of
    the cost: libxml2's text serializer makes no Python string per text node.

    The same string as ``"".join(element.itertext())`` on such trees (both skip comments and
    processing instructions); not for XML trees with unresolved entity references, which the
    serializer expands and ``itertext`` does not.
    """
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


_UNWRAP_MARK = "zakerclean-unwrap"


def unwrap_all(root: HtmlElement, elements: Iterable[HtmlElement]) -> int:
    """Unwrap every element of ``elements`` (all below ``root``) in one pass; return how many.

    ``drop_tag`` looks its element up among its siblings, so unwrapping many siblings one by one
    is quadratic; marking them and stripping the mark once is linear.
    """
    count = 0
    for element in elements:
        element.tag = _UNWRAP_MARK
        count += 1
    if count:
        etree.strip_tags(root, _UNWRAP_MARK)
    return count


def remove(element: HtmlElement) -> None:
    """Remove ``element`` and its content, keeping the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + tail
        else:
            previous.tail = (previous.tail or "") + tail
    parent.remove(element)


#: Tag the rules give an element that is to go in a later :func:`remove_all` (no HTML element
#: has this name), so that the decisions still to be taken can look through it.
DOOMED_TAG = "zakerclean-doomed"


def remove_all(root: HtmlElement, elements: Iterable[HtmlElement]) -> None:
    """Remove every element of ``elements`` (all below ``root``) with its content, keeping
    the text that follows each (its tail), as :func:`remove` does one at a time.

    :func:`remove` moves a tail onto the previous sibling: removing many siblings one by one
    makes that tail grow again and again (quadratic).  Here each parent's children are walked
    once and every kept text slot is assigned once, whatever the number of elements.  (Leaving
    the tails as separate text nodes is no better: lxml joins adjacent text nodes quadratically
    each time it reads them.)  An element inside another one of ``elements`` goes with it.
    """
    doomed = set(elements)
    parents: dict[HtmlElement, None] = {}
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            parents[parent] = None
    for parent in parents:
        _drop_children(parent, doomed)


def _drop_children(parent: HtmlElement, doomed: set[HtmlElement]) -> None:
    """Remove the children of ``parent`` that are in ``doomed``; their tails join the text
    before them (the previous kept child's tail, or ``parent.text``)."""
    owner: HtmlElement | None = None  # None: the slot is parent.text, else owner.tail
    pieces: list[str] = []
    for child in list(parent):
        if child in doomed:
            if child.tail:
                pieces.append(child.tail)
            parent.remove(child)  # lxml removes the tail with it: it is in pieces
            continue
        if pieces:
            _append_text(parent, owner, pieces)
            pieces = []
        owner = child
    if pieces:
        _append_text(parent, owner, pieces)


def _append_text(parent: HtmlElement, owner: HtmlElement | None, pieces: list[str]) -> None:
    if owner is None:
        parent.text = (parent.text or "") + "".join(pieces)
    else:
        owner.tail = (owner.tail or "") + "".join(pieces)


def is_blank(text: str | None) -> bool:
    """True for ``None`` or text with no non-whitespace character."""
    return text is None or not text.strip()


def text_slots(element: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """Yield ``(node, "text" | "tail")`` for every text slot inside ``element``, in reading order.

    Iterative (no recursion), so it is safe on the deepest trees libxml2 produces.  ``element``'s
    own tail is not included.
    """
    yield element, "text"
    stack: list[tuple[HtmlElement | None, Iterator[HtmlElement]]] = [(None, iter(element))]
    while stack:
        owner, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if owner is not None:
                yield owner, "tail"
            continue
        yield child, "text"
        stack.append((child, iter(child)))
