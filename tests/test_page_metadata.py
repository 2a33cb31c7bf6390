"""myzaker.com pages (``readers/page.py``): the URL, the base URL, the metadata lookups and the
body's HTML, exactly (``tests/test_page.py`` covers the page shapes end to end)."""

from __future__ import annotations

import pytest

from zakerclean.errors import PageStructureError
from zakerclean.readers.page import is_page, read_page

CANONICAL = '<link rel="canonical" href="https://www.myzaker.com/article/1">'
ARTICLE = "https://www.myzaker.com/article/1"


def page(head: str = "", extra: str = "", content: str = "<div><p>正文</p></div>") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}</head><body>{extra}"
        f'<div class="article_content">{content}</div></body></html>'
    )


def read(text: str):  # type: ignore[no-untyped-def]
    document = read_page(text)
    assert document is not None
    return document


@pytest.mark.parametrize(
    ("head", "url", "base"),
    [
        (CANONICAL, ARTICLE, ARTICLE),
        (CANONICAL + '<base href="https://cdn.example/x/">', ARTICLE, "https://cdn.example/x/"),
        (CANONICAL + '<base href="/sub/">', ARTICLE, "https://www.myzaker.com/sub/"),
        # the first base with an href counts, as in a browser
        (CANONICAL + '<base target="_blank"><base href="/two/">', ARTICLE, "https://www.myzaker.com/two/"),
        (CANONICAL + '<base href="/one/"><base href="/two/">', ARTICLE, "https://www.myzaker.com/one/"),
        # a first href that gives no web base leaves the page's URL (the second is not tried)
        (CANONICAL + '<base href="javascript:x"><base href="/two/">', ARTICLE, ARTICLE),
        (CANONICAL + '<base href="ftp://h.example/">', ARTICLE, ARTICLE),
        ('<base href="/sub/">', None, None),  # relative, and nothing to resolve it against
        ('<base href="https://cdn.example/">', None, "https://cdn.example/"),
        # the canonical link: rel is a case-insensitive token list, an empty href is skipped
        ('<link rel="Alternate CANONICAL" href=" https://www.myzaker.com/a/2 ">', "https://www.myzaker.com/a/2", "https://www.myzaker.com/a/2"),
        ('<link rel="canonical" href=" "><link rel="canonical" href="https://www.myzaker.com/a/3">', "https://www.myzaker.com/a/3", "https://www.myzaker.com/a/3"),
        ('<link rel="canonicalx" href="https://www.myzaker.com/a/9">', None, None),
        # then og:url, by property or by name, the first that is not empty
        ('<meta property="og:url" content="https://www.myzaker.com/a/4">', "https://www.myzaker.com/a/4", "https://www.myzaker.com/a/4"),
        ('<meta name="og:url" content="  "><meta name="og:url" content="https://www.myzaker.com/a/5">', "https://www.myzaker.com/a/5", "https://www.myzaker.com/a/5"),
        ('<link rel="canonical" href="https://www.myzaker.com/a/6"><meta property="og:url" content="https://www.myzaker.com/a/7">', "https://www.myzaker.com/a/6", "https://www.myzaker.com/a/6"),
        ('<link rel="canonical" href="ftp://x.example/">', None, None),  # web URLs only
        # a canonical link without an href, other elements with rel or name: not looked at
        ('<link rel="canonical"><meta name="description" content="d"><meta property="og:url" content="https://www.myzaker.com/a/8">', "https://www.myzaker.com/a/8", "https://www.myzaker.com/a/8"),
        ('<meta charset="utf-8"><meta property="og:url" content="https://www.myzaker.com/a/10">', "https://www.myzaker.com/a/10", "https://www.myzaker.com/a/10"),
        (CANONICAL + '<base href="http://cdn.example/y/">', ARTICLE, "http://cdn.example/y/"),
    ],
)  # fmt: skip
def test_url_and_base_url(head: str, url: str | None, base: str | None) -> None:
    # links and metas in the body with the same rel/name are not the page's
    extra = '<a rel="canonical" href="https://other.example/x">x</a><div name="og:url" content="https://other.example/y"></div>'
    document = read(page(head, extra))
    assert (document.url, document.base_url) == (url, base)


@pytest.mark.parametrize(
    ("head", "extra", "title"),
    [
        ('<meta property="og:title" content="og"><title>t</title>', "<h1> 大 标题 </h1>", "大 标题"),
        ("", "<h1>大<b>标题</b></h1>", "大标题"),
        ('<meta name="description" content="d"><meta property="og:title" content="og">', "", "og"),
        ('<meta property="og:title" content=" og 标题 "><title>t</title>', "<h1> </h1>", "og 标题"),
        ('<meta name="og:title" content=""><title> 网页 标题 </title>', "", "网页 标题"),
        ("", "", None),
    ],
)  # fmt: skip
def test_title_from_h1_then_og_title_then_title(head: str, extra: str, title: str | None) -> None:
    assert read(page(head, extra)).title == title


