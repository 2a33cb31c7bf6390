"""Markdown rendering of cleaned HTML (``Article.to_markdown``), block by block."""

from __future__ import annotations

import pytest

import zakerclean
from zakerclean.writers.markdown import html_to_markdown


def markdown(fragment: str) -> str:
    """Clean first (the renderer only ever sees cleaned HTML), then render."""
    return html_to_markdown(zakerclean.clean_html(fragment))


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<h2>小标题</h2>", "## 小标题\n"),
        ("<h1>大标题</h1>", "## 大标题\n"),  # h1 becomes h2 when cleaned
        ("<h4>四级</h4>", "#### 四级\n"),
        ("<p>第一段</p><p>第二段</p>", "第一段\n\n第二段\n"),
        ("<p><b>粗</b>和<i>斜</i></p>", "**粗**和*斜*\n"),
        ("<p><code>x = 1</code> 代码</p>", "`x = 1` 代码\n"),
        ('<p><a href="http://example.com/a">链接</a></p>', "[链接](http://example.com/a)\n"),
        ("<p>上一行<br>下一行</p>", "上一行  \n下一行\n"),
        ("<p>*星号* [括号] _下划线_</p>", "\\*星号\\* \\[括号\\] \\_下划线\\_\n"),
        ("<p># 不是标题</p>", "\\# 不是标题\n"),
        ("<p>1. 不是列表</p>", "1\\. 不是列表\n"),
        ("<ul><li>甲</li><li>乙</li></ul>", "- 甲\n- 乙\n"),
        ('<ol start="3"><li>丙</li><li>丁</li></ol>', "3. 丙\n4. 丁\n"),
        ("<blockquote><p>引用一</p><p>引用二</p></blockquote>", "> 引用一\n>\n> 引用二\n"),
        ("<pre>def f():\n    return 1\n</pre>", "```\ndef f():\n    return 1\n```\n"),
        ("<pre>a ``` b</pre>", "````\na ``` b\n````\n"),
        (
            "<table><tr><th>名</th><th>值</th></tr><tr><td>甲</td><td>1|2</td></tr></table>",
            "| 名 | 值 |\n| --- | --- |\n| 甲 | 1\\|2 |\n",
        ),
        (
            "<table><tr><td>只有一格</td></tr><tr><td>甲</td><td>乙</td></tr></table>",
            "| 只有一格 |   |\n| --- | --- |\n| 甲 | 乙 |\n",
        ),
    ],
)
def test_blocks(fragment: str, expected: str) -> None:
    assert markdown(fragment) == expected


def test_figure_with_caption() -> None:
    fragment = '<div class="img_box"><img data-original="http://h.example/a.jpg"></div>▲ 图为示意'
    assert markdown(fragment) == "![](http://h.example/a.jpg)\n\n*▲ 图为示意*\n"


def test_image_alt_is_escaped() -> None:
    assert markdown('<img src="http://h.example/a.jpg" alt="a_b">') == (
        "![a\\_b](http://h.example/a.jpg)\n"
    )


def test_video_becomes_a_link() -> None:
    result = markdown(
        '<video src="http://v.example/a.mp4" poster="http://v.example/p.jpg"></video>'
    )
    assert result == "[视频](http://v.example/a.mp4)\n"


def test_list_item_with_blocks_is_indented() -> None:
    result = markdown("<ol><li>项目<p>第一段</p><p>第二段</p></li></ol>")
    assert result.startswith("1. 项目")
    assert "\n   第一段" in result and "\n   第二段" in result


def test_empty_table_renders_nothing() -> None:
    assert html_to_markdown("<table></table>") == "\n"


def test_article_heading_and_untitled() -> None:
    titled = zakerclean.parse("---\ntitle: 标题_一\n---\n<p>正文</p>")
    assert titled.to_markdown() == "# 标题\\_一\n\n正文\n"
    untitled = zakerclean.parse("<p>只有正文</p>")
    assert untitled.to_markdown() == "只有正文\n"
