"""A seeded, grammar-based generator of hostile HTML (issue 23).

Known XSS vectors are the floor; this generator writes *new* ones by combining the parser
states where sanitizers and browsers disagree.  Each production is a small named function, so
a finding can be traced to the shape that made it:

* namespace switches (``<svg>``, ``<math>``, ``foreignObject``, ``annotation-xml``, ``mglyph``),
* raw-text and RCDATA elements (``script``, ``style``, ``xmp``, ``iframe``, ``noembed``,
  ``noframes``, ``noscript``, ``textarea``, ``title``, ``plaintext``),
* ``template``, ``select``, table foster-parenting, nested ``form`` and ``a``,
* comments, bogus comments (``<!x>``, ``</ x>``, ``<?x>``), CDATA, conditional comments,
* entity tricks (named, numeric, hex, missing ``;``, double-escaped ``&amp;lt;``),
* event handlers and dangerous URLs (``javascript:`` with tabs, entities, case, leading
  controls), ``style`` with ``url(javascript:…)``/``expression``,
* ZAKER's own wrappers carrying payloads: ``div.img_box > div.content_img_div > img.lazy``
  with ``data-original``/``data-gif-url``/``srcset``, ``div.zk_upvideo[data-zkinfo]`` (URL-encoded
  JSON), ``link.php?url=<base64>`` redirects, the CORS proxy prefix,
* NUL and other control characters, lone surrogates, U+FFFE, and
* truncation: a document cut at a random point, so tags, attributes and comments are left open
  at the end of the input (feed descriptions cut at a length end exactly like this).

``generate(seed, count)`` is deterministic for a given seed (``random.Random`` only, no
global state).  Used by ``tests/test_generated.py`` (a CI-size run) and ``fuzz/browser_run.py``
(the long run in headless Chromium, docs/security.md).
"""

from __future__ import annotations

import base64
import json
import random
from collections.abc import Callable, Iterator
from urllib.parse import quote

__all__ = ["generate", "Grammar"]

PAYLOAD = "window.__xss=1"

#: Ways to write ``javascript:`` that some parser may still read as the scheme.
SCHEMES = (
    "javascript:",
    "JaVaScRiPt:",
    "java\tscript:",
    "java&#x09;script:",
    "&#106;avascript:",
    "&#x6A;avascript&colon;",
    " \x01javascript:",
    "javascript&#58;",
    "vbscript:",
    "data:text/html,<script>{p}</script>",
    "data:text/html;base64," + base64.b64encode(b"<script>alert(1)</script>").decode(),
    "jav&NewLine;ascript:",
)

EVENTS = ("onerror", "onload", "onclick", "onmouseover", "onfocus", "onanimationstart",
          "ontoggle", "onbegin", "onpointerenter", "formaction", "srcdoc")  # fmt: skip

RAW_TEXT = ("script", "style", "xmp", "iframe", "noembed", "noframes", "noscript",
            "textarea", "title", "plaintext")  # fmt: skip

INERT = ("p", "div", "span", "a", "b", "i", "em", "strong", "table", "tr", "td", "ul", "li",
         "img", "video", "source", "form", "select", "option", "template", "svg", "math",
         "object", "embed", "base", "meta", "link", "input", "button", "details", "figure",
         "figcaption", "pre", "code", "blockquote", "h1", "h2", "br", "hr")  # fmt: skip

TEXT = ("正文", "说明", "图片", " ", "“引号”", "\u3000", "a < b", "1 > 0", "&", "ZAKER", "x")

ENTITIES = ("&lt;", "&gt;", "&amp;", "&amp;lt;", "&amp;amp;lt;", "&lt", "&#60;", "&#x3c;",
            "&#0;", "&#x110000;", "&#xD800;", "&quot;", "&nbsp;", "&NotAnEntity;", "&#128;",
            "&#13;", "&#x1F600;")  # fmt: skip

CONTROLS = ("\x00", "\x01", "\x0b", "\x0c", "\x1f", "\x7f", "\ud800", "\ufffe", "\u2028", "\r")

PROXY = "https://cors.zfour.workers.dev/?"


