"""Depth limiting (``zakerclean.rules.depth``): bodies nested deeper than the rules' limit clean as the
same bodies without the nesting, never with paragraphs glued together (SPEC §6)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

import zakerclean
from zakerclean import CleanOptions, clean_html
from zakerclean.dom import parse_fragment
from zakerclean.rules.depth import MAX_DEPTH

from .checks import clean_problems

ZAKER_VIDEO = quote(
    json.dumps(
        {"videoUrl": "http://zkres.myzaker.com/v.mp4", "imgUrl": "http://zkres.myzaker.com/p.jpg"}
    )
)

#: Bodies in the shapes real posts have, each checked at every depth below.
BODIES = {
    "blocks and a video between them": (
        '<p>段落</p><iframe src="https://v.qq.com/x.html"></iframe>后面的正文'
    ),
    "bare text": "第一段文字<div>第二段文字</div>第三段文字",
    "inline runs": "开头<b>粗体</b>中间<i>斜体</i><a href='http://a.example/'>链接</a>结尾<br>下一行",
    "paragraphs": "<p>一</p><p>二</p><h1>标题</h1><p>三</p><ul><li>项</li></ul>",
    "images": (
        '<div class="img_box"><img data-original="http://zkres.myzaker.com/a.jpg" '
        'data-width="600" data-height="400"></div>▲ 图为现场<p>正文</p>'
        '<img src="http://h.example/b.png"><p>后文</p>'
    ),
    "videos": (
        f'<p>前文</p><div class="zk_upvideo" data-zkinfo="{ZAKER_VIDEO}"></div><p>中文</p>'
        '<video><source src="http://h.example/c.mp4"></video><p>后文</p>'
    ),
    "table": "<p>表前</p><table><tr><td>格一</td><td>格二</td></tr></table><p>表后</p>",
    "boilerplate": "<p>正文</p><script>var x=1</script><div class='edi_oper'>分享</div>",
}
DEPTHS = [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 70, 500, 2000]
#: Wrappers the chain is made of: plain layout and inline wrappers.
WRAPPERS = ["div", "section", "span"]


def _nested(body: str, tag: str, depth: int) -> str:
    return f"<{tag}>" * depth + body + f"</{tag.split()[0]}>" * depth


def _same_article(nested: zakerclean.Article, flat: zakerclean.Article) -> None:
    assert nested.text == flat.text
    assert nested.html == flat.html
    assert nested.images == flat.images
    assert nested.videos == flat.videos


def test_the_issue_example_gives_three_paragraphs() -> None:
    body = '<p>段落</p><iframe src="https://v.qq.com/x.html"></iframe>后面的正文'
    nested = zakerclean.parse("<div>" * 70 + body + "</div>" * 70)
    assert nested.text == "段落\n\n视频：腾讯视频\n\n后面的正文"
    assert nested.text == zakerclean.parse(body).text
    assert any("nested deeper than" in warning for warning in nested.report.warnings)


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("tag", WRAPPERS)
@pytest.mark.parametrize("shape", sorted(BODIES))
def test_wrapper_chains_clean_as_without_them(shape: str, tag: str, depth: int) -> None:
    body = BODIES[shape]
    _same_article(zakerclean.parse(_nested(body, tag, depth)), zakerclean.parse(body))


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("shape", sorted(BODIES))
def test_deep_wrappers_with_attributes_keep_paragraphs_text_and_media(
    shape: str, depth: int
) -> None:
    # wrappers that rules might read (a class) are not dropped as redundant: their deep
    # content is lifted instead, which keeps every block boundary, text and medium
    body = BODIES[shape]
    nested = zakerclean.parse(_nested(body, 'div class="wrapper"', depth))
    flat = zakerclean.parse(body)
    assert nested.text.split("\n\n") == flat.text.split("\n\n")
    assert nested.images == flat.images
    assert nested.videos == flat.videos
    assert clean_problems(nested.html) == []
    assert clean_html(nested.html) == nested.html


@pytest.mark.parametrize("sanitizer", ["nh3", "bleach"])
@pytest.mark.parametrize("depth", [70, 2000])
def test_deep_bodies_are_idempotent(depth: int, sanitizer: str) -> None:
    options = CleanOptions(sanitizer=sanitizer)
    for body in BODIES.values():
        for tag in ("div", 'div class="wrapper"', "strong"):
            once = clean_html(_nested(body, tag, depth), options=options)
            assert clean_html(once, options=options) == once


def test_staircase_of_paragraphs_keeps_every_paragraph() -> None:
    # not a chain: every level has its own paragraph, so nothing is redundant and all is lifted
    levels = 300
    html = "".join(f'<div class="l{i}"><p>第{i}段</p>' for i in range(levels)) + "</div>" * levels
    article = zakerclean.parse(html)
    assert article.text.split("\n\n") == [f"第{i}段" for i in range(levels)]


def test_depth_is_bounded_before_the_rules_run() -> None:
    html = _nested(
        '<div class="zaker"><p>一</p><span>二<b>三</b></span></div>', 'div class="x"', 500
    )
    article = zakerclean.parse(html)
    assert article.text == "一\n\n二三"
    assert article.report.count("depth") > 0
    root = parse_fragment(article.html)
    assert not root.xpath("*/" * MAX_DEPTH + "*")


def test_shallow_trees_are_left_alone() -> None:
    article = zakerclean.parse(_nested("<p>一</p>", "div", MAX_DEPTH - 1))
    assert article.report.count("depth") == 0
    assert article.report.warnings == ()
