"""The command line, driven for real in a subprocess (SPEC §7)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import zakerclean

from .conftest import CORPUS, EXAMPLES, ROOT, requires_corpus
from .test_feeds import BUS_ITEM, BUS_LINK, PARK_ITEM, PARK_LINK, TOO_DEEP_ITEM, rss

GOOD = "\n---\ntitle: '好的'\ndate: Sat, 17 Apr 2021 17:10:46 GMT\n---\n\n<p>正文一段。</p>\n"


def run(
    *args: str, stdin: bytes | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "zakerclean", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def records(output: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.decode("utf-8").splitlines()]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of good and bad inputs, nested, with files the command must skip."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a-good.md").write_text(GOOD, encoding="utf-8")
    (folder / "b-bad-front-matter.md").write_text(
        "\n---\ntitle: [unclosed\n---\n<p>x</p>\n", encoding="utf-8"
    )
    (folder / "c-binary.html").write_bytes(bytes(range(256)) * 4)
    (folder / "d-empty.htm").write_bytes(b"")
    (folder / "sub" / "e-fragment.html").write_text("<div><p>片段</p></div>", encoding="utf-8")
    (folder / "skipped.txt").write_text("not an input", encoding="utf-8")
    return folder


def test_mixed_inputs_give_one_record_each_and_exit_1(mixed: Path) -> None:
    missing = str(mixed / "missing.md")
    result = run("clean", str(mixed), missing, "--no-progress")
    assert result.returncode == 1
    rows = records(result.stdout)
    assert [Path(str(r["path"])).name for r in rows] == [
        "a-good.md", "b-bad-front-matter.md", "c-binary.html", "d-empty.htm", "e-fragment.html", "missing.md",
    ]  # fmt: skip
    errors = {Path(str(r["path"])).name: r["error"] for r in rows if "error" in r}
    assert errors["b-bad-front-matter.md"]["type"] == "FrontMatterError"  # type: ignore[index]
    assert errors["c-binary.html"]["type"] == "BinaryInputError"  # type: ignore[index]
    assert errors["d-empty.htm"]["type"] == "EmptyInputError"  # type: ignore[index]
    assert errors["missing.md"]["type"] == "FileNotFoundError"  # type: ignore[index]
    assert rows[0]["title"] == "好的" and rows[4]["text"] == "片段"
    summary = result.stderr.decode().strip().splitlines()[-1]
    assert summary.startswith("zakerclean: 6 documents, 4 failed")


def test_all_good_exits_0_with_a_summary_of_changes() -> None:
    result = run("clean", str(EXAMPLES), "--no-progress")
    assert result.returncode == 0
    assert len(records(result.stdout)) == len(list(EXAMPLES.glob("*.md")))
    assert "changes: boilerplate" in result.stderr.decode()


def test_fail_fast_stops_at_the_first_failure(mixed: Path) -> None:
    result = run("clean", str(mixed), "--fail-fast")
    assert result.returncode == 1
    assert len(records(result.stdout)) == 2


def test_jobs_2_output_equals_jobs_1(mixed: Path) -> None:
    one = run("clean", str(mixed), str(EXAMPLES), "--jobs", "1")
    two = run("clean", str(mixed), str(EXAMPLES), "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout


@requires_corpus
def test_jobs_2_over_the_corpus_equals_jobs_1() -> None:
    one = run("clean", str(CORPUS), "-j", "1")
    two = run("clean", str(CORPUS), "-j", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert len(records(one.stdout)) >= 80


def test_stdin() -> None:
    result = run("clean", "-", stdin=GOOD.encode("utf-8"))
    assert result.returncode == 0
    (row,) = records(result.stdout)
    assert row["path"] == "-" and row["title"] == "好的"


def test_json_array_and_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = run("clean", str(EXAMPLES), "--format", "json", "-o", str(target))
    assert result.returncode == 0 and result.stdout == b""
    rows = json.loads(target.read_text(encoding="utf-8"))
    assert isinstance(rows, list) and len(rows) == 4


def test_hexo_output_mirrors_the_tree_and_reparses_to_the_same_articles(
    mixed: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run("clean", str(mixed), str(EXAMPLES), "--format", "hexo", "-o", str(out))
    assert result.returncode == 1  # the bad inputs of `mixed`
    assert (out / "a-good.md").is_file() and (out / "sub" / "e-fragment.md").is_file()
    assert result.stderr.decode().count('"error"') == 3
    for example in EXAMPLES.glob("*.md"):
        original = zakerclean.parse_file(example)
        again = zakerclean.parse_file(out / example.name)
        assert again.model_dump(exclude={"report"}) == original.model_dump(exclude={"report"})


@pytest.mark.parametrize(
    ("fmt", "suffix", "marker"), [("md", ".md", "# 小区"), ("html", ".html", "<!DOCTYPE html>")]
)
def test_markdown_and_html_files(tmp_path: Path, fmt: str, suffix: str, marker: str) -> None:
    result = run("clean", str(EXAMPLES / "zaker-solar-roof.md"), "-f", fmt, "-o", str(tmp_path))
    assert result.returncode == 0
    assert marker in (tmp_path / f"zaker-solar-roof{suffix}").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ["clean"],
        ["clean", "x.md", "--format", "xml"],
        ["clean", "x.md", "--format", "md"],
        ["clean", "x.md", "--jobs", "0"],
        ["clean", "x.md", "--tz", "Mars/Base"],
        ["clean", "x.md", "--now", "yesterday"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert b"usage:" in result.stderr


def test_options_reach_the_cleaner() -> None:
    body = b'<p>x</p><div class="advise">KEEP</div>'
    kept = records(run("clean", "-", "--no-boilerplate", stdin=body).stdout)[0]
    dropped = records(run("clean", "-", stdin=body).stdout)[0]
    assert "KEEP" in str(kept["text"]) and "KEEP" not in str(dropped["text"])


def test_now_reads_relative_dates() -> None:
    post = "---\ntitle: t\ndate: 3小时前\n---\n<p>x</p>\n".encode()
    without = records(run("clean", "-", stdin=post).stdout)[0]
    with_now = records(run("clean", "-", "--now", "2021-04-17T12:00:00+08:00", stdin=post).stdout)[
        0
    ]
    assert without["published"] is None
    assert with_now["published"] == "2021-04-17T01:00:00Z"


def test_show_prints_the_article_and_report() -> None:
    result = run("show", str(EXAMPLES / "zaker-solar-roof.md"))
    assert result.returncode == 0
    text = result.stdout.decode("utf-8")
    assert text.startswith("小区屋顶装上光伏板")
    assert "images (2):" in text and "(animated)" in text and "report:" in text
    assert run("show", "no-such-file.md").returncode == 1


def test_schema_describes_article_error_and_skip_records() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert {ref["$ref"].rsplit("/", 1)[-1] for ref in schema["anyOf"]} == {
        "ArticleRecord",
        "ErrorRecord",
        "SkipRecord",
    }
    article = schema["$defs"]["ArticleRecord"]["properties"]
    assert "flags" in article and "credits" in article


def test_broken_pipe_is_quiet() -> None:
    proc = subprocess.run(
        f'"{sys.executable}" -m zakerclean clean "{EXAMPLES}" "{EXAMPLES}" "{EXAMPLES}" | head -c 10',
        shell=True, capture_output=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert b"Traceback" not in proc.stderr


def test_library_batch_api_matches_single_parses(mixed: Path) -> None:
    paths = sorted(p for p in mixed.rglob("*") if p.suffix in (".md", ".html", ".htm"))
    results = list(zakerclean.parse_many(paths, jobs=2))
    assert len(results) == len(paths)
    assert [type(r).__name__ for r in results] == [
        "Article",
        "Failure",
        "Failure",
        "Failure",
        "Article",
    ]
    assert results[0] == zakerclean.parse_file(paths[0])


def test_progress_bar_only_on_a_terminal() -> None:
    import fcntl
    import pty
    import struct
    import termios

    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a real size
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "zakerclean", "clean", str(EXAMPLES)],
            stdout=subprocess.DEVNULL,
            stderr=terminal,
            cwd=ROOT,
            timeout=120,
        )
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal side is closed: all read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert proc.returncode == 0
    assert b"4/4" in shown and b"doc" in shown  # tqdm's counter and unit
    quiet = run("clean", str(EXAMPLES))  # stderr is a pipe here: no bar
    assert b"4/4" not in quiet.stderr
    assert quiet.stderr.decode().count("\n") == 1  # just the summary line


# -- feeds (.xml inputs) ----------------------------------------------------------------------------


@pytest.fixture
def feeds(tmp_path: Path) -> Path:
    """A post, a feed with a broken middle item, a .xml file that is no feed, an empty feed."""
    folder = tmp_path / "in"
    (folder / "feeds").mkdir(parents=True)
    (folder / "a-post.md").write_text(GOOD, encoding="utf-8")
    (folder / "feeds" / "city.xml").write_bytes(
        rss(BUS_ITEM, TOO_DEEP_ITEM, PARK_ITEM, encoding="gbk").encode("gb18030")
    )
    (folder / "feeds" / "empty.xml").write_text(rss(), encoding="utf-8")
    (folder / "feeds" / "not-a-feed.xml").write_text("<html><p>x</p></html>", encoding="utf-8")
    return folder


def test_a_feed_gives_one_record_per_item(feeds: Path) -> None:
    result = run("clean", str(feeds), "--no-progress")
    assert result.returncode == 1
    rows = records(result.stdout)
    city, not_a_feed = str(feeds / "feeds" / "city.xml"), str(feeds / "feeds" / "not-a-feed.xml")
    assert [r["path"] for r in rows] == [
        str(feeds / "a-post.md"), f"{city}#1", f"{city}#2", f"{city}#3", not_a_feed,
    ]  # fmt: skip
    assert [r.get("url") for r in rows[1:4]] == [BUS_LINK, None, PARK_LINK]
    assert (
        rows[1]["title"] == "新公交线路今天开通" and rows[1]["published"] == "2021-04-17T09:10:46Z"
    )
    assert rows[2]["error"]["type"] == "ParseLimitError"  # type: ignore[index]
    assert rows[4]["error"]["type"] == "FeedError"  # type: ignore[index]
    assert "root element is <html>" in rows[4]["error"]["message"]  # type: ignore[index]
    summary = result.stderr.decode().strip().splitlines()[-1]
    assert summary.startswith("zakerclean: 5 documents, 2 failed")  # the empty feed adds none


def test_feed_records_equal_the_library_and_jobs_2_equals_jobs_1(feeds: Path) -> None:
    one = run("clean", str(feeds), str(EXAMPLES), "--jobs", "1")
    two = run("clean", str(feeds), str(EXAMPLES), "--jobs", "2", "--format", "json")
    assert one.returncode == two.returncode == 1
    assert records(one.stdout) == json.loads(two.stdout)
    city = feeds / "feeds" / "city.xml"
    library = list(zakerclean.parse_feed(city.read_bytes()))
    rows = [r for r in records(one.stdout) if str(r["path"]).startswith(f"{city}#")]
    assert rows[0] == {"path": f"{city}#1", **library[0].model_dump(mode="json")}  # type: ignore[union-attr]


def test_fail_fast_stops_inside_a_feed(feeds: Path) -> None:
    result = run(
        "clean", str(feeds / "feeds" / "city.xml"), str(feeds / "a-post.md"), "--fail-fast"
    )
    assert result.returncode == 1
    assert [str(r["path"])[-2:] for r in records(result.stdout)] == ["#1", "#2"]


def test_feed_items_become_files_in_a_folder_named_after_the_feed(
    feeds: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run("clean", str(feeds), "--format", "md", "-o", str(out))
    assert result.returncode == 1
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["a-post.md", "feeds/city/0001.md", "feeds/city/0003.md"]
    assert (
        (out / "feeds" / "city" / "0001.md")
        .read_text(encoding="utf-8")
        .startswith("# 新公交线路今天开通")
    )
    errors = [json.loads(line) for line in result.stderr.decode().splitlines() if '"error"' in line]
    assert [Path(e["path"]).name for e in errors] == ["city.xml#2", "not-a-feed.xml"]
    hexo = tmp_path / "hexo"
    assert (
        run("clean", str(feeds / "feeds" / "city.xml"), "-f", "hexo", "-o", str(hexo)).returncode
        == 1
    )
    again = zakerclean.parse_file(hexo / "city" / "0003.md")
    assert again.url == PARK_LINK


def test_a_missing_xml_file_is_one_error_record_and_stdin_xml_is_a_post(tmp_path: Path) -> None:
    missing = run("clean", str(tmp_path / "gone.xml"))
    assert missing.returncode == 1
    (row,) = records(missing.stdout)
    assert row["error"]["type"] == "FileNotFoundError"  # type: ignore[index]
    piped = run("clean", "-", stdin=rss(BUS_ITEM).encode("utf-8"))
    (row,) = records(piped.stdout)
    assert row["path"] == "-" and "url" in row  # one record: read as a post/fragment


def test_show_prints_every_item_of_a_feed(feeds: Path) -> None:
    result = run("show", str(feeds / "feeds" / "city.xml"))
    assert result.returncode == 1  # item 2 failed
    text = result.stdout.decode("utf-8")
    assert "#1]\n新公交线路今天开通" in text and "#3]\n城东公园花海周末开放" in text
    assert "city.xml#2: ParseLimitError" in result.stderr.decode("utf-8")
    empty = run("show", str(feeds / "feeds" / "empty.xml"))
    assert empty.returncode == 0 and b"no items" in empty.stderr
