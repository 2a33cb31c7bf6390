"""Hexo front matter: splitting, safe loading, generator quirks, errors with positions."""

from __future__ import annotations

import time

import pytest

import zakerclean
from zakerclean import FrontMatterError, ZakerCleanError

BODY = "<p>正文</p>"


def post(front: str, body: str = BODY, lead: str = "\n") -> str:
    return f"{lead}---\n{front}---\n\n{body}\n"


def test_minimal_post_maps_known_keys_and_keeps_the_rest_in_meta() -> None:
    article = zakerclean.parse(
        post(
            "title: '标题'\n"
            "categories: \n - 新媒体\n - ZAKER\n - channel\n"
            "author: ZAKER\ncomments: false\n"
            "date: Sat, 17 Apr 2021 17:10:46 GMT\n"
            "tags: [a, b]\n"
        )
    )
    assert article.title == "标题"
    assert article.title_raw == "标题"
    assert article.categories == ("新媒体", "ZAKER", "channel")
    assert (article.source, article.feed) == ("ZAKER", "channel")
    assert article.author == "ZAKER"
    assert article.meta == {"comments": False, "tags": ["a", "b"]}
    assert (
        article.published is not None
        and article.published.isoformat() == "2021-04-17T17:10:46+00:00"
    )
    assert article.published_raw == "Sat, 17 Apr 2021 17:10:46 GMT"
    assert article.text == "正文"


@pytest.mark.parametrize("lead", ["", "\n", "\n\n  \n", "\ufeff\n", "\ufeff"])
def test_bom_and_leading_blank_lines_are_accepted(lead: str) -> None:
    assert zakerclean.parse(post("title: 'x'\n", lead=lead)).title == "x"


def test_bytes_with_bom_are_accepted() -> None:
    data = post("title: '字节'\n").encode("utf-8")
    assert zakerclean.parse(b"\xef\xbb\xbf" + data).title == "字节"


def test_brace_entities_are_decoded_in_front_matter() -> None:
    article = zakerclean.parse(post("title: '&#123;括号&#125; 标题'\nauthor: '&#123;a&#125;'\n"))
    assert article.title == "{括号} 标题"
    assert article.author == "{a}"


def test_early_flow_list_categories() -> None:
    article = zakerclean.parse(post('title: x\ncategories: [新媒体, "ZAKER - channel"]\n'))
    assert article.categories == ("新媒体", "ZAKER - channel")
    assert (article.source, article.feed) == ("ZAKER", "channel")


def test_cover_from_headimg_strips_the_cors_proxy() -> None:
    article = zakerclean.parse(
        post(
            "title: x\n"
            "headimg: 'https://cors.zfour.workers.dev/?http://zkres1.myzaker.com/a_1024.jpg'\n"
            "thumbnail: 'https://cors.zfour.workers.dev/?http://zkres1.myzaker.com/a_1024.jpg'\n"
        )
    )
    assert article.cover is not None
    assert article.cover.url == "http://zkres1.myzaker.com/a_1024.jpg"
    assert "thumbnail" not in article.meta


def test_cover_takes_size_from_the_matching_body_image() -> None:
    body = (
        '<div class="img_box"><img data-original="http://h/a.jpg" '
        'data-width="440" data-height="300" src="x"></div>'
    )
    article = zakerclean.parse(post("title: x\nheadimg: 'http://h/a.jpg'\n", body))
    assert article.cover is not None
    assert (article.cover.width, article.cover.height) == (440, 300)


def test_thumbnail_different_from_headimg_is_kept_in_meta() -> None:
    article = zakerclean.parse(
        post("title: x\nheadimg: 'http://h/a.jpg'\nthumbnail: 'http://h/b.jpg'\n")
    )
    assert article.cover is not None and article.cover.url == "http://h/a.jpg"
    assert article.meta["thumbnail"] == "http://h/b.jpg"


def test_picsum_placeholder_cover_is_none_with_a_warning() -> None:
    article = zakerclean.parse(
        post("title: x\nheadimg: 'https://picsum.photos/400/300?random=12'\n")
    )
    assert article.cover is None
    assert any("placeholder" in w for w in article.report.warnings)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("title: 科普: 为什么 #1\n", "科普: 为什么 #1"),
        ("title: 标题 #话题\n", "标题 #话题"),
        ('title: "他说"不"\'行\'"\n', "他说\"不\"'行'"),
    ],
)
def test_generator_broken_titles_are_recovered_with_a_warning(line: str, expected: str) -> None:
    article = zakerclean.parse(post(line + "author: ZAKER\n"))
    assert article.title_raw == expected
    assert article.author == "ZAKER"
    assert any("title recovered literally" in w for w in article.report.warnings)


def test_valid_double_quoted_title_with_escapes_is_read_by_yaml() -> None:
    article = zakerclean.parse(post('title: "a \\"b\\" c"\n'))
    assert article.title == 'a "b" c'
    assert not article.report.warnings


def test_unclosed_fence_names_the_line() -> None:
    with pytest.raises(FrontMatterError, match=r"line 2") as info:
        zakerclean.parse("\n---\ntitle: x\n<p>body</p>\n")
    assert info.value.line == 2


def test_tab_indentation_names_line_and_column() -> None:
    with pytest.raises(FrontMatterError) as info:
        zakerclean.parse(post("title: x\ncategories:\n\t- a\n"))
    assert (info.value.line, info.value.column) == (5, 1)
    assert "tab" in str(info.value)


def test_yaml_aliases_are_rejected_with_position() -> None:
    with pytest.raises(FrontMatterError, match="anchors and aliases") as info:
        zakerclean.parse(post("a: &x [1, 2]\nb: *x\n"))
    assert info.value.line == 3


def test_alias_bomb_is_rejected_fast() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    with pytest.raises(FrontMatterError):
        zakerclean.parse(post("\n".join(lines) + "\n"))
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("front", ["- a\n- b\n", "just a string\n", "42\n"])
def test_non_mapping_front_matter_is_rejected(front: str) -> None:
    with pytest.raises(FrontMatterError, match="mapping"):
        zakerclean.parse(post(front))


def test_yaml_syntax_error_reports_line_and_column() -> None:
    with pytest.raises(FrontMatterError) as info:
        zakerclean.parse(post("title: 'x'\nauthor: [unclosed\n"))
    assert info.value.line is not None and info.value.line >= 4
    assert info.value.column is not None


def test_front_matter_error_is_a_zakerclean_error_and_a_value_error() -> None:
    with pytest.raises(ZakerCleanError):
        zakerclean.parse("---\n")
    assert issubclass(FrontMatterError, ValueError)


def test_unreadable_date_gives_none_and_a_warning() -> None:
    article = zakerclean.parse(post("title: x\ndate: not a date at all\n"))
    assert article.published is None
    assert article.published_raw == "not a date at all"
    assert any("date" in w for w in article.report.warnings)


def test_iso_date_is_utc_aware() -> None:
    article = zakerclean.parse(post("title: x\ndate: '2021-04-17T17:10:46+08:00'\n"))
    assert article.published is not None
    assert article.published.isoformat() == "2021-04-17T09:10:46+00:00"


def test_yaml_timestamp_date_is_read_in_shanghai_time() -> None:
    article = zakerclean.parse(post("title: x\ndate: 2021-04-17 17:10:46\n"))
    assert article.published is not None
    assert article.published.isoformat() == "2021-04-17T09:10:46+00:00"
