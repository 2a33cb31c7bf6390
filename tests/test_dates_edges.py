"""Date edges the mutation run (docs/mutation.md) found untested: dateutil's zones, the epoch
ranges' exact bounds, 12-hour clocks at 1 o'clock, the error messages, ``format_rfc2822``."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

from zakerclean import DateParseError, parse_date
from zakerclean.dates import format_rfc2822

UTC = timezone.utc  # datetime.UTC is Python 3.11+
NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # forms only the fenced-in dateutil reader takes, with a zone name or an offset
        ("17:10 UTC April 17 2021", datetime(2021, 4, 17, 17, 10, tzinfo=UTC)),
        ("17:10 EST April 17 2021", datetime(2021, 4, 17, 22, 10, tzinfo=UTC)),
        ("2021 April 17 17:10 +0800", datetime(2021, 4, 17, 9, 10, tzinfo=UTC)),
        ("2021 Apr 17 17:10 GMT", datetime(2021, 4, 17, 17, 10, tzinfo=UTC)),
    ],
)
def test_dateutil_forms_keep_their_zone(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (10**9, datetime(2001, 9, 9, 1, 46, 40, tzinfo=UTC)),  # the first 10-digit second
        (10**12, datetime(2001, 9, 9, 1, 46, 40, tzinfo=UTC)),  # the first 13-digit millisecond
        (str(10**9), datetime(2001, 9, 9, 1, 46, 40, tzinfo=UTC)),
    ],
)
def test_epoch_ranges_include_their_lower_bound(value: object, expected: datetime) -> None:
    assert parse_date(value, now=NOW) == expected


@pytest.mark.parametrize("value", [10**10, 10**13, 2 * 10**13, 5 * 10**13, 10**9 - 1])
def test_numbers_outside_the_epoch_ranges_are_rejected(value: int) -> None:
    with pytest.raises(DateParseError, match=r"Unix epoch seconds .10 digits. or milliseconds"):
        parse_date(value, now=NOW)


def test_number_errors_say_why() -> None:
    with pytest.raises(DateParseError, match="a negative number is not an epoch timestamp"):
        parse_date(-5)
    with pytest.raises(DateParseError, match="not a finite number"):
        parse_date(float("nan"))


@pytest.mark.parametrize(
    ("text", "hour"),
    [("17 April 2021 1:05 pm", 13), ("17 April 2021 1:05 am", 1), ("17 April 2021 12:05 pm", 12)],
)
def test_twelve_hour_clock_at_its_bounds(text: str, hour: int) -> None:
    shanghai = timezone(timedelta(hours=8))
    assert parse_date(text) == datetime(2021, 4, 17, hour, 5, tzinfo=shanghai)


def test_format_rfc2822_errors_name_the_value() -> None:
    with pytest.raises(DateParseError, match="needs a datetime, not int"):
        format_rfc2822(5)  # type: ignore[arg-type]
    with pytest.raises(DateParseError, match="needs an aware datetime, got naive"):
        format_rfc2822(datetime(2021, 1, 1))
    with pytest.raises(DateParseError, match=r"cannot express .* in UTC"):
        format_rfc2822(datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1))))


def test_format_rfc2822_writes_utc_whatever_the_machine_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        value = datetime(2021, 4, 18, 1, 10, 46, tzinfo=timezone(timedelta(hours=8)))
        assert format_rfc2822(value) == "Sat, 17 Apr 2021 17:10:46 GMT"
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("text", ["17 April 2021 0:05 am", "17 April 2021 13:05 pm"])
def test_twelve_hour_clock_outside_one_to_twelve_is_rejected(text: str) -> None:
    with pytest.raises(DateParseError, match="with AM/PM"):
        parse_date(text)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-5, "cannot read -5 as a date: a negative number is not an epoch timestamp"),
        (float("nan"), "cannot read nan as a date: not a finite number"),
        (float("inf"), "cannot read inf as a date: not a finite number"),
        (
            123,
            "cannot read 123 as a date: a number is read as Unix epoch seconds (10 digits) or "
            "milliseconds (13 digits) only",
        ),
    ],
)
def test_numbers_that_are_no_epoch_say_why(value: float, message: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(value)
    assert str(caught.value) == message
