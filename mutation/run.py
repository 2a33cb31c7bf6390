"""Mutation testing of zakerclean with mutmut (docs/mutation.md): a documented run, not a test.

    python mutation/run.py GROUP [GROUP ...] [--children N] [--fresh]
    python mutation/run.py --list

Each group names the modules it mutates and the test files that may kill their mutants.  The
repository is copied to ``.mutation/GROUP/`` (git-tracked files only; ignored by git) with a
``[tool.mutmut]`` section for the group, and ``mutmut run`` works there, so the checkout itself
is never touched and a second run re-tests only functions that changed since the first
(mutmut caches results per function).  The corpus is found through ``ZAKERCLEAN_CORPUS``.

Why groups and not one run over everything: mutmut runs, for each mutant, every test that
executes the mutated function.  zakerclean's corpus and property tests execute nearly every
function, so one global selection means 6,000-8,000 tests — and 10-20 s — per mutant; a
group's focused selection (the module's unit tests plus the corpus goldens) keeps a mutant at
about a second without losing the tests that would kill it.

The script prints, per mutated module, how many mutants were killed, survived, timed out or
had no test, and the score ``killed / (killed + survived + timeout)``; ``--json FILE`` writes
the same with every surviving mutant's name, for docs/mutation.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
CORPUS = ROOT.parent / "shared" / "corpus"

#: Test files every group uses: the goldens (every corpus post's whole Article) and the
#: planted-bug tests.
COMMON_TESTS = ("tests/test_golden.py", "tests/test_planted_bugs.py")

#: group → (modules to mutate, test files that may kill their mutants).
GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sanitize": (
        ("zakerclean/rules/sanitize.py",),
        (
            "tests/test_sanitizer_alone.py",
            "tests/test_sanitize_pieces.py",
            "tests/test_sanitize_mutants.py",
        ),
    ),
    "urls": (
        ("zakerclean/urls.py",),
        ("tests/test_urls.py", "tests/test_urls_edges.py", "tests/test_rules.py"),
    ),
    "dates": (
        ("zakerclean/dates.py",),
        (
            "tests/test_dates.py",
            "tests/test_dates_tricky.py",
            "tests/test_dates_doc.py",
            "tests/test_dates_edges.py",
        ),
    ),
    "readers": (
        ("zakerclean/readers/*",),
        (
            "tests/test_frontmatter.py",
            "tests/test_frontmatter_fast.py",
            "tests/test_frontmatter_errors.py",
            "tests/test_readers.py",
            "tests/test_decoding_exact.py",
            "tests/test_page.py",
            "tests/test_page_metadata.py",
            "tests/test_feeds.py",
            "tests/test_feed_parts.py",
            "tests/test_inputs.py",
            "tests/test_contract_inputs.py",
            "tests/test_corpus_metadata.py",
            "tests/test_errors.py",
        ),
    ),
    "rules": (
        ("zakerclean/rules/*",),
        (
            "tests/test_rules.py",
            "tests/test_passes.py",
            "tests/test_depth.py",
            "tests/test_depth_exact.py",
            "tests/test_containers.py",
            "tests/test_typography.py",
            "tests/test_other_sources.py",
            "tests/test_profiles.py",
            "tests/test_sanitizer_alone.py",
            "tests/test_guarantees.py",
            # added after the 2026-12-04 run, whose 378 "no tests" mutants were in the
            # functions only these files reach (srcset, generic lazy images, captions):
            "tests/test_lazy_images.py",
            "tests/test_captions.py",
            "tests/test_furniture.py",
            "tests/test_video.py",
            "tests/test_video_rule.py",
            "tests/test_referrer_policy.py",
        ),
    ),
    "model": (
        ("zakerclean/models.py", "zakerclean/engine/article.py"),
        (
            "tests/test_model.py",
            "tests/test_record_exact.py",
            "tests/test_frames.py",
            "tests/test_single_source.py",
            "tests/test_short_repr.py",
            "tests/test_display_models.py",
        ),
    ),
}

#: Surviving mutants reviewed and left, one per line with the reason after a ``#``
#: (docs/mutation.md lists them).  ``--check`` fails on any survivor not listed here.
KNOWN = Path(__file__).resolve().parent / "known_survivors.txt"

#: mutmut's exit codes by status (as ``mutmut results`` names them).
STATUSES = ("killed", "survived", "timeout", "no tests", "suspicious", "skipped", "not checked")


def _copy_repository(group: str, fresh: bool) -> Path:
    """Copy the git-tracked files (and the working tree's changes to them) to .mutation/GROUP."""
    target = WORK / group
    if fresh and target.exists():
        shutil.rmtree(target)
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, files):
        source, destination = ROOT / name, target / name
        if not source.is_file():
            continue
        if destination.exists() and destination.read_bytes() == source.read_bytes():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
    return target


def _configure(target: Path, modules: tuple[str, ...], tests: tuple[str, ...]) -> None:
    """Append the group's ``[tool.mutmut]`` section to the copy's pyproject.toml."""
    pyproject = target / "pyproject.toml"
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = (
        "\n[tool.mutmut]\n"
        'source_paths = ["zakerclean"]\n'
        f"only_mutate = {json.dumps(list(modules))}\n"
        f"pytest_add_cli_args_test_selection = {json.dumps([*tests, *COMMON_TESTS])}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-p", "no:randomly"]\n'
        'also_copy = [".ci", "docs", "examples", "fuzz", "benchmarks", "README.md", '
        '"CHANGELOG.md", "mkdocs.yml"]\n'
    )
    pyproject.write_text(text + section, encoding="utf-8")


