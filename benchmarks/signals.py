"""What the signals (SPEC §10: flags, credits, dropped picture URLs) cost, against ``parse``.

Every corpus post (and ``examples/*.md``) is parsed with the signals and without them (their
four steps replaced by no-ops), interleaved and with the order alternated each repeat, so
machine noise hits both alike; a document's time is the minimum of its repeats.  The signals'
cost is the difference of the totals, as a share of ``parse``.  The budget is 5%.

    python benchmarks/signals.py            # 9 repeats
    python benchmarks/signals.py --repeat 3
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(REPO))

import zakerclean  # noqa: E402
from zakerclean.engine import article, pipeline  # noqa: E402
from zakerclean.models import Credits  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
BUDGET = 0.05
#: What the stubbed credits step returns: one instance, so "off" pays no validation either.
NO_CREDITS = Credits()


@contextmanager
def signals_off() -> Iterator[None]:
    """The four signal steps as no-ops (what ``parse`` cost before them)."""
    saved = (
        article.read_flags,
        article.read_credits,
        pipeline.picture_url_candidates,
        pipeline.dropped_picture_warnings,
    )
    article.read_flags = lambda body: ((), ())  # type: ignore[assignment]
    article.read_credits = lambda text, root=None, html=None: NO_CREDITS  # type: ignore[assignment]
    pipeline.picture_url_candidates = lambda root: []  # type: ignore[assignment]
    pipeline.dropped_picture_warnings = lambda *args: []  # type: ignore[assignment]
    try:
        yield
    finally:
        (
            article.read_flags,
            article.read_credits,
            pipeline.picture_url_candidates,
            pipeline.dropped_picture_warnings,
        ) = saved


def _time(call: Callable[[str], Any], text: str) -> float:
    start = time.perf_counter()
    call(text)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args(argv)
    paths = sorted(CORPUS.rglob("*.md")) if CORPUS.is_dir() else []
    paths = [p for p in paths if p.name != "README.md"] + sorted((REPO / "examples").glob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for text in texts:  # warm up
        zakerclean.parse(text)
    best_on = [float("inf")] * len(texts)
    best_off = [float("inf")] * len(texts)
    gc.disable()
    try:
        for repeat in range(args.repeat):
            for index, text in enumerate(texts):
                order = ("on", "off") if (repeat + index) % 2 else ("off", "on")
                for mode in order:
                    if mode == "on":
                        best_on[index] = min(best_on[index], _time(zakerclean.parse, text))
                    else:
                        with signals_off():
                            took = _time(zakerclean.parse, text)
                        best_off[index] = min(best_off[index], took)
    finally:
        gc.enable()
    on, off = sum(best_on), sum(best_off)
    share = (on - off) / off
    print(f"{len(texts)} documents, {args.repeat} repeats (minimum per document)")
    print(f"parse with signals:    {on * 1000:8.1f} ms total")
    print(f"parse without signals: {off * 1000:8.1f} ms total")
    print(f"signals cost:          {share:+.1%} of parse (budget {BUDGET:.0%})")
    return 0 if share < BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
