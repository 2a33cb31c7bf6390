"""Rule 2 on lazy images the way other sites write them (issue 16): ``data-srcset``,
``data-lazy-*``, placeholders and blurred previews with a ``<noscript>`` fallback, ``srcset``
with and without spaces, and a document's ``<base href>``.

The fixtures are synthetic, in the shapes real sites use (WordPress lazy loaders, Medium,
lazysizes, Hexo themes); every real image must be resolved, no placeholder or preview kept,
and the size must come from the image actually chosen.
"""

from __future__ import annotations

import pytest
from lxml import etree

import zakerclean
from zakerclean import CleanOptions, clean_html
from zakerclean.context import CleanContext
from zakerclean.dom import parse_fragment
from zakerclean.rules import images
from zakerclean.rules.images import (
    NONE,
    PLACEHOLDER,
    PREVIEW,
    _fallback_attributes,
    is_placeholder_url,
    is_preview_url,
)
from zakerclean.rules.srcset import SrcsetCandidate, largest_candidate, parse_srcset
from zakerclean.rules.srcset import SrcsetCandidate as C

GIF = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="


def _images(html: str, **kwargs: str) -> list[tuple[str, int | None, int | None]]:
    article = zakerclean.parse(f"<p>正文</p>{html}", **kwargs)  # type: ignore[arg-type]
    return [(i.url, i.width, i.height) for i in article.images]


# The repros of issue 16 --------------------------------------------------------------------


def test_issue_data_srcset_behind_a_data_placeholder() -> None:
    article = zakerclean.parse(
        f'<p><img src="{GIF}" data-srcset="https://img.example.com/a-800.jpg 800w"></p>'
    )
    assert [i.url for i in article.images] == ["https://img.example.com/a-800.jpg"]


def test_issue_medium_blur_preview_is_replaced_by_the_noscript_image() -> None:
    article = zakerclean.parse(
        '<figure><div><img src="https://miro.medium.com/max/60/1*abc.png?q=20" width="1894" '
        'height="970"></div><noscript><img src="https://miro.medium.com/max/3788/1*abc.png">'
        "</noscript></figure>"
    )
    (image,) = article.images
    assert image.url == "https://miro.medium.com/max/3788/1*abc.png"
    # the preview's size is not the real image's: the noscript image states none
    assert (image.width, image.height) == (None, None)
    assert "q=20" not in article.html
    assert "noscript" not in article.html


def test_issue_srcset_without_space_after_the_comma_picks_the_large_one() -> None:
    images = _images('<img srcset="https://h/a.jpg 320w,https://h/b.jpg 800w">')
    assert images == [("https://h/b.jpg", None, None)]


def test_issue_base_href_applies_to_images_and_links() -> None:
    html = '<base href="/"><p><a href="x/y.html">链接</a></p><p><img src="img/a.jpg"></p>'
    article = zakerclean.parse(html, base_url="https://example.com/news/2019/post.html")
    assert article.images[0].url == "https://example.com/img/a.jpg"
    assert '<a href="https://example.com/x/y.html">' in article.html


# Fixtures in the shapes real sites use ------------------------------------------------------

