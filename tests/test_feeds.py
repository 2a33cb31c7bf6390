"""``parse_feed``: RSS 2.0 / RSS 1.0 / Atom in RSSHub's shape, one Article or Failure per item.

Every fixture here is written for these tests (invented text in the shape of RSSHub's ZAKER
routes: a ``description`` holding ZAKER's lazy-image markup behind the CORS proxy); nothing is
copied from the corpus.
"""

from __future__ import annotations

import http.server
import pickle
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zakerclean
from zakerclean import (
    Article,
    CleanOptions,
    EmptyInputError,
    Failure,
    FeedError,
    InputTooLargeError,
    ZakerCleanError,
)
from zakerclean.api import feed_items

from .test_properties import Doc, zaker_bodies

PROXY = "https://cors.zfour.workers.dev/?"
BUS_IMAGE = "http://zkres1.myzaker.com/202104/bus_1024.jpg"
PARK_IMAGE = "http://zkres2.myzaker.com/202104/park_1024.jpg"

#: A ZAKER article body as RSSHub delivers it: an outer div, a lazy image box behind the proxy,
#: ZAKER's trailer containers.
BUS_BODY = f"""<div>   
<p>本市今天开通一条新的公交线路，全程 12 公里。</p><div class="img_box" id="id_imagebox_0" onclick="javascript:void(0)"><div class="content_img_div perview_img_div"><img class="lazy opacity_0 " id="img_0" data-original="{BUS_IMAGE}" data-height="480" data-width="640" src="{PROXY}{BUS_IMAGE}" referrerpolicy="no-referrer"></div></div>▲ 新线路的首班车
<p>沿线设有 20 个站点，票价 2 元。</p>
<div id="recommend_bottom"></div><div id="article_bottom"></div>
</div>"""  # noqa: W291 - RSSHub's trailing spaces after the outer <div>

PARK_BODY = f"""<div>   
<p>城东公园 " 花海 " 本周末开放 &amp; 免费入园。</p><div class="img_box" id="id_imagebox_0"><div class="content_img_div"><img class="lazy" data-original="{PARK_IMAGE}" data-width="800" data-height="600" src="{PROXY}{PARK_IMAGE}"></div></div>
<p>园方提醒游客错峰出行。</p>
</div>"""  # noqa: W291

BUS_LINK = "http://www.myzaker.com/article/6079a1b2c3d4e5f6a7b8c9d0"
PARK_LINK = "http://www.myzaker.com/article/6079a1b2c3d4e5f6a7b8c9d1"
BROKEN_LINK = "http://www.myzaker.com/article/6079a1b2c3d4e5f6a7b8c9d2"


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def escaped(text: str) -> str:
    return xml_escape(text, {"\r": "&#13;"})


def rss_item(
    *,
    title: str | None = None,
    link: str | None = None,
    description: str | None = None,
    pub_date: str | None = None,
    author: str | None = None,
    categories: tuple[str, ...] = (),
    guid: str | None = None,
    as_cdata: bool = True,
    extra: str = "",
) -> str:
    wrap = cdata if as_cdata else escaped
    parts = ["<item>"]
    if title is not None:
        parts.append(f"<title>{wrap(title)}</title>")
    if description is not None:
        parts.append(f"<description>{wrap(description)}</description>")
    if pub_date is not None:
        parts.append(f"<pubDate>{pub_date}</pubDate>")
    if guid is not None:
        parts.append(f'<guid isPermaLink="false">{guid}</guid>')
    if link is not None:
        parts.append(f"<link>{escaped(link)}</link>")
    if author is not None:
        parts.append(f"<author>{wrap(author)}</author>")
    parts += [f"<category>{escaped(c)}</category>" for c in categories]
    parts += [extra, "</item>"]
    return "\n".join(parts)


def rss(*items: str, encoding: str = "UTF-8", title: str = "ZAKER 城市频道") -> str:
    """A feed in the shape RSSHub writes (declaration, atom:link, channel facts, items)."""
    return f"""<?xml version="1.0" encoding="{encoding}"?>
<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">
<channel>
<title>{cdata(title)}</title>
<link>http://www.myzaker.com/channel/99</link>
<atom:link href="https://rsshub.example/zaker/channel/99" rel="self" type="application/rss+xml" />
<description>{cdata(title + " - Made with love by RSSHub")}</description>
<generator>RSSHub</generator>
<language>zh-cn</language>
<lastBuildDate>Sat, 17 Apr 2021 10:00:00 GMT</lastBuildDate>
<ttl>5</ttl>
{"".join(items)}
</channel>
</rss>
"""


