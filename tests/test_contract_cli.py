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
    result = run("clean", str(CORPUS), str(EXAMPLES), str(tmp_path), "--no-progress")
    assert result.returncode == 1, result.stderr
    schema = json.loads(run("schema").stdout)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    lines = result.stdout.splitlines()
    errors = 0
    for line in lines:
        record = json.loads(line)
        validator.validate(record)
        errors += "error" in record
    assert errors == len(BAD_INPUTS)
    inputs = len(list(CORPUS.rglob("*.md"))) + len(list(EXAMPLES.glob("*.md")))
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
