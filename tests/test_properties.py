"""Property tests: SPEC §3's guarantees over generated ZAKER-shaped HTML bodies.

The strategy builds bodies the way RSSHub delivered them (an outer ``<div>`` around ZAKER's
markup) from generated CJK/Latin/digit/punctuation text — never from corpus text — and records,
while it builds, what the cleaned article must hold: every image (URL, size, animation, still),
every video and every link (expected ``href`` or none, and its text).

Properties (each its own test): idempotence (nh3 and bleach), the "Clean" checker, nothing lost
(and U+3000/full-width never folded), text of ``html`` equals ``text``, images and videos in
order with their real URLs, ``parse(to_hexo())`` round trip, links safe with their text kept,
and ``<br>`` never at a block edge nor in a run.  Minimal examples of the bugs these found follow
as regression tests.
"""

from __future__ import annotations

import base64
import functools
import itertools
import json
import random
import re
import string
from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import quote, urlsplit

import lxml.html
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import zakerclean
from zakerclean import Article, CleanOptions, clean_html

from .checks import (
    QUOTES,
    clean_problems,
    html_text,
    output_text_without_additions,
    squeeze,
    visible_input_text,
)

# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------

CJK = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
    "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都"
    "两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重"
)
FULLWIDTH = "，。、；：？！（）《》【】“”‘’…—·「」％＃＆～＋"
ASCII_PUNCT = ".,;:!?%-()/+=@#$*~'\""
PROXY = "https://cors.zfour.workers.dev/?"
HTTP_PROXY = "http://cors.zfour.workers.dev/?"

SPECIALS = [
    # literal & and < that the HTML parser keeps as text, and entities that decode to text
    "&amp;", "&lt;", "&gt;", "&quot;", "A & B", "1 < 2", "x<3", "Q&A", "＆", "&#8220;",
    "{", "}", "&#123;", "&#125;", "---", "…… ",
]  # fmt: skip


def _vocabulary() -> tuple[list[str], list[str]]:
    """A fixed, seeded vocabulary: one draw picks a whole token, which keeps generation fast."""
    rng = random.Random(20210417)

    def cjk() -> str:
        return "".join(rng.choice(CJK) for _ in range(rng.randint(1, 6)))

    def latin() -> str:
        alphabet = string.ascii_letters + string.digits
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))

    words = [cjk() for _ in range(400)] + [latin() for _ in range(120)]
    words += [str(rng.randint(0, 10 ** rng.randint(1, 6))) for _ in range(60)]
    tokens = words + list(FULLWIDTH) + list(ASCII_PUNCT) + SPECIALS
    tokens += [f' " {cjk()} " ' for _ in range(40)]  # ZAKER's space-padded ASCII "curly" quotes
    tokens += [f" ( {cjk()} ) " for _ in range(20)]
    tokens += [f"{cjk()}\u3000{cjk()}" for _ in range(30)]  # U+3000 is content
    return words, tokens


WORD_LIST, TOKEN_LIST = _vocabulary()
SPACES = ["", "", "", " ", "  ", "\n", "\t", " \n  ", "&nbsp;"]
#: tokens with the whitespace before them (drawn as one choice)
SPACED_TOKENS = [space + token for token in TOKEN_LIST for space in SPACES[:: 1 + len(token) % 3]]
cjk_word = st.text(alphabet=CJK, min_size=1, max_size=6)
latin_word = st.text(alphabet=string.ascii_letters + string.digits, min_size=1, max_size=8)
fresh_word = st.one_of(cjk_word, latin_word)


# Strategies are built once: making a new strategy object on every draw costs more than the draw.


