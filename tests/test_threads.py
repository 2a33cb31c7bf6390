"""SPEC §1: library calls are thread-safe.  Same results from 8 threads as from one, with
either sanitizer (bleach's ``Cleaner`` is not thread-safe by itself: one per thread)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import zakerclean
from tests.conftest import EXAMPLES, corpus_posts
from zakerclean import CleanOptions


@pytest.mark.parametrize("sanitizer", ["nh3", "bleach"])
def test_threads_give_the_sequential_results(sanitizer: str) -> None:
    options = CleanOptions(sanitizer=sanitizer)  # type: ignore[arg-type]
    paths: list[Path] = sorted(EXAMPLES.glob("*.md")) + corpus_posts()[:40]
    posts = [path.read_text(encoding="utf-8") for path in paths] * 6
    expected = [zakerclean.parse(post, options=options) for post in posts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda post: zakerclean.parse(post, options=options), posts))
    assert [a.html for a in results] == [a.html for a in expected]
    assert results == expected