BUS_ITEM = rss_item(
    title="新公交线路今天开通",
    link=BUS_LINK,
    guid=BUS_LINK,
    description=BUS_BODY,
    pub_date="Sat, 17 Apr 2021 09:10:46 GMT",
    author="城市晚报",
    categories=("城市", "交通"),
)
PARK_ITEM = rss_item(
    title="城东公园花海周末开放",
    link=PARK_LINK,
    description=PARK_BODY,
    pub_date="Sat, 17 Apr 2021 08:00:00 +0800",
    author="城市晚报",
)
#: An item whose body the HTML parser gives up on (nesting deeper than libxml2's 2048 levels).
TOO_DEEP_ITEM = rss_item(title="太深了", link=BROKEN_LINK, description="<div>" * 5000 + "深")
#: Neither a title nor any content: RSS 2.0 requires one of them.
EMPTY_ITEM = rss_item(link=BROKEN_LINK, pub_date="Sat, 17 Apr 2021 07:00:00 GMT")

FEED = rss(BUS_ITEM, TOO_DEEP_ITEM, PARK_ITEM)


def parse_all(data: str | bytes, **kwargs: Any) -> list[Article | Failure]:
    return list(zakerclean.parse_feed(data, **kwargs))


def articles(data: str | bytes, **kwargs: Any) -> list[Article]:
    results = parse_all(data, **kwargs)
    assert all(isinstance(r, Article) for r in results), results
    return results  # type: ignore[return-value]


# -- RSS 2.0 --------------------------------------------------------------------------------------


def test_one_result_per_item_in_order_and_a_broken_item_does_not_stop_the_rest() -> None:
    results = parse_all(FEED.encode("utf-8"))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    bus, broken, park = results
    assert isinstance(bus, Article) and isinstance(park, Article)
    assert isinstance(broken, Failure)
    assert broken.source == BROKEN_LINK
    assert broken.error_type == "ParseLimitError" and "depth" in broken.message
    assert (bus.url, park.url) == (BUS_LINK, PARK_LINK)


def test_item_fields_map_onto_the_article() -> None:
    bus = articles(rss(BUS_ITEM))[0]
    assert bus.title == bus.title_raw == "新公交线路今天开通"
    assert bus.url == BUS_LINK
    assert bus.author == "城市晚报"
    assert bus.categories == ("城市", "交通")
    assert bus.source is None and bus.feed is None  # item tags are not the Hexo triple
    assert bus.published == datetime(2021, 4, 17, 9, 10, 46, tzinfo=timezone.utc)
    assert bus.published_raw == "Sat, 17 Apr 2021 09:10:46 GMT"
    assert bus.meta == {"feed_title": "ZAKER 城市频道"}  # guid == link: nothing to add
    assert bus.cover is None
    assert bus.lang == "zh"


def test_zaker_images_are_resolved_and_the_proxy_stripped() -> None:
    bus = articles(rss(BUS_ITEM))[0]
    assert [(i.url, i.width, i.height) for i in bus.images] == [(BUS_IMAGE, 640, 480)]
    assert "cors.zfour" not in bus.html and "lazy" not in bus.html
    assert "recommend_bottom" not in bus.html
    assert (
        f'<figure><img src="{BUS_IMAGE}" width="640" height="480" referrerpolicy="no-referrer">'
        in bus.html
    )
    assert "新线路的首班车" in bus.html  # the caption is kept
    assert bus.text.startswith("本市今天开通一条新的公交线路")


def test_rfc822_date_with_an_offset_is_read_to_utc() -> None:
    park = articles(rss(PARK_ITEM))[0]
    assert park.published == datetime(2021, 4, 17, 0, 0, tzinfo=timezone.utc)
    assert park.meta == {"feed_title": "ZAKER 城市频道"}


