"""Rule 1, other sites' furniture: each source's profile declares it, the rule removes it.

Synthetic fixtures in each site's shape (written for these tests), then every post of
``corpus/other``: free of its site's furniture, with nothing else lost.
"""

from __future__ import annotations

import re

import pytest

import zakerclean
from tests.checks import squeeze, visible_input_text
from tests.conftest import CORPUS, requires_corpus
from zakerclean import CleanOptions
from zakerclean.profiles import GENERIC, PROFILES, profile_for


def post(source: str, body: str) -> str:
    return (
        f"\n---\ntitle: '测试'\ncategories:\n  - 新媒体\n  - {source}\n  - 最新\n"
        "date: Sat, 17 Apr 2021 17:10:46 GMT\n---\n"
        f"<div>\n{body}\n</div>\n"
    )


MYDRIVERS_TAIL = (
    "<p>正文一段。</p>"
    '<p class="end"><img src="https://icons.mydrivers.com/news/end_article.png"></p>'
    '<div><p class="url"><span style="color:#666">责任编辑：某编辑</span>'
    '<a href="javascript:;" class="jiucuo" id="leftjiucuo">文章纠错</a></p></div>'
    '<p class="bqian">话题标签：<a href="https://news.example.com/tag/a.htm">芯片</a>'
    '<a href="https://news.example.com/tag/b.htm">显卡</a></p>'
)


def test_mydrivers_end_icon_and_report_link_go_credit_and_topics_stay() -> None:
    article = zakerclean.parse(post("快科技（原驱动之家）", MYDRIVERS_TAIL))
    assert article.images == ()
    assert "end_article" not in article.html
    assert "文章纠错" not in article.text
    assert article.text.split("\n\n") == ["正文一段。", "责任编辑：某编辑", "话题标签：芯片显卡"]
    assert '<a href="https://news.example.com/tag/a.htm">芯片</a>' in article.html
    assert dict(article.report.steps)["furniture"] == 2  # p.end (with its icon), a.jiucuo


def test_mydrivers_text_end_marker_and_a_report_link_without_its_class() -> None:
    body = (
        '<p>正文。</p><p class="end"> - THE END -</p><p>责任编辑：某人<a href="#">文章纠错</a></p>'
    )
    article = zakerclean.parse(post("快科技", body))
    assert article.text == "正文。\n\n责任编辑：某人"


def test_juejin_copy_button_leaves_the_code_exactly() -> None:
    body = (
        '<pre><code class="hljs language-js copyable">let a = 1;\n'
        '<span class="copy-code-btn">复制代码</span></code></pre><p>复制代码这几个字在正文里留着。</p>'
    )
    article = zakerclean.parse(post("掘金", body))
    assert '<pre><code class="language-js">let a = 1;\n</code></pre>' in article.html
    assert article.text.endswith("复制代码这几个字在正文里留着。")
    assert article.text.count("复制代码") == 1


def test_cnbeta_related_articles_block_goes() -> None:
    body = (
        "<p>正文。</p>"
        '<div class="article-relation"><p><strong>相关文章:</strong></p>'
        '<p><a href="https://www.example.com/articles/1.htm">另一篇文章</a></p></div>'
    )
    article = zakerclean.parse(post("cnBeta", body))
    assert article.text == "正文。"


@pytest.mark.parametrize("source", ["IT 之家", "36kr", "开源中国", "ZAKER", "某个新网站"])
def test_other_profiles_keep_what_another_site_calls_furniture(source: str) -> None:
    body = (
        '<p>正文。</p><pre><code>x\n<span class="copy-code-btn">复制代码</span></code></pre>'
        '<p class="end">完</p><div class="article-relation"><p>相关</p></div>'
        '<p>作者<a href="#">文章纠错</a></p>'
    )
    article = zakerclean.parse(post(source, body))
    assert "复制代码" in article.text and "文章纠错" in article.text and "相关" in article.text
    assert "furniture" not in dict(article.report.steps)