@functools.cache
def ints(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


@functools.cache
def _pick(options: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    return st.sampled_from(options)


def pick(options: Any) -> st.SearchStrategy[Any]:
    """``st.sampled_from(options)``, cached (``options`` is a constant list)."""
    return _pick(tuple(options))


BOOL = st.booleans()


#: Non-blank text as it appears in HTML source (already escaped where needed): mostly
#: vocabulary, sometimes freshly generated characters.
TEXT = st.one_of(
    *[st.lists(st.sampled_from(SPACED_TOKENS), min_size=1, max_size=6).map("".join)] * 4,
    st.tuples(st.sampled_from(SPACES), fresh_word, st.sampled_from(SPACED_TOKENS)).map("".join),
)
#: Non-blank text made of words only (link texts, captions).
WORDS = st.one_of(
    *[st.lists(st.sampled_from(WORD_LIST), min_size=1, max_size=4).map(" ".join)] * 2,
    st.lists(st.sampled_from(WORD_LIST), min_size=1, max_size=3).map("".join),
    fresh_word,
)
SIZES = st.lists(st.integers(100, 3000), min_size=1, max_size=4, unique=True)
DIMENSION = st.one_of(st.none(), st.integers(1, 4000), st.sampled_from(["auto", "0", ""]))
MAYBE_ALT = st.one_of(st.none(), latin_word)
RANDOM = st.randoms(use_true_random=False)


# --------------------------------------------------------------------------------------------
# What a generated body must turn into
# --------------------------------------------------------------------------------------------

ImageKey = tuple[str, int | None, int | None, str | None, bool, str | None]


@dataclass
class Expected:
    """Built alongside the HTML, in document order."""

    images: list[ImageKey] = field(default_factory=list)
    videos: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    links: list[tuple[str | None, str]] = field(default_factory=list)  # (href or None, text)
    counter: int = 0

    def next(self) -> int:
        self.counter += 1
        return self.counter


@dataclass
class Doc:
    html: str
    expected: Expected

    def __repr__(self) -> str:  # what hypothesis prints for a falsifying example
        return f"Doc(html={self.html!r})"


def _host(url: str) -> str | None:
    host = urlsplit(url).hostname
    return host[4:] if host and host.startswith("www.") else host


def _attrs(pairs: list[tuple[str, str | None]]) -> str:
    return "".join(f" {k}" if v is None else f' {k}="{escape(v)}"' for k, v in pairs)


def _image_key(
    url: str, width: int | None, height: int | None, alt: str | None, still: str | None
) -> ImageKey:
    animated = still is not None or urlsplit(url).path.lower().endswith(".gif")
    return (url, width, height, alt, animated, still)


def proxied(draw: Any, url: str) -> tuple[str, str]:
    """``(raw, cleaned)``: ``url`` maybe behind one or two CORS-proxy prefixes, or ``//host``."""
    form = draw(pick(["plain", "proxy", "proxy", "http_proxy", "double", "schemeless"]))
    if form == "proxy":
        return PROXY + url, url
    if form == "http_proxy":
        return HTTP_PROXY + url, url
    if form == "double":
        return PROXY + HTTP_PROXY + url, url
    if form == "schemeless":
        bare = url.split("://", 1)[1]
        return "//" + bare, "https://" + bare
    return url, url


def _dimension(draw: Any) -> tuple[str | None, int | None]:
    value = draw(DIMENSION)
    if value is None:
        return None, None
    if isinstance(value, int):
        return str(value), value
    return value, None


# --------------------------------------------------------------------------------------------
# Images
# --------------------------------------------------------------------------------------------


def zaker_img(draw: Any, state: Expected) -> str:
    """ZAKER's lazy ``img``: data-original (+ data-gif-url), data-width/height, proxied src."""
    n = state.next()
    host = draw(pick(["zkres1", "zkres2", "zkres3", "zkres"]))
    jpg = f"http://{host}.myzaker.com/2021{n % 12 + 1:02d}/60{n:06d}b8e1bc8e2c{n:04x}_1024.jpg"
    gif = jpg.replace("_1024.jpg", "_raw.gif")
    is_gif = draw(BOOL) and draw(BOOL)
    has_original = draw(ints(0, 5)) > 0
    raw_src, src = proxied(draw, jpg)
    width_raw, width = _dimension(draw)
    height_raw, height = _dimension(draw)
    attrs: list[tuple[str, str | None]] = [
        ("class", "lazy opacity_0 " + ("zaker_gif_cache" if is_gif else ""))
    ]
    if is_gif:
        attrs.append(("data-gif-url", gif))
    if has_original:
        attrs.append(("data-original", jpg))
    if height_raw is not None:
        attrs.append(("data-height", height_raw))
    if width_raw is not None:
        attrs.append(("data-width", width_raw))
    attrs += [("src", raw_src), ("referrerpolicy", "no-referrer")]
    if is_gif:
        url, still = gif, (jpg if has_original else None)
    else:
        url, still = (jpg if has_original else src), None
    state.images.append(_image_key(url, width, height, None, still))
    return f"<img{_attrs(attrs)}>"


def generic_img(draw: Any, state: Expected) -> str:
    """Lazy images from elsewhere: data-src, data-actualsrc, srcset, data: placeholders."""
    n = state.next()
    ext = draw(pick(["jpg", "png", "webp", "gif"]))
    base = f"https://img{n % 3}.example.com/pic/{n}"
    candidates: list[tuple[str, str | None]] = []  # (attribute, cleaned URL) in priority order
    attrs: list[tuple[str, str | None]] = []
    for name in ("data-src", "data-actualsrc"):
        if draw(BOOL):
            raw, cleaned = proxied(draw, f"{base}-{name}.{ext}")
            attrs.append((name, raw))
            candidates.append((name, cleaned))
    if draw(BOOL):
        sizes = draw(SIZES)
        unit = draw(pick(["w", "x"]))
        if unit == "x":
            sizes = [s % 4 + 1 for s in dict.fromkeys(s % 4 for s in sizes)]
        parts = [f"{base}-{s}{unit}.{ext} {s}{unit}" for s in sizes]
        attrs.append(("srcset", ", ".join(parts)))
        candidates.append(("srcset", f"{base}-{max(sizes)}{unit}.{ext}"))
    src_kind = draw(pick(["placeholder", "real", "none", "relative"]))
    if src_kind == "placeholder":
        attrs.append(("src", "data:image/gif;base64,R0lGODlhAQABAAAAACw="))
    elif src_kind == "real":
        raw, cleaned = proxied(draw, f"{base}-src.{ext}")
        attrs.append(("src", raw))
        candidates.append(("src", cleaned))
    elif src_kind == "relative":
        attrs.append(("src", f"/images/{n}.{ext}"))
        candidates.append(("src", f"/images/{n}.{ext}"))
    width_raw, width = _dimension(draw)
    if width_raw is not None:
        attrs.append(("width", width_raw))
    alt = draw(MAYBE_ALT)
    if alt is not None:
        attrs.append(("alt", alt))
    attrs.append(("loading", "lazy"))
    draw(RANDOM).shuffle(attrs)
    if candidates:
        state.images.append(_image_key(candidates[0][1], width, None, alt, None))
    return f"<img{_attrs(attrs)}>"


CAPTIONS = [
    lambda w: f"▲ {w}",
    lambda w: f"（{w} 摄）",
    lambda w: f"图自 {w}",
    lambda w: f"图源：{w}",
    lambda w: f"来源：{w}",
    lambda w: w,
]


def image_box(draw: Any, state: Expected) -> str:
    """``div.img_box > div.content_img_div > img.lazy``, maybe followed by bare text."""
    n = state.counter + 1
    box = (
        f'<div class="img_box" id="id_imagebox_{n}" onclick="">'
        f'<div class="content_img_div perview_img_div">{zaker_img(draw, state)}</div></div>'
    )
    after = draw(pick(["none", "caption", "text", "p_caption", "decsimg"]))
    if after == "caption":
        box += draw(pick(CAPTIONS))(draw(WORDS))
    elif after == "text":
        box += draw(TEXT)
    elif after == "p_caption":
        box += f"<p>{draw(pick(CAPTIONS))(draw(WORDS))}</p>"
    elif after == "decsimg":
        box += f'<div class="zaker_div"><div class="zk_decsimg"><p>{draw(WORDS)}</p></div></div>'
    return box


# --------------------------------------------------------------------------------------------
# Links and videos
# --------------------------------------------------------------------------------------------


LINK_KINDS = [
    "http", "https", "javascript", "relative", "schemeless", "zaker", "zaker_raw_amp", "proxied",
    "mailto", "unsafe", "zaker_not_http",
]  # fmt: skip
UNSAFE_HREFS = [
    "vbscript:msgbox(1)", "data:text/html,<b>x</b>", "java\tscript:alert(1)", "java&#9;script:x",
    " javascript:void(0) ", "JAVASCRIPT:;",
]  # fmt: skip


def link(draw: Any, state: Expected, image: bool = False) -> str:
    n = state.next()
    text = draw(WORDS) if not image else ""
    kind = draw(pick(LINK_KINDS))
    target_url = f"https://www.example.com/news/{n}.html?from=zaker&id={n}"
    if kind == "http":
        href = expected = f"http://example.org/a/{n}"
    elif kind == "https":
        href = expected = target_url
    elif kind == "javascript":
        href = draw(pick(["javascript:;", "javascript:void(0)", " JavaScript:alert(1)"]))
        expected = None
    elif kind == "relative":
        href = expected = draw(pick(["/news/{}.html", "article/{}", "?page={}"])).format(n)
    elif kind == "schemeless":
        href, expected = f"//m.example.net/{n}", f"https://m.example.net/{n}"
    elif kind == "proxied":
        href, expected = PROXY + target_url, target_url
    elif kind == "mailto":
        href = expected = f"mailto:editor{n}@example.com"
    elif kind == "unsafe":
        href = draw(pick(UNSAFE_HREFS))
        expected = None
    elif kind == "zaker_not_http":  # the redirector is kept when its target is not http(s)
        encoded = base64.b64encode(b"javascript:alert(1)").decode()
        href = expected = f"http://iphone.myzaker.com/zaker/link.php?pk={n}&b={encoded}"
    else:
        encoded = base64.b64encode(target_url.encode()).decode()
        href = f"http://iphone.myzaker.com/zaker/link.php?pk={n:024x}&b={encoded}&f=zaker"
        expected = target_url
    # as written in the source: escaped, or raw (``&b=`` unescaped, ``&#9;`` meant as a tab)
    attr = escape(href) if kind not in ("zaker_raw_amp", "unsafe") else href.replace('"', "&quot;")
    target = draw(pick(["", ' target="_blank"']))
    state.links.append((expected, text))
    if image:
        content = zaker_img(draw, state)
    elif len(text) > 1 and draw(BOOL):  # part of the text in an inline run
        cut = draw(ints(1, len(text) - 1))
        tag = draw(pick(["strong", "b", "em", "span"]))
        content = f"<{tag}>{text[:cut]}</{tag}>{text[cut:]}"
    else:
        content = text
    return f'<a href="{attr}"{target}>{content}</a>'


def zaker_video(draw: Any, state: Expected) -> str:
    n = state.next()
    url = f"http://zkres.myzaker.com/video/{n}/v.mp4"
    raw_url, video_url = proxied(draw, url)
    info: dict[str, Any] = {"videoUrl": raw_url, "w": 640, "h": 360}
    poster = None
    if draw(BOOL):
        raw_poster, poster = proxied(draw, f"http://zkres.myzaker.com/video/{n}/cover.jpg")
        info["imgUrl"] = raw_poster
    state.videos.append((video_url, poster, _host(video_url)))
    zkinfo = quote(json.dumps(info, ensure_ascii=False))
    return f'<div class="zk_upvideo" data-zkinfo="{zkinfo}"></div>'


def iframe_video(draw: Any, state: Expected) -> str:
    n = state.next()
    vid = f"v{n:010d}"
    url = f"https://v.qq.com/iframe/player.html?vid={vid}&tiny=0&auto=0"
    state.videos.append((url, None, "v.qq.com"))
    src = escape(url.removeprefix("https:"))
    return (
        f'<div class="iframe_video"><iframe frameborder="0" src="{src}" allowfullscreen="true">'
        "</iframe></div>"
    )


def source_video(draw: Any, state: Expected) -> str:
    n = state.next()
    url = f"https://video.example.com/{n}/clip.mp4"
    poster = f"https://video.example.com/{n}/poster.jpg" if draw(BOOL) else None
    state.videos.append((url, poster, "video.example.com"))
    poster_attr = f' poster="{poster}"' if poster else ""
    fallback = draw(pick(["", "您的浏览器不支持 video"]))
    return (
        f'<div class="video_container"><video controls="controls"{poster_attr}>'
        f'<source src="{url}" type="video/mp4">{fallback}</video></div>'
    )


# --------------------------------------------------------------------------------------------
# Inline runs and blocks
# --------------------------------------------------------------------------------------------

INLINE_KINDS = [
    "text", "text", "text", "strong", "b", "i", "em", "nested", "empty", "b_strong", "span",
    "link", "link", "br", "brs", "img", "img_link",
]  # fmt: skip


def inline(draw: Any, state: Expected, depth: int = 0) -> str:
    kind = draw(pick(INLINE_KINDS if depth < 2 else ["text"]))
    if kind == "text":
        return draw(TEXT)
    if kind in ("strong", "b", "i", "em"):
        return f"<{kind}>{inlines(draw, state, depth + 1)}</{kind}>"
    if kind == "nested":
        return f"<strong><strong>{inlines(draw, state, depth + 1)}</strong></strong>"
    if kind == "empty":
        return draw(pick(["<strong></strong>", "<b></b>", "<strong> </strong>"]))
    if kind == "b_strong":
        return f"<b> <strong>{draw(TEXT)}</strong></b>"
    if kind == "span":
        style = draw(pick(["color: #333;", "font-size:16px", "font-weight:bold"]))
        return f'<span style="{style}">{inlines(draw, state, depth + 1)}</span>'
    if kind == "link":
        return link(draw, state)
    if kind == "img_link":
        return link(draw, state, image=True)
    if kind == "br":
        return "<br>"
    if kind == "brs":
        return "<br>" * draw(ints(2, 4))
    return zaker_img(draw, state) if draw(BOOL) else generic_img(draw, state)


def inlines(draw: Any, state: Expected, depth: int = 0) -> str:
    count = draw(ints(1, 4))
    return "".join(inline(draw, state, depth) for _ in range(count))


BLOCK_KINDS = [
    "p", "p", "p", "p", "empty_p", "image_box", "image_box", "bare_img", "generic_img",
    "decsimg", "remark", "blockquote", "list", "h1", "brs", "zk_video", "iframe", "video",
    "edi_oper", "text", "layout", "repaired", "table", "strong_p", "inline_run", "deep",
    "script", "tools",
]  # fmt: skip
#: rule-1 shapes whose content must go (not visible text)
SCRIPTS = [
    '<script>var zk = {{"id": "{}"}};</script>',
    '<script type="text/javascript">document.write("{}")</script>',
    "<style>.zk_{} {{ color: #333; }}</style>",
    "<noscript>{}</noscript>",
]
TOOLS = [
    '<div class="edi_oper"><a href="javascript:;">{}</a><span>收藏</span></div>',
    '<div class="edi_oper"></div>',
    '<div class="zk_share"><a href="http://example.com/share">{}</a></div>',
]


DEEP = 4  # ``depth`` of blocks inside the "deep" shape (nested beyond the rules' depth limit)
#: Shapes not generated inside the deep shape (none since the deep-iframe fix).
DEEP_EXCLUDED: frozenset[str] = frozenset()


INDENTS = ["", "", "", "", "\u3000\u3000", "&nbsp;&nbsp;", " \u3000"]


def block(draw: Any, state: Expected, depth: int) -> str:
    kinds = BLOCK_KINDS if depth < 3 else [k for k in BLOCK_KINDS if k not in ("layout", "deep")]
    if depth == DEEP:
        kinds = [k for k in kinds if k not in DEEP_EXCLUDED]
    kind = draw(pick(kinds))
    if kind == "p":
        indent = draw(pick(INDENTS))
        if indent:  # a Chinese paragraph indent, in a paragraph with text (not a blank one)
            return f"<p>{indent}{inlines(draw, state)}{draw(TEXT)}</p>"
        return f"<p>{inlines(draw, state)}</p>"
    if kind == "empty_p":
        return draw(pick(["<p></p>", "<p>\n \n</p>", "<p> </p>"]))
    if kind == "image_box":
        return image_box(draw, state)
    if kind == "bare_img":
        return zaker_img(draw, state)
    if kind == "generic_img":
        img = generic_img(draw, state)
        return draw(pick(["{}", "<p>{}</p>", '<p class="image-wrapper">{}</p>'])).format(img)
    if kind == "decsimg":
        return f'<div class="zaker_div"><div class="zk_decsimg"><p>{draw(WORDS)}</p></div></div>'
    if kind == "remark":
        return f'<div class="zk_remark"><p>{inlines(draw, state)}</p></div>'
    if kind == "blockquote":
        paragraphs = draw(ints(1, 3))
        inner = "".join(f"<p>{inlines(draw, state)}</p>" for _ in range(paragraphs))
        return f'<blockquote class="zaker_quote_v3">{inner}</blockquote>'
    if kind == "list":
        return html_list(draw, state, depth)
    if kind == "h1":
        return f"<h1>{inlines(draw, state, 1)}</h1>"
    if kind == "repaired":  # ZAKER's <p><div class="img_box">…</div>text</p>, repaired or not
        inner = f"{image_box(draw, state)}{draw(TEXT)}"
        return draw(pick(["<p>{}</p>", "<p></p>{}<p></p>"])).format(inner)
    if kind == "table":
        rows = draw(ints(1, 3))
        cells = "".join(
            "<tr>"
            + "".join(f"<td>{draw(pick(['', ' ', 'x']))}{draw(TEXT)}</td>" for _ in range(2))
            + "</tr>"
            for _ in range(rows)
        )
        return f"<table><tbody>{cells}</tbody></table>"
    if kind == "inline_run":  # inline content straight in a layout container
        return inlines(draw, state)
    if kind == "deep":  # nesting far deeper than the rules' own limit
        levels = draw(ints(10, 100))
        tag = draw(pick(["div", "section", "span"]))
        inner = blocks(draw, state, DEEP) if tag != "span" else inlines(draw, state)
        return f"<{tag}>" * levels + inner + f"</{tag}>" * levels
    if kind == "strong_p":  # misnested inline around a paragraph
        return f"<strong><p>{draw(TEXT)}</p></strong>"
    if kind == "brs":
        return "<br>" * draw(ints(1, 3))
    if kind == "zk_video":
        return zaker_video(draw, state)
    if kind == "iframe":
        return iframe_video(draw, state)
    if kind == "video":
        return source_video(draw, state)
    if kind == "edi_oper":
        return '<div class="edi_oper"></div>'
    if kind == "script":
        return draw(pick(SCRIPTS)).format(draw(WORDS))
    if kind == "tools":
        return draw(pick(TOOLS)).format(draw(WORDS))
    if kind == "text":
        return draw(TEXT)
    tag = draw(pick(["div", "div", "section"]))
    cls = draw(pick(["", "clearfix", "article_content", "zaker_div", "content"]))
    return f'<{tag} class="{cls}">{blocks(draw, state, depth + 1)}</{tag}>'


def html_list(draw: Any, state: Expected, depth: int) -> str:
    tag = draw(pick(["ul", "ol"]))
    items = []
    for _ in range(draw(ints(1, 3))):
        shape = draw(pick(["inline", "inline", "p", "nested"]))
        if shape == "p":
            items.append(f"<li><p>{inlines(draw, state)}</p></li>")
        elif shape == "nested" and depth < 2:
            items.append(f"<li>{draw(TEXT)}{html_list(draw, state, depth + 1)}</li>")
        else:
            items.append(f"<li>{inlines(draw, state)}</li>")
    return f"<{tag}>{''.join(items)}</{tag}>"


def blocks(draw: Any, state: Expected, depth: int = 0) -> str:
    count = draw(ints(1, 6 if depth == 0 else 3))
    separator = draw(pick(["", "\n", "\n  "]))
    return separator.join(block(draw, state, depth) for _ in range(count))


@st.composite
def zaker_bodies(draw: Any) -> Doc:
    """An RSSHub description of a ZAKER article, with what cleaning it must give."""
    state = Expected()
    body = blocks(draw, state)
    if draw(BOOL):
        correction = escape(
            "http://iphone.myzaker.com/zaker/link.php?pk=1&b="
            + base64.b64encode(b"http://app.myzaker.com/news/feedback.php").decode()
        )
        body += f'<p><a class="advise" href="{correction}">【纠错】</a></p>'
    if draw(BOOL):
        body += '<div id="recommend_bottom"></div><div id="article_bottom"></div>'
    return Doc(f"<div>   \n{body}\n</div>", state)


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

PROPERTY = settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
BLEACH = CleanOptions(sanitizer="bleach")

#: Found by ``test_nothing_lost`` only now and then: the depth limit glued the blocks of a deep
#: "deep" shape together, and the video link label then swallowed the text after it
#: (``视频：URL后文``).  Rare because it needs a "deep" shape more than ~60 levels deep holding a
#: video and then text, among 80 random examples per run (no example database: ``database=None``);
#: now every run tries it.
DEEP_VIDEO_IFRAME = (
    '<div class="iframe_video"><iframe frameborder="0" '
    'src="//v.qq.com/iframe/player.html?vid=v0000000001&amp;tiny=0&amp;auto=0" '
    'allowfullscreen="true"></iframe></div>'
)
DEEP_VIDEO_THEN_TEXT = Doc(
    f"<div>   \n{'<div>' * 70}<p>前文</p>{DEEP_VIDEO_IFRAME}<p>后文</p>{'</div>' * 70}\n</div>",
    Expected(
        videos=[
            ("https://v.qq.com/iframe/player.html?vid=v0000000001&tiny=0&auto=0", None, "v.qq.com")
        ]
    ),
)
HEXO_HEADER = "\n---\ntitle: 't'\n---\n\n"


def _images(article: Article) -> list[ImageKey]:
    return [(i.url, i.width, i.height, i.alt, i.animated, i.still_url) for i in article.images]


@PROPERTY
@given(zaker_bodies())
@example(DEEP_VIDEO_THEN_TEXT)
def test_clean_html_is_idempotent(doc: Doc) -> None:
    once = clean_html(doc.html)
    assert clean_html(once) == once


@PROPERTY
@given(zaker_bodies())
def test_clean_html_is_idempotent_with_bleach(doc: Doc) -> None:
    once = clean_html(doc.html, options=BLEACH)
    assert clean_html(once, options=BLEACH) == once


@PROPERTY
@given(zaker_bodies())
def test_output_is_clean(doc: Doc) -> None:
    assert clean_problems(clean_html(doc.html)) == []
    assert clean_problems(clean_html(doc.html, options=BLEACH)) == []


@PROPERTY
@given(zaker_bodies())
@example(DEEP_VIDEO_THEN_TEXT)
def test_nothing_lost(doc: Doc) -> None:
    article = zakerclean.parse(doc.html)
    expected = squeeze(visible_input_text(doc.html))
    assert squeeze(output_text_without_additions(article.text)) == expected


def _strict(text: str) -> str:
    """Like ``squeeze`` but only ASCII whitespace (and NBSP) goes: U+3000 is content."""
    return re.sub(r"[ \t\n\r\f\xa0]+", "", text).translate(QUOTES)


@PROPERTY
@given(zaker_bodies())
@example(DEEP_VIDEO_THEN_TEXT)
def test_full_width_content_never_folded(doc: Doc) -> None:
    article = zakerclean.parse(doc.html)
    expected = _strict(visible_input_text(doc.html))
    assert _strict(output_text_without_additions(article.text)) == expected


@PROPERTY
@given(zaker_bodies())
def test_text_of_html_is_text(doc: Doc) -> None:
    article = zakerclean.parse(doc.html)
    assert squeeze(html_text(article.html)) == squeeze(article.text)


@PROPERTY
@given(zaker_bodies())
def test_images_in_order_with_real_urls(doc: Doc) -> None:
    article = zakerclean.parse(doc.html)
    assert _images(article) == doc.expected.images


@PROPERTY
@given(zaker_bodies())
@example(DEEP_VIDEO_THEN_TEXT)
def test_videos_in_order(doc: Doc) -> None:
    article = zakerclean.parse(doc.html)
    assert [(v.url, v.poster, v.provider) for v in article.videos] == doc.expected.videos


@PROPERTY
@given(zaker_bodies())
def test_hexo_round_trip(doc: Doc) -> None:
    article = zakerclean.parse(HEXO_HEADER + doc.html)
    again = zakerclean.parse(article.to_hexo())
    assert again.html == article.html
    assert again.text == article.text
    assert again.images == article.images
    assert again.videos == article.videos


def _output_links(html: str) -> list[tuple[str | None, str]]:
    if not html:
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return [
        (a.get("href"), a.text_content())
        for a in root.iter("a")
        if not a.text_content().startswith("视频：")
    ]


@PROPERTY
@given(zaker_bodies())
def test_links_safe_and_text_kept(doc: Doc) -> None:
    article = zakerclean.parse(doc.html)
    assert "javascript:" not in article.html.lower()
    text = squeeze(article.text)
    position = 0
    for _, link_text in doc.expected.links:  # every link's text, in order
        found = text.find(squeeze(link_text), position)
        assert found >= 0, link_text
        position = found + len(squeeze(link_text))
    kept = [(href, squeeze(t)) for href, t in doc.expected.links if href is not None]
    got = [(href, squeeze(t)) for href, t in _output_links(article.html)]
    if any("nested deeper than" in w for w in article.report.warnings):
        # Documented limit: wrappers below MAX_DEPTH levels are unwrapped, links included
        # (text kept, href lost, with a warning).  The links that remain are still right.
        remaining = iter(kept)
        assert all(link in remaining for link in got)
    else:
        assert got == kept


# --------------------------------------------------------------------------------------------
# Regressions: line breaks (rule 6) and deep nesting, first found by the properties above
# --------------------------------------------------------------------------------------------

FLOW_BLOCKS = frozenset(
    {"p", "li", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "td", "th", "caption"}
)


def _flow(element: lxml.html.HtmlElement) -> list[str]:
    """What a reader meets inside ``element``: ``text``, ``br``, ``media`` or a nested ``block``."""
    if element.tag in FLOW_BLOCKS or element.tag in ("ul", "ol", "table", "figure", "pre"):
        return ["block"]
    if element.tag == "br":
        return ["br"]
    if element.tag in ("img", "video"):
        return ["media"]
    items = ["text"] if element.text and element.text.strip() else []
    for child in element:
        items += _flow(child)
        if child.tail and child.tail.strip():
            items.append("text")
    return items


def break_problems(html: str) -> list[str]:
    """``<br>`` at the start or end of a block, or two in a row, looking through inline tags."""
    if not html:
        return []
    problems = []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for block in root.iter(*FLOW_BLOCKS):
        items = ["text"] if block.text and block.text.strip() else []
        for child in block:
            items += _flow(child)
            if child.tail and child.tail.strip():
                items.append("text")
        snippet = lxml.html.tostring(block, encoding="unicode")[:80]
        if items[:1] == ["br"]:
            problems.append(f"<br> at the start of {snippet}")
        if items[-1:] == ["br"]:
            problems.append(f"<br> at the end of {snippet}")
        if any(a == b == "br" for a, b in itertools.pairwise(items)):
            problems.append(f"run of <br> in {snippet}")
    return problems


@pytest.mark.parametrize("sanitizer", ["nh3", "bleach"])
@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        # a <br> first inside an inline wrapper, after a <br> that is dropped (was left behind,
        # so a second clean_html() changed the output, and parse(to_hexo()) differed)
        ("<p><br><strong><br>一</strong></p>", "<p><strong>一</strong></p>"),
        ("<p><br><span><br>一</span></p>", "<p>一</p>"),
        (
            '<p><br><a href="http://a.example/"><br>一</a></p>',
            '<p><a href="http://a.example/">一</a></p>',
        ),
        # a run of two <br> split by a wrapper's boundary (was kept whole)
        ("<p>一<strong>二<br></strong><br>三</p>", "<p>一<strong>二<br></strong>三</p>"),
        ("<p>一<br><strong><br>二</strong></p>", "<p>一<br><strong>二</strong></p>"),
    ],
)
def test_breaks_through_inline_wrappers(fragment: str, expected: str, sanitizer: str) -> None:
    options = CleanOptions(sanitizer=sanitizer)
    once = clean_html(fragment, options=options)
    assert break_problems(once) == []
    assert once == expected
    assert clean_html(once, options=options) == once