SHAPES = [
    # WordPress lazy load (a3, rocket): placeholder src, data-lazy-src and data-lazy-srcset
    (
        f'<img width="1024" height="683" src="{GIF}" data-lazy-src="https://wp.example/a-1024.jpg"'
        ' data-lazy-srcset="https://wp.example/a-300.jpg 300w, https://wp.example/a-1024.jpg 1024w">',
        [("https://wp.example/a-1024.jpg", 1024, 683)],
    ),
    # lazysizes: data-srcset only, no src at all
    (
        '<img class="lazyload" data-srcset="https://ls.example/s.jpg 480w,'
        'https://ls.example/m.jpg 960w,https://ls.example/l.jpg 1920w" width="1920" height="1080">',
        [("https://ls.example/l.jpg", 1920, 1080)],
    ),
    # a spacer file as src and the real one in data-src
    (
        '<img src="/wp-content/themes/x/images/blank.gif" data-src="https://h.example/real.png">',
        [("https://h.example/real.png", None, None)],
    ),
    # a data: placeholder with the real picture's size, real image in the noscript after it
    (
        f'<img src="{GIF}" width="800" height="600" class="lazy">'
        '<noscript><img src="https://ns.example/real.jpg"></noscript>',
        [("https://ns.example/real.jpg", 800, 600)],
    ),
    # the noscript before the lazy image; its own size wins over the placeholder's
    (
        '<noscript><img src="https://ns.example/b.jpg" width="1200" height="900"></noscript>'
        f'<img src="{GIF}" width="300" height="200">',
        [("https://ns.example/b.jpg", 1200, 900)],
    ),
    # a 1×1 spacer's own size never sticks to the real image
    (
        f'<span><img src="{GIF}" width="1" height="1"></span>'
        '<noscript><img src="https://ns.example/c.jpg"></noscript>',
        [("https://ns.example/c.jpg", None, None)],
    ),
    # a blurred preview by quality, real image with a srcset in the noscript
    (
        '<div class="progressive"><img src="https://cdn.example/p.jpg?w=20&q=10" width="1600"'
        ' height="900"></div><noscript><img srcset="https://cdn.example/p.jpg 1x,'
        'https://cdn.example/p@2x.jpg 2x" width="1600" height="900"></noscript>',
        [("https://cdn.example/p@2x.jpg", 1600, 900)],
    ),
    # x descriptors with spaces; no descriptor counts as 1x
    (
        '<img srcset="https://x.example/a.jpg, https://x.example/a-3x.jpg 3x, '
        'https://x.example/a-2x.jpg 2x">',
        [("https://x.example/a-3x.jpg", None, None)],
    ),
    # a URL with commas in it (Cloudinary transformations), as the standard allows
    (
        '<img srcset="https://res.example/image/upload/w_400,c_fill/a.jpg 400w,'
        'https://res.example/image/upload/w_1200,c_fill/a.jpg 1200w">',
        [("https://res.example/image/upload/w_1200,c_fill/a.jpg", None, None)],
    ),
    # data-srcset is preferred to a plain srcset that only holds the placeholder
    (
        f'<img srcset="{GIF} 1x" data-srcset="https://d.example/a.webp 2x">',
        [("https://d.example/a.webp", None, None)],
    ),
]


@pytest.mark.parametrize(("html", "expected"), SHAPES)
def test_real_sites_lazy_shapes(
    html: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    article = zakerclean.parse(f"<p>正文</p>{html}")
    assert [(i.url, i.width, i.height) for i in article.images] == expected
    assert "data:" not in article.html and "blank.gif" not in article.html
    assert "noscript" not in article.html
    assert clean_html(article.html) == article.html


def test_base_href_absolute_replaces_the_base_url() -> None:
    images = _images(
        '<base href="https://cdn.example.com/s/"><img src="a.jpg">',
        base_url="https://example.com/post",
    )
    assert images == [("https://cdn.example.com/s/a.jpg", None, None)]


def test_base_href_relative_without_a_base_url() -> None:
    article = zakerclean.parse('<base href="/news/"><p><a href="a.html">l</a><img src="b.jpg"></p>')
    assert article.images[0].url == "/news/b.jpg"
    assert '<a href="/news/a.html">' in article.html


def test_only_the_first_base_counts_and_unsafe_ones_are_ignored() -> None:
    images = _images(
        '<base target="_blank"><base href="https://one.example/"><base href="https://two.example/">'
        '<img src="a.jpg">'
    )
    assert images == [("https://one.example/a.jpg", None, None)]
    article = zakerclean.parse(
        '<base href="javascript:alert(1)"><p>字<img src="a.jpg"></p>', base_url="https://e.com/"
    )
    assert article.images[0].url == "https://e.com/a.jpg"
    assert any("<base" in warning for warning in article.report.warnings)


def test_base_href_reaches_clean_html() -> None:
    out = clean_html('<base href="https://e.com/d/"><p><img src="a.jpg"></p>')
    assert out.startswith('<figure><img src="https://e.com/d/a.jpg"')


def test_placeholder_alone_is_dropped_with_a_warning() -> None:
    article = zakerclean.parse('<p>字<img src="https://h.example/images/loading.gif"></p>')
    assert article.images == ()
    assert any("only a placeholder" in warning for warning in article.report.warnings)


def test_preview_alone_is_kept_with_a_warning() -> None:
    article = zakerclean.parse('<p>字<img src="https://miro.medium.com/max/60/1*x.png?q=20"></p>')
    assert [i.url for i in article.images] == ["https://miro.medium.com/max/60/1*x.png?q=20"]
    assert any("preview" in warning for warning in article.report.warnings)


def test_a_noscript_elsewhere_stays_out() -> None:
    """A tracking pixel in a noscript of its own is no image; nor is a noscript next to a real
    image a second copy of it."""
    article = zakerclean.parse(
        '<p>字</p><noscript><img src="https://t.example/tr?id=1" width="1" height="1"></noscript>'
        '<p><img data-src="https://h.example/a.jpg" src="' + GIF + '"></p>'
        '<noscript><img src="https://h.example/a-copy.jpg"></noscript>'
    )
    assert [i.url for i in article.images] == ["https://h.example/a.jpg"]


def test_fallback_off_when_noscript_shape_is_text() -> None:
    html = f'<img src="{GIF}"><noscript>请开启 JavaScript</noscript>'
    article = zakerclean.parse(f"<p>正文</p>{html}")
    assert article.images == ()
    assert "JavaScript" not in article.text


def test_sanitizers_agree_on_lazy_shapes() -> None:
    for html, _expected in SHAPES:
        assert clean_html(html) == clean_html(html, options=CleanOptions(sanitizer="bleach"))


# The srcset parser --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("srcset", "expected"),
    [
        ("a.jpg 320w,b.jpg 800w", [SrcsetCandidate("a.jpg", 320), SrcsetCandidate("b.jpg", 800)]),
        ("a.jpg 320w, b.jpg 800w", [SrcsetCandidate("a.jpg", 320), SrcsetCandidate("b.jpg", 800)]),
        ("a.jpg,b.jpg 2x", [SrcsetCandidate("a.jpg,b.jpg", density=2.0)]),
        ("a.jpg, b.jpg 2x", [SrcsetCandidate("a.jpg"), SrcsetCandidate("b.jpg", density=2.0)]),
        ("  ,, a.jpg 1.5x ,", [SrcsetCandidate("a.jpg", density=1.5)]),
        ("a.jpg 10q, b.jpg 2x", [SrcsetCandidate("b.jpg", density=2.0)]),  # invalid dropped
        ("a.jpg 100w 2x, b.jpg 100w", [SrcsetCandidate("b.jpg", 100)]),  # w and x: invalid
        ("a.jpg (x, y) 100w, b.jpg", [SrcsetCandidate("b.jpg")]),  # parens: invalid descriptor
        ("a.jpg 100w 50h", [SrcsetCandidate("a.jpg", 100)]),
        ("", []),
    ],
)
def test_parse_srcset_as_the_standard(srcset: str, expected: list[SrcsetCandidate]) -> None:
    assert parse_srcset(srcset) == expected


