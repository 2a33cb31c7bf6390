"""The ``<p><img><br>caption</p>`` shape of the captions pass (``rules/structure/captions.py``),
case by case on the helpers themselves (tests/test_captions.py goes through ``clean_html``)."""

from __future__ import annotations

import pytest
from lxml import etree

from zakerclean.dom import parse_fragment
from zakerclean.rules.structure import captions


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
