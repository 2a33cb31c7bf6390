"""``to_markdown()`` renders (CommonMark + GFM tables, markdown-it-py) to the content of ``html``
(SPEC §11): on every real post, and on one small fixture per known trap."""

from __future__ import annotations

import html as html_lib
from pathlib import Path

import pytest

import zakerclean
from zakerclean.writers.markdown import html_to_markdown

from .conftest import corpus_posts, post_ids, requires_corpus
from .markdown_checks import differences, render

POSTS = corpus_posts()


@requires_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("path", POSTS, ids=post_ids(POSTS))
def test_corpus_markdown_renders_like_html(path: Path) -> None:
    article = zakerclean.parse_file(path)
    title = f"<h1>{html_lib.escape(article.title)}</h1>" if article.title else ""
    assert differences(article.to_markdown(), title + article.html) == {}


def faithful(fragment: str) -> str:
    """Clean ``fragment``, render it to Markdown, check the round trip; the Markdown."""
    cleaned = zakerclean.clean_html(fragment)
    markdown = html_to_markdown(cleaned)
    assert differences(markdown, cleaned) == {}, markdown
    return markdown


@pytest.mark.parametrize(
    "fragment",
    [
        "<p><strong>好消息。</strong>接着</p>",
        "<p>他说<strong>“引语”</strong>然后</p>",
        "<p>书名<em>《书名》</em>之后</p>",
        "<p>注<strong>（注）</strong>完</p>",
        "<p><em>甲</em><em>乙</em></p>",
        "<p><strong>粗<em>斜</em></strong>尾</p>",
        "<p>前<strong> 空格</strong>后</p>",
    ],
)
def test_emphasis_beside_cjk_punctuation(fragment: str) -> None:
    faithful(fragment)  # a literal star would be visible text the HTML does not have


def test_plain_emphasis_stays_markdown() -> None:
    assert faithful("<p><b>粗</b>和<i>斜</i></p>") == "**粗**和*斜*\n"
    assert faithful("<p><strong>好消息。</strong>接着</p>") == "<strong>好消息。</strong>接着\n"


def test_image_inside_link_is_kept() -> None:
    markdown = faithful(
        '<figure><a href="https://a.example/big.jpg"><img src="https://a.example/s.jpg"></a></figure>'
    )
    assert markdown == "[![](https://a.example/s.jpg)](https://a.example/big.jpg)\n"


@pytest.mark.parametrize(
    ("fragment", "shown"),
    [
        ("<p>1. 并非列表</p>", "<p>1. 并非列表</p>"),
        ("<p>2) 第二</p>", "<p>2) 第二</p>"),
        ("<p>- 破折</p>", "<p>- 破折</p>"),
        ("<p>a &lt;b&gt; &amp;copy; c</p>", "<p>a &lt;b&gt; &amp;copy; c</p>"),
        ("<p>上一行<br>=== 下</p>", "<p>上一行<br />\n=== 下</p>"),
    ],
)
def test_text_that_looks_like_markup_stays_text(fragment: str, shown: str) -> None:
    assert render(faithful(fragment)).strip() == shown


def test_link_destination_with_parentheses_and_spaces() -> None:
    faithful('<p><a href="https://a.example/x_(1) y.html">维基</a></p>')


def test_table_cell_with_line_break_and_paragraphs() -> None:
    markdown = faithful(
        "<table><tr><th>甲</th><th>乙</th></tr>"
        "<tr><td>上<br>下</td><td><p>第一段</p><p>第二段</p></td></tr></table>"
    )
    assert markdown.count("\n") == 3  # header, rule, one row
    assert "上<br>下" in markdown and "第一段<br><br>第二段" in markdown


def test_table_caption_is_kept() -> None:
    faithful("<table><caption>表一</caption><tr><td>甲</td></tr></table>")


def test_code_block_with_links_stays_html() -> None:
    markdown = faithful('<pre>见 <a href="https://a.example/">这里</a>\n  缩进</pre>')
    assert markdown.startswith("<pre>")


def test_list_item_text_after_a_nested_list_is_kept() -> None:
    faithful("<ul><li>前<strong>粗</strong><ul><li>内</li></ul>后面的字</li></ul>")


def test_quote_with_inline_content() -> None:
    faithful("<blockquote><p>一</p><p>二 <em>斜</em></p></blockquote>")


def test_heading_with_line_break_and_trailing_hash() -> None:
    faithful("<h2>上<br>下 #</h2>")


def test_code_block_keeps_language_and_whitespace() -> None:
    fragment = '<pre><code class="hljs language-python">def f():\n\treturn  1\n\n</code></pre>'
    cleaned = zakerclean.clean_html(fragment)
    assert cleaned == '<pre><code class="language-python">def f():\n\treturn  1\n\n</code></pre>'
    markdown = faithful(fragment)
    assert markdown == "```python\ndef f():\n\treturn  1\n\n```\n"


def test_code_span_keeps_its_spaces() -> None:
    assert zakerclean.clean_html("<p>a <code>x  y</code> b</p>") == "<p>a <code>x  y</code> b</p>"
    assert faithful("<p>a <code>x  y</code> b</p>") == "a `x  y` b\n"
    assert faithful("<p>a <code>`tick`</code></p>") == "a `` `tick` ``\n"
    assert faithful("<p>a <code> x </code> b</p>") == "a `  x  ` b\n"


def test_only_a_language_class_is_kept() -> None:
    cleaned = zakerclean.clean_html('<p class="language-py"><code class="x">a</code></p>')
    assert cleaned == "<p><code>a</code></p>"