def test_largest_candidate() -> None:
    assert (largest_candidate("a 1x, b 3x, c 2x") or SrcsetCandidate("")).url == "b"
    assert (largest_candidate("a 2x, b 100w") or SrcsetCandidate("")).url == "b"
    assert largest_candidate(" , ") is None


def test_parse_srcset_is_linear() -> None:
    candidates = parse_srcset(",".join(f"https://h/{i}.jpg {i + 1}w" for i in range(100_000)))
    assert len(candidates) == 100_000


@pytest.mark.parametrize(
    ("url", "placeholder", "preview"),
    [
        ("https://h/x/blank.gif", True, False),
        ("https://h/lazy-placeholder.png?v=2", True, False),
        ("https://h/photo.gif", False, False),
        ("https://miro.medium.com/max/60/1*a.png?q=20", False, True),
        ("https://miro.medium.com/max/3788/1*a.png", False, False),
        ("https://h/a.jpg?w=20", False, True),
        ("https://h/a.jpg?w=1200&q=80", False, False),
        ("https://h/a.jpg?blur=1", False, True),
    ],
)
def test_placeholder_and_preview_urls(url: str, placeholder: bool, preview: bool) -> None:
    assert (is_placeholder_url(url), is_preview_url(url)) == (placeholder, preview)


def test_base_href_in_a_page_head() -> None:
    page = (
        '<!DOCTYPE html><html><head><base href="/static/"><link rel="canonical" '
        'href="https://www.myzaker.com/article/abc"></head><body><h1>标题</h1>'
        '<div class="article_content"><div><p>字<img src="a.jpg"></p></div></div></body></html>'
    )
    article = zakerclean.parse(page)
    assert [i.url for i in article.images] == ["https://www.myzaker.com/static/a.jpg"]


# -- the noscript fallback helpers, on their own -----------------------------------------------------


