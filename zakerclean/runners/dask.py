"""Scale-out on Dask (SPEC §8): many files, many processes, many machines.

The recipe, as three functions (``pip install 'zakerclean[dask]'``):

* ``articles_bag``: paths → a ``dask.bag`` of ``zakerclean.Article`` (or
  ``zakerclean.Failure`` for an input that cannot be parsed), one per path, in order;
* ``records_frame``: paths → a ``dask.dataframe`` of ``zakerclean.writers.frames.record`` rows
  with the fixed columns and dtypes of ``zakerclean.writers.frames.COLUMNS``;
* ``write_parquet``: that frame written as a Parquet dataset with pyarrow;
* ``duplicates_of``: the dedup step (SPEC §9) — MinHash signatures computed on the workers, one
  partition at a time, merged once on the client into one LSH index, giving each path's
  ``duplicate_of`` (the same answer as ``zakerclean.find_duplicates`` on the same articles).

Parsing is pure and CPU-bound, so run them on a ``dask.distributed`` cluster of processes
(``LocalCluster(processes=True)`` on one machine).  Bad inputs become error rows, never a failed
task: ``zakerclean.runners.batch.parse_source`` turns every error into a ``Failure``.  See
``docs/scale-out.md``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from functools import partial
from typing import Any, cast

from ..dedup import NUM_PERM, SHINGLE_SIZE, DuplicateIndex, Signature, signature
from ..models import Article, Failure
from ..options import CleanOptions
from ..writers.frames import empty_frame, frame_from_records, record
from .batch import parse_source

__all__ = ["articles_bag", "duplicates_of", "records_frame", "write_parquet"]

_DASK_MISSING = (
    "zakerclean.runners.dask needs Dask, an optional dependency: pip install 'zakerclean[dask]'"
)

PathLike = str | os.PathLike[str]


def _require_dask() -> tuple[Any, Any, Any]:
    try:
        import dask
        import dask.bag
        import dask.dataframe
    except ImportError as error:
        raise ImportError(_DASK_MISSING, name="dask") from error
    return dask, dask.bag, dask.dataframe


def _checked_paths(paths: Iterable[PathLike]) -> list[str]:
    """The paths as strings; anything that is not a path is the caller's bug, reported now
    (on the client) rather than as a failed task on a worker."""
    checked: list[str] = []
    for index, path in enumerate(paths):
        if not isinstance(path, str | os.PathLike):
            raise TypeError(f"paths[{index}] is not a path: {path!r} ({type(path).__name__})")
        checked.append(os.fspath(path))
    return checked


def _parse_record(
    path: str, options: CleanOptions | None, now: datetime | None, native_lists: bool = False
) -> dict[str, Any]:
    return record(parse_source(path, options, now), path, native_lists=native_lists)


def articles_bag(
    paths: Iterable[PathLike],
    *,
    options: CleanOptions | None = None,
    now: datetime | None = None,
    npartitions: int | None = None,
) -> Any:
    """A ``dask.bag.Bag`` of one ``Article`` or ``Failure`` per path, in input order.

    ``npartitions`` defaults to Dask's choice (about 100 partitions).  Nothing runs until the
    bag is computed.
    """
    _, bag, _ = _require_dask()
    checked = _checked_paths(paths)
    sequence = bag.from_sequence(checked, npartitions=_partitions(checked, npartitions))
    return sequence.map(partial(parse_source, options=options, now=now))


def records_frame(
    paths: Iterable[PathLike],
    *,
    options: CleanOptions | None = None,
    now: datetime | None = None,
    npartitions: int | None = None,
    native_lists: bool = False,
) -> Any:
    """A ``dask.dataframe.DataFrame`` with one row per path (input order, error rows included),
    with the columns and dtypes of ``zakerclean.writers.frames.COLUMNS``.

    ``native_lists=True`` makes the ``LIST_COLUMNS`` (``categories``, ``image_urls``,
    ``video_urls``, ``flags``, ``credit_editor`` …) Arrow ``list<string>`` columns, as
    ``to_dataframe(native_lists=True)`` and ``--format parquet`` give them; the default keeps
    them JSON strings, as before, for code that reads them with ``json.loads``."""
    dask, bag, dataframe = _require_dask()
    checked = _checked_paths(paths)
    rows = bag.from_sequence(checked, npartitions=_partitions(checked, npartitions)).map(
        partial(_parse_record, options=options, now=now, native_lists=native_lists)
    )
    build = partial(frame_from_records, native_lists=native_lists)
    parts = [dask.delayed(build)(part) for part in rows.to_delayed()]
    meta = empty_frame(native_lists=native_lists)
    return dataframe.from_delayed(parts, meta=meta, verify_meta=True)


def write_parquet(
    paths: Iterable[PathLike],
    directory: PathLike,
    *,
    options: CleanOptions | None = None,
    now: datetime | None = None,
    npartitions: int | None = None,
    native_lists: bool = False,
) -> None:
    """Parse ``paths`` and write their rows as a Parquet dataset (pyarrow) in ``directory``,
    one file per partition.  Read it back with ``pandas.read_parquet(directory)``.

    With ``native_lists=True`` the list columns are Parquet ``list<string>`` (the types of
    ``zakerclean batch --format parquet``), not JSON text."""
    frame = records_frame(
        paths, options=options, now=now, npartitions=npartitions, native_lists=native_lists
    )
    frame.to_parquet(os.fspath(directory), engine="pyarrow", write_index=False)


def _signature_of(result: Article | Failure, num_perm: int, shingle_size: int) -> Signature | None:
    """A worker's share of the dedup step: the signature (small) travels back, not the text."""
    if not isinstance(result, Article):
        return None
    return signature(result, num_perm=num_perm, shingle_size=shingle_size)


def duplicates_of(
    paths: Iterable[PathLike],
    *,
    threshold: float = 0.8,
    options: CleanOptions | None = None,
    now: datetime | None = None,
    npartitions: int | None = None,
) -> list[str | None]:
    """For each path, in order, the path of the earlier article it duplicates (``None``: the
    first of its story, a failure, or no text) — ``duplicate_of`` for the rows of
    :func:`records_frame`.

    The signatures are computed per partition on the workers; the client merges them once, in
    input order, into one :class:`~zakerclean.dedup.DuplicateIndex`, so the groups are those of
    ``find_duplicates``.  Client memory grows with the signatures (128 integers per article),
    never with the texts.
    """
    index = DuplicateIndex(threshold=threshold)  # checks threshold before any work is sent
    checked = _checked_paths(paths)
    signatures = articles_bag(checked, options=options, now=now, npartitions=npartitions).map(
        partial(_signature_of, num_perm=NUM_PERM, shingle_size=SHINGLE_SIZE)
    )
    originals: list[str | None] = []
    for position, sig in enumerate(signatures.compute()):
        original = None if sig is None else index.add_signature(position, sig)
        originals.append(None if original is None else checked[cast(int, original)])
    return originals


def _partitions(paths: list[str], npartitions: int | None) -> int | None:
    if npartitions is not None and (isinstance(npartitions, bool) or npartitions < 1):
        raise ValueError(f"npartitions must be a positive integer, got {npartitions!r}")
    if not paths:
        return 1
    return None if npartitions is None else min(npartitions, len(paths))
