"""The examples in the docs are doctests: the docs cannot drift from the code."""

from __future__ import annotations

import doctest

import pytest

from .conftest import ROOT

DOCTEST_PAGES = ["docs/rules.md"]


@pytest.mark.parametrize("page", DOCTEST_PAGES)
def test_documented_examples_are_real_output(page: str) -> None:
    result = doctest.testfile(str(ROOT / page), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_the_reviewed_survivors_in_the_docs_are_the_file() -> None:
    page = (ROOT / "docs" / "mutation.md").read_text(encoding="utf-8")
    listed = page.split("## Every reviewed survivor", 1)[1].split("```text\n", 1)[1]
    listed = listed.split("\n```", 1)[0]
    known = (ROOT / "mutation" / "known_survivors.txt").read_text(encoding="utf-8")
    assert listed == known.rstrip("\n")
