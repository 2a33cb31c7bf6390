"""Readers → one typed Document → engine: each shape's reader, and the base URL settled once."""

from __future__ import annotations

import pytest

import zakerclean
from zakerclean.readers import READERS, Document, read_document
from zakerclean.readers.feed import read_feed
from zakerclean.readers.fragment import read_fragment
from zakerclean.readers.hexo import read_hexo
from zakerclean.readers.page import read_page

POST = """
---
title: '一篇_测试_文章'
categories:
  - 新媒体
  - ZAKER
  - channel
headimg: img/cover.jpg
author: 记者甲
comments: false
date: Sat, 17 Apr 2021 17:10:46 GMT
link: https://news.example.com/a/1.html
---
<div><p>正文</p><img src="img/cover.jpg"></div>
"""

PAGE = """<!DOCTYPE html><html><head><title>页面标题</title>
<link rel="canonical" href="https://www.myzaker.com/article/abc">
<meta property="og:image" content="https://zkres.myzaker.com/a.jpg"></head>
<body><h1>文章标题</h1><a class="article-auther">作者乙</a><span class="time">2021-04-17 17:10</span>
<div class="lebel-list"><a>科技</a><a>手机</a></div>
<div class="article_content"><div><p>页面正文</p></div></div></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>频道</title>
<item><title>条目</title><link>https://a.example/1</link><category>标签</category>
<description><![CDATA[<p>条目正文</p>]]></description></item>
<item><link>javascript:alert(1)</link><description><![CDATA[<p>第二条</p>]]></description></item>
</channel></rss>"""


def test_hexo_reader_gives_a_document_with_the_front_matter_as_fields() -> None:
    document = read_hexo(POST)
    assert document is not None
    assert document.kind == "hexo"
    assert document.title == "一篇_测试_文章"
    assert (document.source, document.feed) == ("ZAKER", "channel")
    assert document.categories == ("新媒体", "ZAKER", "channel")
    assert document.cover == "img/cover.jpg"
    assert document.published_raw == "Sat, 17 Apr 2021 17:10:46 GMT"
    assert document.meta == {"comments": False}
    assert document.base_url == "https://news.example.com/a/1.html"
    assert "<p>正文</p>" in document.body
    assert read_hexo("<p>no front matter</p>") is None


def test_page_reader_gives_a_document_of_source_zaker() -> None:
    document = read_page(PAGE)
    assert document is not None
    assert document.kind == "page"
    assert (document.title, document.author, document.source) == ("文章标题", "作者乙", "ZAKER")
    assert document.categories == ("科技", "手机")
    assert document.url == document.base_url == "https://www.myzaker.com/article/abc"
    assert document.cover == "https://zkres.myzaker.com/a.jpg"
    assert document.published_raw == "2021-04-17 17:10"
    assert read_page("<p>x</p>") is None


def test_feed_reader_gives_one_document_per_item_without_source_or_feed() -> None:
    first, second = read_feed(FEED, 5_000_000)
    assert isinstance(first.document, Document) and isinstance(second.document, Document)
    assert first.document.kind == "feed"
    assert first.document.categories == ("标签",)
    assert first.document.source is None and first.document.feed is None
    assert first.document.meta == {"feed_title": "频道"}
    # an unsafe link is kept in meta with a warning, never as the article's URL or base
    assert second.document.url is None and second.document.base_url is None
    assert second.document.meta["link"] == "javascript:alert(1)"
    assert any("not a safe URL" in w for w in second.document.warnings)


def test_fragment_reader_takes_anything_else() -> None:
    assert read_fragment("<p>x</p>") == Document(body="<p>x</p>", kind="fragment")
    assert read_document("<p>x</p>").kind == "fragment"
    assert read_document(POST).kind == "hexo"
    assert read_document(PAGE).kind == "page"


def test_the_reader_list_is_the_detection_order() -> None:
    assert (read_hexo, read_page) == READERS


@pytest.mark.parametrize("how", ["argument", "option"])
def test_base_url_applies_to_cover_and_body_alike(how: str) -> None:
    """Before engine v2, CleanOptions(base_url=...) resolved body images but left the cover
    relative (the base URL was chosen in two places)."""
    post = POST.replace("link: https://news.example.com/a/1.html\n", "")
    base = "https://cdn.example.org/post/"
    if how == "argument":
        article = zakerclean.parse(post, base_url=base)
    else:
        article = zakerclean.parse(post, options=zakerclean.CleanOptions(base_url=base))
    assert [image.url for image in article.images] == ["https://cdn.example.org/post/img/cover.jpg"]
    assert article.cover is not None
    assert article.cover.url == "https://cdn.example.org/post/img/cover.jpg"


def test_the_base_url_order_is_argument_then_own_link_then_option() -> None:
    option = zakerclean.CleanOptions(base_url="https://option.example/")
    own = zakerclean.parse(POST, options=option)
    assert own.cover is not None and own.cover.url == "https://news.example.com/a/img/cover.jpg"
    given = zakerclean.parse(POST, options=option, base_url="https://arg.example/")
    assert given.cover is not None and given.cover.url == "https://arg.example/img/cover.jpg"


def test_options_must_be_clean_options() -> None:
    with pytest.raises(TypeError, match="CleanOptions"):
        zakerclean.parse("<p>x</p>", options={"max_bytes": 10})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="CleanOptions"):
        zakerclean.clean_html("<p>x</p>", options={"max_bytes": 10})  # type: ignore[arg-type]
