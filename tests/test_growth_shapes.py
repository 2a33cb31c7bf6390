"""``benchmarks/growth.py``'s hostile shapes, built tiny: valid input that zakerclean cleans.

Timing is never asserted here (SPEC §6's growth limit is checked by running the script); this
only keeps the builders honest, so that the benchmark measures what it says it measures.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

import zakerclean

GROWTH_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "growth.py"


def _load_growth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("zakerclean_growth_benchmark", GROWTH_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


growth = _load_growth()
SHAPES = {shape.name: shape for shape in growth.SHAPES}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shape_is_valid_html_that_grows(name: str) -> None:
    build = SHAPES[name].build
    small, large = build(2), build(8)
    assert isinstance(small, str) and small
    assert len(build(9)) - len(large) == len(large) - len(build(7)) > 0  # grows linearly in n
    parser = etree.HTMLParser(recover=True)
    etree.fromstring(f"<html><body>{small}</body></html>", parser)
    assert not [e for e in parser.error_log if e.level_name in ("ERROR", "FATAL")], name


@pytest.mark.parametrize("sanitizer", ["nh3", "bleach"])
@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shape_cleans_and_parses(name: str, sanitizer: str) -> None:
    body = SHAPES[name].build(3)
    options = zakerclean.CleanOptions(sanitizer=sanitizer)
    cleaned = zakerclean.clean_html(body, options=options)
    assert cleaned and zakerclean.clean_html(cleaned, options=options) == cleaned
    article = zakerclean.parse(growth.as_post(body), options=options)
    assert article.title == "growth" and article.html == cleaned


def test_table_and_exit_status() -> None:
    rows = [
        growth.Row("s", "nh3", "parse", 1, 1.0, 4.0),
        growth.Row("t", "nh3", "parse", 1, 1.0, 6.0),
    ]
    text = growth.table(rows, 5.0)
    assert "4.00×" in text and "**> 5×**" in text
