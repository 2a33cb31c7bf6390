"""The feed reader's parts on their own (``readers/feed.py``): the XML parser's hardening, each
lock tested alone (the prolog scan refuses ``<!ENTITY`` first, so end-to-end tests never reach
the others), and the Atom helpers on hand-written elements.
"""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from zakerclean.errors import FeedError
from zakerclean.readers import feed

ATOM = "http://www.w3.org/2005/Atom"
XHTML = "http://www.w3.org/1999/xhtml"


# -- the parser's locks ---------------------------------------------------------------------------


def test_the_parser_is_made_with_every_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[dict[str, Any]] = []
    real = etree.XMLParser

    def recording(**options: Any) -> etree.XMLParser:
        made.append(options)
        return real(**options)

    monkeypatch.setattr(feed.etree, "XMLParser", recording)
    feed._new_parser()
    assert made == [
        {
            "resolve_entities": False,
            "no_network": True,
            "load_dtd": False,
            "huge_tree": False,
            "remove_pis": True,
            "remove_comments": True,
        }
    ]


def test_a_new_parser_each_time() -> None:
    assert feed._new_parser() is not feed._new_parser()


def test_the_parser_alone_expands_no_entity() -> None:
    root = etree.fromstring('<!DOCTYPE r [<!ENTITY e "boom">]><r>&e;</r>', feed._new_parser())
    assert root.text is None and "boom" not in etree.tostring(root, encoding="unicode")
    assert [type(child) for child in root] == [etree._Entity]


def test_the_parser_alone_drops_comments_and_processing_instructions() -> None:
    root = etree.fromstring("<r><!--c--><?pi x?><a/></r>", feed._new_parser())
    assert [child.tag for child in root] == ["a"]


def test_the_parser_alone_refuses_a_huge_text_node() -> None:
    with pytest.raises(etree.XMLSyntaxError, match="too long"):
        etree.fromstring("<r>" + "x" * 10_000_001 + "</r>", feed._new_parser())


def test_a_declaration_the_prolog_scan_misses_is_refused_after_parsing() -> None:
    # markup quoted in the DTD (a comment holding "<x>") ends the prolog scan early
    with pytest.raises(FeedError) as caught:
        feed._parse_xml('<!DOCTYPE r [<!-- <x> --><!ENTITY e "v">]><r/>')
    assert str(caught.value) == (
        "feed: the DTD declares an entity; zakerclean never expands entities (billion laughs, "
        "XXE): feed refused ('e')"
    )


def test_the_prolog_scan_names_where_the_declaration_is() -> None:
    text = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE r [\n <!ENTITY e "v">]><r/>'
    with pytest.raises(FeedError) as caught:
        feed._parse_xml(text)
    assert (caught.value.line, caught.value.column) == (3, 2)


def test_an_entity_reference_left_by_an_external_dtd_is_refused() -> None:
    with pytest.raises(FeedError) as caught:
        feed._parse_xml('<!DOCTYPE r SYSTEM "x.dtd">\n<r>a\n&e;b</r>')
    assert str(caught.value) == (
        "feed at line 3: entity reference &e; is not expanded (zakerclean never expands "
        "entities): feed refused"
    )


def test_not_well_formed_xml_says_where() -> None:
    with pytest.raises(FeedError) as caught:
        feed._parse_xml("<rss>\n  <channel>\n</rss>")
    # libxml2's own ", line 3, column 7" is cut from its message: the position is ours
    assert str(caught.value) == (
        "feed at line 3, column 7: not well-formed XML: Opening and ending tag mismatch: "
        "channel line 2 and rss"
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('<!ENTITY e "v"><r/>', (1, 1)),  # at the very start
        ('\n<!DOCTYPE r [<!ENTITY e "v"><!ENTITY f "w">]>\n<r/>\n', (2, 14)),  # the first one
    ],
)
def test_the_first_entity_declaration_is_named_where_it_is(
    text: str, where: tuple[int, int]
) -> None:
    with pytest.raises(FeedError) as caught:
        feed._parse_xml(text)
    assert (caught.value.line, caught.value.column) == where
    assert "the DTD declares an entity" in str(caught.value)


def test_the_xml_declaration_and_bom_are_blanked_so_positions_stay() -> None:
    root = feed._parse_xml('\ufeff<?xml version="1.0" encoding="gbk"?>\n<r><a/></r>')
    assert root.tag == "r" and root[0].sourceline == 2


