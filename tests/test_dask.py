"""The Dask recipe (SPEC §8) on a real ``dask.distributed.LocalCluster`` of 2 worker processes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pandas as pd
import pytest
from dask.distributed import Client, LocalCluster

import zakerclean
from tests.conftest import corpus_posts, requires_corpus
from zakerclean import Article, Failure
from zakerclean.runners.batch import parse_source
from zakerclean.runners.dask import articles_bag, duplicates_of, records_frame, write_parquet
from zakerclean.writers.frames import COLUMNS, LIST_COLUMNS, to_dataframe

pytestmark = requires_corpus


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The whole corpus plus inputs that cannot be parsed, interleaved."""
    bad = tmp_path_factory.mktemp("bad")
    (bad / "unclosed.md").write_text("---\ntitle: never closed\n<p>正文</p>\n", encoding="utf-8")
    (bad / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (bad / "empty.md").write_bytes(b"")
    posts = [str(p) for p in corpus_posts()]
    odd = [str(bad / "unclosed.md"), str(bad / "missing.md"), str(bad / "binary.md"), str(bad)]
    odd.append(str(bad / "empty.md"))
    mixed = list(posts)
    for index, path in enumerate(odd):
        mixed.insert(index * 17 + 3, path)
    return mixed


def test_cluster_has_two_worker_processes(client: Client) -> None:
    pids = client.run(os.getpid)  # worker address -> process id
    assert len(pids) == 2
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()


def test_records_frame_one_row_per_input(client: Client, inputs: list[str]) -> None:
    frame = records_frame(inputs, npartitions=6)
    assert frame.npartitions == 6
    assert list(frame.columns) == [name for name, _ in COLUMNS]
    rows = frame.compute().reset_index(drop=True)
    assert len(rows) == len(inputs)
    assert rows["path"].tolist() == inputs  # input order
    assert {name: str(dtype) for name, dtype in rows.dtypes.items()} == dict(COLUMNS)
    errors = rows[~rows["ok"]]
    assert len(errors) == 5
    assert set(errors["error_type"]) == {
        "FrontMatterError",
        "FileNotFoundError",
        "BinaryInputError",
        "IsADirectoryError",
        "EmptyInputError",
    }
    assert errors["error_message"].str.len().min() > 0
    assert errors["title"].isna().all()
    # the article rows are what a local parse gives
    local = to_dataframe([zakerclean.parse_file(p) for p in corpus_posts()])
    articles = rows[rows["ok"]].reset_index(drop=True)
    for column in ("title", "published", "text", "html", "fingerprint", "image_count"):
        assert articles[column].tolist() == local[column].tolist(), column
    # the signals' columns (SPEC §10) travel too: no real article is flagged, credits are read
    for column in ("flags", "credit_editor", "credit_reporter", "credit_origin"):
        assert articles[column].tolist() == local[column].tolist(), column
    assert set(articles["flags"]) == {"[]"}
    assert (articles["credit_editor"] != "[]").sum() >= 10


def test_articles_bag_gives_models(client: Client, inputs: list[str]) -> None:
    results = articles_bag(inputs, npartitions=4).compute()
    assert len(results) == len(inputs)
    failures = [r for r in results if isinstance(r, Failure)]
    articles = [r for r in results if isinstance(r, Article)]
    assert len(failures) == 5 and len(articles) == len(inputs) - 5
    assert articles == [zakerclean.parse_file(p) for p in corpus_posts()]
    missing = next(f for f in failures if f.error_type == "FileNotFoundError")
    assert missing.source.endswith("missing.md")


def test_write_parquet_reads_back(client: Client, inputs: list[str], tmp_path: Path) -> None:
    out = tmp_path / "articles.parquet"
    write_parquet(inputs, out, npartitions=3)
    assert len(list(out.glob("*.parquet"))) == 3
    back = pd.read_parquet(out)
    assert len(back) == len(inputs)
    assert back["path"].tolist() == inputs
    assert int((~back["ok"]).sum()) == 5
    assert str(back["published"].dt.tz) == "UTC"
    assert back["image_count"].dtype.name == "Int64"


def test_defaults_and_empty_input(client: Client) -> None:
    assert len(records_frame([]).compute()) == 0
    assert articles_bag([]).compute() == []
    posts = corpus_posts()[:3]
    assert len(records_frame(posts).compute()) == 3  # Path objects accepted


def test_bad_arguments_fail_on_the_client() -> None:
    with pytest.raises(TypeError, match=r"paths\[1\] is not a path: 3 \(int\)"):
        records_frame(["a.md", 3])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="npartitions must be a positive integer"):
        articles_bag(["a.md"], npartitions=0)


