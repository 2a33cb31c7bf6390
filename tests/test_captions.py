"""Rule 5, captions: a bare ``▲`` with its caption in the next paragraph, and credits without
brackets (``… 摄``, ``图丨…``, ``图 | …``) become the figure's ``<figcaption>``; running text never
does.  Fixtures are written for these tests in the shape of ZAKER's markup."""

from __future__ import annotations

import pytest
from lxml import etree

import zakerclean
from tests.checks import squeeze
from tests.conftest import CORPUS, requires_corpus
from zakerclean import CleanOptions, clean_html
from zakerclean.dom import parse_fragment
from zakerclean.rules.structure import captions

IMG = '<div class="img_box"><img data-original="http://zkres.myzaker.com/a.jpg"></div>'
FIGURE = '<figure><img src="http://zkres.myzaker.com/a.jpg" referrerpolicy="no-referrer">'


def test_bare_marker_and_the_next_short_paragraph_are_one_caption() -> None:
    html = f"<p>前文。</p>{IMG}▲<p></p><p>左边是甲，右边是乙</p><p>正文继续。</p>"
    assert clean_html(html) == (
        f"<p>前文。</p>\n{FIGURE}<figcaption>▲ 左边是甲，右边是乙</figcaption></figure>\n"
        "<p>正文继续。</p>"
    )


def test_marker_caption_keeps_its_inline_markup_and_is_idempotent() -> None:
    html = f'{IMG}▲<p>图片来自<a href="https://example.com/">某网站</a></p>'
    once = clean_html(html)
    assert once == (
        f'{FIGURE}<figcaption>▲ 图片来自<a href="https://example.com/">某网站</a></figcaption>'
        "</figure>"
    )
    assert clean_html(once) == once
    article = zakerclean.parse(html)
    assert zakerclean.parse(article.to_hexo()).html == article.html


@pytest.mark.parametrize(
    "after",
    [
        "<p>" + "很长的正文" * 13 + "</p>",  # over 60 characters: a paragraph
        f"<p>{IMG}</p>",  # media: not a caption
        "<ul><li>列表</li></ul>",
    ],
)
def test_marker_followed_by_no_caption_paragraph_stays_as_it_was(after: str) -> None:
    html = f"{IMG}▲<p></p>{after}"
    assert "<figcaption>▲</figcaption>" not in clean_html(html)
    assert squeeze(zakerclean.parse(html).text).startswith("▲")


def test_marker_caption_off_with_the_captions_switch() -> None:
    html = f"{IMG}▲<p></p><p>图片说明</p>"
    assert "figcaption" not in clean_html(html, options=CleanOptions(captions=False))


@pytest.mark.parametrize(
    "caption",
    [
        "苗绣产品。 某某某 摄",
        "这是 4 月 8 日拍摄的新区。新华社记者 某某 摄",
        "图丨台媒",
        "图 | 网络",
        "图｜视觉中国",
        "（某某 摄）",
    ],
)
def test_credits_with_or_without_brackets_are_captions(caption: str) -> None:
    assert clean_html(f"{IMG}{caption}<p>正文。</p>") == (
        f"{FIGURE}<figcaption>{caption}</figcaption></figure>\n<p>正文。</p>"
    )


@pytest.mark.parametrize(
    "text",
    [
        "我们在现场拍摄",  # 拍摄 is a verb, not a credit
        "他用手机摄",
        "图书馆里很安静",
        "这张图很好看",
        "某某 摄" + "，" + "正文" * 30,  # too long
    ],
)
def test_running_text_is_not_a_caption(text: str) -> None:
    assert "figcaption" not in clean_html(f"{IMG}{text}")


def test_an_author_paragraph_after_an_image_is_never_a_caption() -> None:
    assert "figcaption" not in clean_html(f"{IMG}<p>某某 摄</p>")


@requires_corpus
def test_corpus_marker_captions_are_joined() -> None:
    """9 bare markers in 2 ZAKER posts: each one caption with its text, none left alone."""
    joined = 0
    for path in sorted((CORPUS / "zaker").glob("*.md")):
        raw = path.read_text(encoding="utf-8")
        if "▲<p></p>" not in raw:
            continue
        html = zakerclean.parse_file(path).html
        assert "<figcaption>▲</figcaption>" not in html
        joined += html.count("<figcaption>▲ ")
    assert joined == 9


LINKED = '<a href="https://img.example.com/big.jpg"><img src="https://img.example.com/a.jpg"></a>'


