"""Rule 4, iframes: only an http(s) player is a video; its link names the provider; the label
is neither counted in ``char_count`` nor hashed into ``fingerprint``.  Fixtures are written for
these tests."""

from __future__ import annotations

import pytest

import zakerclean
from zakerclean.engine.article import fingerprint, without_video_labels
from zakerclean.models import Video
from zakerclean.rules.video import provider_name, video_label

QQ = "https://v.qq.com/iframe/player.html?vid=x0012abcd&tiny=0&auto=0"


@pytest.mark.parametrize(
    "src",
    ["#", "about:blank", "/player.html?id=1", "player.html", "javascript:alert(1)", "http://["],
)
def test_iframe_without_a_usable_http_url_is_no_video(src: str) -> None:
    article = zakerclean.parse(f'<p>正文。</p><iframe src="{src}"></iframe>')
    assert article.videos == ()
    assert article.html == "<p>正文。</p>"
    assert any("iframe without a usable http(s) src" in w for w in article.report.warnings)


def test_relative_iframe_with_a_base_is_a_video() -> None:
    article = zakerclean.parse(
        '<p>正文。</p><iframe src="/embed/1"></iframe>', base_url="https://video.example.com/a/"
    )
    assert [v.url for v in article.videos] == ["https://video.example.com/embed/1"]
    assert "视频：video.example.com" in article.text


@pytest.mark.parametrize(
    ("url", "name"),
    [
        (QQ, "腾讯视频"),
        ("https://www.youtube.com/embed/abc", "YouTube"),
        ("https://www.youtube-nocookie.com/embed/abc", "YouTube"),
        ("https://player.bilibili.com/player.html?aid=1", "哔哩哔哩"),
        ("https://player.youku.com/embed/XNDk", "优酷"),
        ("https://tv.sohu.com/s/sohuplayer/iplay.html?bid=1", "搜狐视频"),
        ("https://videos.example.org/embed/1", "videos.example.org"),
        ("https://notyoutube.com/embed/1", "notyoutube.com"),
    ],
)
def test_the_label_names_the_provider(url: str, name: str) -> None:
    assert provider_name(url) == name
    article = zakerclean.parse(f'<p>正文。</p><iframe src="{url}"></iframe>')
    escaped = url.replace("&", "&amp;")
    assert article.html == f'<p>正文。</p>\n<p><a href="{escaped}">视频：{name}</a></p>'
    (video,) = article.videos
    assert video.url == url and video.provider is not None
    assert article.text == f"正文。\n\n视频：{name}"


def test_label_text_is_not_counted_nor_hashed() -> None:
    with_player = zakerclean.parse(f'<p>正文三个字。</p><iframe src="{QQ}"></iframe>')
    without = zakerclean.parse("<p>正文三个字。</p>")
    assert with_player.char_count == without.char_count == 6
    assert with_player.fingerprint == without.fingerprint
    assert with_player.lang == without.lang == "zh"
    assert "视频：腾讯视频" in with_player.text  # still in the text: nothing lost


def test_an_author_paragraph_reading_like_a_label_is_counted() -> None:
    article = zakerclean.parse("<p>正文。</p><p>视频：腾讯视频</p>")
    assert article.videos == ()
    assert article.char_count == len("正文。视频：腾讯视频")


def test_two_players_of_one_provider_and_a_label_like_sentence() -> None:
    html = (
        f'<p>视频：腾讯视频</p><iframe src="{QQ}"></iframe>'
        '<iframe src="https://v.qq.com/iframe/player.html?vid=y"></iframe>'
    )
    article = zakerclean.parse(html)
    assert len(article.videos) == 2
    # two labels left out, the author's identical sentence counted once
    assert article.char_count == len("视频：腾讯视频")


def test_without_video_labels_leaves_posters_videos_and_cells_alone() -> None:
    text = "甲\t视频：腾讯视频\n乙"
    assert without_video_labels(text, [Video(url=QQ)]) == "甲\t\n乙"
    assert without_video_labels(text, [Video(url=QQ, poster="https://h.example/p.jpg")]) == text
    assert video_label(QQ) == "视频：腾讯视频"
    assert fingerprint("甲\n乙") == fingerprint(without_video_labels(text, [Video(url=QQ)]))


def test_round_trip_keeps_videos_count_and_fingerprint() -> None:
    article = zakerclean.parse(
        "\n---\ntitle: 测试\ncategories:\n  - 新媒体\n  - cnBeta\n  - 最新\n---\n"
        f'<p>正文。</p><p><iframe src="{QQ}"></iframe></p><p>后文。</p>'
    )
    again = zakerclean.parse(article.to_hexo())
    assert again.model_dump(exclude={"report"}) == article.model_dump(exclude={"report"})
    assert again.videos == article.videos and again.char_count == len("正文。后文。")