def test_cdata_and_escaped_descriptions_give_the_same_article() -> None:
    as_cdata = rss_item(title="T & <b>", link=PARK_LINK, description=PARK_BODY, as_cdata=True)
    as_text = rss_item(title="T & <b>", link=PARK_LINK, description=PARK_BODY, as_cdata=False)
    one, two = articles(rss(as_cdata, as_text))
    assert one == two
    assert one.title == "T & <b>"  # titles are plain text: decoded once, by XML
    assert "&amp; 免费" in one.html and "& 免费" in one.text


def test_the_feed_article_equals_parse_of_the_same_body() -> None:
    bus = articles(rss(BUS_ITEM))[0]
    direct = zakerclean.parse(BUS_BODY, base_url=BUS_LINK)
    for field in ("html", "text", "images", "videos", "char_count", "fingerprint", "report"):
        assert getattr(bus, field) == getattr(direct, field), field


def test_an_item_with_neither_title_nor_content_is_a_failure_named_by_its_link() -> None:
    results = parse_all(rss(BUS_ITEM, EMPTY_ITEM, PARK_ITEM))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.source == BROKEN_LINK
    assert failure.error_type == "FeedError"
    assert "neither a title nor any content" in failure.message


def test_a_failure_without_a_link_is_named_item_n_counting_from_1() -> None:
    results = parse_all(rss(BUS_ITEM, PARK_ITEM, rss_item(description="<div>" * 5000)))
    failure = results[2]
    assert isinstance(failure, Failure) and failure.source == "item 3"
    assert failure.to_record() == {
        "path": "item 3",
        "error": {"type": "ParseLimitError", "message": failure.message},
    }


def test_feed_items_give_the_position_and_link_of_each_result() -> None:
    entries = list(feed_items(FEED))
    assert [(e.index, e.link, type(e.result).__name__) for e in entries] == [
        (1, BUS_LINK, "Article"),
        (2, BROKEN_LINK, "Failure"),
        (3, PARK_LINK, "Article"),
    ]


def test_title_only_and_body_only_items_are_articles() -> None:
    title_only, body_only = articles(
        rss(rss_item(title="只有标题"), rss_item(description="<p>只有正文。</p>"))
    )
    assert title_only.title == "只有标题" and title_only.html == "" and title_only.text == ""
    assert body_only.title is None and body_only.text == "只有正文。"
    assert body_only.url is None


def test_an_unreadable_date_is_a_warning_not_a_failure() -> None:
    (article,) = articles(rss(rss_item(title="t", description="<p>x</p>", pub_date="某天")))
    assert article.published is None and article.published_raw == "某天"
    assert any("date not read" in w for w in article.report.warnings)


def test_relative_dates_need_now() -> None:
    item = rss_item(title="t", description="<p>x</p>", pub_date="3小时前")
    (without,) = articles(rss(item))
    (with_now,) = articles(rss(item), now=datetime(2021, 4, 17, 12, tzinfo=timezone.utc))
    assert without.published is None
    assert with_now.published == datetime(2021, 4, 17, 9, tzinfo=timezone.utc)


