"""Batch throughput and memory of the real ``zakerclean clean`` command.

The corpus posts are replicated into a temporary folder (byte-identical copies, hard links
between the runs' folders), then ``python -m zakerclean clean DIR --jobs J --no-progress -o
/dev/null`` runs in a fresh process for each measurement:

* throughput: ``--count`` posts (default 10,000) with ``--jobs 1`` and ``--jobs 2``: wall clock,
  documents per second and the speedup (target ≥ 1.7x);
* memory flatness: ``--jobs 2`` on each of ``--sizes`` (default 1,000 and 20,000 posts): peak
  RSS must stay within 20% from the smallest to the largest run.

Peak memory: ``/usr/bin/time -v`` (when present) reports ``ru_maxrss`` from ``wait4``, which is
the largest single process of the tree, not a sum.  So the process tree is also sampled from
``/proc`` while it runs: each process's ``VmHWM`` (its exact peak) gives the parent's peak and
the largest worker's peak, and the sum of ``VmRSS`` over the tree gives the tree's (sampled)
peak.  See benchmarks/README.md.

    python benchmarks/batch.py                       # defaults: 1.5-3 minutes on 2 cores
    python benchmarks/batch.py --quick               # 2,000 posts; sizes 500 and 4,000
    python benchmarks/batch.py --count 5000 --sizes 1000,10000 --json batch.json
    python benchmarks/batch.py --no-throughput --sizes 5000,20000 --format parquet  # tables
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_EXAMPLES = REPO / "examples"
TIME_V = "/usr/bin/time"
PER_FOLDER = 1000  # posts per sub-folder of a replicated tree

TARGET_SPEEDUP = 1.7
TARGET_FLATNESS = 1.20  # largest run's peak / smallest run's peak

# Used when /usr/bin/time is absent: a fresh process that runs the command and reports the
# ru_maxrss of its waited-for children (the CLI and, through it, the CLI's workers).
MEASURER = """
import resource, subprocess, sys
status = subprocess.call(sys.argv[1:])
print("Maximum resident set size (kbytes):",
      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
sys.exit(status)
"""

_MAXRSS = re.compile(r"Maximum resident set size \(kbytes\):\s*(\d+)")
_SUMMARY = re.compile(r"zakerclean: (\d+) documents, (\d+) failed")


# -- inputs -------------------------------------------------------------------------------------


def load_posts(corpus: Path, examples: Path) -> tuple[list[bytes], str]:
    """The posts to replicate: the corpus, or the examples when the corpus is absent."""
    for label, root in (("corpus", corpus), ("examples", examples)):
        if root.is_dir():
            paths = sorted(p for p in root.rglob("*.md") if p.name.lower() != "readme.md")
            if paths:
                return [p.read_bytes() for p in paths], f"{len(paths)} {label} posts ({root})"
    raise SystemExit(f"batch: no posts under {corpus} or {examples}")


def replicate(posts: list[bytes], root: Path, sizes: Sequence[int]) -> dict[int, Path]:
    """One folder per size; the largest holds real copies, the others hard links to them."""
    largest = max(sizes)
    folders = {size: root / f"n{size}" for size in sizes}
    names = [f"{i // PER_FOLDER:03d}/{i:06d}.md" for i in range(largest)]
    for sub in {name.split("/")[0] for name in names}:
        (folders[largest] / sub).mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(names):
        (folders[largest] / name).write_bytes(posts[i % len(posts)])
    for size, folder in folders.items():
        if size == largest:
            continue
        for name in names[:size]:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(folders[largest] / name, target)
            except OSError:
                shutil.copyfile(folders[largest] / name, target)
    return folders


# -- measuring one run --------------------------------------------------------------------------


@dataclass
class Run:
    label: str
    docs: int
    jobs: int
    wall_s: float = 0.0
    cpu_s: float = 0.0  # user + system time of the whole tree (every process is waited for)
    docs_per_s: float = 0.0
    parent_peak_kb: int = 0  # VmHWM of the CLI process
    worker_peak_kb: int = 0  # largest VmHWM among its descendants (0 with --jobs 1)
    workers_seen: int = 0
    tree_peak_kb: int = 0  # largest sampled sum of VmRSS over the CLI and its descendants
    maxrss_kb: int = 0  # ru_maxrss via wait4 (/usr/bin/time -v or the measurer)
    load_before: float = 0.0
    reported_docs: int | None = None
    failed: int | None = None
    exit_status: int = 0
    hwm: dict[int, int] = field(default_factory=dict)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as handle:
                found += [int(x) for x in handle.read().split()]
        except OSError:
            continue
    return found


def _memory(pid: int) -> tuple[int, int] | None:
    """``(VmRSS, VmHWM)`` in kB, or None for a process that is gone or a zombie."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            status = handle.read()
    except OSError:
        return None
    values = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", status, re.MULTILINE))
    if "VmRSS" not in values:
        return None
    return int(values["VmRSS"]), int(values.get("VmHWM", values["VmRSS"]))


def measure(
    run: Run,
    folder: Path,
    interval: float,
    wrapper: list[str],
    fmt: str = "jsonl",
    output: str = os.devnull,
) -> Run:
    """One run of the CLI; ``fmt`` parquet/csv writes a real table file at ``output``."""
    command = [sys.executable, "-m", "zakerclean", "clean", str(folder)]
    command += ["--jobs", str(run.jobs), "--no-progress", "-f", fmt, "-o", output]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    run.load_before = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cli_pid: int | None = None
    with tempfile.TemporaryFile("w+", encoding="utf-8") as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*wrapper, *command], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=stderr
        )
        while proc.poll() is None:
            if cli_pid is None:  # the wrapper's child is the CLI process
                kids = _children(proc.pid)
                cli_pid = kids[0] if kids else None
            if cli_pid is not None:
                tree, total = [cli_pid], 0
                while tree:
                    pid = tree.pop()
                    memory = _memory(pid)
                    if memory is not None:
                        total += memory[0]
                        run.hwm[pid] = max(run.hwm.get(pid, 0), memory[1])
                    tree += _children(pid)
                run.tree_peak_kb = max(run.tree_peak_kb, total)
            time.sleep(interval)
        run.wall_s = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        run.cpu_s = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        run.exit_status = proc.returncode
        stderr.seek(0)
        text = stderr.read()
    run.docs_per_s = run.docs / run.wall_s
    if cli_pid is not None:
        run.parent_peak_kb = run.hwm.get(cli_pid, 0)
        workers = [kb for pid, kb in run.hwm.items() if pid != cli_pid]
        run.worker_peak_kb = max(workers, default=0)
        run.workers_seen = len(workers)
    if match := _MAXRSS.search(text):
        run.maxrss_kb = int(match.group(1))
    if match := _SUMMARY.search(text):
        run.reported_docs, run.failed = int(match.group(1)), int(match.group(2))
    if run.reported_docs != run.docs or run.exit_status not in (0, 1):
        tail = "\n".join(text.strip().splitlines()[-15:])
        raise SystemExit(f"batch: {run.label}: exit {run.exit_status}, unexpected output:\n{tail}")
    return run


