"""Rendering a cleaned article for people: Markdown.

Works on the cleaned HTML, which only holds allowlisted tags, so the mapping is short.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..dom import HtmlElement, parse_fragment, text_of

if TYPE_CHECKING:
    from ..models import Article

__all__ = ["article_to_markdown", "html_to_markdown"]

_ESCAPE = re.compile(r"([\\`*_\[\]])")
_LINE_START = re.compile(r"^([#>+\-]|\d+\.)(?=\s)", re.MULTILINE)


def _escape(text: str) -> str:
    return _LINE_START.sub(r"\\\1", _ESCAPE.sub(r"\\\1", text))


def _medium(element: HtmlElement) -> str:
    if element.tag == "img":
        return f"![{_escape(element.get('alt', ''))}]({element.get('src', '')})"
    return f"[视频]({element.get('src', '')})"


def _inline(element: HtmlElement) -> str:
    parts: list[str] = [_escape(element.text or "")]
    for child in element:
        inner = _inline(child)
        tag = child.tag
        if tag in ("img", "video"):
            parts.append(_medium(child))
        elif tag == "strong":
            parts.append(f"**{inner}**" if inner.strip() else inner)
        elif tag == "em":
            parts.append(f"*{inner}*" if inner.strip() else inner)
        elif tag == "code":
            parts.append(f"`{text_of(child)}`")
        elif tag == "a":
            parts.append(f"[{inner}]({child.get('href', '')})")
        elif tag == "br":
            parts.append("  \n")
        else:
            parts.append(inner)
        parts.append(_escape(child.tail or ""))
    return "".join(parts)


def _block(element: HtmlElement) -> str:
    tag = element.tag
    if tag in ("h2", "h3", "h4", "h5", "h6"):
        return "#" * int(tag[1]) + " " + _inline(element).strip()
    if tag == "figure":
        lines = [_medium(child) for child in element if child.tag in ("img", "video")]
        caption = element.find("figcaption")
        if caption is not None:
            lines.append(f"*{_inline(caption).strip()}*")
        return "\n\n".join(lines)
    if tag in ("ul", "ol"):
        items = []
        start = int(element.get("start", "1"))
        for number, item in enumerate(element.findall("li"), start=start):
            marker = f"{number}." if tag == "ol" else "-"
            body = _flow(item).replace("\n", "\n" + " " * (len(marker) + 1))
            items.append(f"{marker} {body}")
        return "\n".join(items)
    if tag == "blockquote":
        inner = "\n\n".join(_block(child) for child in element)
        return "\n".join("> " + line if line else ">" for line in inner.split("\n"))
    if tag == "pre":
        code = text_of(element)
        fence = "````" if "```" in code else "```"
        return f"{fence}\n{code.rstrip()}\n{fence}"
    if tag == "table":
        rows = [
            [_inline(cell).strip().replace("|", "\\|") or " " for cell in row.iter("td", "th")]
            for row in element.iter("tr")
        ]
        rows = [row for row in rows if row]
        if not rows:
            return ""
        width = max(len(row) for row in rows)
        rows = [row + [" "] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n".join(lines)
    return _inline(element).strip()


def _flow(element: HtmlElement) -> str:
    blocks = [
        child
        for child in element
        if child.tag in ("p", "ul", "ol", "blockquote", "pre", "figure", "table")
    ]
    if not blocks:
        return _inline(element).strip()
    lead = _escape(element.text or "").strip()
    parts = [lead] if lead else []
    parts += [_block(child) for child in element]
    return "\n".join(part for part in parts if part)


def html_to_markdown(html: str) -> str:
    """Markdown for cleaned HTML (as produced by :func:`zakerclean.clean_html`)."""
    root = parse_fragment(html)
    return "\n\n".join(filter(None, (_block(block) for block in root))) + "\n"


def article_to_markdown(article: Article) -> str:
    """``# title``, then the body as Markdown."""
    body = html_to_markdown(article.html)
    return f"# {_escape(article.title)}\n\n{body}" if article.title else body
