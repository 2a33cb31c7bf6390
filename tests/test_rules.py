"""One test group per cleaning rule (SPEC §3), on small hand-written fragments."""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

import pytest
from lxml import etree

import zakerclean
from zakerclean import CleanOptions, clean_html
from zakerclean.context import CleanContext
from zakerclean.engine.pipeline import PASSES
from zakerclean.rules.empty import remove_empty_elements
from zakerclean.rules.sanitize import sanitize

PROXY = "https://cors.zfour.workers.dev/?"


def zaker_box(url: str, *, gif: str | None = None, width: str = "440", height: str = "300") -> str:
    gif_attr = f' data-gif-url="{gif}"' if gif else ""
    return (
        '<div class="img_box" id="id_imagebox_0" onclick><div class="content_img_div '
        f'perview_img_div"><img class="lazy opacity_0 " id="img_0" data-original="{url}"{gif_attr}'
        f' data-height="{height}" data-width="{width}" src="{PROXY}{url}" '
        'referrerpolicy="no-referrer"></div></div>'
    )


def test_passes_run_in_the_documented_order() -> None:
    assert [p.name for p in PASSES] == [
        "boilerplate", "furniture", "lazy_images", "links", "video", "structure", "empty_elements",
        "attributes", "whitespace", "cjk_parentheses", "cjk_spacing", "quotes",
    ]  # fmt: skip


# Rule 1: boilerplate -------------------------------------------------------------------------


def test_trailers_tools_scripts_and_comments_go() -> None:
    html = (
        "<div><p>正文</p><div class='edi_oper'></div><div class='advise'><a href='http://x'>【纠错】"
        "</a></div><script>alert(1)</script><style>p{}</style><noscript><img src='http://n/a.jpg'>"
        "</noscript><!-- c --></div><div id='recommend_bottom'></div><div id='article_bottom'></div>"
    )
    assert clean_html(html) == "<p>正文</p>"


def test_boilerplate_switch_keeps_tool_containers_but_never_scripts() -> None:
    html = "<p>正文</p><div class='advise'>【纠错】</div><script>x()</script>"
    out = clean_html(html, options=CleanOptions(boilerplate=False))
    assert out == "<p>正文</p>\n<p>【纠错】</p>"


# Rule 2: lazy images -------------------------------------------------------------------------


def test_zaker_image_box_becomes_a_figure_with_real_url_and_size() -> None:
    out = clean_html(zaker_box("http://zkres1.myzaker.com/a_1024.jpg"))
    assert out == (
        '<figure><img src="http://zkres1.myzaker.com/a_1024.jpg" width="440" height="300" referrerpolicy="no-referrer"></figure>'
    )


def test_gif_url_wins_and_the_still_is_kept() -> None:
    article = zakerclean.parse(
        zaker_box("http://zkres1.myzaker.com/a_1024.jpg", gif="http://zkres1.myzaker.com/a_raw.gif")
    )
    (image,) = article.images
    assert image.url == "http://zkres1.myzaker.com/a_raw.gif"
    assert image.animated is True
    assert image.still_url == "http://zkres1.myzaker.com/a_1024.jpg"


@pytest.mark.parametrize(
    ("img", "expected"),
    [
        ('<img data-src="http://h/a.jpg" src="data:image/gif;base64,R0lGOD">', "http://h/a.jpg"),
        ('<img data-actualsrc="http://h/b.jpg" src="http://h/thumb.jpg">', "http://h/b.jpg"),
        ('<img srcset="http://h/s.jpg 320w, http://h/l.jpg 1024w" src="http://h/t.jpg">',
         "http://h/l.jpg"),
        ('<img srcset="http://h/1x.jpg 1x, http://h/2x.jpg 2x">', "http://h/2x.jpg"),
        ('<img data-original="data:image/png;base64,AA" src="http://h/c.jpg">', "http://h/c.jpg"),
        ('<img src="//h/d.jpg">', "https://h/d.jpg"),
    ],
)  # fmt: skip
def test_url_priority(img: str, expected: str) -> None:
    (image,) = zakerclean.parse(f"<p>图</p>{img}").images
    assert image.url == expected


def test_dimensions_must_be_integers() -> None:
    (image,) = zakerclean.parse('<img src="http://h/a.jpg" width="100%" height="240px">').images
    assert (image.width, image.height) == (None, 240)


def test_image_without_usable_url_is_reported() -> None:
    article = zakerclean.parse('<p>文字<img src="javascript:alert(1)"></p>')
    assert article.images == ()
    assert article.text == "文字"
    assert any("no usable URL" in w for w in article.report.warnings)