def test_dedup_step_matches_find_duplicates(
    client: Client, inputs: list[str], tmp_path: Path
) -> None:
    """Signatures per partition on the workers, merged once on the client: the same groups as
    ``find_duplicates`` over the same articles, with republications planted in the input."""
    posts = corpus_posts()[:6]
    copy = tmp_path / "mirror.md"
    copy.write_bytes(posts[0].read_bytes())  # an exact mirror
    trailer = tmp_path / "trailer.md"
    trailer.write_text(
        posts[1].read_text(encoding="utf-8")
        + "\n\n<p>本文转载自合作媒体，版权归原作者所有。</p>\n",
        encoding="utf-8",
    )
    paths = [*inputs, str(copy), str(trailer)]
    originals = duplicates_of(paths, npartitions=5)
    assert len(originals) == len(paths)
    assert originals[-2] == str(posts[0])
    assert originals[-1] == str(posts[1])
    groups = zakerclean.find_duplicates(parse_source(p) for p in paths)
    expected: list[str | None] = [None] * len(paths)
    for group in groups:
        for duplicate in group.duplicates:
            expected[cast(int, duplicate)] = paths[cast(int, group.original)]
    assert originals == expected


def test_write_parquet_native_lists_are_arrow_types(
    client: Client, inputs: list[str], tmp_path: Path
) -> None:
    """Issue 22: ``flags`` and the credits' names are ``list<string>``, as #17's tables write
    them, not JSON text; the scalar credits stay strings and ``published`` a UTC timestamp."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "native.parquet"
    write_parquet(inputs, out, npartitions=2, native_lists=True)
    schema = pq.read_schema(sorted(out.glob("*.parquet"))[0])
    for name in LIST_COLUMNS:
        assert schema.field(name).type == pa.list_(pa.string()), name
    for name in ("credit_origin", "credit_original_title", "fingerprint"):
        assert schema.field(name).type in (pa.string(), pa.large_string()), name
    assert schema.field("published").type == pa.timestamp("us", tz="UTC")
    back = pq.read_table(out).to_pydict()
    local = to_dataframe([parse_source(path) for path in inputs], paths=inputs, native_lists=True)
    for name in ("flags", "credit_editor", "credit_reporter", "credit_photographer"):
        assert [_plain(v) for v in back[name]] == [_plain(v) for v in local[name]], name
    assert any(_plain(v) for v in back["credit_editor"])  # the corpus has credited posts


def test_records_frame_native_lists_dtypes(client: Client, inputs: list[str]) -> None:
    frame = records_frame(inputs[:12], npartitions=2, native_lists=True)
    for name in LIST_COLUMNS:
        assert str(frame[name].dtype) == "list<item: string>[pyarrow]", name
    rows = frame.compute()
    local = to_dataframe(
        [parse_source(path) for path in inputs[:12]], paths=inputs[:12], native_lists=True
    )
    for name in LIST_COLUMNS:
        assert [_plain(v) for v in rows[name]] == [_plain(v) for v in local[name]], name


def _plain(value: object) -> list[str] | None:
    """A list cell as a Python list of strings (a failure's cell: ``None``)."""
    if value is None or value is pd.NA:
        return None
    return [str(item) for item in cast("list[object]", value)]
