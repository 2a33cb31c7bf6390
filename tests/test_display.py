"""Notebook display: ``Article._repr_html_`` / ``Failure._repr_html_`` (zakerclean.writers.display).

The summary is checked the way a browser reads it: parsed with html5lib (the WHATWG algorithm),
then its elements, attributes and texts are compared with the article.  Every output must use
only :data:`zakerclean.writers.display.DISPLAY_TAGS` / ``DISPLAY_ATTRIBUTES`` with http(s) URLs, and be
a fixed point of ``nh3.clean`` with that allowlist: sanitized HTML by construction.
The posts below are written for these tests (no corpus text).
"""

from __future__ import annotations

import html
import json
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import html5lib
import nh3
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zakerclean
from zakerclean import Article, CleanReport, Failure, Image, Video
from zakerclean.dom import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from zakerclean.writers.display import (
    CLIP_CHARS,
    DISPLAY_ATTRIBUTES,
    DISPLAY_SCHEMES,
    DISPLAY_TAGS,
    MAX_WARNINGS,
    THUMBNAIL_WIDTH,
    _article_markup,
    _failure_markup,
    article_html,
    failure_html,
)

from .conftest import corpus_posts, post_ids, requires_corpus

POSTS = corpus_posts()
COVER = "http://zkres1.myzaker.com/202403/zc-display-test_1024.jpg"
PROXIED_COVER = f"https://cors.zfour.workers.dev/?{COVER}"

# --------------------------------------------------------------------------------------------
# Helpers


def hexo(body: str, **front: Any) -> str:
    """A Hexo post shaped like the corpus ones; values are JSON strings (valid YAML scalars)."""
    front.setdefault("title", "显示测试")
    front.setdefault("categories", ["新媒体", "测试源", "科技"])
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()]
    return "\n---\n" + "\n".join(lines) + "\n---\n\n<div>   \n" + body + "\n</div>\n"


def image_box(url: str, alt: str | None = None) -> str:
    alt_attr = f' alt="{html.escape(alt)}"' if alt is not None else ""
    return (
        '<div class="img_box" id="id_imagebox_0" onclick="show(0)"><div class="content_img_div">'
        f'<img class="lazy"{alt_attr} data-original="{url}" src="https://cors.zfour.workers.dev/?{url}"'
        ' data-width="440" data-height="300"></div></div>'
    )


PARAGRAPHS = [
    "第一段：测试用的文字。",
    "第二段，有 <尖括号> & 符号。",
    "第三段。",
    "第四段。",
    "第五段。",
]

FULL_POST = hexo(
    "".join(
        [
            f"<p>{html.escape(PARAGRAPHS[0])}</p>",
            image_box(COVER, alt="封面图"),
            *(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS[1:4]),
            '<div class="video_container"><video><source src="http://v.example.com/a.mp4"></video></div>',
            f"<p>{html.escape(PARAGRAPHS[4])}</p>",
            '<div id="recommend_bottom"></div><div id="article_bottom"></div>',
        ]
    ),
    title="显示测试：标题 & 更多",
    headimg=PROXIED_COVER,
    thumbnail=PROXIED_COVER,
    author="测试编辑",
    link="https://www.myzaker.com/article/zc-display-test",
    comments=False,
    date="Tue, 05 Mar 2024 08:30:00 GMT",
)

HOSTILE_TITLE = "<script>alert(1)</script><img src=x onerror=alert(2)>"
HOSTILE_ALT = '" onerror=alert(3) x="'


def hostile_post() -> str:
    return hexo(
        image_box(COVER, alt=HOSTILE_ALT)
        + "<p>&lt;script&gt;alert(4)&lt;/script&gt; javascript:alert(5)</p>",
        title=HOSTILE_TITLE,
        headimg=COVER,
        author='"><svg onload=alert(6)>',
        link="javascript:alert(7)",
        date="<b>yesterday</b>",
        categories=["新媒体", "<iframe src=javascript:alert(8)>", "' onmouseover='alert(9)"],
    )


def hostile_article() -> Article:
    """Built directly: a model can hold what parse() would never produce."""
    return Article(
        title=HOSTILE_TITLE,
        url="JaVa\tScRiPt:alert(10)",
        source="<style>*{}</style>",
        cover=Image(url="javascript:alert(11)", alt=HOSTILE_ALT),
        images=(Image(url="data:text/html,<script>alert(12)</script>"),),
        videos=(Video(url="vbscript:msgbox(13)"),),
        text="<img src=x onerror=alert(14)>\n\n<a href=javascript:alert(15)>x</a>",
        lang='"><script>',
        report=CleanReport(
            steps=(("<b>rule</b>", 1),), warnings=("<svg onload=alert(16)>", "&lt;&amp;")
        ),
    )


