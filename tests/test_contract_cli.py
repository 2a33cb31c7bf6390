"""The CLI's contract: every line `clean` writes validates against `schema`; bugs are never
disguised as bad input (InternalError, exit 3); `-o` creates parents; `show` takes many paths."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import zakerclean
from zakerclean.models import Failure
from zakerclean.runners import batch
from zakerclean.runners.cli import main
from zakerclean.writers.records import record_schema

from .conftest import CORPUS, EXAMPLES, requires_corpus

BAD_INPUTS = {
    "empty.md": b"",
    "binary.md": b"\x00\x01\x02",
    "broken-yaml.md": b"---\ntitle: [a, b\n---\n<p>x</p>",
    "unclosed.md": b"---\ntitle: x\n<p>never closed</p>",
    "not-a-feed.xml": b"<html><body>not a feed</body></html>",
    "bad-bytes.md": b"\xff\xfe\xfa\xfb" * 10 + b"\x81",
}

#: Posts that are not articles (SPEC §10): ``--skip-flags`` makes skip records of the first two.
FLAGGED = {
    "deleted.md": "<p>原文已被删除</p>",
    "preview.md": "<p>此为临时链接，仅用于预览，将在 48 小时后失效</p>",
    "only-picture.md": '<figure><img src="https://img.example.com/a.jpg"></figure>',
}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zakerclean", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=300,
    )


@requires_corpus
@pytest.mark.corpus
def test_every_line_clean_writes_validates_against_the_schema(tmp_path: Path) -> None:
    for name, data in BAD_INPUTS.items():
        (tmp_path / name).write_bytes(data)
    for name, body in FLAGGED.items():
        post = f"---\ntitle: {name}\nauthor: ZAKER\ncategories: [新媒体, ZAKER, channel]\n---\n"
        (tmp_path / name).write_text(post + f"<div>{body}</div>\n", encoding="utf-8")
    result = run(
        "clean",
        str(CORPUS),
        str(EXAMPLES),
        str(tmp_path),
        "--no-progress",
        "--skip-flags",
        "deleted,placeholder",
    )
    assert result.returncode == 1, result.stderr
    schema = json.loads(run("schema").stdout)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    lines = result.stdout.splitlines()
    errors = 0
    skipped = []
    for line in lines:
        record = json.loads(line)
        validator.validate(record)
        errors += "error" in record
        if "skipped" in record:
            skipped.append((Path(record["path"]).name, record["skipped"], record["flags"]))
    assert errors == len(BAD_INPUTS)
    assert sorted(skipped) == [
        ("deleted.md", "flagged", ["deleted"]),
        ("preview.md", "flagged", ["placeholder"]),
    ]
    assert "signals: ZAKER deleted 1, media_only 1, placeholder 1" in result.stderr
    inputs = len(list(CORPUS.rglob("*.md"))) + len(list(EXAMPLES.glob("*.md"))) + len(FLAGGED)
    assert len(lines) == inputs + errors
    assert schema == json.loads(json.dumps(record_schema()))


def test_a_bug_is_an_internal_error_never_bad_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise KeyError("oops")

    monkeypatch.setattr(batch, "parse_file", broken)
    result = batch.parse_source(str(EXAMPLES / "zaker-video.md"))
    assert isinstance(result, Failure)
    assert result.is_internal
    assert result.error_type == "InternalError"
    assert result.message.startswith("KeyError: 'oops'")
    status = main(["clean", str(EXAMPLES / "zaker-video.md"), "--no-progress"])
    out, err = capsys.readouterr()
    assert status == 3
    assert json.loads(out)["error"]["type"] == "InternalError"
    assert "bug in zakerclean" in err


def test_bad_input_is_never_an_internal_error() -> None:
    for name, data in BAD_INPUTS.items():
        if name.endswith(".xml"):
            continue  # only the CLI reads .xml files as feeds
        result = batch.parse_source((name, data))
        assert isinstance(result, Failure)
        assert not result.is_internal, (name, result)


def test_output_file_parents_are_created(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "dir" / "out.jsonl"
    result = run("clean", str(EXAMPLES), "-o", str(target), "--no-progress")
    assert result.returncode == 0, result.stderr
    assert len(target.read_text(encoding="utf-8").splitlines()) == len(list(EXAMPLES.glob("*.md")))


def test_show_takes_directories_and_many_paths(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_bytes(b"")
    result = run("show", str(EXAMPLES), str(tmp_path))
    assert result.returncode == 1
    for post in EXAMPLES.glob("*.md"):
        assert f"[{EXAMPLES / post.name}]" in result.stdout
        assert zakerclean.parse_file(post).title in result.stdout
    assert "bad.md: EmptyInputError" in result.stderr


def test_errors_cross_a_real_process_pool_as_failure_records(tmp_path: Path) -> None:
    """InputTooLargeError used to break the pool (BrokenProcessPool) with --jobs 2."""
    (tmp_path / "bad.md").write_bytes(b"")
    result = run(
        "clean", str(EXAMPLES), str(tmp_path), "--jobs", "2", "--max-bytes", "200", "--no-progress"
    )
    assert result.returncode == 1, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    types = {record["error"]["type"] for record in records}
    assert types == {"InputTooLargeError", "EmptyInputError"}
    assert len(records) == len(list(EXAMPLES.glob("*.md"))) + 1
    for record in records:  # the message once, not with its prefix doubled
        message = record["error"]["message"]
        assert message.count(message[:20]) == 1


@pytest.mark.parametrize("value", ["bogus", "deleted,spam", ","])
def test_unknown_skip_flags_are_a_usage_error(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: t\n---\n<p>正文</p>\n", encoding="utf-8")
    assert main(["clean", str(tmp_path), "--no-progress", "--skip-flags", value]) == 2
    assert "--skip-flags takes flags among deleted, empty" in capsys.readouterr().err


def test_skip_flags_with_a_table_format_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: t\n---\n<p>正文</p>\n", encoding="utf-8")
    out = str(tmp_path / "t.csv")
    assert main(["clean", str(tmp_path), "-f", "csv", "-o", out, "--skip-flags", "empty"]) == 2


def test_the_summary_counts_dropped_picture_urls_per_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: t\ncategories: [新媒体, 36kr, 最新]\n---\n<p>正文</p>"
        '<div data-hires="https://cdn.example.com/big.jpg"></div>\n',
        encoding="utf-8",
    )
    assert main(["clean", str(tmp_path), "--no-progress"]) == 0
    assert "signals: 36kr picture URL dropped 1" in capsys.readouterr().err
