"""Shared fixtures: the real corpus (../shared/corpus beside the checkout) and small helpers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
#: ``ZAKERCLEAN_CORPUS`` points elsewhere (the mutation run works in a copy of the repository).
CORPUS = Path(os.environ.get("ZAKERCLEAN_CORPUS") or ROOT.parent / "shared" / "corpus")
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


# -- hypothesis profiles -------------------------------------------------------------------------
# CI must be deterministic: a red run has to stay red until the code changes, so the "ci" profile
# (the default) derandomizes, keeps no example database (no files written into the checkout)
# and prints the blob that reproduces a failure.  The wide random search is the "long" profile,
# for local runs (docs/security.md, "Long property runs"):
#     ZAKERCLEAN_HYPOTHESIS=long python -m pytest      or      python -m pytest --hypothesis-profile=long
# (the command-line option wins over the environment variable).  Tests whose own settings fix
# ``max_examples`` keep that number in both profiles; ``derandomize`` is never set by a test.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None)
settings.register_profile(
    "long", max_examples=5_000, derandomize=False, database=None, print_blob=True, deadline=None
)
settings.load_profile(os.environ.get("ZAKERCLEAN_HYPOTHESIS", "ci"))