def test_inline_image_inside_text_stays_inline() -> None:
    out = clean_html('<p>前<img src="http://h/i.png">后</p>')
    assert out == '<p>前<img src="http://h/i.png" referrerpolicy="no-referrer">后</p>'


# Rule 3: URLs --------------------------------------------------------------------------------


def test_link_php_redirector_is_decoded() -> None:
    target = "https://www.example.com/a?b=1"
    b64 = base64.b64encode(target.encode()).decode()
    html = (
        f'<p><a href="http://iphone.myzaker.com/zaker/link.php?pk=1&b={b64}&target=_new">链</a></p>'
    )
    assert clean_html(html) == '<p><a href="https://www.example.com/a?b=1">链</a></p>'
    kept = clean_html(html, options=CleanOptions(decode_redirects=False))
    assert "link.php" in kept


def test_redirector_to_a_non_http_target_is_kept() -> None:
    b64 = base64.b64encode(b"javascript:alert(1)").decode()
    html = f'<p><a href="http://iphone.myzaker.com/zaker/link.php?b={b64}">链</a></p>'
    assert "link.php" in clean_html(html)


@pytest.mark.parametrize(
    "href",
    ["javascript:;", "JaVaScRiPt:alert(1)", "java\tscript:x", " vbscript:x", "data:text/html,x",
     "&#106;avascript:x"],
)  # fmt: skip
def test_unsafe_links_lose_the_url_and_keep_the_text(href: str) -> None:
    assert clean_html(f'<p>看<a href="{href}">这里</a>。</p>') == "<p>看这里。</p>"


def test_proxy_prefix_is_stripped_repeatedly_and_over_http() -> None:
    html = f'<p><a href="{PROXY}http://cors.zfour.workers.dev/?https://h/x">x</a></p>'
    assert clean_html(html) == '<p><a href="https://h/x">x</a></p>'


def test_custom_proxies_option() -> None:
    options = CleanOptions(proxies=("https://my.proxy/fetch?u=",))
    html = '<p><a href="https://my.proxy/fetch?u=https%3A%2F%2Fh%2Fy">y</a></p>'
    assert clean_html(html, options=options) == '<p><a href="https://h/y">y</a></p>'


def test_relative_urls_resolve_against_base_url() -> None:
    html = '<p><a href="/news/1.html">新闻</a><img src="img/a.png"></p>'
    out = clean_html(html, base_url="https://site.example/dir/page.html")
    assert 'href="https://site.example/news/1.html"' in out
    assert 'src="https://site.example/dir/img/a.png"' in out
    assert 'href="/news/1.html"' in clean_html(html)


# Rule 4: video -------------------------------------------------------------------------------


def test_zaker_video_block_becomes_a_video() -> None:
    info = quote(
        json.dumps(
            {
                "videoUrl": "http://zkres.myzaker.com/v.mp4",
                "imgUrl": "http://zkres.myzaker.com/p.jpg",
            }
        )
    )
    article = zakerclean.parse(f'<p>看</p><div class="zk_upvideo" data-zkinfo="{info}"></div>')
    assert (
        '<figure><video controls="" src="http://zkres.myzaker.com/v.mp4" poster="http://zkres.myzaker.com/p.jpg" referrerpolicy="no-referrer"></video></figure>'
        in article.html
    )
    (video,) = article.videos
    assert (video.url, video.poster, video.provider) == (
        "http://zkres.myzaker.com/v.mp4",
        "http://zkres.myzaker.com/p.jpg",
        "zkres.myzaker.com",
    )


def test_broken_zaker_video_json_is_reported() -> None:
    article = zakerclean.parse('<p>看</p><div class="zk_upvideo" data-zkinfo="%7Bbroken"></div>')
    assert article.videos == ()
    assert any("data-zkinfo" in w for w in article.report.warnings)


def test_video_source_becomes_video_src() -> None:
    html = (
        '<div class="video_container"><video poster="http://h/p.jpg"><source src="http://h/v.webm" '
        'type="video/webm"><source src="http://h/v.mp4">不支持</video></div>'
    )
    assert clean_html(html) == (
        '<figure><video controls="" src="http://h/v.webm" poster="http://h/p.jpg" referrerpolicy="no-referrer"></video></figure>'
    )


