"""Incremental runs, ``clean --state FILE`` (SPEC §7, issue 17): unchanged inputs skipped, the
counts new / changed / unchanged / gone, and a run killed midway losing and doubling nothing."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from zakerclean.runners.cli import main

from .conftest import CORPUS, ROOT, requires_corpus


def post(number: int, extra: str = "") -> str:
    """A small Hexo post of our own, different for each number."""
    return (
        f"---\ntitle: 第{number}篇\ndate: Sat, 17 Apr 2021 17:10:46 GMT\n---\n\n"
        f"<p>第{number}篇的正文，说的是第{number}件事。</p>{extra}\n"
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Thirty posts in two folders, and nothing else."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for number in range(30):
        place = folder / "sub" if number % 3 == 0 else folder
        (place / f"{number:02d}.md").write_text(post(number), encoding="utf-8")
    return folder


def clean(*args: str | Path) -> int:
    """Run ``zakerclean clean`` in this process; return its exit status."""
    return main(["clean", "--no-progress", *map(str, args)])


def summary(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().err.strip().splitlines()[-1]


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_second_run_skips_every_unchanged_input(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    assert clean(tree, "-o", out, "--state", state) == 0
    assert summary(capsys).endswith("state: 30 new, 0 changed, 0 unchanged, 0 gone")
    first = out.read_bytes()
    assert len(lines(out)) == 30
    assert clean(tree, "-o", out, "--state", state) == 0
    assert summary(capsys) == (
        "zakerclean: 0 documents, 0 failed; state: 0 new, 0 changed, 30 unchanged, 0 gone"
    )
    assert out.read_bytes() == first  # nothing added, nothing rewritten
    assert not state.with_name("state.json.journal").exists()


def test_new_changed_and_gone_inputs_are_counted_and_only_they_are_redone(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    clean(tree, "-o", out, "--state", state)
    capsys.readouterr()
    (tree / "01.md").write_text(post(1, "<p>补充一段。</p>"), encoding="utf-8")
    (tree / "sub" / "03.md").unlink()
    (tree / "02.md").unlink()
    (tree / "sub" / "99.md").write_text(post(99), encoding="utf-8")
    assert clean(tree, "-o", out, "--state", state) == 0
    assert summary(capsys).endswith("state: 1 new, 1 changed, 27 unchanged, 2 gone")
    rows = lines(out)
    assert len(rows) == 32  # the first run's 30, then the changed and the new one
    assert [Path(str(row["path"])).name for row in rows[30:]] == ["01.md", "99.md"]
    assert "补充一段" in str(rows[30]["text"])
    saved = json.loads(state.read_text(encoding="utf-8"))["inputs"]
    assert len(saved) == 29 and not any(name.endswith(("02.md", "03.md")) for name in saved)
    # the gone inputs are forgotten: were they back, they would be new again
    clean(tree, "-o", out, "--state", state)
    assert summary(capsys).endswith("state: 0 new, 0 changed, 29 unchanged, 0 gone")


def test_a_file_with_the_same_bytes_under_another_name_is_new(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "state.json"
    clean(tree, "-o", tmp_path / "out.jsonl", "--state", state)
    (tree / "01.md").rename(tree / "01-renamed.md")
    clean(tree, "-o", tmp_path / "out.jsonl", "--state", state)
    assert summary(capsys).endswith("state: 1 new, 0 changed, 29 unchanged, 1 gone")


def test_other_settings_redo_everything_into_a_fresh_output(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    clean(tree, "-o", out, "--state", state)
    capsys.readouterr()
    clean(tree, "-o", out, "--state", state, "--tz", "UTC")
    err = capsys.readouterr().err
    assert "was written with other settings: every input is redone" in err
    assert err.strip().endswith("state: 30 new, 0 changed, 0 unchanged, 0 gone")
    assert len(lines(out)) == 30  # started afresh, not appended to
    clean(tree, "-o", out, "--state", state, "--tz", "UTC")
    assert summary(capsys).endswith("30 unchanged, 0 gone")


def test_failures_are_done_too_and_unreadable_inputs_are_tried_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text(post(1), encoding="utf-8")
    (folder / "bad.md").write_text("---\ntitle: [unclosed\n---\n<p>x</p>\n", encoding="utf-8")
    (folder / "gone.md").symlink_to(folder / "nowhere.md")  # listed, cannot be read
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    assert clean(folder, "-o", out, "--state", state) == 1
    assert summary(capsys).endswith("state: 3 new, 0 changed, 0 unchanged, 0 gone")
    assert Counter("error" in row for row in lines(out)) == {True: 2, False: 1}
    # the same bytes would fail the same way: only the unreadable input is tried again
    assert clean(folder, "-o", out, "--state", state) == 1
    assert summary(capsys).endswith("state: 1 new, 0 changed, 2 unchanged, 0 gone")
    assert [Path(str(row["path"])).name for row in lines(out)[3:]] == ["gone.md"]


def test_an_untracked_input_last_is_not_taken_for_an_interrupted_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(post(1), encoding="utf-8")
    (folder / "zz.md").symlink_to(folder / "nowhere.md")  # sorts last, cannot be read
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    clean(folder, "-o", out, "--state", state)
    capsys.readouterr()
    clean(folder, "-o", out, "--state", state)
    err = capsys.readouterr().err
    assert "interrupted" not in err
    assert err.strip().endswith("state: 1 new, 0 changed, 1 unchanged, 0 gone")
    assert [Path(str(row["path"])).name for row in lines(out)] == ["a.md", "zz.md", "zz.md"]


def test_records_on_stdout_and_files_in_a_directory(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "state.json"
    clean(tree, "--state", state)
    assert len(capsys.readouterr().out.splitlines()) == 30
    clean(tree, "--state", state)
    assert capsys.readouterr().out == ""
    # md files: an unchanged input's file is not written again
    folder, md_state = tmp_path / "md", tmp_path / "md-state.json"
    clean(tree, "-f", "md", "-o", folder, "--state", md_state)
    (folder / "04.md").unlink()
    (tree / "05.md").write_text(post(5, "<p>改过。</p>"), encoding="utf-8")
    clean(tree, "-f", "md", "-o", folder, "--state", md_state)
    assert summary(capsys).endswith("state: 0 new, 1 changed, 29 unchanged, 0 gone")
    assert not (folder / "04.md").exists()
    assert "改过" in (folder / "05.md").read_text(encoding="utf-8")


def test_a_feed_is_one_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.xml"
    items = "".join(
        f"<item><title>第{n}条</title><description>&lt;p&gt;第{n}条正文。&lt;/p&gt;</description>"
        "</item>"
        for n in range(3)
    )
    feed.write_text(f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>')
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    clean(feed, "-o", out, "--state", state)
    assert summary(capsys).startswith("zakerclean: 3 documents")
    clean(feed, "-o", out, "--state", state)
    assert summary(capsys).endswith("state: 0 new, 0 changed, 1 unchanged, 0 gone")
    assert len(lines(out)) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "json", "-o", "out.json"], "--format json writes one document per run"),
        (["-f", "csv", "-o", "out.csv"], "--format csv writes one document per run"),
        (["-f", "parquet", "-o", "out.parquet"], "--format parquet writes one document"),
        (["--dedup"], "--dedup compares all articles of a run"),
        (["-"], "stdin (-) has none"),
    ],
)
def test_what_cannot_be_incremental_is_a_usage_error(
    tree: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert clean(tree, *args, "--state", tmp_path / "state.json") == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "state.json").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"inputs": {}}', "is not a zakerclean state file"),
        ("not json at all", "is not a zakerclean state file"),
        ('{"format": "zakerclean-state", "version": 99, "inputs": {}}', "unsupported or damaged"),
        ('{"format": "zakerclean-state", "version": 1, "inputs": []}', "unsupported or damaged"),
    ],
)
def test_a_file_that_is_not_a_state_is_refused_and_kept(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    state = tmp_path / "state.json"
    state.write_text(content, encoding="utf-8")
    assert clean(tree, "--state", state) == 2
    err = capsys.readouterr().err
    assert f"--state: {state}" in err and message in err
    assert state.read_text(encoding="utf-8") == content


# -- killed midway: the next run redoes only what is missing ----------------------------------------

#: The command in a child process that SIGKILLs itself at a chosen point of the run: before the
#: Nth input is journaled (its records are written), after it, or while the state file is replaced.
KILLER = """
import os, signal, sys
from zakerclean.runners import state
from zakerclean.runners.cli import main

