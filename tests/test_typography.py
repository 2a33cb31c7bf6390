"""Rule 9: ZAKER's typography restored — quotes, parentheses, CJK spacing, titles (SPEC §3)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zakerclean
from tests.checks import html_text
from tests.conftest import corpus_posts, post_ids, requires_corpus
from zakerclean import CleanOptions, InvalidOptionsError, clean_html, parse
from zakerclean.engine.pipeline import PASSES, RULE_ORDER, restore_title
from zakerclean.rules.typography import plan_cjk_parentheses, plan_cjk_spacing, plan_quotes

ALL_ON = CleanOptions(cjk_parentheses=True, cjk_spacing=True)
OFF = CleanOptions(typography=False)


def body(html: str, options: CleanOptions | None = None) -> str:
    return clean_html(html, options=options)


# -- 9a quotes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ('<p>他 " 一直想开 " 的会</p>', "<p>他“一直想开”的会</p>"),
        ('<p>" 开头 " 的引号</p>', "<p>“开头”的引号</p>"),
        ('<p>结尾的 " 引号 "</p>', "<p>结尾的“引号”</p>"),
        (
            '<p>进入 " 供给决定需求 " 的时期，" 金九银十 " 到了。</p>',
            "<p>进入“供给决定需求”的时期，“金九银十”到了。</p>",
        ),
        ('<p>他说，" 我们会努力。"</p>', "<p>他说，“我们会努力。”</p>"),
        ('<p>没有空格的"引号"也一样</p>', "<p>没有空格的“引号”也一样</p>"),
        ('<p>The " AI " 芯片</p>', "<p>The “AI”芯片</p>"),
        ('<p>芯片 " AI " 2.0 版</p>', "<p>芯片“AI” 2.0 版</p>"),
        ('<p>拜城 " 9·18 " 案</p>', "<p>拜城“9·18”案</p>"),
    ],
)
def test_quotes_in_cjk_text(fragment: str, expected: str) -> None:
    assert body(fragment) == expected


def test_quotes_pair_across_inline_tags() -> None:
    assert (
        body('<p>他 <strong>" 一直想开</strong> " 的会</p>')
        == "<p>他<strong>“一直想开</strong>”的会</p>"
    )
    assert body('<p>见 <a href="http://a.example/">" 链接 "</a> 说明</p>') == (
        '<p>见<a href="http://a.example/">“链接”</a>说明</p>'
    )


@pytest.mark.parametrize(
    "fragment",
    [
        '<p>He said "yes" and left.</p>',
        '<p>The "quick" fox, the "lazy" dog.</p>',
        '<p>代码 <code>s = "中文"</code> 里的引号</p>',
        '<pre>print("你好")</pre>',
        '<p>链接 https://example.com/?q="中" 中的引号</p>',
        '<p>空的 "" 引号</p>',
    ],
)
def test_quotes_left_alone(fragment: str) -> None:
    assert body(fragment) == body(fragment, OFF)


def test_unbalanced_quotes_are_left_and_reported() -> None:
    article = parse('<p>他说 " 第一段</p><p>另一段 " 甲 " 乙 " 丙 "。</p>')
    assert article.html == '<p>他说 " 第一段</p>\n<p>另一段“甲”乙“丙”。</p>'
    (warning,) = article.report.warnings
    assert warning == "quotes: unbalanced ASCII quotes left as they are in '他说 \" 第一段'"
    assert article.report.count("quotes") == 2  # the balanced paragraph has two pairs


def test_quotes_per_paragraph_not_across() -> None:
    article = parse('<p>甲 " 乙</p><p>丙 " 丁</p>')
    assert '"' in article.text and "“" not in article.text
    assert len([w for w in article.report.warnings if w.startswith("quotes:")]) == 2


def test_quotes_in_list_items_cells_and_captions() -> None:
    html = body(
        '<ul><li>项目 " 甲 "</li></ul><table><tr><td>格 " 乙 "</td></tr></table>'
        '<div class="img_box"><img data-original="http://h.example/a.jpg"></div>▲ 图为 " 丙 "'
    )
    assert "<li>项目“甲”</li>" in html and "<td>格“乙”</td>" in html
    assert "<figcaption>▲ 图为“丙”</figcaption>" in html


def test_quotes_switches() -> None:
    fragment = '<p>他 " 一直想开 " 的会</p>'
    assert body(fragment, CleanOptions(quotes=False)) == '<p>他 " 一直想开 " 的会</p>'
    assert body(fragment, OFF) == '<p>他 " 一直想开 " 的会</p>'
    article = parse(fragment)
    assert article.report.steps == (("quotes", 1),)


# -- 9b parentheses, 9c spacing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>现场 ( 记者 摄 ) 。</p>", "<p>现场（记者 摄）。</p>"),
        ("<p>iPhone 13 ( 标准版 ) 降价</p>", "<p>iPhone 13（标准版）降价</p>"),
        ("<p>公式 f(x) 不变，(1) 也不变</p>", "<p>公式 f(x) 不变，(1) 也不变</p>"),
        ("<p>English (aside) text</p>", "<p>English (aside) text</p>"),
    ],
)
def test_cjk_parentheses(fragment: str, expected: str) -> None:
    assert body(fragment, CleanOptions(cjk_parentheses=True)) == expected
    assert body(fragment) == body(fragment, OFF)  # off by default


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>IT 之家 10 月 15 日消息</p>", "<p>IT之家10月15日消息</p>"),
        ("<p>2016 年 4 月，Windows 11 发布</p>", "<p>2016年4月，Windows 11发布</p>"),
        (
            "<p>苹果 <strong>iPhone 13</strong> 发布</p>",
            "<p>苹果<strong>iPhone 13</strong>发布</p>",
        ),
        ("<p>keep spaces between Latin words</p>", "<p>keep spaces between Latin words</p>"),
        ("<p>\u3000\u3000全角空格 10\u3000个</p>", "<p>\u3000\u3000全角空格10\u3000个</p>"),
    ],
)
def test_cjk_spacing(fragment: str, expected: str) -> None:
    assert body(fragment, CleanOptions(cjk_spacing=True)) == expected
    assert body(fragment) == body(fragment, OFF)  # off by default


def test_cjk_spacing_leaves_code_and_urls() -> None:
    fragment = "<p>运行 <code>ls 目录 -l</code> 见 http://a.example/x 页</p>"
    assert body(fragment, CleanOptions(cjk_spacing=True)) == (
        "<p>运行 <code>ls 目录 -l</code> 见 http://a.example/x 页</p>"
    )


def test_rules_are_passes_in_order_and_in_the_report() -> None:
    names = [p.name for p in PASSES]
    assert names[-3:] == ["cjk_parentheses", "cjk_spacing", "quotes"]
    assert RULE_ORDER[-2:] == ("title_question_marks", "title_quotes")
    article = parse('<p>IT 之家 " 消息 " ( 测试 )</p>', options=ALL_ON)
    assert [name for name, _ in article.report.steps] == [
        "cjk_parentheses",
        "cjk_spacing",
        "quotes",
    ]
    assert article.text == "IT之家“消息”（测试）"


@pytest.mark.parametrize(
    "name",
    [
        "typography",
        "quotes",
        "cjk_parentheses",
        "cjk_spacing",
        "title_quotes",
        "title_question_marks",
    ],
)
def test_switches_are_validated(name: str) -> None:
    with pytest.raises(InvalidOptionsError, match=name):
        CleanOptions(**{name: "yes"})  # type: ignore[arg-type]


# -- titles --------------------------------------------------------------------------------------


def title(raw: str, options: CleanOptions | None = None) -> zakerclean.Article:
    escaped = raw.replace("'", "''")
    return parse(f"---\ntitle: '{escaped}'\n---\n<p>正文</p>", options=options)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("锤炼这个_基本功_", "锤炼这个“基本功”"),
        ("抢票加速包真的没用吗_", "抢票加速包真的没用吗？"),
        ("你在干什么呢_", "你在干什么呢？"),
        ("这样也可以么_", "这样也可以么？"),
        ("一起去吧_", "一起去吧？"),
        ("年度ZAKER_价值中国_评选", "年度ZAKER“价值中国”评选"),
        ("芯片自带_bug_", "芯片自带“bug”"),
        ("还原拜城_9·18_暴恐案", "还原拜城“9·18”暴恐案"),
        ("焦点分析 _ _B站崩了_火遍互联网", "焦点分析 _ “B站崩了”火遍互联网"),
        ("这是_基本功_吗_", "这是“基本功”吗？"),
        ('居民 " 晒太阳 " 也能省电费', "居民“晒太阳”也能省电费"),
    ],
)
def test_title_restorations(raw: str, expected: str) -> None:
    article = title(raw)
    assert article.title == expected
    assert article.title_raw == raw


@pytest.mark.parametrize(
    "raw",
    [
        "微软承认 Win11_Win10 存在问题",
        "0_0，日本女足拿下冠军",
        "Intel 11_12代酷睿",
        "Win11_10_8.1 存在漏洞",
        "吗_在中间的标题",
        "100秒全记录_ 感觉良好_",
        "overflow_ hidden隐藏溢出内容",
        "一_二_三_",
    ],
)
def test_titles_left_alone(raw: str) -> None:
    assert title(raw).title == raw


def test_title_left_alone_is_reported_and_counts_are_reported() -> None:
    article = title("100秒全记录_ 感觉良好_")
    assert any(w.startswith("title: 2 '_' left") for w in article.report.warnings)
    assert title("Win11_Win10 更新").report.warnings == ()
    article = title("这是_基本功_吗_")
    assert article.report.count("title_quotes") == 1
    assert article.report.count("title_question_marks") == 1


def test_title_switches() -> None:
    raw = "这是_基本功_吗_"
    assert title(raw, CleanOptions(title_quotes=False)).title == "这是_基本功_吗？"
    assert title(raw, CleanOptions(title_question_marks=False)).title == "这是_基本功_吗_"
    assert title(raw, OFF).title == raw
    assert restore_title(raw, OFF) == (raw, (), ())


def test_title_round_trips_through_hexo() -> None:
    article = title("锤炼这个_基本功_")
    again = parse(article.to_hexo())
    assert again.title == article.title and again.title_raw == article.title_raw


# -- properties: nothing but quotes, parentheses and ASCII spaces changes; idempotent -------------

_SAME = str.maketrans({"（": "(", "）": ")", "“": '"', "”": '"'})


def kept(text: str) -> str:
    """The characters rule 9 must keep, in order: all but ASCII spaces, quote/paren forms alike."""
    return text.replace(" ", "").translate(_SAME)


CJK_TEXT = st.text(
    alphabet=st.sampled_from(list("中文字测试引号数据（），。：　") + list('ab Z09"() .,')),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(CJK_TEXT)
def test_plans_keep_every_other_character_and_are_idempotent(text: str) -> None:
    for plan in (lambda t: plan_quotes(t)[0], plan_cjk_parentheses, plan_cjk_spacing):
        once = plan(text).apply(text)
        assert kept(once) == kept(text)
        assert "\u3000" not in text or once.count("\u3000") == text.count("\u3000")
        assert plan(once).apply(once) == once


@settings(max_examples=200, deadline=None)
@given(st.lists(CJK_TEXT, min_size=1, max_size=4), st.sampled_from(["strong", "em", "a"]))
def test_rules_on_html_keep_text_and_are_idempotent(pieces: list[str], tag: str) -> None:
    from html import escape

    inner = f"<{tag}>{escape(pieces[0])}</{tag}>" + "".join(escape(p) for p in pieces[1:])
    fragment = f"<p>{inner}</p>"
    once = clean_html(fragment, options=ALL_ON)
    assert clean_html(once, options=ALL_ON) == once
    plain = clean_html(fragment, options=OFF)
    assert kept(html_text(once)) == kept(html_text(plain))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('基本功吗呢么吧测试_ Win10AB"')), max_size=30))
def test_title_restoration_keeps_characters_and_is_idempotent(raw: str) -> None:
    restored, _, _ = restore_title(raw, CleanOptions())
    same = str.maketrans({"“": "_", "”": "_", "？": "_"})
    assert restored.replace(" ", "").translate(same).replace('"', "_") == raw.replace(
        " ", ""
    ).replace('"', "_")
    assert restore_title(restored, CleanOptions())[0] == restored


# -- the corpus ----------------------------------------------------------------------------------


def title_chars(text: str | None) -> str:
    """A title's characters with the generator's ``_`` and what it may stand for made alike."""
    return re.sub("[_？]", '"', kept(text or ""))


POSTS = corpus_posts()


@requires_corpus
@pytest.mark.parametrize("path", POSTS, ids=post_ids(POSTS))
def test_corpus_typography_keeps_text_and_is_idempotent(path) -> None:  # type: ignore[no-untyped-def]
    data = path.read_bytes()
    off = parse(data, options=OFF)
    on = parse(data, options=ALL_ON)
    assert kept(on.text) == kept(off.text)
    assert title_chars(on.title) == title_chars(off.title)
    assert clean_html(on.html, options=ALL_ON) == on.html
    again = parse(on.to_hexo(), options=ALL_ON)
    assert (again.html, again.text, again.title) == (on.html, on.text, on.title)
    assert len(on.images) == len(off.images)
