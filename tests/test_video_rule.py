"""Rule 4, video (``rules/video.py``), on its own: the exact tree, count, warnings and player
record of each shape (``tests/test_video.py`` checks what ``parse`` makes of them)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from lxml import etree

from zakerclean.context import CleanContext
from zakerclean.dom import HtmlElement, parse_fragment
from zakerclean.options import CleanOptions
from zakerclean.rules import video
from zakerclean.rules.video import convert_videos, provider_name, video_label, video_link


def zkinfo(value: object) -> str:
    return quote(json.dumps(value))


ZK = zkinfo(
    {"videoUrl": "http://zkres.myzaker.com/v.mp4", "imgUrl": "http://zkres.myzaker.com/p.jpg"}
)


def html_of(root: HtmlElement) -> str:
    parts = [etree.tostring(child, encoding="unicode", method="html") for child in root]
    return (root.text or "") + "".join(parts)


def converted(markup: str) -> tuple[int, str, list[str], dict[str, int]]:
    root = parse_fragment(markup)
    ctx = CleanContext(CleanOptions())
    changes = convert_videos(root, ctx)
    return changes, html_of(root), ctx.warnings, dict(ctx.players)


CASES = {
    "a ZAKER block: a figure with the video, then the block's picture": (
        f'<p>a</p><div class="x zk_upvideo" data-zkinfo="{ZK}">'
        '<img src="http://h.example/i.jpg"></div>tail',
        1,
        '<p>a</p><figure><video controls="" src="http://zkres.myzaker.com/v.mp4" '
        'poster="http://zkres.myzaker.com/p.jpg"></video><img src="http://h.example/i.jpg">'
        "</figure>tail",
        [],
    ),
    "text in a ZAKER block stays, after the figure": (
        f'<p>a</p><div class="zk_upvideo" data-zkinfo="{ZK}">前<span>播放</span>'
        '<img src="http://h.example/i.jpg">后</div>tail',
        1,
        '<p>a</p><figure><video controls="" src="http://zkres.myzaker.com/v.mp4" '
        'poster="http://zkres.myzaker.com/p.jpg"></video><img src="http://h.example/i.jpg">'
        "</figure><div>前<span>播放</span>后</div>tail",
        [],
    ),
    "text after the block's first picture stays, after the figure": (
        f'<div class="zk_upvideo" data-zkinfo="{ZK}">前<img src="http://h.example/i.jpg">后</div>',
        1,
        '<figure><video controls="" src="http://zkres.myzaker.com/v.mp4" '
        'poster="http://zkres.myzaker.com/p.jpg"></video><img src="http://h.example/i.jpg">'
        "</figure><div>前后</div>",
        [],
    ),
    "text right after the block's only picture": (
        f'<div class="zk_upvideo" data-zkinfo="{ZK}"><img src="http://h.example/i.jpg">后</div>',
        1,
        '<figure><video controls="" src="http://zkres.myzaker.com/v.mp4" '
        'poster="http://zkres.myzaker.com/p.jpg"></video><img src="http://h.example/i.jpg">'
        "</figure><div>后</div>",
        [],
    ),
    "a picture alone in a dropped ZAKER block stays": (
        '<div class="zk_upvideo" data-zkinfo="%7Bbad"><img src="http://h.example/i.jpg"></div>',
        1,
        '<div><img src="http://h.example/i.jpg"></div>',
        ["ZAKER video block with unreadable data-zkinfo dropped: '%7Bbad'"],
    ),
    "a dropped ZAKER block keeps its text and pictures": (
        '<div class="zk_upvideo" data-zkinfo="%7Bbad">文字<img src="http://h.example/i.jpg">'
        "</div>tail",
        1,
        '<div>文字<img src="http://h.example/i.jpg"></div>tail',
        ["ZAKER video block with unreadable data-zkinfo dropped: '%7Bbad'"],
    ),
    "a ZAKER block without a poster": (
        f'<div class="zk_upvideo" data-zkinfo="{zkinfo({"videoUrl": "http://h.example/v.mp4"})}">'
        "</div>",
        1,
        '<figure><video controls="" src="http://h.example/v.mp4"></video></figure>',
        [],
    ),
    "unreadable JSON": (
        '<div class="zk_upvideo" data-zkinfo="%7Bbad"></div>',
        1,
        "",
        ["ZAKER video block with unreadable data-zkinfo dropped: '%7Bbad'"],
    ),
    "JSON that is no object": (
        f'<div class="zk_upvideo" data-zkinfo="{zkinfo([1])}"></div>',
        1,
        "",
        ["ZAKER video block with unreadable data-zkinfo dropped: '%5B1%5D'"],
    ),
    "no videoUrl": (
        f'<div class="zk_upvideo" data-zkinfo="{zkinfo({"imgUrl": "http://h.example/p.jpg"})}">'
        "</div>",
        1,
        "",
        [
            "ZAKER video block without a usable videoUrl dropped: "
            f"{zkinfo({'imgUrl': 'http://h.example/p.jpg'})!r}"
        ],
    ),
    "a videoUrl that is no URL to keep": (
        f'<div class="zk_upvideo" data-zkinfo="{zkinfo({"videoUrl": "javascript:alert(1)"})}">'
        "</div>",
        1,
        "",
        [
            "ZAKER video block without a usable videoUrl dropped: "
            f"{zkinfo({'videoUrl': 'javascript:alert(1)'})!r}"
        ],
    ),
    "not a ZAKER block: another class, or no data-zkinfo": (
        f'<div class="zk_upvideox" data-zkinfo="{ZK}">k</div><div class="zk_upvideo">k2</div>',
        0,
        f'<div class="zk_upvideox" data-zkinfo="{ZK}">k</div><div class="zk_upvideo">k2</div>',
        [],
    ),
    "the first playable source, by type": (
        '<video poster="http://h.example/p.jpg"><source src="http://h.example/a.mp3" '
        'type="audio/mpeg"><source src="http://h.example/b.m3u8" type="application/x-mpegURL">'
        "</video>",
        1,
        '<video controls="" src="http://h.example/b.m3u8" poster="http://h.example/p.jpg"></video>',
        [],
    ),
    "the first playable source, by extension": (
        '<video><source src="http://h.example/a.mp3"><source src="http://h.example/b.WEBM">'
        "</video>t",
        1,
        '<video controls="" src="http://h.example/b.WEBM"></video>t',
        [],
    ),
    "a video already clean": (
        '<video controls="" src="http://h.example/c.mp4" poster="http://h.example/p.jpg"></video>',
        0,
        '<video controls="" src="http://h.example/c.mp4" poster="http://h.example/p.jpg"></video>',
        [],
    ),
    "a video with other attributes": (
        '<video src="http://h.example/c.mp4" autoplay></video>',
        1,
        '<video controls="" src="http://h.example/c.mp4"></video>',
        [],
    ),
    "a video with its source inside": (
        '<video controls="" src="http://h.example/c.mp4"><source src="http://h.example/d.mp4">'
        "</video>",
        1,
        '<video controls="" src="http://h.example/c.mp4"></video>',
        [],
    ),
    "a playable type without an extension": (
        '<video><source src="http://h.example/stream" type="video/mp4"></video>',
        1,
        '<video controls="" src="http://h.example/stream"></video>',
        [],
    ),
    "only a source's URL is a video's (not a track's)": (
        '<video><track src="http://h.example/t.mp4"></video>',
        1,
        "",
        ["video without a playable source dropped"],
    ),
    "a long unreadable data-zkinfo is quoted up to 80 characters": (
        f'<div class="zk_upvideo" data-zkinfo="%7B{"x" * 100}"></div>',
        1,
        "",
        [f"ZAKER video block with unreadable data-zkinfo dropped: {'%7B' + 'x' * 77!r}"],
    ),
    "a long data-zkinfo without a videoUrl is quoted up to 80 characters": (
        f'<div class="zk_upvideo" data-zkinfo="{zkinfo({"imgUrl": "http://h.example/" + "p" * 90})}">'
        "</div>",
        1,
        "",
        [
            "ZAKER video block without a usable videoUrl dropped: "
            f"{zkinfo({'imgUrl': 'http://h.example/' + 'p' * 90})[:80]!r}"
        ],
    ),
    "a video with nothing playable": (
        '<video><source src="javascript:x" type="video/mp4"></video>after',
        1,
        "after",
        ["video without a playable source dropped"],
    ),
    "players: a link paragraph each, recorded by URL": (
        '<p>x<iframe src="https://v.qq.com/iframe/player.html?vid=1"></iframe>y</p>'
        '<iframe data-src="https://www.youtube.com/embed/z"></iframe>'
        '<iframe src="https://v.qq.com/iframe/player.html?vid=1"></iframe>',
        3,
        '<p>x<p><a href="https://v.qq.com/iframe/player.html?vid=1">视频：腾讯视频</a></p>y</p>'
        '<p><a href="https://www.youtube.com/embed/z">视频：YouTube</a></p>'
        '<p><a href="https://v.qq.com/iframe/player.html?vid=1">视频：腾讯视频</a></p>',
        [],
    ),
    "iframes that play nothing": (
        '<iframe src="#"></iframe><iframe src="ftp://h.example/v"></iframe><iframe></iframe>'
        '<iframe src="http:///x"></iframe>',
        4,
        "",
        [
            "iframe without a usable http(s) src dropped: '#'",
            "iframe without a usable http(s) src dropped: 'ftp://h.example/v'",
            "iframe without a usable http(s) src dropped: 'None'",
            "iframe without a usable http(s) src dropped: 'http:///x'",
        ],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_each_shape_gives_this_exact_tree(name: str) -> None:
    markup, changes, expected, warnings = CASES[name]
    count, html, got_warnings, _ = converted(markup)
    assert (count, html, got_warnings) == (changes, expected, warnings)


def test_players_are_recorded_once_per_link() -> None:
    *_, players = converted(CASES["players: a link paragraph each, recorded by URL"][0])
    assert players == {
        "https://v.qq.com/iframe/player.html?vid=1": 2,
        "https://www.youtube.com/embed/z": 1,
    }
    assert converted(CASES["iframes that play nothing"][0])[3] == {}


def test_an_iframe_src_is_cleaned_like_every_url() -> None:
    proxied = "https://cors.zfour.workers.dev/?https://v.qq.com/x.html"
    count, html, _, players = converted(f'<iframe src="{proxied}"></iframe>')
    assert (count, players) == (1, {"https://v.qq.com/x.html": 1})
    assert html == '<p><a href="https://v.qq.com/x.html">视频：腾讯视频</a></p>'


def test_a_video_inside_a_replaced_zaker_block_does_not_reach_the_output() -> None:
    markup = f'<div class="zk_upvideo" data-zkinfo="{ZK}"><video src="http://h.example/in.mp4"></video></div>'
    count, html, _, _ = converted(markup)
    # the block becomes the figure; the video inside it is converted too, but outside the tree
    assert count == 2 and "in.mp4" not in html


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://v.qq.com/x", "腾讯视频"),
        ("https://m.v.qq.com/x", "腾讯视频"),
        ("https://video.qq.com/x", "腾讯视频"),
        ("https://www.youtube.com/embed/a", "YouTube"),
        ("https://www.youtube-nocookie.com/embed/a", "YouTube"),
        ("https://youtu.be/a", "YouTube"),
        ("https://www.bilibili.com/v", "哔哩哔哩"),
        ("https://player.youku.com/v", "优酷"),
        ("https://www.iqiyi.com/v", "爱奇艺"),
        ("https://tv.sohu.com/v", "搜狐视频"),
        ("https://www.ixigua.com/v", "西瓜视频"),
        ("https://www.douyin.com/v", "抖音"),
        ("https://weibo.com/tv/v", "微博视频"),
        ("https://player.vimeo.com/v", "Vimeo"),
        ("https://www.dailymotion.com/v", "Dailymotion"),
        ("https://notyoutube.com/x", "notyoutube.com"),  # a suffix is no subdomain
        ("http://www.example.com/x", "example.com"),
        ("not a url", ""),
    ],
)
def test_provider_names(url: str, name: str) -> None:
    assert provider_name(url) == name
    assert video_label(url) == "视频：" + name


def test_the_stand_in_paragraph() -> None:
    link = video_link("https://v.qq.com/x")
    assert etree.tostring(link, encoding="unicode", method="html") == (
        '<p><a href="https://v.qq.com/x">视频：腾讯视频</a></p>'
    )


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://a.example/p", True),
        ("http://a.example/p", True),
        ("ftp://a.example/p", False),
        ("http:///p", False),
        ("//a.example/p", False),
        (None, False),
    ],
)
def test_a_player_url_is_absolute_http_with_a_host(url: str | None, kept: bool) -> None:
    assert (video._player_url(url) == url) is kept if url else video._player_url(url) is None


def test_playable_extensions() -> None:
    assert video.PLAYABLE_EXTENSIONS == (".mp4", ".m4v", ".webm", ".ogv", ".ogg", ".mov", ".m3u8")