class Grammar:
    """The productions, over one ``random.Random``.  ``document()`` is the start symbol."""

    def __init__(self, rng: random.Random, max_depth: int = 5) -> None:
        self.rng = rng
        self.max_depth = max_depth
        self.productions: tuple[Callable[[int], str], ...] = (
            self.text,
            self.entity,
            self.element,
            self.element,
            self.element,
            self.raw_text,
            self.namespace,
            self.comment,
            self.table,
            self.select,
            self.template,
            self.nested_forms_and_links,
            self.zaker_image,
            self.zaker_video,
            self.redirect_link,
            self.control,
        )

    # -- start symbol ---------------------------------------------------------------------
    def document(self) -> str:
        """A fragment of 1–6 nodes; one in four is cut at a random point."""
        html = "".join(self.node(0) for _ in range(self.rng.randint(1, 6)))
        if self.rng.random() < 0.25 and len(html) > 2:
            html = html[: self.rng.randrange(1, len(html))]
        return html

    def node(self, depth: int) -> str:
        if depth >= self.max_depth:
            return self.text(depth)
        return self.rng.choice(self.productions)(depth)

    def children(self, depth: int) -> str:
        return "".join(self.node(depth + 1) for _ in range(self.rng.randint(0, 3)))

    # -- leaves ---------------------------------------------------------------------------
    def text(self, depth: int) -> str:
        return self.rng.choice(TEXT)

    def entity(self, depth: int) -> str:
        return self.rng.choice(ENTITIES) + self.rng.choice(("", "x", "正文"))

    def control(self, depth: int) -> str:
        return self.rng.choice(CONTROLS) + self.text(depth)

    def comment(self, depth: int) -> str:
        body = self.rng.choice(
            ("x", "-", "<script>alert(1)</script>", "--!", "<img src=x onerror=alert(1)>")
        )
        return self.rng.choice(
            (
                f"<!--{body}-->",
                f"<!-{body}->",
                f"<!{body}>",
                f"</ {body}>",
                f"<?{body}>",
                f"<![CDATA[{body}]]>",
                f"<!--[if IE]>{body}<![endif]-->",
                f"<!--{body}--!>",
                "<!-->",
                "<!--->",
            )
        )

    # -- attributes -----------------------------------------------------------------------
    def url(self) -> str:
        rng = self.rng
        choice = rng.random()
        if choice < 0.45:
            return rng.choice(SCHEMES).format(p=PAYLOAD) + PAYLOAD
        if choice < 0.6:
            return rng.choice(
                (
                    "http://[",
                    "http://[]",
                    "http:",
                    "//",
                    "https://a.example/x.jpg",
                    "/relative.png",
                    "#",
                    "http://xn--/",
                    "https://例子.测试/a.png",
                    "http://a.example/%00",
                    "https://a.example/a.jpg?x=1&y=<2>",
                )
            )
        if choice < 0.8:
            return PROXY + rng.choice(("http://zkres.myzaker.com/a.jpg", "javascript:" + PAYLOAD))
        return (
            "https://a.example/"
            + rng.choice(("p.jpg", "p.gif", "v.mp4"))
            + rng.choice(("", '"', "'", ">"))
        )

    def attribute(self) -> str:
        rng = self.rng
        name = rng.choice(("href", "src", "alt", "title", "style", "class", "data-original",
                           "data-src", "data-gif-url", "srcset", "poster", "xlink:href",
                           "action", "width", "start", "colspan", *EVENTS))  # fmt: skip
        if name in EVENTS:
            value = PAYLOAD
        elif name == "style":
            value = rng.choice(("background:url(javascript:alert(1))", "x:expression(alert(1))",
                                "background-image:url(https://a.example/b.jpg)"))  # fmt: skip
        elif name == "srcset":
            value = f"{self.url()} 1x, {self.url()} 800w,{self.url()}"
        elif name in ("alt", "title", "class"):
            value = rng.choice(
                (
                    "<!--&amp;lt;-->",
                    "</body>",
                    '"><script>alert(1)</script>',
                    "说明",
                    "<!--x-->",
                    "&lt;img src=x onerror=alert(1)&gt;",
                )
            )
        elif name in ("width", "start", "colspan"):
            value = rng.choice(("0", "007", "-1", "99999999999", "1e3", "10"))
        else:
            value = self.url()
        return rng.choice(
            (
                f' {name}="{value.replace(chr(34), "&quot;")}"',
                f" {name}='{value}'",
                f" {name}={value}",
                f" {name}",
                f"/{name}={value}",
                f' {name.upper()}="{value}"',
            )
        )

    def attributes(self) -> str:
        return "".join(self.attribute() for _ in range(self.rng.randint(0, 3)))

    # -- elements -------------------------------------------------------------------------
    def element(self, depth: int) -> str:
        tag = self.rng.choice(INERT)
        close = self.rng.choice((f"</{tag}>", f"</{tag}>", "", f"</{tag} x>"))
        return f"<{tag}{self.attributes()}>{self.children(depth)}{close}"

    def raw_text(self, depth: int) -> str:
        tag = self.rng.choice(RAW_TEXT)
        inside = self.rng.choice(
            (
                f"</{tag}><img src=x onerror={PAYLOAD}>",
                "<!--",
                "</p>",
                f"<script>{PAYLOAD}</script>",
                "&lt;b&gt;",
                self.text(depth),
            )
        )
        return f"<{tag}{self.attributes()}>{inside}" + self.rng.choice((f"</{tag}>", ""))

    def namespace(self, depth: int) -> str:
        outer = self.rng.choice(("svg", "math"))
        inner = self.rng.choice(
            (
                "<foreignObject><p>",
                "<desc><style>",
                "<annotation-xml encoding=text/html><p>",
                "<mtext><table><mglyph><style>",
                "<title><img>",
                "<style><img title='</style>",
                "<animate attributeName=href values=javascript:alert(1) />",
                "<script>",
            )
        )
        return f"<{outer}>{inner}{self.children(depth)}</{outer}>"

    def table(self, depth: int) -> str:
        foster = self.rng.choice(
            ("<p>", "<img src=x onerror=alert(1)>", self.text(depth), "<form>")
        )
        return f"<table>{foster}<tr><td>{self.children(depth)}</td>{foster}</tr></table>"

    def select(self, depth: int) -> str:
        option = f"<option>{self.text(depth)}<img{self.attributes()}><style>x</style>"
        return f"<select>{option}{self.children(depth)}</select>"

    def template(self, depth: int) -> str:
        return (
            f"<template><p>{self.children(depth)}</template>{self.rng.choice(('', '</template>'))}"
        )

    def nested_forms_and_links(self, depth: int) -> str:
        return self.rng.choice(
            (
                f"<form><form action={self.url()}><button>{self.text(depth)}</button></form>",
                f"<a href={self.url()}><a href='{self.url()}'>{self.children(depth)}</a></a>",
                f'<a href="{self.url()}"><p>{self.children(depth)}</p></a>',
            )
        )

    # -- ZAKER's wrappers carrying payloads -----------------------------------------------
    def zaker_image(self, depth: int) -> str:
        rng = self.rng
        lazy = rng.choice(("data-original", "data-gif-url", "data-src", "srcset", "data-actualsrc"))
        src = rng.choice((PROXY + self.url(), "data:image/gif;base64,R0lGODlhAQABAAAAACw=", ""))
        image = f'<img class="lazy" src="{src}" {lazy}="{self.url()}"{self.attributes()}>'
        tail = rng.choice(("", self.text(depth), self.children(depth)))
        return f'<div class="img_box"><div class="content_img_div">{image}</div></div>{tail}'

    def zaker_video(self, depth: int) -> str:
        info = {"videoUrl": self.url(), "imgUrl": self.url()}
        raw = (
            quote(json.dumps(info))
            if self.rng.random() < 0.7
            else self.rng.choice(('{"', "%7B", "null"))
        )
        return f'<div class="zk_upvideo" data-zkinfo="{raw}"></div>' + self.rng.choice(
            (f"<iframe src={self.url()}></iframe>", f"<video><source src={self.url()}>", "")
        )

    def redirect_link(self, depth: int) -> str:
        target = base64.b64encode(self.url().encode("utf-8", "surrogatepass")).decode()
        if self.rng.random() < 0.5:
            target = target.rstrip("=")
        label = self.children(depth) or "链接"
        return f'<a href="https://www.myzaker.com/link.php?url={target}">{label}</a>'


def generate(seed: int, count: int) -> Iterator[str]:
    """``count`` hostile fragments, the same ones for the same ``seed``."""
    grammar = Grammar(random.Random(seed))
    for _ in range(count):
        yield grammar.document()
