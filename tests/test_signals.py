"""Signals for pipelines (SPEC §10): flags, credits and dropped picture URLs.

Every flag has a fixture of its own and near misses that must not flag; the corpus has no
flagged post and no dropped-URL warning; credits are read from edge credit lines only.
"""

from __future__ import annotations

import pytest

import zakerclean
from tests.conftest import corpus_posts, requires_corpus
from zakerclean.engine.credits import credit_fields
from zakerclean.models import FLAGS


def _post(body: str, site: str = "ZAKER") -> zakerclean.Article:
    return zakerclean.parse(
        f"---\ntitle: 测试\nauthor: {site}\ncategories: [新媒体, {site}, channel]\n---\n"
        f"<div>\n{body}\n</div>\n"
    )


RUNNING = "<p>" + "市场监管部门今日发布通知，要求各地加强食品安全检查。" * 4 + "</p>"


# -- flags ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "flag"),
    [
        ("<p>原文已被删除</p>", "deleted"),
        ("<p>对不起，该文章已被删除。</p>", "deleted"),
        (
            "<p>此为临时链接，仅用于预览，将在 48 小时后失效。</p>"
            '<p><a href="https://www.myzaker.com/article/1">选择在浏览器打开</a></p>',
            "placeholder",
        ),
        ("", "empty"),
        ("<p>  </p><div></div>", "empty"),
        ('<figure><img src="https://img.example.com/a.jpg"></figure>', "media_only"),
        (
            '<figure><img src="https://img.example.com/a.jpg"><figcaption>雪后的故宫</figcaption>'
            "</figure>",
            "media_only",
        ),
        ('<iframe src="https://v.qq.com/txp/iframe/player.html?vid=x1"></iframe>', "media_only"),
        (
            "<p>苹果今日发布了新款笔记本电脑，售价下调。</p>"
            '<p><a href="https://example.com/full">阅读全文 &gt;&gt;</a></p>',
            "teaser",
        ),
        ('<p>A short summary of the story. <a href="https://e.com/x">Read more…</a></p>', "teaser"),
    ],
)
def test_each_flag_has_its_fixture(body: str, flag: str) -> None:
    article = _post(body)
    assert article.flags == (flag,)
    assert any(w.startswith(f"flag {flag}: ") for w in article.report.warnings)


@pytest.mark.parametrize(
    "body",
    [
        # a real article that mentions deletion in running text
        "<p>据报道，该平台上周将涉事视频删除，原文已被删除的说法并不准确。</p>" + RUNNING,
        # a short real news item
        "<p>国家统计局今天公布，10月份全国居民消费价格同比上涨2.1%。</p>",
        # one picture, a one-line caption, and text
        '<figure><img src="https://img.example.com/a.jpg"><figcaption>现场图</figcaption></figure>'
        "<p>昨日，全市迎来今冬首场降雪。</p>",
        # a long article ending in a read-more link is an article that links its source
        RUNNING * 8 + '<p><a href="https://example.com/full">阅读原文</a></p>',
        # a link in the middle, then more text
        '<p>摘要。<a href="https://e.com">阅读全文</a></p><p>正文继续，市场反应平稳。</p>',
        # a preview phrase inside a long article
        "<p>记者发现，此为临时链接的提示常见于预览页面。</p>" + RUNNING * 3,
    ],
)
def test_near_misses_do_not_flag(body: str) -> None:
    assert _post(body).flags == ()


def test_flags_are_sorted_and_from_the_vocabulary() -> None:
    assert tuple(sorted(FLAGS)) == FLAGS
    article = zakerclean.Article(flags=("teaser", "deleted", "teaser"))  # type: ignore[arg-type]
    assert article.flags == ("deleted", "teaser")
    with pytest.raises(ValueError):
        zakerclean.Article(flags=("spam",))  # type: ignore[arg-type]


def test_source_phrases_live_in_the_profile() -> None:
    from zakerclean.profiles import GENERIC, profile_for

    zaker = profile_for("ZAKER")
    assert set(GENERIC.deleted_phrases) <= set(zaker.deleted_phrases)
    assert any("48" in phrase for phrase in zaker.placeholder_phrases)
    assert not any("48" in phrase for phrase in GENERIC.placeholder_phrases)


@requires_corpus
def test_no_real_article_of_the_corpus_is_flagged() -> None:
    for path in corpus_posts():
        article = zakerclean.parse_file(path)
        assert article.flags == (), path.name
        assert not [w for w in article.report.warnings if w.startswith(("flag ", "picture URL"))]


