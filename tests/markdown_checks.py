"""What a reader sees in HTML, for comparing ``to_markdown()`` rendered by markdown-it-py with
the article's own ``html`` (SPEC §11).

Markdown has no video and no figure caption: a video is compared as the ``[视频](src)`` link the
writer emits, a ``figcaption`` as the emphasis it becomes.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

import lxml.html
from markdown_it import MarkdownIt

_SPACE = re.compile(r"\s+")
_RENDERER = MarkdownIt("commonmark").enable("table")


def render(markdown: str) -> str:
    """HTML for ``markdown`` from a CommonMark renderer with GFM tables."""
    return _RENDERER.render(markdown)


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def _text(element: Any) -> str:
    return _squash("".join(element.itertext()))


def _root(html: str) -> Any:
    return lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")


def visible(html: str, *, from_markdown: bool) -> dict[str, Any]:
    """The content features of ``html``: text, images, links, emphasis, lists, tables, code."""
    root = _root(html)
    if not from_markdown:
        for video in root.iter("video"):
            link = lxml.html.Element("a", href=video.get("src", ""))
            link.text, link.tail = "视频", video.tail
            video.getparent().replace(video, link)
        for caption in root.iter("figcaption"):
            caption.tag = "em"
    codes = []
    for pre in root.iter("pre"):
        code = pre.find("code")
        language = code.get("class", "") if code is not None else ""
        codes.append(("".join(pre.itertext()).rstrip("\n"), language))
    return {
        "text": _text(root),
        "images": [unquote(img.get("src", "")) for img in root.iter("img")],
        "links": [(unquote(a.get("href", "")), _text(a)) for a in root.iter("a")],
        "emphasis": [(e.tag, _text(e)) for e in root.iter("strong", "em") if _text(e)],
        "items": [_text(li) for li in root.iter("li")],
        "tables": [
            _trim([_text(cell) for cell in row.iter("td", "th")])
            for table in root.iter("table")
            for row in table.iter("tr")
        ],
        "code": codes,
        "inline_code": [
            "".join(c.itertext()).replace("\n", " ")
            for c in root.iter("code")
            if c.getparent().tag != "pre"
        ],
    }


def _trim(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells.pop()
    return cells


def differences(markdown: str, html: str) -> dict[str, tuple[Any, Any]]:
    """The features in which rendered ``markdown`` differs from ``html`` (empty when faithful)."""
    got = visible(render(markdown), from_markdown=True)
    want = visible(html, from_markdown=False)
    return {key: (got[key], want[key]) for key in want if got[key] != want[key]}
