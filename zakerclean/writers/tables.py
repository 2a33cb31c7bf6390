"""Rows as tables on disk: Parquet (Arrow-native columns) and CSV, written in streaming batches.

The rows are those of :func:`zakerclean.writers.frames.record` with ``native_lists=True``, one
per input (error rows included), in the fixed columns of ``COLUMNS`` (plus ``duplicate_of``
with ``--dedup``).  Parquet gets Arrow-native types: ``list<string>`` for
``LIST_COLUMNS`` (``categories``, ``image_urls``, ``video_urls``, ``flags``, ``credit_editor`` …),
``timestamp[us, UTC]`` for ``published``, ``int64`` counts,
``bool`` for ``ok``.  CSV has no list type: lists are JSON text there, and ``published`` an
ISO 8601 string, as in ``Article.to_record``.

Rows are buffered ``BATCH_ROWS`` at a time and written as one Parquet row group (or CSV lines),
so memory stays flat however many inputs there are.  pyarrow is needed only for Parquet
(``pip install 'zakerclean[pandas]'``).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any

from .frames import COLUMNS, LIST_COLUMNS

__all__ = ["BATCH_ROWS", "CsvTable", "ParquetTable", "arrow_schema", "column_names"]

#: Rows per Parquet row group / CSV flush: large enough for Parquet's compression to work,
#: small enough that a batch of long articles stays a few tens of MB.
BATCH_ROWS = 512

_PYARROW_MISSING = (
    "--format parquet needs pyarrow, an optional dependency: pip install 'zakerclean[pandas]'"
)


def column_names(*, dedup: bool = False) -> list[str]:
    """The table's columns, in order: ``COLUMNS`` and, with ``--dedup``, ``duplicate_of``."""
    return [name for name, _ in COLUMNS] + (["duplicate_of"] if dedup else [])


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise ImportError(_PYARROW_MISSING, name="pyarrow") from error
    return pyarrow


def arrow_schema(*, dedup: bool = False) -> Any:
    """The Arrow schema of a table, from the pandas dtypes of ``COLUMNS``."""
    pa = _pyarrow()
    types = {"string": pa.string(), "boolean": pa.bool_(), "Int64": pa.int64()}
    fields = []
    for name, dtype in COLUMNS:
        if name in LIST_COLUMNS:
            kind = pa.list_(pa.string())
        elif name == "published":
            kind = pa.timestamp("us", tz="UTC")
        else:
            kind = types[dtype]
        fields.append(pa.field(name, kind, nullable=name != "ok"))
    if dedup:
        fields.append(pa.field("duplicate_of", pa.string()))
    return pa.schema(fields)


class ParquetTable:
    """A Parquet file written one row group per ``BATCH_ROWS`` rows."""

    def __init__(self, path: Path, *, dedup: bool = False) -> None:
        self._pa = _pyarrow()
        self.schema = arrow_schema(dedup=dedup)
        self.rows: list[dict[str, Any]] = []
        self._writer = self._pa.parquet.ParquetWriter(str(path), self.schema)

    def write(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self._writer.write_batch(self._pa.RecordBatch.from_pylist(self.rows, self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def _csv_value(name: str, value: Any) -> Any:
    """A cell: lists as JSON text, dates as ISO 8601, nulls empty."""
    if value is None:
        return ""
    if name in LIST_COLUMNS and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if name == "published":
        return value.isoformat()
    return value


class CsvTable:
    """A CSV file with a header row, written as rows come (UTF-8, RFC 4180 quoting)."""

    def __init__(self, stream: IO[str], *, dedup: bool = False) -> None:
        self.stream = stream
        self.names = column_names(dedup=dedup)
        self._writer = csv.writer(stream)
        self._writer.writerow(self.names)

    def write(self, row: dict[str, Any]) -> None:
        self._writer.writerow([_csv_value(name, row.get(name)) for name in self.names])

    def close(self) -> None:
        self.stream.flush()