def fragment(out: str) -> Any:
    """``out`` as a browser parses it (html5lib fragment, no namespaces)."""
    return html5lib.parseFragment(out, treebuilder="etree", namespaceHTMLElements=False)


def elements(out: str) -> list[Any]:
    return [el for el in fragment(out).iter() if isinstance(el.tag, str)][1:]


def text_of(element: Any) -> str:
    return "".join(element.itertext())


def find_all(out: str, tag: str) -> list[Any]:
    return [el for el in elements(out) if el.tag == tag]


def assert_sanitized(out: str) -> None:
    """Only allowlisted tags/attributes, http(s) URLs, and a fixed point of the sanitizer."""
    for el in fragment(out).iter():
        if el.tag == "DOCUMENT_FRAGMENT":
            continue
        assert isinstance(el.tag, str), f"comment or PI in {out!r}"
        assert el.tag in DISPLAY_TAGS, f"<{el.tag}> in {out!r}"
        for name, value in el.attrib.items():
            assert name in DISPLAY_ATTRIBUTES.get(el.tag, frozenset()), f"{name}= on <{el.tag}>"
            if name in ("href", "src"):
                assert value.split(":", 1)[0].lower() in DISPLAY_SCHEMES, f"{name}={value!r}"
    again = nh3.clean(
        out,
        tags=set(DISPLAY_TAGS),
        attributes={tag: set(names) for tag, names in DISPLAY_ATTRIBUTES.items()},
        url_schemes=set(DISPLAY_SCHEMES),
        url_relative="deny",
        link_rel=None,
    )
    assert again == out, "not a fixed point of nh3.clean with the display allowlist"
    for tag in ("<script", "<style", "<svg", "<math", "<iframe"):  # text never holds a raw "<"
        assert tag not in out.lower()


def serialized(out: str) -> str:
    walker = html5lib.getTreeWalker("etree")
    serializer = html5lib.serializer.HTMLSerializer(quote_attr_values="always")
    return str(serializer.render(walker(fragment(out))))


# --------------------------------------------------------------------------------------------
# The allowlist


def test_display_allowlist_is_within_the_library_allowlist() -> None:
    # details/summary (no attributes) expand the full text in place, without script
    assert DISPLAY_TAGS - {"details", "summary"} <= ALLOWED_TAGS
    assert "details" not in DISPLAY_ATTRIBUTES and "summary" not in DISPLAY_ATTRIBUTES
    for tag, names in DISPLAY_ATTRIBUTES.items():
        assert tag in DISPLAY_TAGS
        # loading/referrerpolicy are only ever written with one fixed value (FIXED_IMAGE_ATTRIBUTES)
        assert names - {"loading", "referrerpolicy"} <= ALLOWED_ATTRIBUTES[tag]
    assert all("style" not in names for names in DISPLAY_ATTRIBUTES.values())
    assert {"http", "https"} == DISPLAY_SCHEMES


# --------------------------------------------------------------------------------------------
# What the summary shows


def test_summary_of_a_full_article() -> None:
    article = zakerclean.parse(FULL_POST)
    out = article._repr_html_()
    assert out == article_html(article)
    assert_sanitized(out)

    (title,) = find_all(out, "h3")
    assert text_of(title) == "显示测试：标题 & 更多"
    assert "显示测试：标题 &amp; 更多" in out  # escaped in the string

    meta = text_of(find_all(out, "p")[0])
    assert "Source: 测试源" in meta and "Feed: 科技" in meta
    assert "测试编辑" in meta
    assert "2024-03-05T08:30:00+00:00" in meta
    assert "Tue, 05 Mar 2024 08:30:00 GMT" in meta  # the raw date differs from the ISO one
    (link,) = find_all(out, "a")
    assert link.get("href") == "https://www.myzaker.com/article/zc-display-test"

    (img,) = find_all(out, "img")
    assert img.get("src") == COVER == article.cover.url  # type: ignore[union-attr]
    assert img.get("width") == str(THUMBNAIL_WIDTH)  # 440 px wide: drawn at 240
    assert img.get("alt") == "封面图"

    texts = [text_of(p) for p in find_all(out, "p")]
    assert "1 image · 1 video" in " ".join(texts)
    quoted = [text_of(p) for p in find_all(out, "blockquote")[0] if p.tag == "p"]
    assert quoted == PARAGRAPHS[:3]
    (summary,) = find_all(out, "summary")
    assert text_of(summary).startswith("… 2 more paragraphs")
    (details,) = find_all(out, "details")
    assert "第四段" in text_of(details) and "第四段" not in out[: out.index("<details>")]

    rows = [[text_of(td) for td in tr] for tr in find_all(out, "tr")]
    assert rows[0] == ["rule", "changes"]
    assert article.report.steps, "the post was meant to need cleaning"
    assert rows[1:] == [[rule, str(n)] for rule, n in article.report.steps]
    assert "no warnings" in texts