# -- Atom ---------------------------------------------------------------------------------------


def atom(markup: str) -> etree._Element:
    return etree.fromstring(f'<entry xmlns="{ATOM}">{markup}</entry>')


@pytest.mark.parametrize(
    ("kind", "read"),
    [
        (None, "text"),
        ("text", "text"),
        (" TEXT ", "text"),
        ("text/plain", "text"),
        ("html", "html"),
        ("text/html", "html"),
        ("xhtml", "xhtml"),
        ("application/xhtml+xml", "xhtml"),
        ("image/png", None),
        ("application/octet-stream", None),
    ],
)
def test_atom_kinds(kind: str | None, read: str | None) -> None:
    element = etree.Element("content")
    if kind is not None:
        element.set("type", kind)
    assert feed._atom_kind(element) == read


def test_atom_bodies_of_each_kind() -> None:
    entry = atom(
        '<content type="html">&lt;p&gt;一&lt;/p&gt;</content>'
        f'<summary type="xhtml"><div xmlns="{XHTML}"><p class="k">二 &amp; 三</p></div></summary>'
        '<title type="text">四\n\n  五 &lt;b&gt;  \n\n</title>'
        '<rights type="image/png">AAAA</rights>'
    )
    content, summary, title, rights = entry
    assert feed._atom_body(content) == "<p>一</p>"
    assert feed._atom_body(summary) == '<div><div><p class="k">二 &amp; 三</p></div></div>'
    assert feed._atom_body(title) == "<p>四</p><p>五 &lt;b&gt;</p>"
    assert feed._atom_body(rights) is None
    assert feed._atom_body(None) is None
    # a text construct's text is all its text, whatever elements it holds
    assert feed._atom_body(atom("<summary>一<b>二</b>三</summary>")[0]) == "<p>一二三</p>"


def test_plain_text_paragraphs() -> None:
    assert feed._text_to_html("a\n\nb\n \nc <d>") == "<p>a</p><p>b</p><p>c &lt;d&gt;</p>"
    assert feed._text_to_html("他说\"好\"'的'") == "<p>他说\"好\"'的'</p>"  # quotes are text
    assert feed._text_to_html("\n\n") == ""


def test_namespaces_are_dropped_from_a_copy() -> None:
    element = etree.fromstring(
        f'<x:div xmlns:x="{XHTML}" xmlns:o="urn:o" o:a="1" b="2"><x:p>t</x:p></x:div>'
    )
    copy = feed._without_namespaces(element)
    assert etree.tostring(copy, encoding="unicode") == '<div b="2"><p>t</p></div>'
    assert element.tag == f"{{{XHTML}}}div"  # the original is untouched


def test_comments_and_instructions_keep_their_nature_in_the_copy() -> None:
    element = etree.Element("div")
    element.append(etree.Comment("c"))
    element.append(etree.ProcessingInstruction("pi", "x"))
    copy = feed._without_namespaces(element)
    assert etree.tostring(copy, encoding="unicode") == "<div><!--c--><?pi x?></div>"


def test_the_link_is_the_first_alternate_one() -> None:
    entry = atom(
        '<icon href="https://a.example/icon"/><link rel="self" href="https://a.example/self"/>'
        '<link href=" "/><link/><link rel=" alternate " href=" https://a.example/post "/>'
        '<link href="https://a.example/later"/>'
    )
    assert feed._atom_link(entry) == "https://a.example/post"
    assert feed._atom_link(atom('<link rel="enclosure" href="https://a.example/v.mp4"/>')) is None


def test_a_relative_link_is_resolved_against_a_web_xml_base() -> None:
    based = etree.fromstring(
        f'<entry xmlns="{ATOM}" xml:base="https://a.example/dir/"><link href="post/1"/></entry>'
    )
    assert feed._atom_link(based) == "https://a.example/dir/post/1"
    local = etree.fromstring(
        f'<entry xmlns="{ATOM}" xml:base="file:///x/"><link href="p"/></entry>'
    )
    assert feed._atom_link(local) == "p"
    broken = etree.fromstring(f'<entry xmlns="{ATOM}" xml:base="http://["><link href="p"/></entry>')
    assert feed._atom_link(broken) == "p"
    absolute = etree.fromstring(
        f'<entry xmlns="{ATOM}" xml:base="https://a.example/"><link href="https://b.example/q"/>'
        "</entry>"
    )
    assert feed._atom_link(absolute) == "https://b.example/q"