when, n = sys.argv[1], int(sys.argv[2])
calls = 0
done = state.RunState.done

def killing_done(self, size):
    global calls
    calls += 1
    if when == "before-journal" and calls == n:
        os.kill(os.getpid(), signal.SIGKILL)
    done(self, size)
    if when == "after-journal" and calls == n:
        os.kill(os.getpid(), signal.SIGKILL)

def killing_replace(source, target):
    os.kill(os.getpid(), signal.SIGKILL)

state.RunState.done = killing_done
if when == "replace":
    state.os.replace = killing_replace
sys.exit(main(sys.argv[3:]))
"""


def killed_run(when: str, n: int, *args: str | Path) -> int:
    command = [sys.executable, "-c", KILLER, when, str(n), "clean", "--no-progress"]
    result = subprocess.run([*command, *map(str, args)], capture_output=True, cwd=ROOT, timeout=300)
    return result.returncode


@pytest.mark.parametrize(
    ("when", "n", "kept"),
    [("before-journal", 12, 11), ("after-journal", 12, 12), ("replace", 0, 30)],
)
def test_a_run_killed_midway_loses_nothing_and_doubles_nothing(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], when: str, n: int, kept: int
) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    main(["clean", "--no-progress", str(tree), "-o", str(tmp_path / "whole.jsonl")])
    whole = {row["path"]: row for row in lines(tmp_path / "whole.jsonl")}
    capsys.readouterr()

    assert killed_run(when, n, tree, "-o", out, "--state", state) == -signal.SIGKILL
    assert not state.exists() and state.with_name("state.json.journal").exists()
    assert clean(tree, "-o", out, "--state", state) == 0
    err = capsys.readouterr().err
    assert err.strip().endswith(f"state: {30 - kept} new, 0 changed, {kept} unchanged, 0 gone")
    assert ("bytes of records an interrupted run wrote" in err) == (when == "before-journal")

    rows = lines(out)
    assert [row["path"] for row in rows] == list(whole)  # each once, in input order
    assert {row["path"]: row for row in rows} == whole
    assert not state.with_name("state.json.journal").exists()
    assert len(json.loads(state.read_text(encoding="utf-8"))["inputs"]) == 30


def test_a_run_killed_twice_still_ends_with_each_record_once(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    clean(tree, "-o", out, "--state", state)  # a complete run first
    for number in range(0, 30, 2):  # then half the inputs change
        place = tree / "sub" if number % 3 == 0 else tree
        (place / f"{number:02d}.md").write_text(post(number, "<p>新</p>"), encoding="utf-8")
    assert killed_run("before-journal", 4, tree, "-o", out, "--state", state) == -signal.SIGKILL
    assert killed_run("after-journal", 5, tree, "-o", out, "--state", state) == -signal.SIGKILL
    capsys.readouterr()
    clean(tree, "-o", out, "--state", state)
    assert summary(capsys).endswith("state: 0 new, 7 changed, 23 unchanged, 0 gone")
    rows = lines(out)
    assert len(rows) == 30 + 15
    changed = [row["path"] for row in rows[:30] if int(Path(str(row["path"])).stem) % 2 == 0]
    assert sorted(map(str, (row["path"] for row in rows[30:]))) == sorted(map(str, changed))


@requires_corpus
def test_the_corpus_with_two_jobs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    assert clean(CORPUS, "-j", "2", "-o", out, "--state", state) == 0
    total = len(lines(out))
    assert summary(capsys).endswith(f"state: {total} new, 0 changed, 0 unchanged, 0 gone")
    assert clean(CORPUS, "-j", "2", "-o", out, "--state", state) == 0
    assert summary(capsys).endswith(f"0 new, 0 changed, {total} unchanged, 0 gone")
    assert len(lines(out)) == total