def test_warnings_are_listed() -> None:
    post = hexo("<p>正文。</p>", date="明年某天", headimg="https://picsum.photos/400/300?random=3")
    article = zakerclean.parse(post)
    assert len(article.report.warnings) == 2
    out = article._repr_html_()
    assert_sanitized(out)
    assert [text_of(li) for li in find_all(out, "li")] == list(article.report.warnings)
    meta = text_of(find_all(out, "p")[0])
    assert "no date (unread: 明年某天)" in meta
    assert not find_all(out, "img")  # the placeholder cover was dropped


def test_iso_date_only_when_the_raw_one_is_the_same() -> None:
    published = zakerclean.parse(hexo("<p>x</p>", date="2024-03-05T08:30:00+00:00")).published
    assert published is not None
    out = Article(published=published, published_raw="2024-03-05T08:30:00+00:00")._repr_html_()
    assert out.count("2024-03-05T08:30:00+00:00") == 1


def test_date_is_shown_in_utc() -> None:
    article = zakerclean.parse(hexo("<p>x</p>", date="2024-03-05 16:30:00 +08:00"))
    assert "2024-03-05T08:30:00+00:00" in article._repr_html_()


def test_many_warnings_are_counted() -> None:
    warnings = tuple(f"warning {i}" for i in range(MAX_WARNINGS + 5))
    out = Article(report=CleanReport(warnings=warnings))._repr_html_()
    items = [text_of(li) for li in find_all(out, "li")]
    assert items == [*warnings[:MAX_WARNINGS], "… 5 more warnings"]
    assert f"{MAX_WARNINGS + 5} warnings:" in out


def test_small_cover_is_not_upscaled() -> None:
    article = Article(title="t", cover=Image(url=COVER, width=120, height=90))
    (img,) = find_all(article._repr_html_(), "img")
    assert img.get("width") == "120"
    assert img.get("alt") == "cover of t"


def test_empty_article() -> None:
    out = Article()._repr_html_()
    assert_sanitized(out)
    assert text_of(find_all(out, "h3")[0]) == "(untitled)"
    texts = [text_of(p) for p in find_all(out, "p")]
    assert "Published: no date" in texts
    assert "no text" in texts
    assert "0 images · 0 videos · 0 characters · language und" in texts
    assert not find_all(out, "img") and not find_all(out, "a") and not find_all(out, "table")


def test_summary_is_deterministic() -> None:
    article = zakerclean.parse(FULL_POST)
    again = pickle.loads(pickle.dumps(zakerclean.parse(FULL_POST)))
    assert article._repr_html_() == again._repr_html_() == article_html(article)


# --------------------------------------------------------------------------------------------
# Hostile values


def test_hostile_post_is_escaped() -> None:
    article = zakerclean.parse(hostile_post())
    out = article._repr_html_()
    assert_sanitized(out)
    assert text_of(find_all(out, "h3")[0]) == HOSTILE_TITLE
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    (img,) = find_all(out, "img")
    assert img.attrib == {
        "src": COVER,
        "alt": HOSTILE_ALT,
        "width": str(THUMBNAIL_WIDTH),
        "loading": "lazy",
        "referrerpolicy": "no-referrer",
    }
    assert not find_all(out, "a")  # link: javascript:... never becomes a link
    assert article.url is None  # parse keeps an unsafe link out of Article.url (in meta)
    meta = text_of(find_all(out, "p")[0])
    assert "javascript:alert(7)" not in meta
    assert '"><svg onload=alert(6)>' in meta
    assert "Source: <iframe src=javascript:alert(8)>" in meta
    assert "Feed: ' onmouseover='alert(9)" in meta
    assert "no date (unread: <b>yesterday</b>)" in meta