def test_the_other_fields() -> None:
    document = read(
        page(
            '<meta property="og:image" content="https://zkres.myzaker.com/c.jpg">',
            '<a class="x article-auther">  某 作者 </a><span class="time">3小时前</span>'
            '<div class="lebel-list"><a> 科技 </a><a></a><a>手机</a></div>',
        )
    )
    assert document.author == "某 作者"
    assert document.published_raw == "3小时前"
    assert document.categories == ("科技", "手机")
    assert document.cover == "https://zkres.myzaker.com/c.jpg"
    assert (document.source, document.kind) == ("ZAKER", "page")


def test_a_cover_that_is_no_web_url_is_left_out() -> None:
    head = '<meta property="og:image" content="data:image/png;base64,AAAA">'
    assert read(page(head)).cover is None


def test_the_body_is_the_inner_html_of_the_first_div() -> None:
    content = "<div>a &lt; b &amp; c \"q\"<b>x</b>t&lt;'s'<br>z<!-- c --></div><div>second</div>"
    # text escaped again as it was, children as they are (the page parser drops comments)
    assert read(page(content=content)).body == "a &lt; b &amp; c \"q\"<b>x</b>t&lt;'s'<br>z"


def test_the_first_div_anywhere_inside_the_content() -> None:
    content = "<section>前<div><p>正文</p></div></section>"
    assert read(page(content=content)).body == "<p>正文</p>"


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("<!DOCTYPE html><html><body><div class='article_content'></div></body></html>", True),
        ("<!doctype HTML><html><body>https://www.myzaker.com/</body></html>", True),
        ("<!-- c --> \n<!-- d --><html lang='zh'><body>article_content</body></html>", True),
        ("<html><body>article_content</body></html>", True),
        ("<htmlx><body>article_content</body></htmlx>", False),  # not an html element
        ("<p>article_content</p>", False),  # a fragment, not a document
        ("<!DOCTYPE html><html><body><p>other site</p></body></html>", False),
        (" " * 4100 + "<!DOCTYPE html><html><body>article_content</body></html>", False),
    ],
)
def test_is_page(text: str, page: bool) -> None:
    assert is_page(text) is page


def test_a_myzaker_page_without_its_content_is_refused() -> None:
    head = '<link rel="canonical" href="https://www.myzaker.com/a/1">'
    with pytest.raises(PageStructureError) as caught:
        read_page(f"<!DOCTYPE html><html><head>{head}</head><body><p>x</p></body></html>")
    assert str(caught.value) == (
        "myzaker.com page (https://www.myzaker.com/a/1) without div.article_content: the "
        "article body is missing"
    )
    with pytest.raises(PageStructureError) as caught:
        read_page(page(content="<p>no div</p>"))
    assert str(caught.value) == (
        "myzaker.com page whose div.article_content holds no div: the article body is missing"
    )


def test_another_sites_document_is_no_page() -> None:
    head = '<link rel="canonical" href="https://news.example.com/a/1">'
    text = f"<!DOCTYPE html><html><head>{head}</head><body>myzaker.com</body></html>"
    assert read_page(text) is None
    assert (
        read_page(page(content="<div>x</div>").replace("article_content", "article_contentx"))
        is None
    )


def test_control_character_references_become_replacement_characters() -> None:
    assert read(page(content="<div>a&#1;b&#x1F;c</div>")).body == "a\ufffdb\ufffdc"


def test_an_unsafe_canonical_url_is_kept_in_meta_with_a_warning() -> None:
    document = read(page('<link rel="canonical" href="https://xn--/">'))
    assert (document.url, document.base_url) == (None, None)
    assert document.meta == {"link": "https://xn--/"}
    assert document.warnings == ("link 'https://xn--/' is not a safe URL: Article.url left empty",)


def test_only_og_image_is_the_cover() -> None:
    head = '<meta http-equiv="x" content="https://zkres.myzaker.com/not-cover.jpg">'
    assert read(page(head)).cover is None


def test_the_document_start_is_looked_for_in_the_first_4096_characters() -> None:
    tail = "<body>article_content</body></html>"
    assert is_page(" " * 4090 + "<html>" + tail)
    assert not is_page(" " * 4091 + "<html>" + tail)
