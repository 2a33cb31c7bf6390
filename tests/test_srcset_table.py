"""``srcset`` descriptors, case by case, as the HTML standard's parser judges them
(``rules/srcset.py``; tests/test_lazy_images.py has the shapes real sites write)."""

from __future__ import annotations

import pytest

from zakerclean.rules.srcset import SrcsetCandidate as C
from zakerclean.rules.srcset import largest_candidate, parse_srcset


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
        ("a 100w, b 300w, c 300w", "b"),  # the first of equals
        ("a 2x, b 10w", "b"),  # a width wins over any density
        ("a 3x, b 3x", "a"),
    ],
)
def test_largest_candidate(srcset: str, url: str) -> None:
    candidate = largest_candidate(srcset)
    assert candidate is not None and candidate.url == url


def test_no_candidate() -> None:
    assert largest_candidate("") is None
    assert largest_candidate("a.jpg 0w") is None
