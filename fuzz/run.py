"""Run zakerclean's atheris fuzz targets: one target, the bounded CI smoke run, or a long run.

    python fuzz/run.py --list
    python fuzz/run.py parse-str-nh3 [libFuzzer flags] [CORPUS_DIR ...]  # one target, to a crash
    python fuzz/run.py --smoke                   # every target, fixed seed and runs (CI, < 2 min)
    python fuzz/run.py --long --runs 120000      # every target, N executions each, one core
    python fuzz/run.py --replay parse-str-nh3 FILE ...   # re-run inputs without atheris

Anything a target raises except ``ZakerCleanError`` is a finding.  A single-target run stops at
the first one, as libFuzzer does (the input is saved as ``crash-<sha1>``).  ``--smoke`` and
``--long`` record findings instead and go on: one ``.txt`` (signature, traceback) and one
``.input`` per distinct finding, deduplicated by exception type and place.  Findings that are
known and owned elsewhere are listed in ``known_findings.txt`` (one regular expression per
line, matched against the signature); the smoke run fails on any other finding.

The smoke run skips, with a message and exit status 0, where atheris is not installed (it has
wheels for CPython 3.11–3.13 on x86-64 Linux only).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
KNOWN_FINDINGS = FUZZ / "known_findings.txt"
RECORD_ENV = "ZAKERCLEAN_FUZZ_RECORD"
#: Modules whose Python code atheris instruments for coverage feedback.
INSTRUMENTED = ["zakerclean", "yaml", "dateutil"]
#: libFuzzer flags every recorded run gets: a per-input time limit (SPEC §6 promises linear
#: cost, so 30 s on a small input is a finding) and the final statistics we read back.
COMMON_FLAGS = ["-timeout=30", "-rss_limit_mb=4096", "-print_final_stats=1"]
SMOKE_FLAGS = ["-seed=1", "-max_len=8192"]
LONG_FLAGS = ["-max_len=16384"]

# -- findings ------------------------------------------------------------------------------------


def _package_dir() -> Path:
    import zakerclean

    return Path(zakerclean.__file__).resolve().parent


def _is_ours(frame: traceback.FrameSummary) -> bool:
    return _package_dir() in Path(frame.filename).resolve().parents


def _place(frame: traceback.FrameSummary) -> str:
    """``zakerclean/urls.py:_ascii``, ``yaml/constructor.py:construct_yaml_timestamp``,
    ``urllib/parse.py:urlsplit``: the file's last two path parts and the function."""
    path = Path(frame.filename).resolve()
    if _is_ours(frame):
        relative = path.relative_to(_package_dir().parent).as_posix()
    else:
        relative = "/".join(path.parts[-2:])
    return f"{relative}:{frame.name}"


