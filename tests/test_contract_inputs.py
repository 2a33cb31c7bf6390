"""Inputs under the contract: a declared charset is a hint; limits say what a user can do."""

from __future__ import annotations

import pytest

import zakerclean

PAGE = '<html><head><meta charset="{charset}"></head><body><p>{text}</p></body></html>'


@pytest.mark.parametrize("charset", ["gb2312", "gbk", "GB18030", "big5", "shift_jis"])
def test_a_page_declaring_a_legacy_charset_but_stored_as_utf8_is_read_as_utf8(charset: str) -> None:
    article = zakerclean.parse(PAGE.format(charset=charset, text="中文正文，一段话。").encode())
    assert article.text == "中文正文，一段话。"
    assert any(
        f"declared as {charset.lower()} is valid UTF-8" in w for w in article.report.warnings
    )


def test_utf8_that_gb18030_would_reject_is_read_too() -> None:
    """Bytes that are not valid in the declared charset: the next candidates are tried."""
    data = PAGE.format(charset="ascii", text="正文").encode()
    article = zakerclean.parse(data)
    assert article.text == "正文"
    assert article.report.warnings


def test_a_page_that_is_what_it_declares_gets_no_warning() -> None:
    article = zakerclean.parse(PAGE.format(charset="gb2312", text="中文正文").encode("gbk"))
    assert article.text == "中文正文"
    assert article.report.warnings == ()


def test_undecodable_bytes_name_the_position() -> None:
    with pytest.raises(zakerclean.DecodeError) as caught:
        zakerclean.parse(PAGE.format(charset="utf-8", text="x").encode() + b"\xff\xff\x80\x80")
    assert caught.value.position is not None


def test_the_depth_limit_message_gives_no_advice_the_user_cannot_follow() -> None:
    with pytest.raises(zakerclean.ParseLimitError) as caught:
        zakerclean.parse("<div>" * 3000 + "正文")
    message = str(caught.value)
    assert "XML_PARSE_HUGE" not in message
    assert "2048 levels" in message


@pytest.mark.parametrize("name", ["post.md", "  posts/新闻 一.md\n", "page.HTML", "feed.xml"])
def test_a_file_name_given_to_parse_is_an_error_not_an_article(name: str) -> None:
    with pytest.raises(zakerclean.PathGivenAsDataError, match="parse_file"):
        zakerclean.parse(name)


@pytest.mark.parametrize(
    "text", ["https://a.example/x.html", "<p>post.md</p>", "第一行\nreport.md", "正文"]
)
def test_text_that_merely_ends_like_a_file_name_is_still_parsed(text: str) -> None:
    assert zakerclean.parse(text).text


@pytest.mark.parametrize("value", ["2021-13-45", "2021-02-30 10:00:00", "!!timestamp 2/021-04-17"])
def test_a_yaml_timestamp_that_is_no_date_is_an_unread_date_not_an_error(value: str) -> None:
    article = zakerclean.parse(f"---\ntitle: t\ndate: {value}\n---\n<p>正文</p>")
    assert article.published is None
    assert article.published_raw == value.removeprefix("!!timestamp ")
    assert any("date not read" in w for w in article.report.warnings)


def test_a_valid_yaml_timestamp_is_still_read() -> None:
    article = zakerclean.parse("---\ndate: 2021-04-17 10:00:00\n---\n<p>正文</p>")
    assert (
        article.published is not None
        and article.published.isoformat() == "2021-04-17T02:00:00+00:00"
    )


def test_a_quoted_title_going_on_over_lines_is_read_as_yaml_reads_it() -> None:
    article = zakerclean.parse("---\ntitle: 'line one\nline two'\nauthor: x\n---\n<p>hi</p>")
    assert article.title == "line one line two"
    assert article.author == "x"
    assert article.report.warnings == ()


def test_braces_are_decoded_before_yaml_reads_the_front_matter() -> None:
    article = zakerclean.parse("---\ntitle: x\ntags: &#123;&#125;\n---\n<p>hi</p>")
    assert article.meta == {"tags": {}}


@pytest.mark.parametrize("sanitizer", ["nh3", "bleach"])
def test_attribute_names_lxml_cannot_read_are_dropped_not_a_crash(sanitizer: str) -> None:
    options = zakerclean.CleanOptions(sanitizer=sanitizer)
    html = zakerclean.clean_html('<p><a {x=1 href="https://a.example/">t</a}></p>', options=options)
    assert html == '<p><a href="https://a.example/">t</a></p>'


def test_the_fragment_wrapper_never_reaches_the_output() -> None:
    """An attribute left open at the end of the input used to swallow the ``</body>`` the
    library added around the fragment (``alt="说明&lt;/body"``); the fragment is now parsed with
    no closing markup after it, so an unfinished tag at the end is dropped, as browsers do."""
    for tail in ("alt=说明", 'alt="说明', "alt='说明"):
        html = zakerclean.clean_html(f'<p>正文</p><p>尾<img src="https://a.example/p.jpg" {tail}')
        assert "body" not in html and "html" not in html
        assert html.startswith("<p>正文</p>")


@pytest.mark.parametrize("sanitizer", ["nh3", "bleach"])
def test_names_lxml_refuses_to_create_survive_the_depth_limit(sanitizer: str) -> None:
    """Lifting too-deep blocks copies elements; tag or attribute names the HTML parser accepts
    but lxml cannot create (found by the fuzz smoke run) are no crash."""
    body = "<div>" * 80 + '<a"b x"=1 q=2><p>正文</p></a"b>' + "</div>" * 80
    options = zakerclean.CleanOptions(sanitizer=sanitizer)
    assert zakerclean.clean_html(body, options=options) == "<p>正文</p>"
    assert zakerclean.parse(body, options=options).text == "正文"


def test_control_character_references_in_a_page_body_are_no_crash() -> None:
    page = '<html><div class="article_content"><div>x&#2;y</div></div>'
    assert zakerclean.parse(page).text == "x\ufffdy"
