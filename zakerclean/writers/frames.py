"""Articles as table rows: one flat record per input, and pandas DataFrames of them.

A batch mixes ``zakerclean.Article`` and ``zakerclean.Failure`` results, and a
table has to hold both, so every row has the same columns (``COLUMNS``, in order): where
the row came from (``path``), whether it parsed (``ok``, ``error_type``, ``error_message``),
then the columns of ``Article.to_record`` (empty in an error row).  The dtypes are fixed
too, so that frames built from different batches, pandas versions or Dask partitions
concatenate and write to Parquet alike.

pandas is an optional dependency (``pip install 'zakerclean[pandas]'``); it is imported only when
a frame is built.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..models import Article, Failure

if TYPE_CHECKING:  # pandas is optional: imported when a frame is built
    import pandas

__all__ = ["COLUMNS", "LIST_COLUMNS", "empty_frame", "frame_from_records", "record", "to_dataframe"]

#: Every column of a row, in order, with its pandas dtype.  Text columns are pandas' nullable
#: ``string``, counts nullable ``Int64`` (null in error rows), ``published`` a timezone-aware
#: UTC timestamp in microseconds (what Python's ``datetime`` holds; Parquet ``timestamp[us]``).
#: List and mapping fields are JSON strings, as in ``Article.to_record``.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("path", "string"),
    ("ok", "boolean"),
    ("error_type", "string"),
    ("error_message", "string"),
    ("title", "string"),
    ("title_raw", "string"),
    ("url", "string"),
    ("author", "string"),
    ("source", "string"),
    ("feed", "string"),
    ("categories", "string"),
    ("published", "datetime64[us, UTC]"),
    ("published_raw", "string"),
    ("cover_url", "string"),
    ("image_count", "Int64"),
    ("image_urls", "string"),
    ("video_count", "Int64"),
    ("video_urls", "string"),
    ("html", "string"),
    ("text", "string"),
    ("lang", "string"),
    ("char_count", "Int64"),
    ("fingerprint", "string"),
    ("meta", "string"),
    ("flags", "string"),
    ("credit_editor", "string"),
    ("credit_reporter", "string"),
    ("credit_origin", "string"),
    ("credit_original_title", "string"),
    ("credit_photographer", "string"),
    ("changes", "Int64"),
    ("warnings", "Int64"),
)
_NAMES = tuple(name for name, _ in COLUMNS)
_ARTICLE_NAMES = _NAMES[4:]
#: The columns that hold lists: JSON strings by default, Arrow ``list<string>`` when native.
LIST_COLUMNS = (
    "categories",
    "image_urls",
    "video_urls",
    "flags",
    "credit_editor",
    "credit_reporter",
    "credit_photographer",
)

_PANDAS_MISSING = (
    "zakerclean.to_dataframe needs pandas, an optional dependency: pip install 'zakerclean[pandas]'"
)


def record(
    item: Article | Failure, path: str | None = None, *, native_lists: bool = False
) -> dict[str, Any]:
    """The row of one result: every column of ``COLUMNS``, in order.

    ``path`` names the input; for a ``Failure`` it defaults to the failure's ``source``.
    ``native_lists`` gives ``LIST_COLUMNS`` as Python lists of strings instead of JSON text.
    """
    if isinstance(item, Article):
        fields = item.to_record()
        row: dict[str, Any] = {"path": path, "ok": True, "error_type": None, "error_message": None}
        row.update((name, fields[name]) for name in _ARTICLE_NAMES)
        if native_lists:
            row["categories"] = list(item.categories)
            row["image_urls"] = [image.url for image in item.images]
            row["video_urls"] = [video.url for video in item.videos]
            row["flags"] = list(item.flags)
            row["credit_editor"] = list(item.credits.editor)
            row["credit_reporter"] = list(item.credits.reporter)
            row["credit_photographer"] = list(item.credits.photographer)
        return row
    if isinstance(item, Failure):
        row = {
            "path": item.source if path is None else path,
            "ok": False,
            "error_type": item.error_type,
            "error_message": item.message,
        }
        row.update(dict.fromkeys(_ARTICLE_NAMES))
        return row
    raise TypeError(f"expected an Article or a Failure, got {type(item).__name__}")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        raise ImportError(_PANDAS_MISSING, name="pandas") from error
    return pandas


def _list_dtype(pd: Any) -> Any:
    """pandas' dtype for an Arrow ``list<string>`` column (pyarrow comes with the extra)."""
    import pyarrow

    return pd.ArrowDtype(pyarrow.list_(pyarrow.string()))


def frame_from_records(
    rows: Iterable[dict[str, Any]], *, native_lists: bool = False
) -> pandas.DataFrame:
    """A DataFrame with exactly the columns and dtypes of ``COLUMNS`` from ``record``
    rows, with a default ``RangeIndex``; with ``native_lists`` (rows made with it too), the
    ``LIST_COLUMNS`` are Arrow ``list<string>`` columns.

    ``zakerclean.runners.dask`` builds each partition with it.
    """
    pd = _pandas()
    frame = pd.DataFrame.from_records(list(rows), columns=list(_NAMES))
    for name, dtype in COLUMNS:
        if native_lists and name in LIST_COLUMNS:
            frame[name] = frame[name].astype(_list_dtype(pd))
        elif name == "published":
            # aware datetimes (or None) -> UTC timestamps; NaT for a missing date
            column = pd.to_datetime(frame[name], utc=True)
            frame[name] = column.astype(dtype)
        else:
            frame[name] = frame[name].astype(dtype)
    return frame


def empty_frame(*, native_lists: bool = False) -> pandas.DataFrame:
    """A frame with no rows and the columns and dtypes of ``COLUMNS`` (Dask's ``meta``;
    ``native_lists`` as in :func:`frame_from_records`)."""
    return frame_from_records([], native_lists=native_lists)


def to_dataframe(
    items: Iterable[Article | Failure],
    *,
    paths: Sequence[str | os.PathLike[str]] | None = None,
    native_lists: bool = False,
) -> pandas.DataFrame:
    """A pandas DataFrame with one row per article or failure, in order.

    ``paths`` (optional, one per item) fills the ``path`` column; a failure's own ``source``
    is used otherwise.  Columns and dtypes are those of ``COLUMNS`` whatever the input,
    also for no items at all.  ``native_lists=True`` makes the ``LIST_COLUMNS``
    (``categories``, ``image_urls``, ``video_urls``, ``flags`` and the credits' names) Arrow
    ``list<string>`` columns (as ``--format parquet`` writes them) instead
    of JSON strings, the default that keeps older code working.

        >>> frame = zakerclean.to_dataframe(zakerclean.parse_many(paths), paths=paths)
        >>> frame.loc[frame.ok, ["title", "published"]]
    """
    items = list(items)
    if paths is not None and len(paths) != len(items):
        raise ValueError(f"got {len(paths)} paths for {len(items)} items; give one per item")
    names = [None] * len(items) if paths is None else [os.fspath(path) for path in paths]
    rows = (
        record(item, name, native_lists=native_lists)
        for item, name in zip(items, names, strict=True)
    )
    return frame_from_records(rows, native_lists=native_lists)