@pytest.mark.parametrize(
    ("lazy", "real", "kind", "described"),
    [
        # the real image's own size and size pair; a blank alt of its own gives way to the lazy one
        (
            {"alt": "lazy", "width": "60", "height": "40"},
            {"src": "r", "width": "800", "height": "600", "alt": " ", "data-img-size-val": "800,600", "class": "x"},
            PREVIEW,
            {"width": "800", "height": "600", "alt": "lazy", "data-img-size-val": "800,600"},
        ),
        # a placeholder's size describes the picture it stands for: every size attribute copied
        (
            {"alt": "lazy", "width": "60", "data-height": "40", "data-img-size-val": "1,1", "h": "3"},
            {"src": "r"},
            PLACEHOLDER,
            {"alt": "lazy", "width": "60", "data-height": "40", "h": "3", "data-img-size-val": "1,1"},
        ),
        # ... unless it is a 1x1 spacer's own size
        ({"alt": "lazy", "width": "1", "height": "1"}, {"src": "r"}, PLACEHOLDER, {"alt": "lazy"}),
        # a preview's size is the preview's, not the picture's
        ({"alt": "lazy", "width": "60", "height": "40"}, {"src": "r"}, PREVIEW, {"alt": "lazy"}),
        # no URL at all: like a placeholder; the real image's own alt wins
        (
            {"alt": "lazy", "width": "60", "height": "40"},
            {"src": "r", "alt": "real"},
            NONE,
            {"alt": "real", "width": "60", "height": "40"},
        ),
        # the real image states one dimension: nothing is mixed in from the lazy one
        ({"w": "5", "data-width": "6"}, {"src": "r", "h": "7"}, NONE, {"h": "7"}),
        ({}, {"src": "r", "alt": ""}, NONE, {"alt": ""}),
    ],
)  # fmt: skip
def test_fallback_attributes(
    lazy: dict[str, str], real: dict[str, str], kind: str, described: dict[str, str]
) -> None:
    got = _fallback_attributes(lazy, real, kind)
    assert got == described
    assert list(got) == list(described)  # in this order


@pytest.mark.parametrize(
    ("html", "lone"),
    [
        ("<img src=x>", True),
        ("<div><img src=x></div>", True),
        ("<div> <span><img src=x></span> </div>", True),
        ("<a href=h><img src=x></a>", True),
        ("<figure><img src=x></figure>", True),
        ("<center><picture><img src=x></picture></center>", True),
        ("<section><p><img src=x></p></section>", True),
        ("<div><div><div><div><img src=x></div></div></div></div>", True),  # 4 wrappers
        ("<div><div><div><div><div><img src=x></div></div></div></div></div>", False),  # 5
        ("<div>t<img src=x></div>", False),
        ("<div><img src=x>t</div>", False),
        ("<div><span><img src=x>t</span></div>", False),
        ("<div><img src=x><img src=y></div>", False),
        ("<ul><li><img src=x></li></ul>", False),
        ("<div></div>", False),
    ],
)
def test_lone_image(html: str, lone: bool) -> None:
    root = parse_fragment(html)
    found = images._lone_image(root[0], images._FALLBACK_DEPTH)
    assert (found is not None) is lone
    if lone:
        assert found is next(root.iter("img"))


def test_a_noscript_is_matched_with_the_lazy_image_beside_it() -> None:
    root = parse_fragment(
        '<div><img src="data:,"></div><noscript><img src="https://a.example/1.jpg" alt="x"></noscript>'
        '<p>t</p><noscript><img src="https://a.example/2.jpg"></noscript> <span><img src="p.gif"></span>'
        "<p>u</p>text<noscript><img src='https://a.example/3.jpg'></noscript>"
    )
    first, second, third = root.iter("noscript")
    lazy, attributes = images.noscript_fallback(first)  # type: ignore[misc]
    assert (lazy.get("src"), attributes) == (
        "data:,",
        {"src": "https://a.example/1.jpg", "alt": "x"},
    )
    lazy, attributes = images.noscript_fallback(second)  # type: ignore[misc]
    assert (lazy.get("src"), attributes) == ("p.gif", {"src": "https://a.example/2.jpg"})
    assert images.noscript_fallback(third) is None  # text before it: no lone image beside it
    assert images.noscript_fallback(parse_fragment("<img src=x><noscript>t</noscript>")[1]) is None


def test_describe_names_the_url_attributes_only() -> None:
    root = parse_fragment(f'<img class="k" src="data:,{"x" * 80}" data-original=""><img alt=a>')
    assert images._describe(root[0]) == f"<img {{'src': 'data:,{'x' * 54}', 'data-original': ''}}>"
    assert images._describe(root[1]) == "<img> without any URL attribute"


