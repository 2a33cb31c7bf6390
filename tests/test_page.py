"""Full myzaker.com article pages (SPEC §2), and bytes in the encodings pages come in."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

import zakerclean
from tests.checks import clean_problems, squeeze, visible_input_text
from zakerclean import DecodeError, PageStructureError, ZakerCleanError
from zakerclean.readers.page import is_page, read_page

NOW = datetime(2021, 4, 18, 12, 0, tzinfo=timezone.utc)

BODY = """
    <p>第一段：记者走访了三家工厂。</p>
    <div class="img_box" id="id_imagebox_0"><div class="content_img_div perview_img_div"><img class="lazy opacity_0 " data-original="http://zkres.myzaker.com/202104/demo_1024.jpg" src="https://cors.zfour.workers.dev/?http://zkres.myzaker.com/202104/demo_1024.jpg" data-width="800" data-height="600"></div></div>
    ▲ 工厂车间（记者 摄）
    <p></p>
    <div class="zaker_div"><p>第二段，有 " 引号 " 的文字。</p></div>
    <div id="recommend_bottom"></div><div id="article_bottom"></div>
"""


def page(
    *,
    body: str | None = BODY,
    h1: str | None = "工厂里的新机器",
    author: str | None = "测试日报",
    time: str | None = "2021-04-17 17:10",
    labels: tuple[str, ...] = ("科技", "制造"),
    canonical: str | None = "https://www.myzaker.com/article/0123456789abcdef01234567",
    og: str = '<meta property="og:title" content="开放图谱标题">',
    charset: str = "utf-8",
) -> str:
    """A myzaker.com article page in the real shape, written for these tests."""
    head = [f'<meta charset="{charset}">', "<title>网页标题_ZAKER新闻</title>", og]
    if canonical is not None:
        head.append(f'<link rel="canonical" href="{canonical}">')
    tips = []
    if author is not None:
        tips.append(f'<a class="article-auther" href="/source/1">{author}</a>')
    if time is not None:
        tips.append(f'<span class="time">{time}</span>')
    label_links = "".join(f'<a href="/tag/{i}">{label}</a>' for i, label in enumerate(labels))
    content = (
        "" if body is None else f'<div class="article_content"><div id="content">{body}</div></div>'
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n' + "\n".join(head) + "\n"
        "<script>window.zk = {};</script>\n</head>\n<body>\n"
        '<div class="top_nav"><a href="/">首页</a><a href="/channel/13">科技频道</a></div>\n'
        '<div class="article_header">'
        + (f"<h1>{h1}</h1>" if h1 is not None else "")
        + f'<div class="article_tips">{"".join(tips)}</div></div>\n'
        + content
        + f'\n<div class="lebel-list">{label_links}</div>\n'
        '<div class="comment_box"><p>网友评论</p></div>\n</body>\n</html>\n'
    )


def test_page_fields() -> None:
    article = zakerclean.parse(page())
    assert article.title == article.title_raw == "工厂里的新机器"
    assert article.author == "测试日报"
    assert article.published == datetime(2021, 4, 17, 9, 10, tzinfo=timezone.utc)  # +08:00
    assert article.published_raw == "2021-04-17 17:10"
    assert article.categories == ("科技", "制造")
    assert article.source == "ZAKER" and article.feed is None
    assert article.url == "https://www.myzaker.com/article/0123456789abcdef01234567"


def test_page_body_is_the_first_div_in_article_content() -> None:
    article = zakerclean.parse(page())
    assert article.text == (
        "第一段：记者走访了三家工厂。\n\n▲ 工厂车间（记者 摄）\n\n第二段，有“引号”的文字。"
    )
    assert [image.url for image in article.images] == [
        "http://zkres.myzaker.com/202104/demo_1024.jpg"
    ]
    assert "<figcaption>▲ 工厂车间（记者 摄）</figcaption>" in article.html
    # nothing of the page around the body: navigation, comments, scripts
    for outside in ("首页", "科技频道", "网友评论", "window.zk", "网页标题"):
        assert outside not in article.text and outside not in article.html
    assert clean_problems(article.html) == []
    assert squeeze(article.text) == squeeze(visible_input_text(BODY))


def test_page_gives_the_same_article_as_its_body_as_a_fragment() -> None:
    from_page = zakerclean.parse(page())
    from_body = zakerclean.parse(BODY)
    assert from_page.html == from_body.html
    assert from_page.images == from_body.images
    assert from_page.report.steps == from_body.report.steps


def test_relative_time_needs_now() -> None:
    with_now = zakerclean.parse(page(time="3小时前"), now=NOW)
    assert with_now.published == datetime(2021, 4, 18, 9, 0, tzinfo=timezone.utc)
    without = zakerclean.parse(page(time="3小时前"))
    assert without.published is None and without.published_raw == "3小时前"
    assert any("date not read" in w for w in without.report.warnings)


def test_year_less_time_takes_the_year_from_now() -> None:
    article = zakerclean.parse(page(time="04-17 17:10"), now=NOW)
    assert article.published == datetime(2021, 4, 17, 9, 10, tzinfo=timezone.utc)


def test_tz_option_applies_to_page_times() -> None:
    options = zakerclean.CleanOptions(tz="UTC")
    article = zakerclean.parse(page(), options=options)
    assert article.published == datetime(2021, 4, 17, 17, 10, tzinfo=timezone.utc)


def test_title_falls_back_to_og_title_then_title() -> None:
    assert zakerclean.parse(page(h1=None)).title == "开放图谱标题"
    assert zakerclean.parse(page(h1=None, og="")).title == "网页标题_ZAKER新闻"
    assert zakerclean.parse(page(h1="  空白\n 标题 ")).title == "空白 标题"


def test_missing_metadata_is_absent() -> None:
    article = zakerclean.parse(page(author=None, time=None, labels=(), canonical=None))
    assert article.author is None and article.published is None and article.categories == ()
    assert article.url is None
    assert article.report.warnings == ()
    assert article.text.startswith("第一段")


def test_cover_from_og_image_and_unsafe_urls_dropped() -> None:
    og = '<meta property="og:image" content="http://zkres.myzaker.com/202104/cover.jpg">'
    article = zakerclean.parse(page(og=og))
    assert article.cover is not None
    assert article.cover.url == "http://zkres.myzaker.com/202104/cover.jpg"
    bad = zakerclean.parse(
        page(
            og='<meta property="og:image" content="javascript:alert(1)">', canonical="javascript:x"
        )
    )
    assert bad.cover is None or bad.cover.url.startswith("http")
    assert bad.url is None


def test_article_content_without_a_div_raises() -> None:
    text = page(body=None).replace(
        '<div class="lebel-list">',
        '<div class="article_content"><p>只有段落</p></div><div class="lebel-list">',
    )
    with pytest.raises(PageStructureError, match="article_content holds no div"):
        zakerclean.parse(text)


def test_myzaker_page_without_article_content_raises() -> None:
    with pytest.raises(PageStructureError, match=r"without div\.article_content") as caught:
        zakerclean.parse(page(body=None))
    assert isinstance(caught.value, ZakerCleanError)
    assert "myzaker.com/article/0123456789abcdef01234567" in str(caught.value)


def test_other_documents_stay_fragments() -> None:
    other = page(body=None, canonical="https://example.com/post/1")
    article = zakerclean.parse(other)
    assert article.source is None and article.title is None
    assert "网友评论" in article.text  # a fragment keeps all its text
    assert not is_page("<p>myzaker.com article_content</p>")
    assert read_page("<!DOCTYPE html><html><body><p>x</p></body></html>") is None


def test_hexo_posts_are_not_pages() -> None:
    post = "---\ntitle: 帖子\n---\n" + page()
    article = zakerclean.parse(post)
    assert article.title == "帖子" and article.source is None


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "gb2312"])
def test_page_bytes_in_a_declared_chinese_encoding(encoding: str) -> None:
    text = page(charset=encoding)
    data = text.encode("gb18030")
    article = zakerclean.parse(data)
    assert article.title == "工厂里的新机器"
    assert article.text == zakerclean.parse(text).text


def test_page_bytes_gb18030_without_declaration_and_with_bom() -> None:
    text = page().replace('<meta charset="utf-8">', "")
    assert zakerclean.parse(text.encode("gb18030")).title == "工厂里的新机器"
    assert zakerclean.parse(b"\xef\xbb\xbf" + text.encode("utf-8")).title == "工厂里的新机器"
    assert zakerclean.parse(text.encode("utf-16")).title == "工厂里的新机器"  # BOM says UTF-16


def test_gb18030_only_characters_in_a_gbk_declared_page() -> None:
    text = page(charset="gbk", h1="罕见字：𠀀")  # outside GBK, inside GB18030
    assert zakerclean.parse(text.encode("gb18030")).title == "罕见字：𠀀"


def test_invalid_bytes_give_a_typed_error_with_position() -> None:
    data = page(charset="utf-8").encode("utf-8")
    broken = data[:200] + b"\xff\xfe\xfa" + data[200:]
    with pytest.raises(DecodeError) as caught:
        zakerclean.parse(broken)
    assert caught.value.position == 200
    assert "200" in str(caught.value)


def test_posts_in_gbk_bytes() -> None:
    post = "---\ntitle: 编码测试\ndate: 2021-04-17 17:10\n---\n<p>中文正文，全角标点。</p>\n"
    article = zakerclean.parse(post.encode("gb18030"))
    assert article.title == "编码测试" and article.text == "中文正文，全角标点。"


def test_parse_file_and_cli_read_pages(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(page(charset="gbk").encode("gb18030"))
    assert zakerclean.parse_file(path).title == "工厂里的新机器"
    result = subprocess.run(
        [sys.executable, "-m", "zakerclean", "clean", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert '"title": "工厂里的新机器"' in result.stdout
    assert '"source": "ZAKER"' in result.stdout


def test_page_is_idempotent_through_hexo() -> None:
    article = zakerclean.parse(page())
    again = zakerclean.parse(article.to_hexo())
    assert again.html == article.html and again.text == article.text
    assert again.title == article.title and again.published == article.published
    assert again.url == article.url and again.categories == article.categories
