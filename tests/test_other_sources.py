"""Posts from other sites in the same Hexo shape (cnBeta, IT之家, 快科技, 36kr, 掘金, 开源中国).

Each site marks up images, links and styling its own way; fixtures here are written for these
tests in those shapes.  The corpus test checks the real posts under ../shared/corpus/other.
"""

from __future__ import annotations

import pytest

import zakerclean
from tests.checks import (
    clean_problems,
    output_text_without_additions,
    squeeze,
    visible_input_text,
)
from tests.conftest import CORPUS, requires_corpus


def post(source: str, body: str) -> str:
    return (
        f"\n---\ntitle: '测试文章'\ncategories:\n  - 新媒体\n  - {source}\n  - 最新\n"
        "author: 编辑\ncomments: false\ndate: Sat, 17 Apr 2021 17:10:46 GMT\n---\n"
        f"<div>\n{body}\n</div>\n"
    )


def test_36kr_size_pair() -> None:
    article = zakerclean.parse(
        post(
            "36kr",
            '<p class="image-wrapper"><img data-img-size-val="1080,465" '
            'src="https://img.example.com/a.png" referrerpolicy="no-referrer"></p><p>正文。</p>',
        )
    )
    assert article.source == "36kr"
    (image,) = article.images
    assert (image.url, image.width, image.height) == ("https://img.example.com/a.png", 1080, 465)
    assert article.html.startswith(
        '<figure><img src="https://img.example.com/a.png" width="1080" height="465" referrerpolicy="no-referrer"></figure>'
    )


def test_mydrivers_bare_w_and_h_and_inline_style() -> None:
    article = zakerclean.parse(
        post(
            "快科技（原驱动之家）",
            '<p style="text-align: center"><img alt="说明文字" h="293" src="https://img.example.com/b.jpg" '
            'style="border: black 1px solid" w="600"></p>'
            '<p><span style="color:#ff0000;">红色文字</span>照常保留。</p>',
        )
    )
    (image,) = article.images
    assert (image.width, image.height, image.alt) == (600, 293, "说明文字")
    assert "style" not in article.html
    assert article.text == "红色文字照常保留。"


def test_explicit_size_wins_over_pair_and_bad_values_are_ignored() -> None:
    html = zakerclean.clean_html(
        '<img src="http://h.example/a.jpg" width="300" data-img-size-val="1080,465">'
        '<img src="http://h.example/b.jpg" w="0" h="abc" data-img-size-val="12,x">'
    )
    assert (
        '<img src="http://h.example/a.jpg" width="300" height="465" referrerpolicy="no-referrer">'
        in html
    )
    assert '<img src="http://h.example/b.jpg" referrerpolicy="no-referrer">' in html


def test_cnbeta_thumbnail_src_and_full_data_original() -> None:
    article = zakerclean.parse(
        post(
            "cnBeta",
            '<p><img data-original="https://static.example.com/article/full.png" '
            'src="https://static.example.com/thumb/article/full.png"></p><p>正文。</p>',
        )
    )
    assert [image.url for image in article.images] == [
        "https://static.example.com/article/full.png"
    ]


def test_links_lose_target_and_rel_but_keep_href_and_text() -> None:
    html = zakerclean.clean_html(
        '<p>见<a class="s_tag" href="https://example.com/x" target="_blank" '
        'rel="nofollow noopener noreferrer" data-link="1">这里</a>。</p>'
    )
    assert html == '<p>见<a href="https://example.com/x">这里</a>。</p>'


OTHER = sorted((CORPUS / "other").glob("*.md")) if CORPUS.is_dir() else []


@requires_corpus
@pytest.mark.parametrize("path", OTHER, ids=[p.name for p in OTHER])
def test_other_corpus_posts(path) -> None:  # type: ignore[no-untyped-def]
    article = zakerclean.parse_file(path)
    raw = path.read_text(encoding="utf-8")
    body = raw.split("\n---\n", 2)[-1] if raw.lstrip().startswith("---") else raw
    assert article.source and article.source != "ZAKER"
    assert clean_problems(article.html) == []
    assert "style=" not in article.html
    # the only referrer policy is the fixed one rule 7 writes (never an input's own value)
    assert article.html.count("referrerpolicy=") == article.html.count(
        'referrerpolicy="no-referrer"'
    )
    assert zakerclean.clean_html(article.html) == article.html
    # every image the source sized keeps its size
    sized = body.count(" w=") + body.count("data-img-size-val=") + body.count("data-width=")
    if sized:
        assert any(image.width for image in article.images)
    # no text lost, none added (video link labels aside)
    visible = visible_input_text(body, article.source)
    assert squeeze(output_text_without_additions(article.text)) == squeeze(visible)


@requires_corpus
def test_other_corpus_has_every_site() -> None:
    sources = {zakerclean.parse_file(path).source for path in OTHER}
    assert {"cnBeta", "36kr", "掘金", "开源中国", "快科技（原驱动之家）"} <= sources
    assert any(source and "之家" in source for source in sources)
