"""The speed shortcuts of the engine (docs/performance.md) give exactly the slow path's result."""

from __future__ import annotations

import pytest

from zakerclean import clean_html
from zakerclean.dom import (
    has_forbidden_reference,
    html_text_of,
    parse_fragment,
    replace_forbidden_characters,
    serialize_children,
    to_html,
)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>&#8220;引号&#8221; &#x3000;</p>", False),
        ("<p>tab &#9; lf &#10; cr &#x0D; &#65;</p>", False),
        ("<p>&#00000000000065;</p>", False),
        ("<p>&amp;#1;</p>", False),
        ("<p>&#1;</p>", True),
        ("<p>&#x1F;</p>", True),
        ("<p>&#0;</p>", True),
        ("<p>&#xD800;</p>", True),
        ("<p>&#xFFFE;</p>", True),
        ("<p>&#x110000;</p>", True),
        ("<p>&#99999999999999999999;</p>", True),
        ('<img alt="&#11;" src="a.png">', True),
    ],
)
def test_forbidden_reference_precheck(html: str, expected: bool) -> None:
    assert has_forbidden_reference(html) is expected


@pytest.mark.parametrize(
    "html",
    [
        "<p>&#8220;引号&#8221; and &#65;&#x42;</p>",
        "<p>a&#1;b</p>",
        '<p><img alt="x&#11;y" src="a.png">z&#xFFFF;</p>',
        "<p>&#9;&#10;&#13;</p>",
    ],
)
def test_parse_fragment_same_as_full_walk(html: str) -> None:
    """With or without the pre-check, the tree holds no forbidden character and the same text."""
    fast = parse_fragment(html)
    slow = parse_fragment(html)
    replace_forbidden_characters(slow)  # the walk the pre-check may skip
    assert to_html(fast) == to_html(slow)


def _one_by_one(root: object) -> str:
    return "\n".join(to_html(child) for child in root)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<p>one</p>",
        "<p>one</p><p>two</p><figure><img src='a.png'></figure>",
        'lead<p>one</p>between<p alt="&lt;!--x--&gt;">two</p>after',
        "<p>a<!-- c -->b</p><pre>\n x\n</pre>",
    ],
)
def test_serialize_children_same_as_one_by_one(html: str) -> None:
    root = parse_fragment(html)
    tails = [child.tail for child in root]
    text = root.text
    assert serialize_children(root) == _one_by_one(root)
    assert [child.tail for child in root] == tails and root.text == text  # tree untouched


def test_clean_html_with_references() -> None:
    assert clean_html("<p>a&#1;b &#8220;c&#8221;</p>") == "<p>a\ufffdb \u201cc\u201d</p>"


@pytest.mark.parametrize(
    "html",
    [
        "<p>x&amp;<strong>y</strong>&#160;z</p>",
        "<p>引号<a href='u'>链接<em>强调</em></a>尾巴<br>下一行</p>",
        "<p>a<!-- dropped -->b<?pi x?>c</p>",
        "<pre>\n  code &lt;b&gt;\n</pre>",
        "<p>a&#1;b<img src='a.png' alt='x'>c</p>",
    ],
)
def test_html_text_of_same_as_itertext(html: str) -> None:
    for element in parse_fragment(html).iter():
        assert html_text_of(element) == "".join(element.itertext())