@pytest.mark.parametrize(
    ("picture", "caption"),
    [
        (LINKED, "图1 新款手机的外观"),
        (LINKED, "图 2：工厂的流水线"),
        ('<img src="https://img.example.com/a.jpg">', "（某某 摄）"),
        ('<img src="https://img.example.com/a.jpg">', "图丨某网站"),
    ],
)
def test_picture_br_caption_paragraph_becomes_a_figure(picture: str, caption: str) -> None:
    html = f"<p>{picture}<br>{caption}</p><p>正文。</p>"
    once = clean_html(html)
    assert once.startswith("<figure>")
    assert f"<figcaption>{caption}</figcaption></figure>\n<p>正文。</p>" in once
    assert "<br>" not in once
    assert clean_html(once) == once
    article = zakerclean.parse(html)
    assert caption in article.text
    assert [image.url for image in article.images] == ["https://img.example.com/a.jpg"]


@pytest.mark.parametrize(
    "after",
    [
        "图1所示的是一台手机",  # no space or colon after the number: running text
        "这是正文，不是图注。",
        "图1 " + "很长的说明" * 13,  # over 60 characters
    ],
)
def test_picture_br_text_that_is_no_caption_stays_a_paragraph(after: str) -> None:
    html = f'<p><img src="https://img.example.com/a.jpg"><br>{after}</p>'
    assert "figcaption" not in clean_html(html)
    assert after in clean_html(html)


def test_picture_br_caption_needs_the_picture_alone_and_the_switch() -> None:
    two = '<p><img src="https://img.example.com/a.jpg">文字<br>图1 说明</p>'
    assert "figcaption" not in clean_html(two)
    html = '<p><img src="https://img.example.com/a.jpg"><br>图1 说明</p>'
    assert "figcaption" not in clean_html(html, options=CleanOptions(captions=False))


# -- the picture-break-caption helpers, on their own -------------------------------------------------


def html(element: etree._Element) -> str:
    return etree.tostring(element, encoding="unicode", method="html")


@pytest.mark.parametrize(
    ("markup", "figure"),
    [
        ("<p><img src=x><br>图1 说明</p>", '<figure><img src="x"><figcaption>图1 说明</figcaption></figure>'),
        # the paragraph's attributes go, the caption is stripped, a linked picture stays linked
        (
            "<p class=k id=i><a href=h><img src=x></a><br> 图 2：说明 </p>",
            '<figure><a href="h"><img src="x"></a><figcaption>图 2：说明</figcaption></figure>',
        ),
        ("<p> <img src=x><br>图1 说明</p>", '<figure> <img src="x"><figcaption>图1 说明</figcaption></figure>'),
    ],
)  # fmt: skip
def test_a_picture_a_break_and_a_caption_become_a_figure(markup: str, figure: str) -> None:
    paragraph = parse_fragment(markup)[0]
    assert captions._picture_br_caption(paragraph)
    captions._figure_from_paragraph(paragraph)
    assert html(paragraph) == figure


@pytest.mark.parametrize(
    "markup",
    [
        "<p>t<img src=x><br>图1 说明</p>",  # text before the picture
        "<p><img src=x>t<br>图1 说明</p>",  # text between picture and break
        "<p><a href=h>t<img src=x></a><br>图1 说明</p>",  # the link holds text too
        "<p><a href=h><img src=x>t</a><br>图1 说明</p>",
        "<p><a href=h><img src=x><img src=y></a><br>图1 说明</p>",  # two pictures
        "<p><span><img src=x></span><br>图1 说明</p>",  # a picture in something else
        "<p><a href=h></a><br>图1</p>",  # a link without a picture
        "<p><img src=x><br>普通文字</p>",  # not caption-like
        "<p><img src=x><b>x</b>图1 说明</p>",  # no break
        "<p><img src=x><br>图1 说明<b>x</b></p>",  # more after the caption
        "<p><img src=x></p>",
    ],
)
def test_other_paragraphs_stay(markup: str) -> None:
    assert not captions._picture_br_caption(parse_fragment(markup)[0])


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("图1 说明", True),
        ("图12：说明", True),
        ("图 3.说明", True),
        ("图4、说明", True),
        ("图5", True),
        ("图123 说明", False),  # three digits: a number in running text
        ("图5说明", False),
        ("某某 摄", True),
        ("拍摄", False),
        ("", False),
        ("▲" + "长" * 59, True),
        ("▲" + "长" * 60, False),  # longer than a caption
    ],
)
def test_looks_like_caption(text: str, caption: bool) -> None:
    assert captions.looks_like_caption(text) is caption
