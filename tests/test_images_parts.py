"""Rule 2's helpers for a noscript fallback (``rules/images.py``), on their own: which attributes
describe the real image, and which neighbour is a lone lazy image."""

from __future__ import annotations

import pytest

from zakerclean.dom import parse_fragment
from zakerclean.rules import images
from zakerclean.rules.images import NONE, PLACEHOLDER, PREVIEW, _fallback_attributes


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
