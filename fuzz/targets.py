"""The fuzz targets: each takes the fuzzer's bytes and calls one public zakerclean function.

A target's contract is SPEC §6: whatever the input, the call returns or raises a
``ZakerCleanError``.  Any other exception (``ValueError``, ``TypeError``, ``RecursionError`` …)
is a *finding*.  The targets themselves let every exception through; ``run.py`` decides what is
a finding.  They import nothing from atheris, so tests can run them without a fuzzer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

import zakerclean
from zakerclean import CleanOptions

#: A fixed present, so relative dates ("3分钟前") are read and runs are reproducible.
NOW = datetime(2021, 4, 17, 10, 0, tzinfo=timezone.utc)
BASE_URL = "https://www.myzaker.com/article/60796e2e8e9f09585c2a1f9c/"
BACKENDS = {"nh3": CleanOptions(), "bleach": CleanOptions(sanitizer="bleach")}


def as_text(data: bytes) -> str:
    """The fuzzer's bytes as a ``str``: UTF-8, with each invalid byte as a lone surrogate
    (``surrogateescape``), so ``str`` inputs get lone surrogates too."""
    return data.decode("utf-8", "surrogateescape")


def parse_bytes(data: bytes, options: CleanOptions) -> None:
    """``parse`` on raw bytes: BOM, charset declarations, UTF-8/GB18030 detection, then all."""
    zakerclean.parse(data, options=options, now=NOW)


def parse_str(data: bytes, options: CleanOptions) -> None:
    """``parse`` on text: shape detection, front matter, rules, model."""
    zakerclean.parse(as_text(data), options=options, now=NOW)


def clean_html(data: bytes, options: CleanOptions) -> None:
    """``clean_html`` with a base URL, so relative URLs are resolved too."""
    zakerclean.clean_html(as_text(data), options=options, base_url=BASE_URL)


def parse_feed(data: bytes, options: CleanOptions) -> None:
    """``parse_feed`` on bytes, every item consumed (items are cleaned lazily)."""
    for _item in zakerclean.parse_feed(data, options=options, now=NOW):
        pass


def parse_date(data: bytes) -> None:
    """``parse_date`` with and without ``now``, in the default and another zone."""
    value = as_text(data)
    for now in (NOW, None):
        with contextlib.suppress(zakerclean.DateParseError):  # needs ``now``, or unreadable
            zakerclean.parse_date(value, now=now)
    zakerclean.parse_date(value, tz="America/New_York", now=NOW)


@dataclass(frozen=True)
class Target:
    """One fuzz target: a name for the command line, the function, its seed folder."""

    name: str
    run: Callable[[bytes], None]
    seeds: str
    #: executions of the bounded CI smoke run (the time it takes is what is bounded)
    smoke_runs: int


def _with(function: Callable[[bytes, CleanOptions], None], backend: str) -> Callable[[bytes], None]:
    options = BACKENDS[backend]

    def run(data: bytes) -> None:
        function(data, options)

    return run


TARGETS = {
    target.name: target
    for target in [
        Target("parse-bytes-nh3", _with(parse_bytes, "nh3"), "documents", 2500),
        Target("parse-bytes-bleach", _with(parse_bytes, "bleach"), "documents", 1200),
        Target("parse-str-nh3", _with(parse_str, "nh3"), "documents", 2500),
        Target("parse-str-bleach", _with(parse_str, "bleach"), "documents", 1200),
        Target("clean-html-nh3", _with(clean_html, "nh3"), "documents", 2500),
        Target("clean-html-bleach", _with(clean_html, "bleach"), "documents", 1200),
        Target("parse-feed-nh3", _with(parse_feed, "nh3"), "feeds", 1500),
        Target("parse-feed-bleach", _with(parse_feed, "bleach"), "feeds", 900),
        Target("parse-date", parse_date, "dates", 30000),
    ]
}