def test_content_encoded_is_preferred_over_description() -> None:
    extra = "<content:encoded><![CDATA[<p>全文在这里。</p>]]></content:encoded>"
    item = rss_item(title="t", description="<p>摘要。</p>", extra=extra)
    feed = rss(item).replace(
        "<rss ", '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    )
    (article,) = articles(feed)
    assert article.text == "全文在这里。"


def test_dc_creator_guid_permalink_and_guid_in_meta() -> None:
    item = """<item><title>t</title><description>&lt;p&gt;x&lt;/p&gt;</description>
<dc:creator>甲</dc:creator><dc:creator>乙</dc:creator>
<guid>https://example.com/news/1</guid></item>
<item><title>u</title><link>https://example.com/news/2</link>
<guid isPermaLink="false">zaker-2</guid></item>"""
    feed = rss(item).replace("<rss ", '<rss xmlns:dc="http://purl.org/dc/elements/1.1/" ')
    first, second = articles(feed)
    assert first.author == "甲, 乙"
    assert first.url == "https://example.com/news/1"  # a permalink guid stands in for the link
    assert "guid" not in first.meta
    assert second.url == "https://example.com/news/2"
    assert second.meta["guid"] == "zaker-2"


def test_raw_markup_in_a_description_is_kept_as_html() -> None:
    item = "<item><title>t</title><description>前言<p>第一段 <b>粗</b></p>尾巴</description></item>"
    (article,) = articles(rss(item))
    assert article.text == "前言\n\n第一段 粗\n\n尾巴"
    assert "<strong>粗</strong>" in article.html


def test_an_empty_channel_gives_no_items() -> None:
    assert parse_all(rss()) == []
    assert parse_all('<rss version="2.0"><channel/></rss>') == []


def test_the_iterator_is_lazy_but_the_xml_is_read_on_call() -> None:
    with pytest.raises(FeedError):
        zakerclean.parse_feed("<html><body><p>x</p></body></html>")  # not even iterated
    results = zakerclean.parse_feed(FEED)
    assert isinstance(results, Iterator)
    first = next(results)
    assert isinstance(first, Article) and first.url == BUS_LINK


def test_feed_level_warnings_reach_every_item() -> None:
    feed = rss(BUS_ITEM, PARK_ITEM).replace("本市今天", "本市\x07今天")
    for article in articles(feed):
        assert any(w.startswith("feed: 1 control character") for w in article.report.warnings)


def test_results_are_picklable_and_round_trip_through_hexo() -> None:
    for result in parse_all(FEED):
        assert pickle.loads(pickle.dumps(result)) == result
    bus = articles(rss(BUS_ITEM))[0]
    again = zakerclean.parse(bus.to_hexo())
    assert (again.html, again.text, again.images) == (bus.html, bus.text, bus.images)
    assert again.url == bus.url and again.published == bus.published
    assert again.meta == bus.meta


# -- encodings ------------------------------------------------------------------------------------


@pytest.mark.parametrize("declared", ["gb18030", "gbk", "GB2312"])
def test_bytes_in_a_declared_gb_encoding(declared: str) -> None:
    data = rss(BUS_ITEM, PARK_ITEM, encoding=declared).encode("gb18030")
    assert articles(data) == articles(FEED.replace(TOO_DEEP_ITEM, "").encode("utf-8"))


def test_undeclared_encodings_utf8_first_then_gb18030() -> None:
    feed = rss(BUS_ITEM).replace('<?xml version="1.0" encoding="UTF-8"?>\n', "")
    expected = articles(feed)
    assert articles(feed.encode("utf-8")) == expected
    assert articles(feed.encode("gb18030")) == expected
    assert articles(b"\xef\xbb\xbf" + feed.encode("utf-8")) == expected
    assert articles("\ufeff" + feed) == expected
    assert articles(rss(BUS_ITEM).encode("utf-16")) == expected  # BOM + declaration


def test_a_meta_charset_inside_an_item_is_not_the_feeds_encoding() -> None:
    body = '<meta charset="gbk"><p>正文是 UTF-8 的。</p>'
    feed = rss(rss_item(title="编码", description=body)).split("\n", 1)[1]  # no declaration
    (article,) = articles(feed.encode("utf-8"))
    assert article.text == "正文是 UTF-8 的。"


def test_str_input_with_an_encoding_declaration_is_accepted() -> None:
    assert articles(rss(BUS_ITEM, encoding="gbk")) == articles(rss(BUS_ITEM))


# -- the whole feed is bad: exceptions ------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("<html><head><title>x</title></head><body></body></html>", "root element is <html>"),
        ("\n---\ntitle: t\n---\n<p>正文</p>\n", "not well-formed"),
        ("just some text", "not well-formed"),
        ('<rss version="2.0"><channel><item><title>t</item></channel></rss>', "not well-formed"),
        ('<rss version="2.0"/>', "<rss> has no <channel>"),
        ('<feed xmlns="http://purl.org/atom/ns#"/>', "root element is <feed>"),
        ("<rss><channel><title>a&nbsp;b</title></channel></rss>", "'nbsp' not defined"),
    ],
)
def test_not_a_feed_raises_a_feed_error(data: str, words: str) -> None:
    with pytest.raises(FeedError) as caught:
        zakerclean.parse_feed(data)
    assert words in str(caught.value)
    assert isinstance(caught.value, ZakerCleanError) and isinstance(caught.value, ValueError)