def test_iframe_player_becomes_a_link_and_a_video() -> None:
    html = '<div class="iframe_video"><iframe src="//v.qq.com/iframe/player.html?vid=abc"></iframe></div>'
    article = zakerclean.parse(html)
    url = "https://v.qq.com/iframe/player.html?vid=abc"
    assert article.html == f'<p><a href="{url}">视频：腾讯视频</a></p>'
    assert article.videos[0].url == url and article.videos[0].provider == "v.qq.com"


def test_iframe_with_unsafe_src_is_dropped_with_a_warning() -> None:
    article = zakerclean.parse('<p>x</p><iframe srcdoc="<script>1</script>"></iframe>')
    assert article.html == "<p>x</p>"
    assert article.report.warnings


# Rule 5: structure ---------------------------------------------------------------------------


def test_bare_text_after_image_box_becomes_a_paragraph() -> None:
    html = (
        "<div><p></p>"
        + zaker_box("http://h/a.jpg")
        + "接下来的正文继续讲述。<p></p><p>下一段</p></div>"
    )
    out = clean_html(html)
    assert out.split("\n")[1:] == ["<p>接下来的正文继续讲述。</p>", "<p>下一段</p>"]


@pytest.mark.parametrize(
    "caption", ["▲ 现场图片", "（记者 张三 摄）", "图源：网络", "样机外观（图自官网）"]
)
def test_caption_after_image_becomes_figcaption(caption: str) -> None:
    out = clean_html(zaker_box("http://h/a.jpg") + caption + "<p></p><p>正文</p>")
    assert f"<figcaption>{caption}</figcaption></figure>" in out
    plain = clean_html(zaker_box("http://h/a.jpg") + caption, options=CleanOptions(captions=False))
    assert f"<p>{caption}</p>" in plain


def test_long_text_after_image_is_not_a_caption() -> None:
    text = "▲" + "很长的说明文字" * 12
    assert f"<p>{text}</p>" in clean_html(zaker_box("http://h/a.jpg") + text)


def test_zk_decsimg_caption_joins_the_figure() -> None:
    html = (
        zaker_box("http://h/a.jpg")
        + '<div class="zaker_div"><div class="zk_decsimg zk_alignleft"><p>  样机正面</p></div>'
        + '<div class="edi_oper"></div></div>'
    )
    assert "<figcaption>样机正面</figcaption></figure>" in clean_html(html)


def test_renames_and_nested_inline_collapse() -> None:
    html = "<h1>大标题</h1><p><b> <strong>加粗</strong></b><i>斜</i><strong><strong>双</strong></strong></p>"
    assert (
        clean_html(html)
        == "<h2>大标题</h2>\n<p><strong>加粗</strong><em>斜</em><strong>双</strong></p>"
    )


def test_paragraph_never_holds_blocks() -> None:
    out = clean_html("<p>前<div>中间</div>后</p><p><a href='http://h'><div>块</div></a></p>")
    assert out == '<p>前</p>\n<p>中间</p>\n<p>后</p>\n<p><a href="http://h">块</a></p>'


def test_layout_divs_separate_paragraphs() -> None:
    assert clean_html("<div>第一</div><div><span>第二</span></div>") == "<p>第一</p>\n<p>第二</p>"


def test_lists_blockquotes_and_tables_keep_their_shape() -> None:
    html = (
        "<blockquote>引用文字</blockquote><ul><li><div>一</div></li>二<li>三</li></ul>"
        "<table><tr><td>甲</td><td></td></tr></table>"
    )
    assert clean_html(html) == (
        "<blockquote><p>引用文字</p></blockquote>\n<ul><li>一</li><li>二</li><li>三</li></ul>\n"
        "<table><tbody><tr><td>甲</td><td></td></tr></tbody></table>"
    )


# Rule 6: empty elements ----------------------------------------------------------------------


def test_empty_elements_go_repeatedly() -> None:
    html = "<p></p><p>\n \n</p><div><p><strong> </strong></p></div><p>留</p><table><tr><td> </td></tr></table>"
    assert clean_html(html) == "<p>留</p>"


def test_br_at_edges_and_in_runs_is_dropped() -> None:
    assert clean_html("<p><br>一<br><br><br>二<br></p>") == "<p>一<br>二</p>"


# Rule 7: attributes --------------------------------------------------------------------------


def test_only_allowlisted_attributes_survive() -> None:
    html = (
        '<p class="c" id="i" style="color:red" onclick="x()" data-x="1"><a href="http://h" '
        'target="_blank" rel="x" title="t">链</a></p><ol start="3" type="a"><li>项</li></ol>'
        '<table><tr><td colspan="2" rowspan="x" width="10">格</td></tr></table>'
    )
    assert clean_html(html) == (
        '<p><a href="http://h">链</a></p>\n<ol start="3"><li>项</li></ol>\n'
        '<table><tbody><tr><td colspan="2">格</td></tr></tbody></table>'
    )