def test_authors_and_the_feeds_authors_in_their_place() -> None:
    entry = atom(
        "<author><name> 甲 </name></author><author><name></name></author>"
        "<contributor><name>丙</name></contributor>"
        "<author><email>x@example.com</email><name>乙</name></author><title>t</title>"
    )
    assert feed._atom_authors(entry) == ["甲", "乙"]
    front, _ = feed._atom_entry(entry, ["馈"])
    assert front["author"] == "甲, 乙"
    front, _ = feed._atom_entry(atom("<title>t</title>"), ["馈", "源"])
    assert front["author"] == "馈, 源"


def test_an_atom_entry_whole() -> None:
    entry = atom(
        '<title type="html">&lt;b&gt;标&lt;/b&gt;  题</title><id> urn:1 </id>'
        "<updated>2021-04-17T10:00:00Z</updated><published>2021-04-16T10:00:00Z</published>"
        '<category term=" 科技 "/><category term=" "/><category/><category term="手机"/>'
        '<content type="html"> </content><summary type="html">&lt;p&gt;摘要&lt;/p&gt;</summary>'
        '<link href="https://a.example/1"/><foo term="不是分类"/>'
    )
    front, body = feed._atom_entry(entry, [])
    assert body == "<p>摘要</p>"  # a blank content gives way to the summary
    assert front["title"] == "标 题"
    assert front["link"] == "https://a.example/1"
    assert front["date"] == "2021-04-16T10:00:00Z"  # published before updated
    assert front["categories"] == ["科技", "手机"]
    assert front["guid"] == "urn:1"
    assert "author" not in front or front["author"] is None


def test_an_entry_dated_by_updated_only_and_without_a_body() -> None:
    entry = atom("<title>t</title><updated>2021-04-17T10:00:00Z</updated>")
    front, body = feed._atom_entry(entry, [])
    assert front["date"] == "2021-04-17T10:00:00Z"
    assert body == ""


def test_squeeze_keeps_full_width_space_and_nbsp() -> None:
    assert feed._squeeze(" \u3000标 \t\n 题\xa0 ") == "\u3000标 题\xa0"
    assert feed._squeeze("X标题X") == "X标题X"


def test_plain_text_of_an_element_with_children() -> None:
    assert feed._plain(etree.fromstring("<title>a<b>b</b> c</title>")) == "ab c"
    assert feed._plain(etree.fromstring("<title> </title>")) is None


def test_raw_markup_children_of_a_description_are_written_as_html() -> None:
    element = etree.fromstring("<description>前<p>一</p><p>二</p>后</description>")
    assert feed._markup(element) == "前<p>一</p><p>二</p>后"


def test_an_rss_item_dated_by_dc_date() -> None:
    item = etree.fromstring(
        '<item xmlns:dc="http://purl.org/dc/elements/1.1/"><title>t</title>'
        "<dc:date>2021-04-17T10:00:00Z</dc:date></item>"
    )
    front, _ = feed._rss_item(item, rdf=False)
    assert front["date"] == "2021-04-17T10:00:00Z"


@pytest.mark.parametrize(
    ("value", "web"),
    [("http://a", True), ("https://a", True), ("ftp://a", False), ("", False), (None, False)],
)
def test_web_urls(value: str | None, web: bool) -> None:
    assert feed._is_web_url(value) is web


# -- RSS items ------------------------------------------------------------------------------------

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RSS1 = "http://purl.org/rss/1.0/"


def rss1_item(markup: str, about: str | None = None) -> etree._Element:
    attribute = "" if about is None else f' rdf:about="{about}"'
    return etree.fromstring(f'<item xmlns="{RSS1}" xmlns:rdf="{RDF}"{attribute}>{markup}</item>')


@pytest.mark.parametrize(
    ("guid", "link"),
    [
        ("<guid>https://a.example/1</guid>", "https://a.example/1"),  # a permalink by default
        ('<guid isPermaLink="true">https://a.example/2</guid>', "https://a.example/2"),
        ('<guid isPermaLink="false">https://a.example/3</guid>', None),
        ("<guid>urn:uuid:1</guid>", None),  # a permalink that is no web URL
        ("", None),
    ],
)
def test_an_rss2_link_falls_back_to_a_permalink_guid(guid: str, link: str | None) -> None:
    front, _ = feed._rss_item(etree.fromstring(f"<item><title>t</title>{guid}</item>"), rdf=False)
    assert front.get("link") == link


