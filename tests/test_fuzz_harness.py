"""The fuzz harness in ``fuzz/`` works, and its hand-written seeds pass the contract (issue 15).

The atheris runs themselves are ``fuzz/run.py --smoke`` (in ``.ci/run``) and the long run of
docs/security.md; this file runs the same targets on the seeds without a fuzzer, so a shape
that once broke zakerclean stays a regression test in plain pytest too.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
FUZZ = ROOT / "fuzz"


@pytest.fixture(scope="module")
def harness() -> Iterator[dict[str, ModuleType]]:
    """``fuzz/make_seeds.py``, ``targets.py`` and ``run.py``, imported as the scripts import
    each other (from the ``fuzz`` folder)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(FUZZ))
        yield {name: importlib.import_module(name) for name in ("make_seeds", "targets", "run")}


def test_every_public_entry_point_and_backend_is_a_target(harness: dict[str, ModuleType]) -> None:
    names = set(harness["targets"].TARGETS)
    for function in ("parse-bytes", "parse-str", "clean-html", "parse-feed"):
        assert {f"{function}-nh3", f"{function}-bleach"} <= names
    assert "parse-date" in names
    kinds = {target.seeds for target in harness["targets"].TARGETS.values()}
    assert kinds <= set(harness["make_seeds"].KINDS)


def test_seeds_are_generated_not_committed(harness: dict[str, ModuleType], tmp_path: Path) -> None:
    counts = harness["make_seeds"].write_seeds(tmp_path)
    assert set(counts) == set(harness["make_seeds"].KINDS)
    assert all(counts[kind] > 10 for kind in counts)
    assert all(any((tmp_path / kind).iterdir()) for kind in counts)
    ignored = (FUZZ / ".gitignore").read_text(encoding="utf-8").split()
    assert "seeds/" in ignored
    assert not (FUZZ / "seeds").exists() or "seeds/" in ignored


def hand_written_seeds(harness: dict[str, ModuleType]) -> dict[str, list[tuple[str, bytes]]]:
    """The seeds that are not corpus posts (those are covered by the corpus tests)."""
    return {
        kind: [(name, data) for name, data in seeds if not name.startswith("post-")]
        for kind, seeds in harness["make_seeds"].seeds_by_kind().items()
    }


def test_targets_raise_only_zakerclean_errors_on_the_seeds(
    harness: dict[str, ModuleType], tmp_path: Path
) -> None:
    """Every target on every hand-written seed: nothing but ``ZakerCleanError`` — except the
    findings ``fuzz/known_findings.txt`` lists (owned elsewhere, each with its issue)."""
    run = harness["run"]
    seeds = hand_written_seeds(harness)
    for target in harness["targets"].TARGETS.values():
        recorder = run.Recorder(tmp_path, target.name, {})
        one_input = run.guarded(target.run, recorder)
        for _name, data in seeds[target.seeds]:
            one_input(data)
    patterns = run.known_patterns()
    unknown = [f for f in run.recorded_findings(tmp_path) if not run.is_known(f, patterns)]
    assert unknown == []


def test_known_findings_are_valid_patterns(harness: dict[str, ModuleType]) -> None:
    patterns = harness["run"].known_patterns()
    assert all(isinstance(pattern, re.Pattern) for pattern in patterns)


def failing(data: bytes) -> None:
    raise KeyError(data[:3])


def test_findings_are_recorded_once_with_a_replay_line(
    harness: dict[str, ModuleType], tmp_path: Path
) -> None:
    run = harness["run"]
    one_input = run.guarded(failing, run.Recorder(tmp_path, "demo", {}))
    for data in (b"abc", b"abd", b"xyz"):
        one_input(data)
    inputs = list(tmp_path.glob("*.input"))
    assert [path.read_bytes() for path in inputs] == [b"abc"]  # one finding, the first input
    report = inputs[0].with_suffix(".txt").read_text(encoding="utf-8")
    assert report.startswith("KeyError in ")
    assert "replay: python fuzz/run.py --replay demo" in report
    assert run.recorded_findings(tmp_path) == [report.splitlines()[0]]


def test_zakerclean_errors_are_not_findings(harness: dict[str, ModuleType], tmp_path: Path) -> None:
    run = harness["run"]
    from zakerclean import EmptyInputError

    def empty(data: bytes) -> None:
        raise EmptyInputError("input is empty")

    run.guarded(empty, run.Recorder(tmp_path, "demo", {}))(b"")
    assert list(tmp_path.iterdir()) == []


def test_without_a_recorder_a_finding_is_raised(harness: dict[str, ModuleType]) -> None:
    with pytest.raises(KeyError):
        harness["run"].guarded(failing, None)(b"abc")


def test_signature_names_our_frame_and_the_raising_frame(harness: dict[str, ModuleType]) -> None:
    from zakerclean import urls

    try:
        urls.urlsplit("http://[")  # what clean_url used to let escape
    except ValueError as error:
        found = harness["run"].signature(error)
    assert re.fullmatch(r"ValueError in .+:\w+ \(raised in urllib/parse\.py:\w+\)", found)


def test_replay_reports_findings(harness: dict[str, ModuleType], tmp_path: Path) -> None:
    sample = tmp_path / "sample"
    sample.write_bytes(b"<p>fine</p>")
    assert harness["run"].replay("clean-html-nh3", [sample]) == 0


def test_ci_runs_the_smoke_run_after_the_tests() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    pytest_line = next(i for i, line in enumerate(lines) if "pytest --cov" in line)
    smoke_line = next(i for i, line in enumerate(lines) if "fuzz/run.py --smoke" in line)
    assert smoke_line > pytest_line
