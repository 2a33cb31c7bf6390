"""Rendering a cleaned article for people: Markdown (SPEC §11).

Works on the cleaned HTML, which only holds allowlisted tags, so the mapping is short.  The
output must render, with a CommonMark renderer with GFM tables, to the same content as the HTML;
where plain Markdown cannot say something it emits inline HTML that CommonMark passes through:

- ``**``/``*`` only open or close beside letters and punctuation in some arrangements (the
  "flanking" rules), and CJK text puts full-width punctuation right beside them
  (``**好消息。**接着`` prints its stars): such spans become ``<strong>``/``<em>``;
- a table cell is one line: ``<br>`` and paragraph breaks inside it become ``<br>``;
- ``u``, ``s``, ``sub``, ``sup`` have no Markdown form and stay HTML.

Text is escaped only where it would otherwise render as markup.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from lxml import etree

from ..dom import HtmlElement, parse_fragment, text_of

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..models import Article

__all__ = ["article_to_markdown", "html_to_markdown"]

#: Characters that always start or end inline markup.
_ESCAPE = re.compile(r"([\\`*_\[\]])|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
#: Line starts that would make a block: heading, quote, bullet, ordered item, fence, setext line.
_LINE_START = re.compile(r"^(?:([#>+\-])(?=\s|$)|(\d{1,9})([.)])(?=\s|$)|(~~~)|(=+)(?=\s*$))", re.M)
#: Tags whose Markdown form is plain text around delimiters; other inline tags stay HTML.
_HTML_INLINE = frozenset({"u", "s", "sub", "sup"})
_FLOW_BLOCKS = frozenset(
    {"p", "ul", "ol", "blockquote", "pre", "figure", "table", "h2", "h3", "h4", "h5", "h6"}
)
_BACKTICKS = re.compile(r"`+")


def _line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    if match.group(2):
        return f"{match.group(2)}\\{match.group(3)}"  # "1\." — a backslash before a digit shows
    if match.group(4):
        return "\\~~~"
    return "\\" + match.group(5)


def _escape(text: str) -> str:
    escaped = _ESCAPE.sub(lambda m: "\\" + m.group(), text)
    return _LINE_START.sub(_line_start, escaped)


def _destination(url: str) -> str:
    """A link destination CommonMark reads back as ``url``."""
    return re.sub(r"([()\\<>])", r"\\\1", url).replace(" ", "%20")


def _is_space(char: str) -> bool:
    return char == "" or char in "\t\n\r\f\v" or unicodedata.category(char) == "Zs"


def _is_punct(char: str) -> bool:
    return unicodedata.category(char).startswith(("P", "S"))


def _flanks(before: str, first: str, last: str, after: str) -> bool:
    """True when ``*`` runs put around a span from ``first`` to ``last`` (with ``before`` and
    ``after`` its neighbours, "" for a line edge) open and close it (CommonMark's flanking rules).
    """
    opens = not _is_space(first) and (
        not _is_punct(first) or _is_space(before) or _is_punct(before)
    )
    closes = not _is_space(last) and (not _is_punct(last) or _is_space(after) or _is_punct(after))
    return opens and closes and before != "*" and after != "*"


def _emphasis(tag: str, inner: str, before: str, after: str) -> str:
    if not inner.strip():
        return inner
    if _flanks(before, inner[0], inner[-1], after):
        mark = "**" if tag == "strong" else "*"
        return f"{mark}{inner}{mark}"
    return f"<{tag}>{inner}</{tag}>"


def _code_span(code: str) -> str:
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(code)), default=0) + 1)
    # CommonMark strips one space from each end when both ends have one: pad so it strips ours
    edge_spaces = code[:1] == " " and code[-1:] == " " and code.strip() != ""
    pad = " " if edge_spaces or code[:1] == "`" or code[-1:] == "`" else ""
    return f"{fence}{pad}{code}{pad}{fence}"


def _medium(element: HtmlElement) -> str:
    if element.tag == "img":
        return f"![{_escape(element.get('alt', ''))}]({_destination(element.get('src', ''))})"
    return f"[视频]({_destination(element.get('src', ''))})"


def _after(children: Sequence[HtmlElement], index: int) -> str:
    """The first character rendered after ``children[index]`` ("" for the end of the run)."""
    tail = children[index].tail
    if tail:
        return tail[0]
    if index + 1 == len(children):
        return ""
    following = children[index + 1].tag
    return "\n" if following == "br" else ("*" if following in ("strong", "em") else "<")


def _run(text: str | None, children: Sequence[HtmlElement], br: str) -> str:
    """Inline Markdown for ``text`` followed by ``children`` (and their tails)."""
    out = _escape(text or "")
    for index, child in enumerate(children):
        tag = child.tag
        if tag in ("img", "video"):
            out += _medium(child)
        elif tag == "br":
            out += br
        elif tag == "code":
            out += _code_span(text_of(child))
        else:
            inner = _inline(child, br)
            if tag in ("strong", "em"):
                out += _emphasis(tag, inner, out[-1:], _after(children, index))
            elif tag == "a":
                out += f"[{inner}]({_destination(child.get('href', ''))})"
            elif tag in _HTML_INLINE:
                out += f"<{tag}>{inner}</{tag}>"
            else:
                out += inner
        out += _escape(child.tail or "")
    return out


def _inline(element: HtmlElement, br: str = "  \n") -> str:
    return _run(element.text, list(element), br)


def _cell(cell: HtmlElement) -> str:
    """One table cell on one line: line and paragraph breaks become ``<br>``."""
    if any(child.tag in _FLOW_BLOCKS for child in cell):
        parts = [_inline(child, "<br>") for child in cell if child.tag in _FLOW_BLOCKS]
        text = "<br><br>".join(part.strip() for part in parts if part.strip())
    else:
        text = _inline(cell, "<br>").strip()
    return text.replace("\n", " ").replace("|", "\\|") or " "


def _table(element: HtmlElement) -> str:
    rows = [[_cell(cell) for cell in row.iter("td", "th")] for row in element.iter("tr")]
    rows = [row for row in rows if row]
    caption = element.find("caption")
    lead = [_inline(caption).strip()] if caption is not None else []
    if not rows:
        return "\n\n".join(lead)
    width = max(len(row) for row in rows)
    rows = [row + [" "] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n\n".join([*lead, "\n".join(lines)])


def _code_block(element: HtmlElement) -> str:
    """A fence, with the code's language as info string; a ``pre`` holding links or other
    markup (which a fence would print as text) stays an HTML block."""
    if any(child.tag != "code" for child in element.iterdescendants()):
        return _html(element)
    code = text_of(element)
    inner = element.find("code")
    language = ""
    if inner is not None and inner.get("class", "").startswith("language-"):
        language = inner.get("class", "")[len("language-") :]
    fence = "`" * max(3, max((len(run) for run in _BACKTICKS.findall(code)), default=0) + 1)
    body = code if code.endswith("\n") or not code else code + "\n"
    return f"{fence}{language}\n{body}{fence}"


def _html(element: HtmlElement) -> str:
    return etree.tostring(element, encoding="unicode", method="html", with_tail=False)


def _figure(element: HtmlElement) -> str:
    lines = []
    for child in element:
        if child.tag in ("img", "video"):
            lines.append(_medium(child))
        elif child.tag == "a":
            lines.append(f"[{_inline(child)}]({_destination(child.get('href', ''))})")
        elif child.tag == "figcaption":
            caption = _inline(child, "<br>").strip()
            if caption:
                lines.append(_emphasis("em", caption, "", ""))
        else:
            lines.append(_block(child))
    return "\n\n".join(line for line in lines if line)


def _indent(body: str, width: int) -> str:
    pad = " " * width
    return "\n".join(pad + line if line else "" for line in body.split("\n"))[width:]


def _list(element: HtmlElement) -> str:
    items = []
    start = int(element.get("start", "1"))
    for number, item in enumerate(element.findall("li"), start=start):
        marker = f"{number}." if element.tag == "ol" else "-"
        items.append(f"{marker} {_indent(_flow(item), len(marker) + 1)}".rstrip(" "))
    return "\n".join(items)


def _block(element: HtmlElement) -> str:
    tag = element.tag
    if tag in ("h2", "h3", "h4", "h5", "h6"):
        text = _inline(element, "<br>").strip().replace("\n", " ")
        return "#" * int(tag[1]) + " " + (text[:-1] + "\\#" if text.endswith("#") else text)
    if tag == "figure":
        return _figure(element)
    if tag in ("ul", "ol"):
        return _list(element)
    if tag == "blockquote":
        inner = _flow(element)
        return "\n".join("> " + line if line else ">" for line in inner.split("\n"))
    if tag == "pre":
        return _code_block(element)
    if tag == "table":
        return _table(element)
    if tag == "p":
        return _inline(element).strip()
    return _run(None, [element], "  \n").strip()


def _flow(element: HtmlElement) -> str:
    """Blocks and runs of inline content inside ``element`` (a list item, a quote)."""
    parts: list[str] = []
    text: str | None = element.text
    run: list[HtmlElement] = []
    for child in element:
        if child.tag in _FLOW_BLOCKS:
            parts.append(_run(text, run, "  \n").strip())
            parts.append(_block(child))
            text, run = child.tail, []
        else:
            run.append(child)
    parts.append(_run(text, run, "  \n").strip())
    return "\n\n".join(part for part in parts if part)


def html_to_markdown(html: str) -> str:
    """Markdown for cleaned HTML (as produced by :func:`zakerclean.clean_html`)."""
    root = parse_fragment(html)
    return "\n\n".join(filter(None, (_block(block) for block in root))) + "\n"


def article_to_markdown(article: Article) -> str:
    """``# title``, then the body as Markdown."""
    body = html_to_markdown(article.html)
    return f"# {_escape(article.title)}\n\n{body}" if article.title else body