def test_hostile_model_is_escaped() -> None:
    article = hostile_article()
    out = article._repr_html_()
    assert_sanitized(out)
    assert not find_all(out, "img") and not find_all(out, "a")
    texts = " ".join(text_of(el) for el in find_all(out, "p"))
    assert "cover not shown (not an http(s) URL): javascript:alert(11)" in texts
    assert "<img src=x onerror=alert(14)>" in texts
    assert [text_of(li) for li in find_all(out, "li")] == ["<svg onload=alert(16)>", "&lt;&amp;"]
    assert [text_of(td) for td in find_all(out, "td")] == ["<b>rule</b>", "1"]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "java\nscript:alert(1)",
        "data:image/png;base64,AAAA",
        "//cdn.example.com/a.jpg",
        "/relative.jpg",
        "http:/no-host.jpg",
        "http://[::1/a.jpg",
        "https://a.example/a b.jpg",
        "mailto:a@example.com",
    ],
)
def test_only_absolute_web_urls_are_linked(url: str) -> None:
    out = Article(url=url, cover=Image(url=url))._repr_html_()
    assert_sanitized(out)
    assert not find_all(out, "img") and not find_all(out, "a")


@pytest.mark.parametrize("url", ["http://a.example/x.jpg?q=1&r=<2>", "HTTPS://A.example/\"'"])
def test_web_urls_keep_their_value(url: str) -> None:
    out = Article(url=url, cover=Image(url=url))._repr_html_()
    assert_sanitized(out)
    assert find_all(out, "img")[0].get("src") == url
    assert find_all(out, "a")[0].get("href") == url


def test_long_text_is_clipped() -> None:
    long = "长" * 5000
    article = Article(title="t" * 1000, text=f"{long}\n\n{long}\n\n短。\n\n{long}")
    out = article._repr_html_()
    assert_sanitized(out)
    assert text_of(find_all(out, "h3")[0]) == "t" * CLIP_CHARS + "…"
    quoted = [text_of(p) for p in find_all(out, "blockquote")[0]]
    assert quoted == ["长" * CLIP_CHARS + "…", "长" * CLIP_CHARS + "…", "短。"]
    (summary,) = find_all(out, "summary")
    assert text_of(summary).startswith("… 1 more paragraph")
    assert len(out[: out.index("<details>")]) < 3000  # what is open stays small
    (details,) = find_all(out, "details")
    assert text_of(details).count("长") == 15000  # the full text, once expanded


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # a surrogate pair held as two code points (as from UTF-16 data) is one character
        ("a" * (CLIP_CHARS - 1) + "\ud83d\ude00" * 3, "a" * (CLIP_CHARS - 1) + "😀…"),
        ("a" * CLIP_CHARS + "\ud83d\ude00", "a" * CLIP_CHARS + "…"),
        ("a" * (CLIP_CHARS - 1) + "e\u0301" * 3, "a" * (CLIP_CHARS - 1) + "…"),  # e + accent
        ("a" * (CLIP_CHARS - 2) + "👍🏽" * 3, "a" * (CLIP_CHARS - 2) + "👍🏽…"),  # skin tone
        ("lone \ud800 and \udfff surrogates", "lone \ufffd and \ufffd surrogates"),
        ("nul \x00 and \x01 controls", "nul \ufffd and \ufffd controls"),
    ],
)
def test_clipping_never_splits_a_character(text: str, shown: str) -> None:
    out = Article(text=text)._repr_html_()
    assert_sanitized(out)
    assert [text_of(p) for p in find_all(out, "blockquote")[0]] == [shown]


def test_lines_inside_a_paragraph_become_br() -> None:
    out = Article(text="one\ntwo <b>\nthree")._repr_html_()
    (quote,) = find_all(out, "blockquote")
    assert "<p>one<br>two &lt;b&gt;<br>three</p>" in out
    assert text_of(quote) == "onetwo <b>three"


# --------------------------------------------------------------------------------------------
# Sanitized by construction


def _cases() -> list[tuple[str, Callable[[], str]]]:
    return [
        ("full", lambda: article_html(zakerclean.parse(FULL_POST))),
        ("hostile-post", lambda: article_html(zakerclean.parse(hostile_post()))),
        ("hostile-model", lambda: article_html(hostile_article())),
        ("empty", lambda: article_html(Article())),
        ("failure", lambda: failure_html(Failure(source="<a>", error_type="<b>", message="<c>"))),
    ]


@pytest.mark.parametrize("make", [make for _, make in _cases()], ids=[n for n, _ in _cases()])
def test_output_is_a_sanitizer_fixed_point(make: Callable[[], str]) -> None:
    assert_sanitized(make())


@pytest.mark.parametrize(
    "article",
    [zakerclean.parse(FULL_POST), zakerclean.parse(hostile_post()), hostile_article(), Article()],
    ids=["full", "hostile-post", "hostile-model", "empty"],
)
def test_escaping_alone_is_safe(article: Article) -> None:
    """The sanitizer is a second lock: the escaped markup already parses to the same tree."""
    assert serialized(_article_markup(article)) == serialized(article_html(article))