def _results(target: Path) -> dict[str, list[str]]:
    """Mutant names by status, from ``mutmut results --all true``."""
    output = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=target, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    by_status: dict[str, list[str]] = defaultdict(list)
    for line in output.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            by_status[status].append(name)
    return by_status


def _module_of(mutant: str) -> str:
    """``zakerclean.urls.x_clean_url__mutmut_3`` → ``zakerclean.urls``."""
    head = mutant.split("__mutmut_")[0]
    parts = head.split(".")
    while parts and (parts[-1].startswith(("x_", "x\u01c1")) or "\u01c1" in parts[-1]):
        parts.pop()
    return ".".join(parts)


def _report(group: str, by_status: dict[str, list[str]]) -> dict[str, object]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    for status, names in by_status.items():
        for name in names:
            module = _module_of(name)
            counts[module][status] += 1
            if status in ("survived", "timeout", "no tests"):
                survivors[module].append(f"{name}: {status}")
    rows = {}
    print(f"\n## {group}\n")
    print("| module | mutants | killed | survived | timeout | no tests | score |")
    print("|---|---|---|---|---|---|---|")
    for module in sorted(counts):
        c = counts[module]
        judged = c["killed"] + c["survived"] + c["timeout"]
        score = c["killed"] / judged if judged else 0.0
        total = sum(c.values())
        print(
            f"| `{module}` | {total} | {c['killed']} | {c['survived']} | {c['timeout']} | "
            f"{c['no tests']} | {score:.1%} |"
        )
        rows[module] = {**c, "score": round(score, 4), "survivors": sorted(survivors[module])}
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", help=f"groups to run: {', '.join(GROUPS)}")
    parser.add_argument("--list", action="store_true", help="list the groups and exit")
    parser.add_argument("--children", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--fresh", action="store_true", help="forget cached results first")
    parser.add_argument("--report-only", action="store_true", help="print cached results only")
    parser.add_argument(
        "--rerun-survivors",
        action="store_true",
        help="test again only the mutants that survived or had no test, with the test map "
        "rebuilt (after new tests: mutmut keeps every other verdict; functions changed since are "
        "tested anew)",
    )
    parser.add_argument(
        "--modules",
        nargs="+",
        metavar="PATH",
        help="mutate only these of the group's modules (e.g. after new tests for them); the "
        "group's tests and cache stay",
    )
    parser.add_argument("--json", type=Path, help="write the results (survivors named) here")
    parser.add_argument(
        "--check",
        action="store_true",
        help=f"exit 1 when a mutant survives that {KNOWN.name} does not list (for CI)",
    )
    args = parser.parse_args(argv)
    if args.list or not args.groups:
        for name, (modules, tests) in GROUPS.items():
            print(f"{name}: mutates {', '.join(modules)}; tests {', '.join(tests)}")
        return 0
    unknown = [g for g in args.groups if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group(s) {unknown}; --list shows them")
    if not CORPUS.is_dir():
        parser.error(f"the corpus is not at {CORPUS}: the goldens need it")
    env = {**os.environ, "ZAKERCLEAN_CORPUS": str(CORPUS)}
    results: dict[str, object] = {}
    for group in args.groups:
        modules, tests = GROUPS[group]
        if args.modules:
            outside = [m for m in args.modules if not any(fnmatch(m, p) for p in modules)]
            if outside:
                parser.error(f"not modules of {group}: {', '.join(outside)}")
            modules = tuple(args.modules)
        target = _copy_repository(group, args.fresh)
        _configure(target, modules, tests)
        if not args.report_only:
            command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.children)]
            if args.rerun_survivors:
                # mutmut maps each function to the tests that run it once, and later adds only
                # new tests: a changed function or a test newly calling it would be missed, so
                # the map is rebuilt (one run of the group's tests; verdicts are kept).  Then a
                # plain run mutates the functions that changed since the last run.
                (target / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
                subprocess.run(command, cwd=target, env=env, check=False)
                verdicts = _results(target)
                command += verdicts.get("survived", []) + verdicts.get("no tests", [])
            subprocess.run(command, cwd=target, env=env, check=False)
        results[group] = _report(group, _results(target))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    if args.check:
        return _check(results)
    return 0


def _known() -> set[str]:
    lines = KNOWN.read_text(encoding="utf-8").splitlines() if KNOWN.exists() else []
    return {line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()}


def _check(results: dict[str, object]) -> int:
    """1 when a mutant survived that is not a reviewed survivor (a timeout is not a survivor:
    the mutant changed behaviour enough to hang a test)."""
    known = _known()
    new = [
        entry.split(": ")[0]
        for rows in results.values()
        for row in rows.values()  # type: ignore[attr-defined]
        for entry in row["survivors"]
        if entry.endswith(": survived") and entry.split(": ")[0] not in known
    ]
    for name in new:
        print(f"surviving mutant not in {KNOWN.name}: {name} (mutmut show {name})")
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