def test_leading_break_inside_wrapper_hexo_round_trip() -> None:
    article = zakerclean.parse(HEXO_HEADER + "<p><br><strong><br>一</strong></p>")
    assert zakerclean.parse(article.to_hexo()).html == article.html


BREAK_LEAVES = [
    "一", " 二 ", "三四", "<br>", "<br>", "<br><br>", "<br>\n<br>", " ", "&nbsp;", "\u3000", "<b></b>",
]  # fmt: skip
BREAK_LEAF = st.sampled_from(BREAK_LEAVES)
BREAK_RUN = st.recursive(
    BREAK_LEAF,
    lambda inner: st.tuples(
        st.sampled_from(["strong", "em", "span", "b", 'a href="http://a.example/"']),
        st.lists(inner, min_size=1, max_size=4),
    ).map(lambda pair: f"<{pair[0]}>{''.join(pair[1])}</{pair[0].split()[0]}>"),
    max_leaves=10,
)
BREAK_BLOCK = st.tuples(
    st.sampled_from(["<p>{}</p>", "<ul><li>{}</li></ul>", "<h1>{}</h1>", "<div>{}</div>", "{}"]),
    st.lists(BREAK_RUN, min_size=1, max_size=5),
).map(lambda pair: pair[0].format("".join(pair[1])))
BREAK_BODIES = st.lists(BREAK_BLOCK, min_size=1, max_size=4).map(
    lambda blocks: "<div>" + "\n".join(blocks) + "</div>"
)


