"""``zakerclean.to_dataframe`` and the row format shared with the Dask recipe."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pytest

import zakerclean
from tests.conftest import EXAMPLES, corpus_posts, requires_corpus
from zakerclean import Article, Failure
from zakerclean.writers.frames import COLUMNS, empty_frame, record, to_dataframe

POST = """---
title: 测试标题：数据帧
categories:
  - 新闻
  - ZAKER
  - 科技
author: 作者甲
date: Sat, 17 Apr 2021 17:10:46 GMT
headimg: http://img.example.com/cover.jpg
tags: [一, 二]
---
<p>第一段文字。</p><div class="img_box"><img data-original="http://img.example.com/a.jpg"></div>
<p>第二段文字。</p>
"""

UNDATED = """---
title: 没有日期
date: 某一天
---
<p>正文。</p>
"""

EXPECTED_DTYPES = {
    "path": "string",
    "ok": "boolean",
    "published": "datetime64[us, UTC]",
    "image_count": "Int64",
    "char_count": "Int64",
    "title": "string",
    "meta": "string",
}


def test_columns_are_the_record_plus_outcome() -> None:
    names = [name for name, _ in COLUMNS]
    article = zakerclean.parse(POST)
    assert names[:4] == ["path", "ok", "error_type", "error_message"]
    assert names[4:] == list(article.to_record())
    assert len(set(names)) == len(names)


def test_frame_has_fixed_columns_and_dtypes() -> None:
    frame = to_dataframe([zakerclean.parse(POST)], paths=["a/post.md"])
    assert list(frame.columns) == [name for name, _ in COLUMNS]
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == dict(COLUMNS)
    for name, dtype in EXPECTED_DTYPES.items():
        assert str(frame[name].dtype) == dtype


def test_article_row_values() -> None:
    article = zakerclean.parse(POST)
    frame = to_dataframe([article], paths=[Path("a/post.md")])
    row = frame.iloc[0]
    assert row["path"] == "a/post.md"
    assert bool(row["ok"]) is True
    assert pd.isna(row["error_type"]) and pd.isna(row["error_message"])
    assert row["title"] == "测试标题：数据帧"
    assert row["source"] == "ZAKER" and row["feed"] == "科技"
    assert json.loads(row["categories"]) == ["新闻", "ZAKER", "科技"]
    assert row["published"] == pd.Timestamp("2021-04-17 17:10:46", tz="UTC")
    assert row["published"].tzinfo is not None
    assert row["image_count"] == 1
    assert json.loads(row["image_urls"]) == ["http://img.example.com/a.jpg"]
    assert row["cover_url"] == "http://img.example.com/cover.jpg"
    assert json.loads(row["meta"]) == {"tags": ["一", "二"]}
    assert row["text"] == article.text and row["html"] == article.html


def test_published_is_converted_to_utc_and_missing_is_nat() -> None:
    shanghai = zakerclean.parse(POST.replace("Sat, 17 Apr 2021 17:10:46 GMT", "2021-04-18 01:10"))
    undated = zakerclean.parse(UNDATED)
    assert undated.published is None
    frame = to_dataframe([shanghai, undated])
    assert frame["published"].iloc[0] == pd.Timestamp("2021-04-17 17:10", tz="UTC")
    assert pd.isna(frame["published"].iloc[1])
    assert str(frame["published"].dtype) == "datetime64[us, UTC]"


def test_failure_rows_keep_columns_and_say_why() -> None:
    failure = Failure(source="bad.md", error_type="FrontMatterError", message="line 2: oops")
    frame = to_dataframe([failure, zakerclean.parse(POST)])
    assert len(frame) == 2
    error = frame.iloc[0]
    assert error["path"] == "bad.md" and bool(error["ok"]) is False
    assert error["error_type"] == "FrontMatterError"
    assert error["error_message"] == "line 2: oops"
    assert pd.isna(error["title"]) and pd.isna(error["image_count"])
    assert pd.isna(frame["path"].iloc[1])  # no paths given for the article
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == dict(COLUMNS)


def test_given_path_overrides_failure_source() -> None:
    failure = Failure(source="item 3", error_type="DecodeError", message="x")
    assert record(failure, "feed.xml#3")["path"] == "feed.xml#3"
    assert record(failure)["path"] == "item 3"


def test_empty_input_gives_typed_empty_frame() -> None:
    frame = to_dataframe([])
    assert frame.empty
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == dict(COLUMNS)
    assert empty_frame().dtypes.equals(frame.dtypes)


def test_paths_must_match_items() -> None:
    with pytest.raises(ValueError, match="2 paths for 1 items"):
        to_dataframe([zakerclean.parse(POST)], paths=["a", "b"])


def test_non_results_are_refused() -> None:
    with pytest.raises(TypeError, match="expected an Article or a Failure, got dict"):
        to_dataframe([{"title": "x"}])  # type: ignore[list-item]


def test_top_level_export() -> None:
    assert zakerclean.to_dataframe is to_dataframe
    assert "to_dataframe" in zakerclean.__all__


def test_parse_many_output_goes_straight_in() -> None:
    paths = [*sorted(EXAMPLES.glob("*.md")), EXAMPLES / "missing.md"]
    frame = to_dataframe(zakerclean.parse_many(paths), paths=paths)
    assert len(frame) == len(paths)
    assert frame["ok"].tolist() == [True] * (len(paths) - 1) + [False]
    assert frame["error_type"].iloc[-1] == "FileNotFoundError"


def test_frame_round_trips_through_parquet(tmp_path: Path) -> None:
    frame = to_dataframe([zakerclean.parse(POST), zakerclean.parse(UNDATED)])
    frame.to_parquet(tmp_path / "rows.parquet", index=False)
    back = pd.read_parquet(tmp_path / "rows.parquet")
    assert back["title"].tolist() == frame["title"].tolist()
    assert back["published"].dt.tz is not None
    assert back["published"].iloc[0] == frame["published"].iloc[0]


@requires_corpus
def test_corpus_frame_matches_articles() -> None:
    paths = corpus_posts()
    articles = [zakerclean.parse_file(path) for path in paths]
    frame = to_dataframe(articles, paths=paths)
    assert len(frame) == len(paths) and frame["ok"].all()
    assert frame["title"].tolist() == [a.title for a in articles]
    assert frame["image_count"].tolist() == [len(a.images) for a in articles]
    for article, stamp in zip(articles, frame["published"], strict=True):
        if article.published is None:
            assert pd.isna(stamp)
        else:
            assert stamp.to_pydatetime() == article.published
    assert frame["published"].notna().sum() > 0


def test_record_of_aware_datetime_is_kept() -> None:
    article = Article(title="t", published=datetime(2021, 1, 2, 3, 4, 5, 678901, timezone.utc))
    frame = to_dataframe([article])
    assert frame["published"].iloc[0].to_pydatetime() == article.published  # microseconds kept


def test_flags_and_credits_columns() -> None:
    """SPEC §10's signals as columns: lists as JSON text, or Arrow lists when native."""
    credited = zakerclean.parse(
        "---\ntitle: t\n---\n<p>正文一段，内容完整。</p><p>来源：新华社</p><p>责任编辑：张三</p>\n"
    )
    deleted = zakerclean.parse("---\ntitle: t\n---\n<p>原文已被删除</p>\n")
    frame = to_dataframe([credited, deleted])
    assert json.loads(frame["flags"][0]) == [] and json.loads(frame["flags"][1]) == ["deleted"]
    assert json.loads(frame["credit_editor"][0]) == ["张三"]
    assert frame["credit_origin"][0] == "新华社"
    assert pd.isna(frame["credit_original_title"][0])
    native = to_dataframe([credited, deleted], native_lists=True)
    assert native["flags"].tolist() == [[], ["deleted"]]
    assert native["credit_editor"].tolist() == [["张三"], []]
