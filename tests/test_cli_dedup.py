"""``zakerclean clean --dedup`` and ``zakerclean dedup`` (SPEC §7, §9), in a subprocess."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from zakerclean.runners.cli import main
from zakerclean.writers.records import ArticleRecord, ErrorRecord

from .test_cli import records, run
from .test_dedup import STORY_A, STORY_B, TRAILER


def hexo(title: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: 2021-04-17 10:00:00\n---\n{body}\n"


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    """Two stories, a republication of each, an exact copy, a failure and a text-less post."""
    folder = tmp_path / "in"
    folder.mkdir()
    files = {
        "1-bus.md": hexo("公交新线", STORY_A),
        "2-metro.md": hexo("地铁延时", STORY_B),
        "3-bus-again.md": hexo("转发：公交新线", STORY_A + TRAILER),
        "4-bad.md": "---\ntitle: [unclosed\n---\n<p>x</p>\n",
        "5-metro-copy.md": hexo("地铁", STORY_B),
        "6-no-text.md": hexo("只有标题", ""),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_clean_dedup_names_the_first_article_of_each_story(stories: Path, jobs: str) -> None:
    result = run("clean", str(stories), "--dedup", "--no-progress", "-j", jobs)
    assert result.returncode == 1  # 4-bad.md
    rows = records(result.stdout)
    marks = {Path(str(r["path"])).name: r.get("duplicate_of", "absent") for r in rows}
    first_bus, first_metro = str(stories / "1-bus.md"), str(stories / "2-metro.md")
    assert marks == {
        "1-bus.md": None,
        "2-metro.md": None,
        "3-bus-again.md": first_bus,
        "4-bad.md": "absent",  # error records have no duplicate_of
        "5-metro-copy.md": first_metro,
        "6-no-text.md": None,
    }
    for row in rows:  # every line still validates against `zakerclean schema`
        (ErrorRecord if "error" in row else ArticleRecord).model_validate(row)


def test_clean_without_dedup_writes_no_duplicate_of(stories: Path) -> None:
    rows = records(run("clean", str(stories), "--no-progress").stdout)
    assert not any("duplicate_of" in row for row in rows)


def test_dedup_command_prints_groups_for_a_person(stories: Path) -> None:
    result = run("dedup", str(stories))
    assert result.returncode == 1
    lines = result.stdout.decode("utf-8").splitlines()
    assert lines == [
        "[1] 公交新线 (2 articles)",
        f"    original   {stories / '1-bus.md'}",
        f"    duplicate  {stories / '3-bus-again.md'}",
        "[2] 地铁延时 (2 articles)",
        f"    original   {stories / '2-metro.md'}",
        f"    duplicate  {stories / '5-metro-copy.md'}",
    ]
    errors = result.stderr.decode("utf-8")
    assert "4-bad.md: FrontMatterError" in errors
    assert "6 documents, 1 failed, 2 groups, 2 duplicates" in errors


def test_dedup_usage_errors(stories: Path, tmp_path: Path) -> None:
    result = run("clean", str(stories), "--dedup", "-f", "md", "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and b"--dedup adds duplicate_of" in result.stderr
    result = run("dedup", str(stories), "--threshold", "1.5")
    assert result.returncode == 2 and b"threshold must be in (0, 1]" in result.stderr


def test_missing_datasketch_is_a_usage_error(
    stories: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "datasketch", None)
    assert main(["clean", str(stories), "--dedup", "--no-progress"]) == 2
    assert "pip install 'zakerclean[dedup]'" in capsys.readouterr().err
