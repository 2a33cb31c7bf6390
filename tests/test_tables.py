"""``clean --format parquet|csv -o FILE`` and ``to_dataframe(native_lists=True)`` (SPEC §7)."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import zakerclean
from zakerclean.runners.cli import main
from zakerclean.writers import tables

from .conftest import CORPUS, requires_corpus
from .test_cli import records, run

POST = (
    "---\ntitle: 新线路\ndate: 2021-04-17 10:00:00\ncategories:\n - 本地\n - 交通\n---\n"
    '<p>公交新线路今日开通。</p><img src="https://img.example.com/a.jpg">'
    '<img src="https://img.example.com/b.jpg">\n'
)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(POST, encoding="utf-8")
    (folder / "b.md").write_text("---\ntitle: [unclosed\n---\n<p>x</p>\n", encoding="utf-8")
    (folder / "c.md").write_text(POST.replace("title: 新线路", "title: 旧线路"), encoding="utf-8")
    return folder


def test_parquet_has_arrow_native_columns(inputs: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "articles.parquet"  # parent folder created
    result = run("clean", str(inputs), "-f", "parquet", "-o", str(target))
    assert result.returncode == 1 and result.stdout == b""
    table = pq.read_table(target)
    assert table.schema == tables.arrow_schema()
    assert table.schema.field("categories").type == pa.list_(pa.string())
    assert table.schema.field("published").type == pa.timestamp("us", tz="UTC")
    rows = table.to_pylist()
    assert [(Path(r["path"]).name, r["ok"]) for r in rows] == [
        ("a.md", True),
        ("b.md", False),
        ("c.md", True),
    ]
    first, bad = rows[0], rows[1]
    assert first["categories"] == ["本地", "交通"]
    assert first["image_urls"] == ["https://img.example.com/a.jpg", "https://img.example.com/b.jpg"]
    assert first["video_urls"] == [] and first["image_count"] == 2
    assert first["published"] == datetime(2021, 4, 17, 2, 0, tzinfo=timezone.utc)
    assert bad["error_type"] == "FrontMatterError" and bad["categories"] is None


def test_csv_has_a_header_and_json_lists(inputs: Path, tmp_path: Path) -> None:
    target = tmp_path / "articles.csv"
    assert run("clean", str(inputs), "-f", "csv", "-o", str(target), "--dedup").returncode == 1
    with open(target, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == tables.column_names(dedup=True)
    assert json.loads(rows[0]["categories"]) == ["本地", "交通"]
    assert rows[0]["published"] == "2021-04-17T02:00:00+00:00"
    assert rows[1]["ok"] == "False" and rows[1]["error_type"] == "FrontMatterError"
    assert rows[2]["duplicate_of"] == str(inputs / "a.md")  # same text, another title
    assert rows[0]["duplicate_of"] == ""


def test_tables_are_written_in_batches(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tables, "BATCH_ROWS", 2)
    target = tmp_path / "t.parquet"
    assert main(["clean", str(inputs), "-f", "parquet", "-o", str(target), "--no-progress"]) == 1
    assert pq.ParquetFile(target).num_row_groups == 2  # rows 1-2, then row 3


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_need_a_file(inputs: Path, tmp_path: Path, fmt: str) -> None:
    result = run("clean", str(inputs), "-f", fmt)
    assert result.returncode == 2 and b"give a file with -o" in result.stderr
    result = run("clean", str(inputs), "-f", fmt, "-o", str(tmp_path))
    assert result.returncode == 2 and b"is a directory" in result.stderr


def test_to_dataframe_native_lists() -> None:
    article = zakerclean.parse(POST)
    failure = zakerclean.Failure(source="x.md", error_type="EmptyInputError", message="empty")
    frame = zakerclean.to_dataframe([article, failure], native_lists=True)
    assert str(frame["categories"].dtype) == "list<item: string>[pyarrow]"
    assert frame["categories"][0] == ["本地", "交通"]
    assert pd.isna(frame["image_urls"][1])
    default = zakerclean.to_dataframe([article])
    assert json.loads(default["categories"][0]) == ["本地", "交通"]  # JSON text stays the default


@requires_corpus
def test_corpus_parquet_matches_jsonl(tmp_path: Path) -> None:
    target = tmp_path / "corpus.parquet"
    result = run("clean", str(CORPUS), "-f", "parquet", "-o", str(target), "-j", "2")
    lines = records(run("clean", str(CORPUS)).stdout)
    assert result.returncode in (0, 1)
    frame = pd.read_parquet(target)
    assert list(frame["path"]) == [line["path"] for line in lines]
    articles = [line for line in lines if "error" not in line]
    titles = [None if pd.isna(title) else title for title in frame.loc[frame.ok, "title"]]
    assert titles == [line["title"] for line in articles]
    assert [list(c) for c in frame.loc[frame.ok, "categories"]] == [
        line["categories"] for line in articles
    ]