PROPERTY = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Any code point, lone surrogates (which nh3 cannot take) and control characters included.
CHARACTERS = st.characters(exclude_categories=()) | st.characters(categories=["Cs", "Cc"])
TEXTS = st.text(CHARACTERS, max_size=400) | st.sampled_from(
    [HOSTILE_TITLE, HOSTILE_ALT, "&amp;&lt;&#0;&nbsp;\xa0", "<!--", "]]>", "\r\n\r\n", "\u2028"]
)


@PROPERTY
@given(title=TEXTS, text=TEXTS, alt=TEXTS, warning=TEXTS, url=TEXTS)
def test_any_values_give_sanitized_html(
    title: str, text: str, alt: str, warning: str, url: str
) -> None:
    article = Article(
        title=title,
        text=text,
        author=warning,
        url=url,
        cover=Image(url=f"https://a.example/{url}", alt=alt),
        report=CleanReport(steps=((title, 1),), warnings=(warning,)),
    )
    out = article._repr_html_()
    assert_sanitized(out)
    assert serialized(_article_markup(article)) == serialized(out)
    failure = Failure(source=title, error_type=alt, message=text)
    assert_sanitized(failure._repr_html_())


# --------------------------------------------------------------------------------------------
# Failure


def test_failure_summary() -> None:
    with pytest.raises(zakerclean.ZakerCleanError) as caught:
        zakerclean.parse("\n---\ntitle: [unclosed\n---\n\n<p>x</p>\n")
    failure = Failure.from_exception("posts/<bad>.md", caught.value)
    out = failure._repr_html_()
    assert out == failure_html(failure)
    assert_sanitized(out)
    texts = [text_of(p) for p in find_all(out, "p")]
    assert texts[0] == "Failure: posts/<bad>.md"
    assert texts[1].startswith(f"{failure.error_type}: ")
    assert failure.error_type == type(caught.value).__name__


def test_hostile_failure_is_escaped() -> None:
    failure = Failure(
        source='"><img src=x onerror=alert(1)>',
        error_type="<script>alert(2)</script>",
        message="line one\n<svg onload=alert(3)>" + "x" * 5000,
    )
    out = failure._repr_html_()
    assert_sanitized(out)
    assert find_all(out, "img") == []
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in out
    assert "line one<br>&lt;svg onload=alert(3)&gt;" in out
    assert out.endswith("…</p>") and len(out) < 1500
    assert _failure_markup(failure).count("<br>") == 1


# --------------------------------------------------------------------------------------------
# The real corpus


@requires_corpus
@pytest.mark.parametrize("path", POSTS, ids=post_ids(POSTS))
def test_corpus_summary(path: Path) -> None:
    article = zakerclean.parse_file(path)
    out = article._repr_html_()
    assert_sanitized(out)
    assert article.title, "every corpus post has a title"
    assert html.escape(article.title, quote=False).replace("\xa0", "&nbsp;") in out
    assert text_of(find_all(out, "h3")[0]) == article.title
    rows = [[text_of(td) for td in tr] for tr in find_all(out, "tr")[1:]]
    assert rows == [[rule, str(n)] for rule, n in article.report.steps]
    if article.cover is not None:
        assert find_all(out, "img")[0].get("src") == article.cover.url


def test_article_display_shows_pictures_and_the_full_text_behind_details() -> None:
    paragraphs = [f"第{n}段正文。" for n in range(1, 8)]
    images = tuple(Image(url=f"https://img.example/{n}.jpg", alt=f"图{n}") for n in range(7))
    article = Article(title="标题", text="\n\n".join(paragraphs), images=images, cover=images[0])
    shown = article._repr_html_()
    for n in range(1, 5):  # the cover, then the first four other pictures
        assert f'src="https://img.example/{n}.jpg"' in shown
    assert 'src="https://img.example/5.jpg"' not in shown
    assert "2 more pictures" in shown
    assert shown.count('referrerpolicy="no-referrer"') == 5
    details = shown[shown.index("<details>") :]
    assert "4 more paragraphs" in details
    assert all(p in details for p in paragraphs)  # every paragraph, in order, once expanded
    assert [details.index(p) for p in paragraphs] == sorted(details.index(p) for p in paragraphs)


def test_article_display_without_more_text_has_no_details() -> None:
    article = Article(title="短", text="一段。\n\n两段。")
    assert "<details>" not in article._repr_html_()