def test_unknown_tags_are_unwrapped_keeping_text() -> None:
    assert (
        clean_html("<p><font color=red>红</font><abbr>缩</abbr><mark>标</mark></p>")
        == "<p>红缩标</p>"
    )


# Rule 8: whitespace --------------------------------------------------------------------------


def test_ascii_whitespace_collapses_and_trims() -> None:
    assert (
        clean_html("<p>  一 \n\t 二 <strong> 三 </strong> 四  </p>")
        == "<p>一 二 <strong>三 </strong>四</p>"
    )


def test_fullwidth_space_nbsp_and_punctuation_are_content() -> None:
    out = clean_html("<p>\u3000\u3000段首，全角（括号）\u00a0与ＡＢＣ</p>")
    assert out == "<p>\u3000\u3000段首，全角（括号）&nbsp;与ＡＢＣ</p>"


def test_pre_is_untouched() -> None:
    html = "<pre><code>a  =  1\n    b\n</code></pre>"
    assert clean_html(html) == html


# Rule 10: sanitize ---------------------------------------------------------------------------


@pytest.mark.parametrize("sanitizer", ["nh3", "bleach"])
def test_both_sanitizers_give_the_same_clean_output(sanitizer: str) -> None:
    options = CleanOptions(sanitizer=sanitizer)  # type: ignore[arg-type]
    html = (
        zaker_box("http://h/a.jpg")
        + "▲ 图<p>文 &amp; 字 &lt;tag&gt; \u00a0 <a href='mailto:a@b.c'>信</a></p>"
    )
    out = clean_html(html, options=options)
    assert out == clean_html(html)
    assert clean_html(out, options=options) == out


def test_report_counts_rules_in_order() -> None:
    article = zakerclean.parse("<div><p></p>" + zaker_box("http://h/a.jpg") + "<b>字</b></div>")
    names = [name for name, _ in article.report.steps]
    assert names == sorted(names, key=[p.name for p in PASSES].index)
    assert article.report.count("lazy_images") == 1
    assert names == ["lazy_images", "structure"]  # <p></p> dropped, <b> renamed, div unwrapped
    assert article.report.count("empty_elements") == 0


def test_trailing_spaces_go_but_full_width_space_and_letters_stay() -> None:
    article = zakerclean.parse("<p>正文\u3000 </p><p>ABCX </p><p>无 <b>空格</b></p>")
    assert article.html == "<p>正文\u3000</p>\n<p>ABCX</p>\n<p>无 <strong>空格</strong></p>"
    assert article.report.count("whitespace") == 2  # one per trimmed end, none for the third


def test_an_empty_cell_outside_any_table_is_removed() -> None:
    root = etree.fromstring(
        "<div><td></td><p>x</p><table><tr><td></td><td>y</td></tr></table></div>"
    )
    assert remove_empty_elements(root, CleanContext(CleanOptions())) == 1
    assert etree.tostring(root, encoding="unicode") == (
        "<div><p>x</p><table><tr><td/><td>y</td></tr></table></div>"
    )


def test_a_base_href_behind_a_proxy_is_unwrapped() -> None:
    article = zakerclean.parse(
        '<base href="https://cors.zfour.workers.dev/?https://b.example/dir/"><p><img src="a.jpg"></p>'
    )
    assert [image.url for image in article.images] == ["https://b.example/dir/a.jpg"]


def test_the_final_sanitizer_is_nh3_by_default() -> None:
    assert sanitize('<p onclick="x">a</p>') == sanitize('<p onclick="x">a</p>', "nh3") == "<p>a</p>"


def test_an_unusable_base_href_is_quoted_up_to_60_characters() -> None:
    href = "javascript:" + "x" * 80
    article = zakerclean.parse(f'<base href="{href}"><p>t</p>')
    assert article.report.warnings == (f"<base href={href[:60]!r}> ignored: no usable base URL",)


def test_trailing_spaces_after_inline_elements_go_but_full_width_space_and_letters_stay() -> None:
    article = zakerclean.parse("<p>正文<b>粗</b>\u3000 </p><p>a<b>b</b>ABCX </p>")
    assert article.html == "<p>正文<strong>粗</strong>\u3000</p>\n<p>a<strong>b</strong>ABCX</p>"
    assert article.report.count("whitespace") == 2
