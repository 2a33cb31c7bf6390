"""Tests that fail on the seven planted bugs issue 18 found the suite blind to.

Each test names the bug it kills.  They assert behaviour through the public API where the
behaviour is visible there, and through the one function that owns it otherwise.
"""

from __future__ import annotations

import base64

import pytest

from zakerclean import CleanOptions, clean_html, parse
from zakerclean.engine.article import fingerprint
from zakerclean.urls import decode_zaker_redirect

BACKENDS = ("nh3", "bleach")


@pytest.mark.parametrize("sanitizer", BACKENDS)
@pytest.mark.parametrize(
    ("markup", "kept"),
    [
        ('<ol start="0"><li>一</li></ol>', False),  # zero is not a list start a user wrote
        ('<ol start="007"><li>一</li></ol>', False),  # leading zeros: not a plain integer
        ('<ol start="1234567"><li>一</li></ol>', False),  # more than six digits
        ('<ol start="3"><li>一</li></ol>', True),
        ('<ol start="999999"><li>一</li></ol>', True),
    ],
)
def test_integer_attributes_accept_positive_integers_only(
    markup: str, kept: bool, sanitizer: str
) -> None:
    """Bug: the integer pattern loosened to ``\\d{1,6}`` kept ``start="0"`` and ``"007"``."""
    html = clean_html(markup, options=CleanOptions(sanitizer=sanitizer))
    assert ("start=" in html) is kept


@pytest.mark.parametrize("value", ["0", "007", "01", "1234567", "2.5", "-1"])
def test_colspan_and_rowspan_must_be_positive_integers(value: str) -> None:
    html = clean_html(f'<table><tr><td colspan="{value}" rowspan="{value}">格</td></tr></table>')
    assert "colspan" not in html and "rowspan" not in html
    assert "格" in html


def test_a_figure_keeps_its_one_figcaption() -> None:
    """Bug: without the "already has a figcaption" check a figure got two figcaptions."""
    html = clean_html(
        '<figure><img src="https://img.example.com/a.jpg"><figcaption>说明一</figcaption></figure>'
        "▲ 说明二"
    )
    assert html.count("<figcaption>") == 1
    assert "<figcaption>说明一</figcaption>" in html
    assert "<p>▲ 说明二</p>" in html  # the second caption-like text stays, as a paragraph


def test_a_figure_without_figcaption_takes_the_caption() -> None:
    html = clean_html(
        '<div class="img_box"><div class="content_img_div">'
        '<img class="lazy" data-original="https://img.example.com/a.jpg"></div></div>▲ 说明二'
    )
    assert "<figcaption>▲ 说明二</figcaption>" in html


def _redirector(target: str, *, padded: bool) -> str:
    encoded = base64.b64encode(target.encode()).decode()
    if not padded:
        encoded = encoded.rstrip("=")
    return f"http://iphone.myzaker.com/zaker/link.php?pk=abc&b={encoded}&f=1"


@pytest.mark.parametrize("target", ["https://example.com/ab", "https://example.com/abc/d"])
@pytest.mark.parametrize("padded", [True, False])
def test_redirector_decodes_with_and_without_base64_padding(target: str, padded: bool) -> None:
    """Bug: without the ``=`` padding repair, unpadded redirects stayed undecoded."""
    assert base64.b64encode(target.encode()).decode().endswith("=")  # padding matters here
    assert decode_zaker_redirect(_redirector(target, padded=padded)) == target
    html = clean_html(f'<p><a href="{_redirector(target, padded=padded)}">链接</a></p>')
    assert f'href="{target}"' in html


def test_record_changes_is_the_sum_of_the_step_counts() -> None:
    """Bug: ``changes`` computed as the number of steps instead of the sum of their counts."""
    article = parse("<div><p></p><p> </p><p>正文</p><span></span></div>")
    steps = article.report.steps
    assert any(count > 1 for _, count in steps)  # else the two computations agree
    assert article.to_record()["changes"] == sum(count for _, count in steps)


def test_fingerprint_ignores_whitespace() -> None:
    """Bug: a fingerprint that kept whitespace told copies apart by their spacing only."""
    assert fingerprint("甲 乙\n\n丙\t丁") == fingerprint("甲乙丙丁")
    assert fingerprint("甲乙") != fingerprint("甲丙")
    # Through parse: code blocks keep their whitespace exactly, so the texts differ …
    one = parse("<p>代码如下</p><pre>a  =  1</pre>")
    two = parse("<p>代码如下</p><pre>a = 1</pre>")
    assert one.text != two.text
    # … and the fingerprints do not
    assert one.fingerprint == two.fingerprint


@pytest.mark.parametrize(
    "cover",
    [
        "https://picsum.photos/400/300?random=3",
        "https://fastly.picsum.photos/id/866/400/300.jpg?hmac=abc",
    ],
)
def test_placeholder_covers_are_dropped(cover: str) -> None:
    """Bug: ``fastly.picsum.photos`` missing from the placeholder hosts kept its cover."""
    post = (
        "\n---\ntitle: 一篇文章\ncategories:\n  - 新媒体\n  - ZAKER\n  - channel\n"
        f"headimg: {cover}\nauthor: 作者\ncomments: false\n"
        "date: Sat, 17 Apr 2021 17:10:46 GMT\n---\n<div><p>正文一段。</p></div>\n"
    )
    article = parse(post)
    assert article.cover is None
    assert any("placeholder" in warning for warning in article.report.warnings)


def test_a_real_cover_is_kept() -> None:
    post = (
        "\n---\ntitle: 一篇文章\nheadimg: https://img.example.com/cover.jpg\n"
        "date: Sat, 17 Apr 2021 17:10:46 GMT\n---\n<div><p>正文一段。</p></div>\n"
    )
    cover = parse(post).cover
    assert cover is not None and cover.url == "https://img.example.com/cover.jpg"