def test_fragments_have_no_source_and_keep_everything() -> None:
    html = '<p>正文<span class="copy-code-btn">复制代码</span></p>'
    assert "复制代码" in zakerclean.clean_html(html)


def test_boilerplate_switch_keeps_furniture_too() -> None:
    article = zakerclean.parse(
        post("快科技", MYDRIVERS_TAIL), options=CleanOptions(boilerplate=False)
    )
    assert "文章纠错" in article.text
    assert [image.url for image in article.images] == [
        "https://icons.mydrivers.com/news/end_article.png"
    ]


def test_furniture_inside_furniture_is_removed_once() -> None:
    body = '<p>正文。</p><p class="end"><a class="jiucuo">文章纠错</a><span>文章纠错</span></p>'
    article = zakerclean.parse(post("快科技", body))
    assert article.text == "正文。"
    assert dict(article.report.steps)["furniture"] == 1


def test_many_buttons_stay_linear() -> None:
    body = (
        "<pre><code>" + '<span class="copy-code-btn">复制代码</span>x\n' * 20_000 + "</code></pre>"
    )
    article = zakerclean.parse(post("掘金", body))
    assert "复制代码" not in article.text and article.text.count("x") == 20_000


def test_every_profile_declares_furniture_as_frozen_data() -> None:
    for profile in (*PROFILES, GENERIC):
        assert isinstance(profile.furniture_classes, frozenset)
        assert isinstance(profile.furniture_texts, frozenset)
        assert isinstance(profile.furniture_images, tuple)
    assert profile_for("掘金").furniture_classes == {"copy-code-btn"}


# The real posts ------------------------------------------------------------------------------

OTHER = sorted((CORPUS / "other").glob("*.md")) if CORPUS.is_dir() else []


@requires_corpus
def test_juejin_copy_buttons_are_gone_from_the_corpus() -> None:
    removed = []
    for path in OTHER:
        raw = path.read_text(encoding="utf-8")
        article = zakerclean.parse_file(path)
        if article.source != "掘金":
            continue
        assert "复制代码" not in article.text
        assert "复制代码" not in article.html
        removed.append(dict(article.report.steps).get("furniture", 0))
        assert removed[-1] == raw.count('class="copy-code-btn"')
    assert (len(removed), sum(removed)) == (3, 17)


@requires_corpus
def test_mydrivers_corpus_posts_lose_only_their_furniture() -> None:
    seen = 0
    for path in OTHER:
        article = zakerclean.parse_file(path)
        if profile_for(article.source).name != "快科技":
            continue
        seen += 1
        assert not any("end_article" in image.url for image in article.images)
        assert "文章纠错" not in article.text and "THE END" not in article.text
        paragraphs = article.text.split("\n\n")
        # the credit ends its paragraph: nothing glued after it
        assert any(re.search(r"责任编辑：\S+$", p) for p in paragraphs)
        assert any(p.startswith(("话题标签：", "#")) for p in paragraphs)
    assert seen == 3


@requires_corpus
@pytest.mark.parametrize("path", OTHER, ids=[p.name for p in OTHER])
def test_corpus_posts_lose_nothing_but_furniture(path) -> None:  # type: ignore[no-untyped-def]
    raw = path.read_text(encoding="utf-8")
    body = raw.split("\n---\n", 2)[-1]
    article = zakerclean.parse_file(path)
    kept = squeeze(visible_input_text(body, article.source))
    everything = squeeze(visible_input_text(body))
    # what the profile removed is exactly the furniture text, nothing else
    removed = len(everything) - len(kept)
    furniture = {"复制代码": "掘金", "文章纠错": "快科技", "-THEEND-": "快科技"}
    expected = sum(
        everything.count(text) * len(text)
        for text, site in furniture.items()
        if profile_for(article.source).name == site
    )
    if profile_for(article.source).name == "cnBeta" and "article-relation" in body:
        expected = removed  # the 相关文章 block: checked by its own test
        assert "相关文章" not in article.text
    assert removed == expected
