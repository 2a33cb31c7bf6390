"""The long run of generated hostile HTML in headless Chromium (issue 23; docs/security.md).

    python fuzz/browser_run.py --candidates 10000 --seed 20261203

For each candidate of ``grammar.generate(seed, candidates)`` and each backend (nh3, bleach):
``clean_html`` and ``parse`` are called (timed: the slowest call is reported), the properties of
``properties.py`` are checked (contract, idempotence, nothing added, allowlist under three
parsers, stable html5lib round trip), and every distinct output is rendered in Chromium by the
harness of ``tests/test_browser.py`` twice: set through ``innerHTML`` on a loaded page, and
served as a full page; each render also re-parses every fragment through ``innerHTML`` (the
round trip) and pokes every element with synthetic events.  Positive controls (raw vectors) are
rendered first in both modes and must execute, or the run stops: a silent harness proves nothing.

Needs the test and browser extras (``pip install -e '.[test,browser]'``) and Debian's
``chromium``.  Prints one summary table; exits 1 on any execution or violation.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "fuzz")]

import grammar  # noqa: E402
import properties  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests import test_browser as harness  # noqa: E402
from zakerclean import CleanOptions  # noqa: E402

BACKENDS = {"nh3": CleanOptions(), "bleach": CleanOptions(sanitizer="bleach")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261203)
    args = parser.parse_args()
    harness.MAX_PAGES = 10_000  # a long run may bisect as much as it needs
    server = harness.PageServer()
    failures = 0
    started = time.perf_counter()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=harness.CHROMIUM,
            headless=True,
            args=harness.CHROMIUM_ARGS,
            proxy={"server": server.origin, "bypass": "<-loopback>"},
            timeout=60_000,
        )
        for mode, controls in (
            ("page", harness.CONTROLS),
            ("innerHTML", harness.INNER_HTML_CONTROLS),
        ):
            seen = harness.check(
                browser, server, [(c, raw) for c, raw, _ in controls], mode
            ).offending
            missed = [c for c, _, _ in controls if c not in seen]
            print(f"controls ({mode}): {len(controls) - len(missed)}/{len(controls)} executed")
            if missed:
                print(f"  the harness missed {missed}: stopping")
                return 2
        print("| backend | candidates | calls | violations | non-idempotent | distinct outputs "
              "| executed (innerHTML) | executed (page) | slowest call (ms) |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|---|")
        for backend, options in BACKENDS.items():
            distinct: dict[str, str] = {}
            violations = non_idempotent = calls = 0
            slowest = (0.0, "")
            examples: list[str] = []
            for number, candidate in enumerate(grammar.generate(args.seed, args.candidates)):
                tick = time.perf_counter()
                results, problems = properties.outputs(candidate, options)
                elapsed = (time.perf_counter() - tick) / 2
                calls += 2
                if elapsed > slowest[0]:
                    slowest = (elapsed, candidate)
                problems += properties.violations(candidate, options)
                violations += bool(problems)
                non_idempotent += any(p.startswith("not idempotent") for p in problems)
                if problems and len(examples) < 5:
                    examples.append(f"{candidate[:160]!r}: {problems[0][:160]}")
                for out in results:
                    distinct.setdefault(out, f"gen-{args.seed}-{number}")
            cases = [(case_id, out) for out, case_id in distinct.items()]
            executed = {
                mode: harness.check(browser, server, cases, mode).offending
                for mode in ("innerHTML", "page")
            }
            print(f"| {backend} | {args.candidates} | {calls} | {violations} | {non_idempotent} "
                  f"| {len(cases)} | {len(executed['innerHTML'])} | {len(executed['page'])} "
                  f"| {slowest[0] * 1000:.1f} |")  # fmt: skip
            for example in examples:
                print(f"  violation: {example}")
            for mode, offending in executed.items():
                if offending:
                    print(f"  executed ({mode}):\n" + harness.describe(offending, dict(cases)))
            print(f"  slowest input: {slowest[1][:200]!r}")
            failures += violations + sum(len(o) for o in executed.values())
        browser.close()
    server.close()
    print(f"total {time.perf_counter() - started:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
