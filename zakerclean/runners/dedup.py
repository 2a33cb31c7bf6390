"""Duplicates on the command line (SPEC §9): ``clean --dedup`` and ``zakerclean dedup``.

The workers compute each article's signature (hashing the shingles is the costly part); this
process holds the one :class:`~zakerclean.dedup.DuplicateIndex` and names, in input order, the
first article of each story that every later one duplicates.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Hashable
from datetime import datetime
from functools import partial

from ..dedup import DuplicateIndex, Signature, signature
from ..errors import InvalidOptionsError
from ..models import Article, Failure
from ..options import CleanOptions
from .batch import ordered_map
from .inputs import Input, iter_inputs
from .render import Outcome, parse_input

__all__ = ["RecordMarker", "new_index", "run_dedup", "with_duplicate_of"]


class DedupUsageError(Exception):
    """``--dedup`` cannot run as asked (datasketch missing, a bad threshold)."""


def new_index(threshold: float) -> DuplicateIndex:
    """The index of a run; a missing datasketch or a bad threshold is a usage error (exit 2),
    found before any input is read."""
    try:
        return DuplicateIndex(threshold=threshold)
    except (ImportError, InvalidOptionsError) as error:
        raise DedupUsageError(str(error)) from None


def with_duplicate_of(payload: str, original: Hashable | None) -> str:
    """An article record's JSON with ``duplicate_of`` added as its last key (the record is
    already rendered by a worker; appending the key costs less than parsing it again)."""
    if not payload.endswith("}"):
        raise ValueError("an article record is a JSON object")
    return f"{payload[:-1]}, {json.dumps('duplicate_of')}: {json.dumps(original)}}}"


class RecordMarker:
    """Adds ``duplicate_of`` to the article records of a ``clean --dedup`` run, in order."""

    def __init__(self, threshold: float) -> None:
        self.index = new_index(threshold)

    def original(self, outcome: Outcome) -> Hashable | None:
        """The path of the article ``outcome`` duplicates (None: first of its story)."""
        if outcome.signature is None:
            return None
        return self.index.add_signature(outcome.name, outcome.signature)

    def mark(self, outcome: Outcome) -> Outcome:
        if outcome.row is not None:  # a table row: every row has the column
            original = self.original(outcome) if outcome.ok else None
            return dataclasses.replace(outcome, row={**outcome.row, "duplicate_of": original})
        if not outcome.ok:
            return outcome
        payload = with_duplicate_of(outcome.payload, self.original(outcome))
        return dataclasses.replace(outcome, payload=payload)


@dataclasses.dataclass(frozen=True)
class Signed:
    """What a worker sends back to ``zakerclean dedup`` for one article or failure."""

    name: str
    title: str | None
    signature: Signature | None
    error: str | None = None


def sign_input(item: Input, options: CleanOptions, now: datetime | None) -> list[Signed]:
    """Parse one input (or each item of a feed) and sign its article."""
    signed = []
    for name, _, result in parse_input(item, options, now):
        if isinstance(result, Failure):
            signed.append(Signed(name, None, None, f"{result.error_type}: {result.message}"))
        elif isinstance(result, Article):
            signed.append(Signed(name, result.title, signature(result)))
    return signed


def run_dedup(args: argparse.Namespace, options: CleanOptions, now: datetime | None) -> int:
    """Print the groups of duplicate articles among the inputs for a person; exit 1 when some
    inputs failed (they are named on stderr)."""
    index = new_index(args.threshold)
    originals: dict[Hashable, tuple[int, str | None]] = {}  # name -> (position, title)
    groups: dict[Hashable, list[str]] = {}
    documents = failures = 0
    work = partial(sign_input, options=options, now=now)
    for batch in ordered_map(
        work, iter_inputs(args.paths, max_bytes=options.max_bytes), jobs=args.jobs
    ):
        for item in batch:
            documents += 1
            if item.signature is None:
                failures += item.error is not None
                if item.error is not None:
                    print(f"zakerclean: {item.name}: {item.error}", file=sys.stderr)
                continue
            original = index.add_signature(item.name, item.signature)
            if original is None:
                originals[item.name] = (documents, item.title)
            else:
                groups.setdefault(original, []).append(item.name)
    ranked = sorted(groups.items(), key=lambda group: originals[group[0]][0])
    for number, (original, rest) in enumerate(ranked, start=1):
        title = originals[original][1] or "(untitled)"
        print(f"[{number}] {title} ({1 + len(rest)} articles)")
        print(f"    original   {original}")
        for name in rest:
            print(f"    duplicate  {name}")
    duplicates = sum(len(rest) for rest in groups.values())
    print(
        f"zakerclean: {documents} documents, {failures} failed, {len(groups)} groups, "
        f"{duplicates} duplicates",
        file=sys.stderr,
    )
    return 1 if failures else 0
