"""Every date example docs/dates.md shows is read exactly as the page says (SPEC §5)."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from zakerclean.dates import parse_date
from zakerclean.errors import DateParseError

PAGE = (Path(__file__).resolve().parent.parent / "docs" / "dates.md").read_text(encoding="utf-8")
#: ``now`` of the page's second table: 2021-04-17 18:00 in Shanghai.
NOW = datetime(2021, 4, 17, 10, 0, tzinfo=timezone.utc)
_CODE = re.compile(r"`([^`]+)`")
#: A result cell: backticked results, and bare ``…`` for "the same pattern" (not checked).
_RESULT = re.compile(r"`([^`]+)`|(…)")


def _table(heading: str) -> list[list[str]]:
    """The rows (cells) of the first table after ``heading``."""
    start = PAGE.index(heading)
    rows = []
    for line in PAGE[start:].splitlines()[1:]:
        if line.startswith("|"):
            cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip("|"))]
            if not set(cells[0]) <= set("-: "):
                rows.append(cells)
        elif rows:
            break
    return rows[1:]  # without the header row


def _value(code: str, cell: str) -> object:
    if code.startswith(("datetime(", "date(")):
        return eval(code, {"datetime": datetime, "date": date, "timezone": timezone})
    if f"`{code}` (int)" in cell:
        return int(code)
    if f"`{code}` (float)" in cell:
        return float(code)
    return code


def _accepted(heading: str) -> list[tuple[object, str]]:
    cases = []
    for row in _table(heading):
        cell, result = row[1], row[2]
        inputs = [_value(code, cell) for code in _CODE.findall(cell)]
        results = [code or "…" for code, _ in _RESULT.findall(result)]
        if len(results) == 1:
            results *= len(inputs)
        assert len(results) == len(inputs), row
        cases += [(value, want) for value, want in zip(inputs, results, strict=True)]
    return cases


WITHOUT_NOW = _accepted("### Without `now`")
WITH_NOW = _accepted("### With `now`")


def _iso(when: datetime) -> str:
    text = when.isoformat().replace("+00:00", "Z")
    return text


def test_the_tables_were_read() -> None:
    assert len(WITHOUT_NOW) >= 35 and len(WITH_NOW) >= 13


@pytest.mark.parametrize(("value", "want"), WITHOUT_NOW, ids=[repr(v) for v, _ in WITHOUT_NOW])
def test_documented_form_without_now(value: object, want: str) -> None:
    got = _iso(parse_date(value))
    if want.startswith("…"):
        assert got.endswith(want.lstrip("…"))
    elif want != "…":
        assert got == want


@pytest.mark.parametrize(("value", "want"), WITH_NOW, ids=[repr(v) for v, _ in WITH_NOW])
def test_documented_form_with_now(value: object, want: str) -> None:
    assert _iso(parse_date(value, now=NOW)) == want
    if not str(value).startswith(("2021", "4月", "04")):
        with pytest.raises(DateParseError, match="now"):
            parse_date(value)


REJECTED = [
    code
    for row in _table("## What is rejected, and why")
    for code in _CODE.findall(row[1])
    if not code.startswith("…")
]


@pytest.mark.parametrize("value", REJECTED)
def test_documented_rejections(value: str) -> None:
    with pytest.raises(DateParseError):
        parse_date(value, now=NOW)
