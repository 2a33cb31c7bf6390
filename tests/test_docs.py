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
