"""URLs that urllib cannot parse, and hosts per UTS #46 / IDNA 2008 (SPEC §3 rule 3, issue 15).

A URL that cannot be parsed is unusable — a link keeps its text, an image is dropped with a
warning — and never an exception, with either sanitizer.  Hosts are converted as browsers do.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zakerclean import CleanOptions, clean_html, parse
from zakerclean.urls import ascii_host, clean_url, decode_zaker_redirect, split_url, url_host

BACKENDS = [
    pytest.param(None, id="nh3"),
    pytest.param(CleanOptions(sanitizer="bleach"), id="bleach"),
]

# -- unparseable URLs: never an exception -----------------------------------------------------------

#: (fragment, text the output keeps): each raised urllib's plain ValueError before issue 15
BROKEN_LINKS = [
    ('<a href="http://x／y">x</a>', "x"),  # full-width solidus: NFKC netloc check
    ('<a href="http://[<">x</a>', "x"),  # unclosed IPv6 bracket
    ('<a href="http://[x]/link.php">x</a>', "x"),  # bracketed host that is no IP address
    ('<a href="http://a：b/">x</a>', "x"),  # full-width colon in the host
    ('<a href="http://a:99999/">x</a>', "x"),  # port out of range
    ('<a href="http://a:８０/">x</a>', "x"),  # full-width digits are no port
    ('<a href="http://[::1]junk/">x</a>', "x"),  # text after an IP literal
    ("<A HREF=http://[", ""),  # unclosed tag and bracket
]
BROKEN_IMAGES = [
    '<img src="http://a：b/">',
    '<img src="http://[中">',
    '<img src="//[::1">',
    "<img srcset=http://[]>",  # (unclosed at the end of input, a tag is dropped as browsers do)
    '<img data-src="http://[x]/a.jpg">',
]
BROKEN_VIDEOS = [
    "<video><source src=http://[>",
    "<video><source src=http://[",
    '<video src="http://[::1]x/v.mp4"></video>',
]


@pytest.mark.parametrize("options", BACKENDS)
@pytest.mark.parametrize(("fragment", "text"), BROKEN_LINKS)
def test_unparseable_link_keeps_its_text(fragment: str, text: str, options: CleanOptions) -> None:
    html = clean_html(fragment, options=options)
    assert "href" not in html
    assert text in html
    article = parse(fragment, options=options)
    assert "href" not in article.html
    assert article.text == text


@pytest.mark.parametrize("options", BACKENDS)
@pytest.mark.parametrize("fragment", BROKEN_IMAGES)
def test_unparseable_image_is_dropped_with_a_warning(fragment: str, options: CleanOptions) -> None:
    assert "<img" not in clean_html(fragment, options=options)
    article = parse(fragment, options=options)
    assert article.images == ()
    assert any("no usable URL" in warning for warning in article.report.warnings)


@pytest.mark.parametrize("options", BACKENDS)
@pytest.mark.parametrize("fragment", BROKEN_VIDEOS)
def test_unparseable_video_source_is_no_video(fragment: str, options: CleanOptions) -> None:
    assert "<video" not in clean_html(fragment, options=options)
    article = parse(fragment, options=options)
    assert article.videos == ()
    assert article.report.warnings


@pytest.mark.parametrize("options", BACKENDS)
def test_unparseable_cover_is_left_empty(options: CleanOptions) -> None:
    article = parse("---\ntitle: t\nheadimg: 'http://[中'\n---\n<p>hi</p>", options=options)
    assert article.cover is None
    assert any("cover" in warning for warning in article.report.warnings)


@pytest.mark.parametrize("options", BACKENDS)
def test_unparseable_base_url_resolves_nothing(options: CleanOptions) -> None:
    html = clean_html('<a href="/x">x</a>', options=options, base_url="http://[")
    assert "x" in html


@pytest.mark.parametrize(
    "url",
    ["http://[", "http://[x]/", "http://a：b/", "http://a:x/", "http://[::1]x", "http://x／y"],
)
def test_split_url_refuses_what_urllib_cannot_parse(url: str) -> None:
    assert split_url(url) is None
    assert clean_url(url, proxies=()) is None
    assert url_host(url) is None


def test_split_url_results_are_safe_to_read() -> None:
    parts = split_url("http://u:p@[::1]:8080/x")
    assert parts is not None
    assert (parts.hostname, parts.port) == ("::1", 8080)


def test_redirector_with_unparseable_url_is_not_decoded() -> None:
    assert decode_zaker_redirect("http://[x]/zaker/link.php?b=aHR0cDovL2EuY29t") is None
    assert clean_url("http://[x]/zaker/link.php?b=aHR0cDovL2EuY29t", proxies=()) is None


def test_redirector_to_an_unparseable_target_is_no_link() -> None:
    # base64 of "http://["
    url = "https://iphone.myzaker.com/zaker/link.php?b=aHR0cDovL1s="
    assert clean_url(url, proxies=()) is None


@given(st.text(max_size=40))
def test_clean_url_never_raises_and_is_stable(tail: str) -> None:
    for prefix in ("http://", "https://[", "//", "http://a.com:", "mailto:", ""):
        cleaned = clean_url(prefix + tail, proxies=(), base_url="https://example.com/a/")
        if cleaned is not None:
            assert split_url(cleaned) is not None
            assert cleaned.isascii()
            assert clean_url(cleaned, proxies=(), base_url="https://example.com/a/") == cleaned


# -- hosts: UTS #46 / IDNA 2008 ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://straße.de/x", "http://xn--strae-oqa.de/x"),  # IDNA 2003 said strasse.de
        ("http://Straße.DE/x", "http://xn--strae-oqa.de/x"),  # mixed case
        ("http://WWW.Straße.de/", "http://www.xn--strae-oqa.de/"),
        ("http://straße。de/", "http://xn--strae-oqa.de/"),  # full-width (ideographic) dot
        ("http://ｅｘａｍｐｌｅ.中国/", "http://example.xn--fiqs8s/"),  # full-width letters
        ("http://xn--strae-oqa.de/x", "http://xn--strae-oqa.de/x"),  # already punycode
        ("http://Example.COM/x", "http://Example.COM/x"),  # ASCII hosts as written
        ("http://a_b.example.com/", "http://a_b.example.com/"),  # browsers accept "_"
        ("http://straße.de:8080/x", "http://xn--strae-oqa.de:8080/x"),  # port kept
        ("http://user:pw@straße.de/", "http://user:pw@xn--strae-oqa.de/"),  # user info kept
        ("http://straße.de./", "http://xn--strae-oqa.de./"),  # trailing root dot
        ("http://[::1]:8080/图", "http://[::1]:8080/%E5%9B%BE"),  # IPv6 literal
        ("http://127.0.0.1:80/图", "http://127.0.0.1:80/%E5%9B%BE"),  # IPv4
        (
            "http://中国.cn/路径?q=值#片段",
            "http://xn--fiqs8s.cn/%E8%B7%AF%E5%BE%84?q=%E5%80%BC#%E7%89%87%E6%AE%B5",
        ),
    ],
)
def test_hosts_are_converted_as_browsers_do(url: str, expected: str) -> None:
    assert clean_url(url, proxies=()) == expected


@pytest.mark.parametrize(
    "url",
    [
        "http://😀.com/",  # emoji: not valid in IDNA 2008
        "http://a..b中.com/",  # empty label
        "http://-a中.com/",  # leading hyphen
        "http://a_b中.com/",  # "_" beside non-ASCII: IDNA rejects the label
        "http://" + "中" * 70 + ".com/",  # label too long
        "http://١٢٣.com/",  # bidi rule
        "http://☃.net/",  # symbol
    ],
)
def test_hosts_idna_rejects_make_the_url_unusable(url: str) -> None:
    assert clean_url(url, proxies=()) is None


@pytest.mark.parametrize("options", BACKENDS)
def test_idna_host_in_html_and_images(options: CleanOptions) -> None:
    article = parse(
        '<p><a href="http://straße.de/">s</a></p><img src="https://bücher.example/a.jpg">',
        options=options,
    )
    assert 'href="http://xn--strae-oqa.de/"' in article.html
    assert [image.url for image in article.images] == ["https://xn--bcher-kva.example/a.jpg"]
    assert 'src="https://xn--bcher-kva.example/a.jpg"' in article.html


@pytest.mark.parametrize("options", BACKENDS)
def test_invalid_idna_link_keeps_its_text(options: CleanOptions) -> None:
    assert clean_html('<a href="http://😀.com/">smile</a>', options=options) == "<p>smile</p>"


@pytest.mark.parametrize(
    ("host", "expected"),
    [("straße.de", "xn--strae-oqa.de"), ("ß", "xn--zca"), ("ascii.example", "ascii.example")],
)
def test_ascii_host(host: str, expected: str) -> None:
    assert ascii_host(host) == expected


def test_ascii_host_refuses_invalid_names() -> None:
    assert ascii_host("😀") is None
    assert ascii_host("") == ""