@pytest.mark.parametrize(
    ("about", "link"),
    [("https://a.example/about", "https://a.example/about"), ("  ", None), (None, None)],
)
def test_an_rss1_link_falls_back_to_rdf_about(about: str | None, link: str | None) -> None:
    front, _ = feed._rss_item(rss1_item("<title>t</title>", about), rdf=True)
    assert front.get("link") == link


def test_an_rss1_item_ignores_rss2_elements() -> None:
    item = rss1_item(
        "<title>t</title>"
        '<guid xmlns="">https://a.example/g</guid><author xmlns="">甲</author>'
        '<category xmlns="">科技</category>'
    )
    front, _ = feed._rss_item(item, rdf=True)
    assert front.get("link") is None and front.get("guid") is None
    assert front.get("author") is None and front.get("categories") in (None, [])


def test_feed_bytes_with_a_bom_or_a_declaration_go_through_the_full_decoder() -> None:
    assert feed._decode_feed(b"\xef\xbb\xbf<rss/>") == ("<rss/>", [])  # the BOM is dropped
    text, warnings = feed._decode_feed('<?xml version="1.0" encoding="gbk"?><rss>中</rss>'.encode())
    assert text.endswith("<rss>中</rss>")
    assert warnings == ["input declared as gbk is valid UTF-8: read as utf-8"]
    gbk = '<?xml version="1.0" encoding="gbk"?><rss>中</rss>'.encode("gbk")
    assert feed._decode_feed(gbk) == ('<?xml version="1.0" encoding="gbk"?><rss>中</rss>', [])
    assert feed._decode_feed("<rss>中</rss>".encode()) == ("<rss>中</rss>", [])


# -- the feed as a whole --------------------------------------------------------------------------


def entries(data: str | bytes) -> list[feed.FeedEntry]:
    return list(feed.read_feed(data, 1_000_000))


def test_an_rss_root_without_a_channel_is_refused_where_it_is() -> None:
    with pytest.raises(FeedError) as caught:
        entries('<?xml version="1.0"?>\n<rss version="2.0">\n</rss>')
    assert str(caught.value) == "feed at line 2: <rss> has no <channel>"


def test_a_root_that_is_no_feed_is_named() -> None:
    with pytest.raises(FeedError) as caught:
        entries("\n\n<html/>")
    assert str(caught.value) == (
        "feed at line 3: not an RSS or Atom feed: the root element is <html>, not <rss>, "
        "<rdf:RDF> or an Atom <feed>"
    )


def test_the_channel_title_is_its_title_element() -> None:
    found = entries(
        "<rss><channel><link>https://a.example/</link><title>频道</title>\n<item>\n</item>"
        "<item><title>t</title></item></channel></rss>"
    )
    first, second = found
    assert (first.index, first.link) == (1, None)
    assert isinstance(first.document, FeedError)
    assert str(first.document) == "feed at line 2: item has neither a title nor any content"
    assert second.index == 2 and not isinstance(second.document, Exception)
    assert second.document.meta == {"feed_title": "频道"}


def test_an_rdf_feed_without_a_channel_has_no_title() -> None:
    rdf = f'<rdf:RDF xmlns:rdf="{RDF}" xmlns="{RSS1}"><item><title>t</title></item></rdf:RDF>'
    (entry,) = entries(rdf)
    assert not isinstance(entry.document, Exception)
    assert (entry.document.title, entry.document.meta) == ("t", {})
    titled = rdf.replace("<item>", "<channel><link>l</link><title>频道</title></channel><item>")
    (entry,) = entries(titled)
    assert entry.document.meta == {"feed_title": "频道"}  # type: ignore[union-attr]


def test_a_charset_quoted_in_the_content_does_not_decide_the_feed() -> None:
    data = (
        "<rss><channel><title>c</title><item><title>t</title><description><![CDATA["
        '<meta charset="gbk"><p>中文</p>]]></description></item></channel></rss>'
    ).encode()
    (entry,) = entries(data)
    assert not isinstance(entry.document, Exception)
    assert entry.document.warnings == ()
    assert "中文" in entry.document.body


def test_a_feed_of_the_wrong_type_names_parse_feed() -> None:
    with pytest.raises(TypeError, match=r"^parse_feed\(\) takes str or bytes, not int$"):
        entries(3)  # type: ignore[arg-type]
