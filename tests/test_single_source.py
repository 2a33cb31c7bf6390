"""One source of truth: html, text, images and videos all come from the same final tree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import zakerclean
from tests.conftest import corpus_posts, post_ids, requires_corpus
from zakerclean.dom import parse_fragment
from zakerclean.engine import pipeline
from zakerclean.engine.media import collect_images, collect_videos
from zakerclean.engine.text import tree_to_text


def test_a_link_that_merely_reads_like_a_player_link_is_not_a_video() -> None:
    """Videos are the links rule 4 made, by its record; not links whose text matches."""
    article = zakerclean.parse('<p><a href="https://v.example/x">视频：https://v.example/x</a></p>')
    assert article.videos == ()


def test_a_player_and_a_plain_link_to_the_same_page_give_one_video() -> None:
    article = zakerclean.parse(
        '<iframe src="https://v.qq.com/x.html"></iframe>'
        '<p>另见<a href="https://v.qq.com/x.html">原视频页</a></p>'
    )
    assert [video.url for video in article.videos] == ["https://v.qq.com/x.html"]


def test_player_links_survive_the_hexo_round_trip() -> None:
    article = zakerclean.parse(
        '<iframe src="https://v.qq.com/a.html"></iframe><p>正文</p>'
        '<video src="https://v.example/b.mp4"></video>'
    )
    assert [v.url for v in article.videos] == ["https://v.qq.com/a.html", "https://v.example/b.mp4"]
    post = article.to_hexo()
    assert "video_players:\n- https://v.qq.com/a.html\n" in post
    again = zakerclean.parse(post)
    assert again.videos == article.videos
    assert "video_players" not in again.meta


def test_when_the_sanitizer_changes_content_everything_follows_its_output(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If the second lock removes something the rules let by, text and images lose it too."""

    def drop_second(html: str) -> str:
        return re.sub(
            r"<p>第二段</p>|<figure><img src=\"https://img.example/b.jpg\"[^>]*></figure>", "", html
        )

    monkeypatch.setattr(pipeline, "get_sanitizer", lambda name: drop_second)
    article = zakerclean.parse(
        '<p>第一段</p><p>第二段</p><img src="https://img.example/a.jpg">'
        '<img src="https://img.example/b.jpg">'
    )
    assert "第二段" not in article.html
    assert article.text == "第一段"
    assert [image.url for image in article.images] == ["https://img.example/a.jpg"]
    assert article.report.count("sanitize") == 1


@requires_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_posts(), ids=post_ids(corpus_posts()))
def test_text_images_and_videos_are_those_of_the_html(path: Path) -> None:
    """Derived again from ``article.html`` alone, text, images and videos are the same."""
    article = zakerclean.parse_file(path)
    tree = parse_fragment(article.html)
    assert tree_to_text(tree) == article.text
    stills = {i.url: i.still_url for i in article.images if i.still_url}
    assert collect_images(tree, stills) == article.images
    players = {v.url: 1 for v in article.videos if v.poster is None}
    videos = collect_videos(tree, players)
    assert [v.url for v in videos if v.poster is not None or v.url in players] == [
        v.url for v in article.videos
    ]