def signature(error: BaseException) -> str:
    """What identifies a finding: the exception type, the innermost zakerclean frame and the
    frame that raised it (``ValueError in zakerclean/urls.py:_ascii (raised in
    urllib/parse.py:_checknetloc)``)."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    ours = [frame for frame in frames if _is_ours(frame)]
    where = ours[-1] if ours else frames[-1]
    return f"{type(error).__name__} in {_place(where)} (raised in {_place(frames[-1])})"


def known_patterns(path: Path = KNOWN_FINDINGS) -> list[re.Pattern[str]]:
    """The regular expressions of ``known_findings.txt`` (``#`` starts a comment)."""
    if not path.is_file():
        return []
    patterns = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("  #", 1)[0].strip()
        if text and not text.startswith("#"):
            patterns.append(re.compile(text))
    return patterns


def is_known(finding: str, patterns: list[re.Pattern[str]]) -> bool:
    return any(pattern.search(finding) for pattern in patterns)


@dataclass
class Recorder:
    """Writes each distinct finding of one target once, and counts how often it recurs."""

    folder: Path
    target: str
    counts: dict[str, int]

    def record(self, data: bytes, error: BaseException) -> None:
        found = signature(error)
        count = self.counts.get(found, 0) + 1
        self.counts[found] = count
        if count & (count - 1):  # rewrite the report at 1, 2, 4, 8 … occurrences only
            return
        stem = self.folder / f"{self.target}-{hashlib.sha1(found.encode()).hexdigest()[:10]}"
        if count == 1:
            stem.with_suffix(".input").write_bytes(data)
            print(f"\nFINDING {self.target}: {found}", file=sys.stderr, flush=True)
        report = (
            f"{found}\ntarget: {self.target}\noccurrences so far: {count}\n"
            f"replay: python fuzz/run.py --replay {self.target} {stem.with_suffix('.input')}\n\n"
            + "".join(traceback.format_exception(error))
        )
        stem.with_suffix(".txt").write_text(report, encoding="utf-8")


def guarded(run: Callable[[bytes], None], recorder: Recorder | None) -> Callable[[bytes], None]:
    """The function atheris calls: ``ZakerCleanError`` is the contract; anything else is raised
    (single-target runs) or recorded (smoke and long runs)."""
    from zakerclean import ZakerCleanError

    def one_input(data: bytes) -> None:
        try:
            run(data)
        except ZakerCleanError:
            pass
        except Exception as error:
            if recorder is None:
                raise
            recorder.record(data, error)

    return one_input


# -- one target under atheris ---------------------------------------------------------------------


def fuzz_one(name: str, libfuzzer_args: list[str]) -> None:
    """Fuzz target ``name`` in this process (atheris.Fuzz does not return)."""
    import atheris

    with atheris.instrument_imports(include=INSTRUMENTED):
        from targets import TARGETS
    record = os.environ.get(RECORD_ENV)
    recorder = Recorder(Path(record), name, {}) if record else None
    atheris.Setup([sys.argv[0], *libfuzzer_args], guarded(TARGETS[name].run, recorder))
    atheris.Fuzz()


def replay(name: str, files: list[Path]) -> int:
    """Run target ``name`` on each file, printing the traceback of every finding."""
    from targets import TARGETS

    from zakerclean import ZakerCleanError

    status = 0
    for path in files:
        try:
            TARGETS[name].run(path.read_bytes())
            print(f"{path}: ok")
        except ZakerCleanError as error:
            print(f"{path}: {type(error).__name__}: {error}")
        except Exception as error:
            print(f"{path}: FINDING {signature(error)}")
            traceback.print_exception(error)
            status = 1
    return status


# -- many targets in child processes --------------------------------------------------------------


@dataclass
class Outcome:
    """What one child run of a target did."""

    target: str
    executions: int
    seconds: float
    returncode: int
    tail: str


def _executions(stderr: str) -> int:
    """Executions libFuzzer reports: the final statistics, else the last ``#N`` status line."""
    final = re.findall(r"stat::number_of_executed_units:\s*(\d+)", stderr)
    if final:
        return int(final[-1])
    status = re.findall(r"^#(\d+)\s", stderr, flags=re.MULTILINE)
    return int(status[-1]) if status else 0


def run_child(
    name: str, flags: list[str], corpora: list[Path], findings: Path, log: Path
) -> Outcome:
    """Fuzz ``name`` in a child process, findings recorded into ``findings``."""
    env = dict(os.environ, **{RECORD_ENV: str(findings)})
    command = [
        sys.executable,
        str(FUZZ / "run.py"),
        name,
        *COMMON_FLAGS,
        *flags,
        f"-artifact_prefix={findings}/{name}-",
        *map(str, corpora),
    ]
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as stream:
        done = subprocess.run(
            command, env=env, stdout=stream, stderr=subprocess.STDOUT, check=False
        )
    text = log.read_text(encoding="utf-8", errors="replace")
    return Outcome(
        name,
        _executions(text),
        time.monotonic() - started,
        done.returncode,
        "\n".join(text.splitlines()[-15:]),
    )


def recorded_findings(folder: Path) -> list[str]:
    """The signatures recorded in ``folder`` (first line of each report), plus libFuzzer's own
    artifacts (timeouts, out-of-memory, crashes of the interpreter)."""
    found = [path.read_text(encoding="utf-8").splitlines()[0] for path in folder.glob("*.txt")]
    for artifact in folder.iterdir():
        kind = artifact.name.split("-", 2)
        if (
            artifact.suffix == ""
            and len(kind) > 2
            and kind[-1].split("-")[0]
            in (
                "timeout",
                "oom",
                "crash",
                "slow",
            )
        ):
            found.append(f"libFuzzer {artifact.name}")
    return sorted(set(found))


def ensure_atheris() -> bool:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return False
    return True


def smoke() -> int:
    """Every target for a fixed number of executions from fresh seeds, ``-seed=1``."""
    if not ensure_atheris():
        print(
            f"fuzz smoke run skipped: atheris is not installed for Python "
            f"{sys.version.split()[0]} (wheels exist for CPython 3.11-3.13 on x86-64 Linux; "
            "pip install -e '.[fuzz]')"
        )
        return 0
    from make_seeds import write_seeds
    from targets import TARGETS

    with tempfile.TemporaryDirectory(prefix="zakerclean-fuzz-") as temp:
        work = Path(temp)
        write_seeds(work / "seeds")
        findings = work / "findings"
        findings.mkdir()
        outcomes = []
        for target in TARGETS.values():
            fresh = work / "new" / target.name  # libFuzzer writes new inputs to the first folder
            fresh.mkdir(parents=True)
            flags = [*SMOKE_FLAGS, f"-runs={target.smoke_runs}"]
            outcome = run_child(
                target.name,
                flags,
                [fresh, work / "seeds" / target.seeds],
                findings,
                work / f"{target.name}.log",
            )
            outcomes.append(outcome)
            print(
                f"{target.name:20} {outcome.executions:>8,} executions "
                f"{outcome.seconds:6.1f} s  exit {outcome.returncode}",
                flush=True,
            )
        return report(outcomes, recorded_findings(findings), strict=True)


def long_run(runs: int, out: Path, only: list[str]) -> int:
    """Every target (or ``only``) for ``runs`` executions each, one after the other (one core),
    keeping the grown corpus in ``out/corpus`` and findings in ``out/findings``."""
    if not ensure_atheris():
        print("atheris is not installed: pip install -e '.[fuzz]'")
        return 2
    from make_seeds import write_seeds
    from targets import TARGETS

    seeds = out / "seeds"
    if not seeds.is_dir():
        write_seeds(seeds)
    findings = out / "findings"
    findings.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for target in TARGETS.values():
        if only and target.name not in only:
            continue
        corpus = out / "corpus" / target.name
        corpus.mkdir(parents=True, exist_ok=True)
        done = 0
        for attempt in range(5):  # a timeout or crash ends a child: go on with the rest
            outcome = run_child(
                target.name,
                [*LONG_FLAGS, f"-runs={runs - done}", f"-seed={attempt + 1}"],
                [corpus, seeds / target.seeds],
                findings,
                out / f"{target.name}-{attempt}.log",
            )
            done += outcome.executions
            outcomes.append(outcome)
            print(
                f"{target.name:20} {outcome.executions:>10,} executions "
                f"{outcome.seconds:8.1f} s  exit {outcome.returncode}",
                flush=True,
            )
            if outcome.returncode == 0 or done >= runs:
                break
    return report(outcomes, recorded_findings(findings), strict=False)


def report(outcomes: list[Outcome], findings: list[str], *, strict: bool) -> int:
    """Print totals and findings; the exit status of the run."""
    patterns = known_patterns()
    total = sum(outcome.executions for outcome in outcomes)
    seconds = sum(outcome.seconds for outcome in outcomes)
    print(f"total: {total:,} executions in {seconds:.0f} s, {len(findings)} distinct findings")
    new = [finding for finding in findings if not is_known(finding, patterns)]
    for finding in findings:
        print(("NEW   " if finding in new else "known ") + finding)
    failed = [o for o in outcomes if o.returncode != 0 and not new]
    for outcome in failed:
        print(f"{outcome.target} exited with status {outcome.returncode}:\n{outcome.tail}")
    if strict and (new or failed):
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and not args[0].startswith("-"):  # a single target: the rest is libFuzzer's
        fuzz_one(args[0], args[1:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--list", action="store_true", help="print the target names")
    mode.add_argument("--smoke", action="store_true", help="the bounded CI run")
    mode.add_argument("--long", action="store_true", help="a long run (see --runs)")
    mode.add_argument("--replay", metavar="TARGET", help="re-run saved inputs on TARGET")
    parser.add_argument("files", nargs="*", type=Path, help="inputs for --replay")
    parser.add_argument("--runs", type=int, default=120_000, help="executions per target")
    parser.add_argument("--out", type=Path, default=FUZZ / "work", help="long-run folder")
    parser.add_argument("--only", action="append", default=[], help="long run: this target")
    options = parser.parse_args(args)
    if options.list:
        from targets import TARGETS

        print("\n".join(TARGETS))
        return 0
    if options.smoke:
        return smoke()
    if options.long:
        return long_run(options.runs, options.out, options.only)
    return replay(options.replay, options.files)


if __name__ == "__main__":
    sys.exit(main())
