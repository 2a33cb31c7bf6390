"""bleach over bounded pieces gives exactly what bleach over the whole HTML gives.

:func:`zakerclean.sanitize.top_level_pieces` keeps bleach linear on posts of thousands of
top-level blocks; these tests force tiny pieces (1, 2, 3, 7 blocks) on every corpus post's
clean HTML, on the benchmark's hostile shapes and on the XSS vectors, and compare.
"""

from __future__ import annotations

import pytest
from hypothesis import given

import zakerclean
from zakerclean.rules.sanitize import _bleach_cleaner, top_level_pieces

from .conftest import corpus_posts
from .test_fuzz import FUZZ, html_soup
from .test_growth_shapes import SHAPES
from .xss_vectors import VECTORS

pytest.importorskip("bleach")

PIECES = (1, 2, 3, 7)


def _same_in_pieces(html: str) -> None:
    clean = _bleach_cleaner()
    whole = clean(html)
    for blocks in PIECES:
        pieces = top_level_pieces(html, blocks)
        assert "".join(pieces) == html
        assert "".join(clean(piece) for piece in pieces) == whole, (blocks, html[:200])


def _corpus_html() -> list[str]:
    return [zakerclean.parse(path.read_bytes()).html for path in corpus_posts()]


@pytest.mark.parametrize("html", _corpus_html())
def test_corpus_html_in_pieces(html: str) -> None:
    _same_in_pieces(html)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_hostile_shapes_in_pieces(name: str) -> None:
    body = SHAPES[name].build(5)
    _same_in_pieces(zakerclean.clean_html(body))
    _same_in_pieces(body)  # raw input too: split only where that is safe


@pytest.mark.parametrize("vector", [payload for _, payload in VECTORS])
def test_xss_vectors_in_pieces(vector: str) -> None:
    _same_in_pieces(f"<p>a</p>\n{vector}\n<p>b</p>\n<p>c</p>")
    try:
        cleaned = zakerclean.clean_html(f"<p>a</p>{vector}<p>b</p><p>c</p>")
    except zakerclean.ZakerCleanError:  # binary input, refused before any sanitizer
        return
    _same_in_pieces(cleaned)


def test_what_is_not_split() -> None:
    assert top_level_pieces("<p>a</p><p>b</p>", 1) == ["<p>a</p>", "<p>b</p>"]
    for html in (
        "<p>a</p><plaintext><p>b</p>",
        "<p>a</p><!-- c --><p>b</p>",
        "<p>a</p></p><p>b</p>",
        "<p>a<p>b</p>",
        "<p>a</p><textarea><p>b</p></textarea>",
        "<p><em>a</p></em><p>b</p>",
        "<p\u3000x>a</p><p>b</p>",
        '<p>a</p><img src="x" onerror="y\n<p>b</p>',
        "<p>a</p>b < c<p>d</p>",
    ):
        assert top_level_pieces(html, 1) == [html]
    assert top_level_pieces("<br><br>", 1) == ["<br>", "<br>"]


@FUZZ
@given(html_soup())
def test_fuzzed_soup_in_pieces(soup: str) -> None:
    _same_in_pieces(soup)
    try:
        cleaned = zakerclean.clean_html(soup)
    except zakerclean.ZakerCleanError:
        return
    _same_in_pieces(cleaned)
