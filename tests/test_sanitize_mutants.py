"""The sanitizer's helpers, pinned down where the mutation run (docs/mutation.md) found them
loose: bleach's bounded pieces, the single-quote rewrite, the default backend."""

from __future__ import annotations

import pytest

from zakerclean.rules.sanitize import _double_quoted, sanitize, top_level_pieces


def _paragraphs(n: int) -> str:
    return "".join(f"<p>段{i}</p>" for i in range(n))


def test_sanitize_defaults_to_nh3() -> None:
    html = '<p title="x">文<script>alert(1)</script></p>'
    assert sanitize(html) == sanitize(html, "nh3") == "<p>文</p>"


def test_bleach_over_many_pieces_gives_the_whole_input_back() -> None:
    html = _paragraphs(450)  # three pieces of at most 200 top-level blocks
    assert len(top_level_pieces(html)) == 3
    assert sanitize(html, "bleach") == html == sanitize(html, "nh3")


@pytest.mark.parametrize(("n", "blocks", "sizes"), [(5, 2, [2, 2, 1]), (6, 3, [3, 3]), (7, 7, [7])])
def test_pieces_hold_blocks_top_level_elements_each(n: int, blocks: int, sizes: list[int]) -> None:
    pieces = top_level_pieces(_paragraphs(n), blocks)
    assert [piece.count("<p>") for piece in pieces] == sizes
    assert "".join(pieces) == _paragraphs(n)


def test_nested_elements_are_not_counted_as_top_level() -> None:
    html = "<ul><li>一</li><li>二</li></ul><p>三</p><p>四</p>"
    assert top_level_pieces(html, 1) == [
        "<ul><li>一</li><li>二</li></ul>",
        "<p>三</p>",
        "<p>四</p>",
    ]


@pytest.mark.parametrize(
    "html",
    [
        "<p>a</p><p>b</p><p>c",  # an element left open at the end
        "<p>a</p><p>b</p>x < y",  # a stray "<" after the last tag
        "<p>a</p><div>b</div><p>c</p>",  # a tag outside the allowlist
        "<p>a</p></p><p>b</p>",  # an end tag with nothing open
    ],
)
def test_markup_the_reading_does_not_understand_is_cleaned_whole(html: str) -> None:
    assert top_level_pieces(html, 1) == [html]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<img alt='say \"hi\"'>", '<img alt="say &quot;hi&quot;">'),
        ('<img src="a.jpg" alt=\'"\'>', '<img src="a.jpg" alt="&quot;">'),
        ("<td hidden alt='x'>", '<td hidden alt="x">'),  # an attribute without a value
        ('<img alt="plain">', '<img alt="plain">'),
    ],
)
def test_single_quoted_values_become_double_quoted(html: str, expected: str) -> None:
    assert _double_quoted(html) == expected
