"""Shared fixtures: the real corpus (../shared/corpus beside the checkout) and small helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


def corpus_posts() -> list[Path]:
    """Every real post of the corpus (empty when the corpus folder is absent)."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.glob("*/*.md") if p.name != "README.md")


requires_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/corpus is absent (CI always has it)"
)


def post_ids(paths: list[Path]) -> list[str]:
    return [f"{p.parent.name}/{p.name}" for p in paths]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current outputs (review the diff before committing)",
    )