# -- report -------------------------------------------------------------------------------------


def _mib(kb: int) -> str:
    return f"{kb / 1024:.1f}" if kb else "–"


def table(runs: list[Run]) -> str:
    rows = [
        "| run | posts | jobs | wall (s) | docs/s | CPU (s) | cores busy | parent peak RSS (MiB) "
        "| max worker peak RSS (MiB) | tree peak RSS, summed (MiB) | ru_maxrss (MiB) "
        "| load avg before |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in runs:
        worker = f"{_mib(r.worker_peak_kb)} ({r.workers_seen} seen)" if r.jobs > 1 else "–"
        rows.append(
            f"| {r.label} | {r.docs:,} | {r.jobs} | {r.wall_s:.2f} | {r.docs_per_s:,.0f} "
            f"| {r.cpu_s:.2f} | {r.cpu_s / r.wall_s:.2f} "
            f"| {_mib(r.parent_peak_kb)} | {worker} | {_mib(r.tree_peak_kb)} "
            f"| {_mib(r.maxrss_kb)} | {r.load_before:.2f} |"
        )
    return "\n".join(rows)


def checks(
    startup: list[Run], throughput: list[Run], flat: list[Run], jobs: int
) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    if len(throughput) == 2:
        one, many = throughput
        value = many.docs_per_s / one.docs_per_s
        text = f"{value:.2f}× ({many.docs_per_s:,.0f} vs {one.docs_per_s:,.0f} docs/s"
        if len(startup) == 2:
            # informational: the same ratio with each command's fixed start-up cost removed
            serial, parallel = one.wall_s - startup[0].wall_s, many.wall_s - startup[1].wall_s
            if serial > 0 and parallel > 0:
                text += f"; {serial / parallel:.2f}× without start-up"
        results.append(
            {
                "check": f"--jobs {jobs} throughput ≥ {TARGET_SPEEDUP:g}× --jobs 1",
                "value": value,
                "text": text + ")",
                "result": "PASS" if value >= TARGET_SPEEDUP else "FAIL",
            }
        )
    if len(flat) >= 2:
        small, large = flat[0], flat[-1]
        for what, attr in (
            ("parent peak RSS", "parent_peak_kb"),
            ("max worker peak RSS", "worker_peak_kb"),
            ("tree peak RSS (summed)", "tree_peak_kb"),
        ):
            a, b = getattr(small, attr), getattr(large, attr)
            if not a or not b:
                continue
            value = b / a
            results.append(
                {
                    "check": f"{what}: {large.docs:,} vs {small.docs:,} posts within "
                    f"{(TARGET_FLATNESS - 1) * 100:.0f}%",
                    "value": value,
                    "text": f"{value:.3f}× ({_mib(b)} vs {_mib(a)} MiB)",
                    "result": "PASS" if value <= TARGET_FLATNESS else "FAIL",
                }
            )
    return results


# -- main ---------------------------------------------------------------------------------------


def _sizes(text: str) -> list[int]:
    return sorted({int(x) for x in text.split(",") if x.strip()})


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--count", type=int, help="posts for the throughput runs (default 10000; 2000 --quick)"
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        help="comma-separated post counts for the memory runs, '' to skip "
        "(default 1000,20000; 500,4000 with --quick)",
    )
    parser.add_argument(
        "--jobs", type=int, default=2, help="worker processes of the parallel runs (default 2)"
    )
    parser.add_argument(
        "--format",
        default="jsonl",
        choices=("jsonl", "csv", "parquet"),
        help="output format of every run; csv/parquet write a table file in the temp folder",
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    parser.add_argument("--no-throughput", action="store_true", help="memory runs only")
    parser.add_argument(
        "--interval", type=float, default=0.02, help="/proc sampling period in s (default 0.02)"
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--examples", type=Path, default=DEFAULT_EXAMPLES)
    parser.add_argument("--tmp-dir", type=Path, help="where to build the replicated posts")
    parser.add_argument("--keep", action="store_true", help="keep the replicated posts")
    parser.add_argument("--json", metavar="OUT", help="also write the results as JSON here")
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a target check fails"
    )
    args = parser.parse_args(argv)
    if args.count is None:
        args.count = 2000 if args.quick else 10_000
    if args.sizes is None:
        args.sizes = [500, 4000] if args.quick else [1000, 20_000]
    if args.count < 1 or any(size < 1 for size in args.sizes) or args.jobs < 2:
        parser.error("--count and --sizes must be positive, --jobs at least 2")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not sys.platform.startswith("linux"):
        raise SystemExit("batch: needs Linux (/proc) to follow the process tree")
    posts, origin = load_posts(args.corpus, args.examples)
    has_time = os.access(TIME_V, os.X_OK)
    wrapper = [TIME_V, "-v"] if has_time else [sys.executable, "-c", MEASURER]
    sizes = ([] if args.no_throughput else [1, args.count]) + list(args.sizes)
    root = Path(tempfile.mkdtemp(prefix="zakerclean-batch-", dir=args.tmp_dir))
    try:
        started = time.perf_counter()
        folders = replicate(posts, root, sizes)
        setup_s = time.perf_counter() - started
        startup: list[Run] = []
        throughput: list[Run] = []
        if not args.no_throughput:
            for jobs in (1, args.jobs):  # the fixed cost: interpreter, imports, pool start
                run = Run(f"start-up only, --jobs {jobs}", 1, jobs)
                startup.append(measure(run, folders[1], args.interval, wrapper))
            for jobs in (1, args.jobs):
                run = Run(f"throughput, --jobs {jobs}", args.count, jobs)
                throughput.append(measure(run, folders[args.count], args.interval, wrapper))
        flat = []
        for size in args.sizes:
            run = Run(f"memory, --jobs {args.jobs}, -f {args.format}", size, args.jobs)
            output = os.devnull if args.format == "jsonl" else str(root / f"out.{args.format}")
            flat.append(measure(run, folders[size], args.interval, wrapper, args.format, output))
    finally:
        if args.keep:
            print(f"replicated posts kept in {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)
    runs = startup + throughput + flat
    results = checks(startup, throughput, flat, args.jobs)

    print("## zakerclean batch benchmark: the real CLI\n")
    print(f"- Python {sys.version.split()[0]}; CPUs: os.cpu_count() = {os.cpu_count()}")
    print(
        f"- Inputs: {origin} replicated to {max(sizes):,} files in {setup_s:.1f} s "
        f"(smaller runs use hard links to the first N)"
    )
    print(
        f"- Command: python -m zakerclean clean DIR --jobs J --no-progress -f {args.format} "
        f"-o {'/dev/null' if args.format == 'jsonl' else 'TMP/out.' + args.format} "
        "(fresh process per run; wall clock includes interpreter start-up)"
    )
    print(
        "- CPU = user + system time of the run's whole process tree; cores busy = CPU / wall "
        "(below the job count: other load on the machine, start-up, or serial work)"
    )
    print(
        "- Memory: parent/worker peaks = each process's VmHWM (exact); tree = largest sampled "
        f"sum of VmRSS every {args.interval * 1000:.0f} ms (shared pages counted per process); "
        + (
            "ru_maxrss from /usr/bin/time -v = the largest single process"
            if has_time
            else "ru_maxrss = RUSAGE_CHILDREN of a fresh measuring process (largest single process)"
        )
    )
    print()
    print(table(runs))
    print("\n### Targets\n")
    print("| check | measured | result |\n|---|--:|---|")
    for r in results:
        print(f"| {r['check']} | {r['text']} | {r['result']} |")
    if args.json:
        out = {
            "inputs": origin,
            "cpu_count": os.cpu_count(),
            "ru_maxrss_source": "/usr/bin/time -v" if has_time else "RUSAGE_CHILDREN",
            "runs": [{k: v for k, v in asdict(r).items() if k != "hwm"} for r in runs],
            "checks": results,
        }
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"\nJSON written to {args.json}")
    failed = any(r["result"] == "FAIL" for r in results)
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