@PROPERTY
@given(BREAK_BODIES)
def test_breaks_never_at_block_edges_nor_in_runs(fragment: str) -> None:
    for options in (CleanOptions(), BLEACH):
        once = clean_html(fragment, options=options)
        assert break_problems(once) == []
        assert clean_html(once, options=options) == once


# 64 levels deep the rules' depth limit unwraps wrappers.  It used to run before every rule, so
# a ZAKER video block lost its video and script/style/tool-bar content became text.


def test_deeply_nested_zaker_video_is_kept() -> None:
    info = quote(json.dumps({"videoUrl": "http://zkres.myzaker.com/v.mp4"}))
    fragment = "<div>" * 64 + f'<div class="zk_upvideo" data-zkinfo="{info}"></div>' + "</div>" * 64
    article = zakerclean.parse(fragment)
    assert [v.url for v in article.videos] == ["http://zkres.myzaker.com/v.mp4"]


@pytest.mark.parametrize(
    "junk",
    [
        "<script>var x=1</script>",
        "<style>.a{color:red}</style>",
        '<div class="edi_oper">分享</div>',
    ],
)
def test_deeply_nested_boilerplate_is_removed_with_its_content(junk: str) -> None:
    article = zakerclean.parse("<div>" * 64 + "<p>正文</p>" + junk + "</div>" * 64)
    assert article.text == "正文"