# -- credits -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("责任编辑：张三", [("editor", "张三")]),
        ("责任编辑:张三", [("editor", "张三")]),
        ("【责任编辑 : 李四】", [("editor", "李四")]),
        ("责编 | 王五", [("editor", "王五")]),
        ("责编丨王五", [("editor", "王五")]),
        ("编辑：赵六、钱七", [("editor", "赵六、钱七")]),
        ("来源：新华社", [("origin", "新华社")]),
        ("（原标题：工作三年，升任处长）", [("original_title", "工作三年，升任处长")]),
        ("摄影：孙八", [("photographer", "孙八")]),
        ("周九 摄", [("photographer", "周九")]),
        ("新华社记者吴十、郑十一", [("reporter", "吴十、郑十一")]),
        ("整理 | 甲乙丙 责编 | 丁戊", [(None, "甲乙丙"), ("editor", "丁戊")]),
        ("记者：陈一；文案：林二", [("reporter", "陈一"), (None, "林二")]),
    ],
)
def test_credit_lines_are_read(line: str, fields: list[tuple[str | None, str]]) -> None:
    assert credit_fields(line) == fields


@pytest.mark.parametrize(
    "line",
    [
        "记者从市公安局获悉，案件正在审理中。",
        "本文来自微信公众号，编辑：某某，经授权发布。",
        "（图片来源：Pixabay）",
        "｜图片来源：某摄影师",
        "据来源：不详的消息称，该公司将裁员。",
        "编辑：",
    ],
)
def test_non_credit_lines_are_not_read(line: str) -> None:
    assert credit_fields(line) is None


def test_trailer_credits_become_fields_and_stay_in_text() -> None:
    article = _post(
        RUNNING + "<p>来源：新华社</p><p>记者：陈一、林二；文案：王三</p><p>编辑：赵四</p>"
    )
    assert article.credits == zakerclean.Credits(
        editor=("赵四",), reporter=("陈一、林二",), origin="新华社"
    )
    assert "来源：新华社" in article.text and "编辑：赵四" in article.text


def test_leading_credits_after_a_kicker() -> None:
    article = _post("<p>某某报道</p><p>编辑：泽甲、小乙</p>" + RUNNING)
    assert article.credits.editor == ("泽甲、小乙",)


def test_credits_are_never_read_from_captions_or_running_text() -> None:
    article = _post(
        RUNNING
        + '<figure><img src="https://img.example.com/a.jpg"><figcaption>来源：图库</figcaption>'
        "</figure>" + '<figure><img src="https://img.example.com/b.jpg"></figure><p>张三 摄</p>'
    )
    assert article.credits == zakerclean.Credits()
    middle = _post("<p>开头一段。</p><p>第二段。</p><p>第三段。</p><p>编辑：张三</p>" + RUNNING * 3)
    assert middle.credits == zakerclean.Credits()


@requires_corpus
def test_corpus_credits_are_real_credit_lines() -> None:
    posts = with_credits = 0
    for path in corpus_posts():
        article = zakerclean.parse_file(path)
        posts += 1
        credits = article.credits
        values = [*credits.editor, *credits.reporter, *credits.photographer]
        values += [v for v in (credits.origin, credits.original_title) if v]
        with_credits += bool(values)
        for value in values:
            assert value in article.text, (path.name, value)  # nothing lost, kept as written
            assert "图片来源" not in value
    assert with_credits >= posts // 10  # about one real post in ten has credit lines


# -- dropped picture URLs ------------------------------------------------------------------


def test_a_dropped_picture_url_names_its_attribute() -> None:
    article = _post(
        '<div data-hires="https://cdn.example.com/big.jpg"><img src="data:image/gif;base64,AA">'
        "</div><p>正文。</p><div style=\"background-image: url('https://cdn.example.com/bg.png')\">"
        "</div>"
    )
    dropped = [w for w in article.report.warnings if w.startswith("picture URL dropped")]
    assert len(dropped) == 2
    assert "data-hires" in dropped[0] and "big.jpg" in dropped[0]
    assert "style" in dropped[1] and "bg.png" in dropped[1]


def test_urls_that_end_up_in_images_do_not_warn() -> None:
    article = _post(
        '<div class="img_box"><div class="content_img_div"><img class="lazy" '
        'data-original="https://zkres.myzaker.com/a_1024.jpg" '
        'data-gif-url="https://zkres.myzaker.com/a_raw.gif" '
        'src="https://cors.zfour.workers.dev/?https://zkres.myzaker.com/a_1024.jpg"></div></div>'
        '<p data-link="https://example.com/page">正文。</p>'
    )
    assert [image.url for image in article.images] == ["https://zkres.myzaker.com/a_raw.gif"]
    assert not [w for w in article.report.warnings if w.startswith("picture URL")]


def test_show_and_the_notebook_name_flags_and_credits() -> None:
    from zakerclean.runners.cli import format_for_person

    article = _post(RUNNING + "<p>责任编辑：张三</p>")
    assert "editor: 张三" in format_for_person(article)
    assert "editor: 张三" in article._repr_html_()
    deleted = _post("<p>原文已被删除</p>")
    assert "flags: deleted" in format_for_person(deleted)
    assert "deleted" in deleted._repr_html_()
