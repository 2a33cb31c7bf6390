"""Golden outputs: every corpus post's and every example's full ``Article`` (JSON), committed.

Any behaviour change shows up as a diff of ``tests/golden/``, reviewed in the same commit and
explained in CHANGELOG.  To rewrite the goldens after an intended change::

    python -m pytest tests/test_golden.py --update-goldens
    git diff tests/golden/        # review every changed line before committing

Besides the default options, each post is also kept with every switchable rule on (the
typography passes that are off by default included), so those paths are pinned too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import zakerclean
from tests.conftest import CORPUS, EXAMPLES, corpus_posts, post_ids

GOLDEN = Path(__file__).resolve().parent / "golden"
#: Options of the second golden set: every rule switched on.
ALL_ON = zakerclean.CleanOptions(cjk_parentheses=True, cjk_spacing=True)


def _inputs() -> list[tuple[str, Path]]:
    paths = corpus_posts()
    posts = [(f"corpus/{i}", p) for i, p in zip(post_ids(paths), paths, strict=True)]
    examples = sorted(EXAMPLES.glob("*.md"))
    return posts + [(f"examples/{p.name}", p) for p in examples]


def _render(path: Path, options: zakerclean.CleanOptions) -> str:
    article = zakerclean.parse_file(path, options=options)
    data = json.loads(article.model_dump_json())
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _golden_path(name: str, variant: str) -> Path:
    stem = name.removesuffix(".md")
    return GOLDEN / variant / f"{stem}.json"


CASES = _inputs()


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "path", "variant"),
    [(n, p, v) for n, p in CASES for v in ("default", "all-rules")],
    ids=[f"{v}:{n}" for n, _ in CASES for v in ("default", "all-rules")],
)
def test_golden(name: str, path: Path, variant: str, request: pytest.FixtureRequest) -> None:
    if name.startswith("corpus/") and not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent (CI always has it)")
    options = zakerclean.CleanOptions() if variant == "default" else ALL_ON
    actual = _render(path, options)
    golden = _golden_path(name, variant)
    if request.config.getoption("--update-goldens"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.exists(), f"no golden for {name}: run pytest --update-goldens and review"
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{name} ({variant}) differs from {golden}: see git diff after --update-goldens"
    )


def test_no_stale_goldens() -> None:
    """Every golden file belongs to an input that still exists (a removed post's golden goes)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent (CI always has it)")
    wanted = {_golden_path(n, v) for n, _ in CASES for v in ("default", "all-rules")}
    present = set(GOLDEN.rglob("*.json"))
    assert present - wanted == set()