# NBSP/U+3000 before an inline element at a block's start used to be dropped by the structure
# rule, but kept when an empty element or <br> came first (removed only later, by rule 6), so a
# second clean_html() dropped it.


@pytest.mark.parametrize("sanitizer", ["nh3", "bleach"])
@pytest.mark.parametrize(
    "fragment",
    [
        "<p><br>&nbsp;<strong>一</strong></p>",  # -> <p>&nbsp;<strong>一</strong></p> -> <p><strong>…
        "<p><b></b>&nbsp;<strong>一</strong></p>",
        "<p><b></b>\u3000<strong>一</strong></p>",
    ],
)
def test_leading_blank_text_before_inline_is_idempotent(fragment: str, sanitizer: str) -> None:
    options = CleanOptions(sanitizer=sanitizer)
    once = clean_html(fragment, options=options)
    assert clean_html(once, options=options) == once


def test_ideographic_indent_before_inline_is_kept() -> None:
    # "U+3000 is content" (rule 8): kept in <p>\u3000\u3000一</p>, so also before an inline tag
    assert zakerclean.parse("<p>\u3000\u3000一</p>").text == "\u3000\u3000一"
    assert zakerclean.parse("<p>\u3000\u3000<strong>一</strong>二</p>").text == "\u3000\u3000一二"


def test_deeply_nested_iframe_keeps_its_video() -> None:
    # was a bug: the depth limit unwrapped the <a> that rule 4 made of the iframe
    frame = '<iframe src="//v.qq.com/iframe/player.html?vid=x1"></iframe>'
    article = zakerclean.parse("<div>" * 64 + frame + "</div>" * 64)
    assert [v.url for v in article.videos] == ["https://v.qq.com/iframe/player.html?vid=x1"]