def test_a_syntax_error_names_its_line_and_column() -> None:
    data = '<rss version="2.0">\n<channel>\n<item><title>t</titel></item>\n</channel></rss>'
    with pytest.raises(FeedError) as caught:
        zakerclean.parse_feed(data)
    assert caught.value.line == 3 and caught.value.column is not None
    assert str(caught.value).startswith("feed at line 3, column")
    again = pickle.loads(pickle.dumps(caught.value))
    assert (str(again), again.line, again.column) == (
        str(caught.value),
        caught.value.line,
        caught.value.column,
    )


def test_the_xml_declaration_does_not_shift_line_numbers() -> None:
    data = '<?xml version="1.0" encoding="gbk"?>\n<rss>\n<channel>\n<oops></channel></rss>'
    with pytest.raises(FeedError) as caught:
        zakerclean.parse_feed(data.encode("gbk"))
    assert caught.value.line == 4


@pytest.mark.parametrize("data", ["", "  \n ", b"", b"\n\n"])
def test_empty_input_raises_empty_input_error(data: str | bytes) -> None:
    with pytest.raises(EmptyInputError):
        zakerclean.parse_feed(data)


@pytest.mark.parametrize("data", [None, 42, Path("feed.xml"), ["<rss/>"], bytearray(b"<rss/>")])
def test_other_types_raise_type_error_at_call_time(data: Any) -> None:
    with pytest.raises(TypeError, match="parse_feed"):
        zakerclean.parse_feed(data)


def test_bad_options_raise_type_error() -> None:
    with pytest.raises(TypeError, match="CleanOptions"):
        zakerclean.parse_feed(FEED, options={"max_bytes": 10})  # type: ignore[arg-type]


@pytest.mark.parametrize("as_bytes", [True, False])
def test_size_limit(as_bytes: bool) -> None:
    data: str | bytes = FEED.encode("utf-8") if as_bytes else FEED
    with pytest.raises(InputTooLargeError):
        zakerclean.parse_feed(data, options=CleanOptions(max_bytes=1000))
    assert len(parse_all(data, options=CleanOptions(max_bytes=len(FEED.encode()) + 1))) == 3


def test_binary_input_is_rejected() -> None:
    with pytest.raises(ZakerCleanError):
        zakerclean.parse_feed(b"<rss>\x00\x01\x02</rss>")


def test_deep_xml_nesting_is_a_feed_error_not_a_crash() -> None:
    data = '<rss version="2.0"><channel>' + "<x>" * 10_000 + "</x>" * 10_000 + "</channel></rss>"
    with pytest.raises(FeedError, match="depth"):
        zakerclean.parse_feed(data)


# -- safety: entities, external resources ---------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><description>&lol9;</description></item>
</channel></rss>
"""


def test_billion_laughs_is_refused_without_expanding() -> None:
    started = time.perf_counter()
    with pytest.raises(FeedError, match="never expands entities"):
        zakerclean.parse_feed(BILLION_LAUGHS)
    assert time.perf_counter() - started < 1


def _xxe(url: str, where: str = "both") -> str:
    title = "&xxe;" if where in ("both", "title") else "t"
    description = "&xxe;" if where in ("both", "description") else "d"
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{url}">]>
<rss version="2.0"><channel><title>c</title>
<item><title>{title}</title><description>{description}</description></item>
</channel></rss>
"""