# -- srcset descriptors, case by case ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("srcset", "candidates"),
    [
        ("a.jpg 0w", []),  # a width must be positive
        ("a.jpg 10W", []),  # descriptors are case-sensitive
        ("a.jpg w", []),
        ("a.jpg 2q", []),
        ("a.jpg -1x", []),  # a density must not be negative
        ("a.jpg 0x", [C("a.jpg", density=0.0)]),
        ("a.jpg 1.5x", [C("a.jpg", density=1.5)]),
        ("a.jpg .5x", [C("a.jpg", density=0.5)]),
        ("a.jpg 1e1x", [C("a.jpg", density=10.0)]),
        ("a.jpg 100w 50h", [C("a.jpg", width=100)]),  # h is allowed beside a w
        ("a.jpg 50h 100w", [C("a.jpg", width=100)]),
        ("a.jpg 50h", []),  # ... and only beside one
        ("a.jpg 100w 0h", []),
        ("a.jpg 100w 1h", [C("a.jpg", width=100)]),  # 1 is positive
        ("a.jpg 100w 50h 60h", []),
        ("a.jpg 2x 50h", []),
        ("a.jpg 100w 100w", []),  # one descriptor of a kind
        ("a.jpg 1x 2x", []),
        ("a.jpg 100w 2x", []),  # w and x exclude each other
        ("a.jpg 2x 100w", []),
        ("a.jpg (x y), b.jpg 2x", [C("b.jpg", density=2.0)]),  # unknown descriptor: dropped
        ("a.jpg 100w (z,y) ,b.jpg 1x", [C("b.jpg", density=1.0)]),  # a comma in parentheses
        ("a.jpg,b.jpg 2x", [C("a.jpg,b.jpg", density=2.0)]),  # a URL runs to whitespace
        ("a.jpg, b.jpg", [C("a.jpg"), C("b.jpg")]),  # trailing commas end a URL
        (",,a.jpg", [C("a.jpg")]),
        ("a.jpg\t100w\n,\fb.jpg\r2x", [C("a.jpg", width=100), C("b.jpg", density=2.0)]),
        ("  ", []),
        ("a.jpg 1x, ", [C("a.jpg", density=1.0)]),  # trailing separators
        ("http://h/aX, b 2x", [C("http://h/aX"), C("b", density=2.0)]),
    ],
)
def test_descriptors(srcset: str, candidates: list[C]) -> None:
    assert parse_srcset(srcset) == candidates


@pytest.mark.parametrize(
    ("srcset", "url"),
    [
        ("a 1x, b 3x, c 2x", "b"),
        ("a, b 0.5x", "a"),  # no descriptor counts as 1x
        ("a 0.5x, b", "b"),
        ("a, b 1.5x", "b"),
        ("a 100w, b 300w, c 300w", "b"),  # the first of equals
        ("a 2x, b 10w", "b"),  # a width wins over any density
        ("a 3x, b 3x", "a"),
    ],
)
def test_largest_candidate_of_each_kind(srcset: str, url: str) -> None:
    candidate = largest_candidate(srcset)
    assert candidate is not None and candidate.url == url


def test_no_candidate() -> None:
    assert largest_candidate("") is None
    assert largest_candidate("a.jpg 0w") is None


@pytest.mark.parametrize(
    ("markup", "picked"),
    [
        (
            '<img data-gif-url="http://zkres.myzaker.com/a.gif" '
            'data-original="http://zkres.myzaker.com/a.jpg" '
            'src="https://cors.zfour.workers.dev/?http://zkres.myzaker.com/s.jpg">',
            ("http://zkres.myzaker.com/a.gif", "http://zkres.myzaker.com/a.jpg"),
        ),
        (
            '<img src="data:image/gif;base64,R0lGOD" data-src="http://h.example/b.png">',
            ("http://h.example/b.png", None),
        ),
        ('<img src="javascript:x">', (None, None)),
    ],
)
def test_pick_image_url(markup: str, picked: tuple[str | None, str | None]) -> None:
    assert images.pick_image_url(parse_fragment(markup)[0], CleanContext(CleanOptions())) == picked


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="data:,">text<noscript><img src="https://a.example/1.jpg"></noscript>',
        '<noscript><img src="https://a.example/1.jpg"></noscript>text<img src="data:,">',
    ],
)
def test_text_between_a_noscript_and_an_image_keeps_them_apart(markup: str) -> None:
    noscript = next(parse_fragment(markup).iter("noscript"))
    assert images.noscript_fallback(noscript) is None


def test_a_comment_beside_a_noscript_is_passed_over() -> None:
    root = parse_fragment(
        '<noscript><img src="https://a.example/1.jpg"></noscript><img src="data:,">'
    )
    noscript = root[0]
    noscript.addprevious(etree.Comment("c"))
    found = images.noscript_fallback(noscript)
    assert found is not None and found[0].get("src") == "data:,"
