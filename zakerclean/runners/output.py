"""Where the command line's records go: a stream (JSON Lines or a JSON array) or one file per
input in a directory that mirrors the input tree."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO

from ..models import Failure
from ..writers.tables import CsvTable, ParquetTable
from .render import Outcome

__all__ = ["DirectoryWriter", "StreamWriter", "TableWriter"]


class TableWriter:
    """A CSV or Parquet table in one file: one row per outcome, error rows included."""

    def __init__(self, path: Path, fmt: str, *, dedup: bool = False) -> None:
        self.stream: IO[str] | None = None
        self.table: CsvTable | ParquetTable
        if fmt == "parquet":
            self.table = ParquetTable(path, dedup=dedup)
        else:
            self.stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
            self.table = CsvTable(self.stream, dedup=dedup)

    def write(self, outcome: Outcome) -> None:
        if outcome.row is None:
            raise ValueError(f"{outcome.name}: no table row (rendered for another format)")
        self.table.write(outcome.row)

    def flush(self) -> None:
        """Rows are written in batches; tables do not take part in incremental runs."""

    def close(self) -> None:
        self.table.close()
        if self.stream is not None:
            self.stream.close()


class StreamWriter:
    """JSON Lines, or a JSON array written as it goes."""

    def __init__(self, stream: IO[str], fmt: str) -> None:
        self.stream = stream
        self.array = fmt == "json"
        self.count = 0

    def write(self, outcome: Outcome) -> None:
        if self.array:
            self.stream.write(("[\n" if self.count == 0 else ",\n") + outcome.payload)
        else:
            self.stream.write(outcome.payload + "\n")
        self.count += 1

    def flush(self) -> None:
        self.stream.flush()

    def close(self) -> None:
        if self.array:
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


class DirectoryWriter:
    """One file per input below ``root``, mirroring the input tree; errors go to stderr."""

    def __init__(self, root: Path, suffix: str) -> None:
        self.root = root
        self.suffix = suffix
        self.written: set[Path] = set()

    def target(self, relative: str) -> Path:
        path = self.root / relative
        return path.with_suffix(self.suffix)

    def write(self, outcome: Outcome) -> Outcome:
        if not outcome.ok:
            sys.stderr.write(outcome.payload + "\n")
            return outcome
        target = self.target(outcome.relative)
        if not target.resolve().is_relative_to(self.root.resolve()):  # defence in depth
            return _refused(
                outcome, "OutputOutsideDirectory", f"refused to write {target}: outside {self.root}"
            )
        if target in self.written:
            return _refused(
                outcome, "OutputCollision", f"another input was already written to {target}"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(outcome.payload, encoding="utf-8")
        self.written.add(target)
        return outcome

    def flush(self) -> None:
        """Every file is written whole when its outcome is."""

    def close(self) -> None:
        pass


def _refused(outcome: Outcome, error_type: str, message: str) -> Outcome:
    """Write the error record of an output that was not written; the outcome becomes a failure."""
    failure = Failure(source=outcome.name, error_type=error_type, message=message)
    sys.stderr.write(json.dumps(failure.to_record(), ensure_ascii=False) + "\n")
    return Outcome(outcome.name, outcome.relative, False, "")