@pytest.mark.parametrize("where", ["both", "title", "description"])
def test_external_entities_are_never_read(tmp_path: Path, where: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a", encoding="utf-8")
    for url in (secret.as_uri(), "file:///etc/passwd"):
        with pytest.raises(FeedError) as caught:
            list(zakerclean.parse_feed(_xxe(url, where)))
        assert "TOP-SECRET" not in str(caught.value) and "root:" not in str(caught.value)


def test_parameter_entities_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "evil.dtd"
    secret.write_text('<!ENTITY leak "TOP-SECRET-7f3a">', encoding="utf-8")
    data = f"""<!DOCTYPE rss [<!ENTITY % ext SYSTEM "{secret.as_uri()}"> %ext;]>
<rss version="2.0"><channel><item><title>&leak;</title></item></channel></rss>"""
    with pytest.raises(FeedError) as caught:
        zakerclean.parse_feed(data)
    assert "TOP-SECRET" not in str(caught.value)


@pytest.fixture
def http_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request it gets."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            body = b'<!ENTITY nbsp "LEAKED">'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def test_no_network_for_external_dtds_or_entities(http_server: tuple[str, list[str]]) -> None:
    base, requests = http_server
    # an external DTD alone (old RSS 0.91 feeds have one) is fine: it is simply not fetched
    with_dtd = rss(BUS_ITEM).replace(
        "<rss ", f'<!DOCTYPE rss SYSTEM "{base}/rss-0.91.dtd">\n<rss ', 1
    )
    assert articles(with_dtd) == articles(rss(BUS_ITEM))
    # ... but a reference it would have defined is not expanded: the feed is refused
    uses_it = with_dtd.replace("<title><![CDATA[新公交", "<title>&nbsp;<![CDATA[新公交")
    with pytest.raises(FeedError, match="&nbsp; is not expanded"):
        zakerclean.parse_feed(uses_it)
    with pytest.raises(FeedError):
        zakerclean.parse_feed(_xxe(f"{base}/secret"))
    assert requests == []


# -- Atom ------------------------------------------------------------------------------------------


def atom(*entries: str, feed_author: str = "") -> str:
    """A feed in the shape of RSSHub's Atom output (content with ``src`` *and* inline HTML)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-cn">
<id>https://rsshub.example/zaker/channel/99</id>
<title>{cdata("ZAKER 城市频道")}</title>
<updated>2021-04-17T10:00:00.000Z</updated>
<generator>RSSHub</generator>
<link href="http://www.myzaker.com/channel/99" rel="alternate"/>
{feed_author}
{"".join(entries)}
</feed>
"""


def atom_entry(
    *,
    title: str = "新公交线路今天开通",
    link: str = BUS_LINK,
    body: str = BUS_BODY,
    published: str = "2021-04-17T09:10:46.000Z",
    author: str | None = "城市晚报",
    extra: str = "",
) -> str:
    author_xml = f"<author><name>{cdata(author)}</name></author>" if author else ""
    return f"""<entry>
<title>{cdata(title)}</title>
<id>{link}</id>
<published>{published}</published>
<updated>{published}</updated>
<link href="{link}"/>
<summary type="html">{cdata(body)}</summary>
<content type="html" src="{link}">{cdata(body)}</content>
{author_xml}
<category term="城市"></category><category term="交通"></category>
{extra}
</entry>
"""


def test_atom_entries_map_like_rss_items() -> None:
    from_atom = articles(atom(atom_entry()))[0]
    from_rss = articles(rss(BUS_ITEM))[0]
    assert from_atom.model_dump(exclude={"published_raw"}) == from_rss.model_dump(
        exclude={"published_raw"}
    )
    assert from_atom.published == datetime(2021, 4, 17, 9, 10, 46, tzinfo=timezone.utc)
    assert from_atom.published_raw == "2021-04-17T09:10:46.000Z"


def test_atom_broken_entry_and_fallbacks() -> None:
    feed = atom(
        atom_entry(),
        atom_entry(link=BROKEN_LINK, body="<div>" * 5000),
        atom_entry(title="无作者", author=None, published="2021-04-17T17:10:46+08:00"),
        feed_author="<author><name>频道编辑</name></author>",
    )
    first, broken, third = parse_all(feed)
    assert isinstance(broken, Failure) and broken.source == BROKEN_LINK
    assert isinstance(first, Article) and first.author == "城市晚报"
    assert isinstance(third, Article) and third.author == "频道编辑"  # the feed's author
    assert third.published == first.published


def test_atom_xhtml_content() -> None:
    content = f"""<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
<p>第一段 a &lt; b &amp; c。</p>
<div class="img_box"><div class="content_img_div"><img class="lazy" data-original="{PARK_IMAGE}" src="{PROXY}{PARK_IMAGE}"/></div></div>
<p>第二段<br/>换行</p><div/><p>第三段</p>
</div></content>"""
    entry = f"""<entry><title>x</title><link rel="self" href="https://rsshub.example/x"/>
<link rel="alternate" type="text/html" href="{PARK_LINK}"/>{content}</entry>"""
    (article,) = articles(atom(entry))
    assert article.url == PARK_LINK
    assert article.text == "第一段 a < b & c。\n\n第二段\n换行\n\n第三段"
    assert [i.url for i in article.images] == [PARK_IMAGE]
    assert "xmlns" not in article.html and "cors.zfour" not in article.html


def test_atom_text_content_is_escaped_not_markup() -> None:
    entry = """<entry><title type="html">A &lt;em&gt;B&lt;/em&gt; &amp;amp; C</title>
<content type="text">这不是 &lt;b&gt;标签&lt;/b&gt;。

第二段。</content></entry>"""
    (article,) = articles(atom(entry))
    assert article.title == "A B & C"
    assert article.text == "这不是 <b>标签</b>。\n\n第二段。"
    assert "<b>" not in article.html and "&lt;b&gt;" in article.html


def test_atom_summary_when_content_is_empty_and_relative_links_use_xml_base() -> None:
    entry = """<entry xml:base="https://news.example/2021/"><title>t</title>
<link href="story.html"/><content type="html" src="https://news.example/2021/story.html"/>
<summary type="html">&lt;p&gt;摘要&lt;/p&gt;</summary></entry>"""
    (article,) = articles(atom(entry))
    assert article.url == "https://news.example/2021/story.html"
    assert article.text == "摘要"


# -- RSS 1.0 ---------------------------------------------------------------------------------------


def test_rss_1_0() -> None:
    data = f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://www.myzaker.com/channel/99"><title>频道</title></channel>
<item rdf:about="{BUS_LINK}"><title>新公交线路今天开通</title>
<description>{escaped(BUS_BODY)}</description>
<dc:date>2021-04-17T09:10:46Z</dc:date><dc:creator>城市晚报</dc:creator><dc:subject>城市</dc:subject>
</item></rdf:RDF>"""
    (article,) = articles(data)
    assert article.url == BUS_LINK and article.author == "城市晚报"
    assert article.categories == ("城市",) and article.meta == {"feed_title": "频道"}
    assert article.images == articles(rss(BUS_ITEM))[0].images


# -- property: a feed item is cleaned exactly like the same body given to parse -------------------

FEED_PROPERTY = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SAME_FIELDS = ("html", "text", "images", "videos", "lang", "char_count", "fingerprint", "report")


@FEED_PROPERTY
@given(st.lists(st.tuples(zaker_bodies(), st.booleans()), min_size=1, max_size=3))
def test_feed_items_equal_parse_of_their_bodies(posts: list[tuple[Doc, bool]]) -> None:
    items = [
        rss_item(
            title=f"第{n}条",
            link=f"{BUS_LINK}{n}",
            description=doc.html,
            as_cdata=as_cdata,
        )
        for n, (doc, as_cdata) in enumerate(posts)
    ]
    results = articles(rss(*items).encode("utf-8"))
    assert len(results) == len(posts)
    for n, ((doc, _), article) in enumerate(zip(posts, results, strict=True)):
        direct = zakerclean.parse(doc.html, base_url=f"{BUS_LINK}{n}")
        for field in SAME_FIELDS:
            assert getattr(article, field) == getattr(direct, field), field
        assert article.url == f"{BUS_LINK}{n}" and article.title == f"第{n}条"


@settings(max_examples=150, deadline=None, database=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300),
        st.tuples(st.integers(0, len(FEED)), st.integers(0, len(FEED))).map(
            lambda cut: FEED[: min(cut)] + FEED[max(cut) :]
        ),
        st.lists(
            st.sampled_from(
                [
                    "<rss>",
                    "<channel>",
                    "<item>",
                    "<title>",
                    "</item>",
                    "<![CDATA[",
                    "]]>",
                    "<feed xmlns='http://www.w3.org/2005/Atom'>",
                    "<entry>",
                    "<content type='xhtml'>",
                    "&amp;",
                    "&x;",
                    "<!DOCTYPE rss>",
                    "x",
                    "<",
                ]
            ),
            max_size=30,
        ).map("".join),
    )
)
def test_no_input_crashes_parse_feed(data: str | bytes) -> None:
    try:
        results = list(zakerclean.parse_feed(data))
    except ZakerCleanError:
        return
    for result in results:
        assert isinstance(result, (Article, Failure))
        if isinstance(result, Failure):  # only the documented item failures
            assert result.error_type in ("FeedError", "ParseLimitError"), result
