"""Tests of zakerclean.dates: every accepted form with its exact UTC instant, every rejection."""

from __future__ import annotations

import email.utils
from datetime import date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zakerclean.dates import format_rfc2822, parse_date
from zakerclean.errors import DateParseError, ZakerCleanError

UTC = timezone.utc
SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")
#: 2021-04-17 18:00 in Shanghai = 10:00 UTC.
NOW = datetime(2021, 4, 17, 18, 0, tzinfo=SHANGHAI)
#: Just after local midnight: the local day (17th) differs from the UTC day (16th).
NOW_AFTER_MIDNIGHT = datetime(2021, 4, 17, 0, 30, tzinfo=SHANGHAI)

# No example database: tests must not write files into the repository.
FAST = settings(database=None, max_examples=150, deadline=None)


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, us: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, us, tzinfo=UTC)


# -- forms that need no `now` ---------------------------------------------------------------------

ABSOLUTE = [
    # read by the fenced-in dateutil fallback
    ("2021.04.17 17:10", datetime(2021, 4, 17, 9, 10, tzinfo=UTC)),
    ("17-Apr-2021 17:10", datetime(2021, 4, 17, 9, 10, tzinfo=UTC)),
    ("Apr 17 2021 17:10:46 +0800", datetime(2021, 4, 17, 9, 10, 46, tzinfo=UTC)),
    ("Sat Apr 17 17:10:46 2021", datetime(2021, 4, 17, 9, 10, 46, tzinfo=UTC)),
    # RFC 2822 (the commonest form: RSSHub pubDate)
    ("Sat, 17 Apr 2021 17:10:46 GMT", utc(2021, 4, 17, 17, 10, 46)),
    ("Sat, 17 Apr 2021 17:10:46 +0800", utc(2021, 4, 17, 9, 10, 46)),
    ("Sat, 17 Apr 2021 17:10:46 -0500", utc(2021, 4, 17, 22, 10, 46)),
    ("Sat, 17 Apr 2021 17:10:46 +0530", utc(2021, 4, 17, 11, 40, 46)),
    ("Sat, 17 Apr 2021 17:10:46 -0000", utc(2021, 4, 17, 17, 10, 46)),
    ("Sat, 17 Apr 2021 17:10:46 UT", utc(2021, 4, 17, 17, 10, 46)),
    ("Sat, 17 Apr 2021 17:10:46 UTC", utc(2021, 4, 17, 17, 10, 46)),
    ("Sat, 17 Apr 2021 17:10 Z", utc(2021, 4, 17, 17, 10)),
    ("Sat, 17 Apr 2021 17:10:46 EST", utc(2021, 4, 17, 22, 10, 46)),
    ("Sat, 17 Apr 2021 17:10:46 EDT", utc(2021, 4, 17, 21, 10, 46)),
    ("Sat, 17 Apr 2021 17:10:46 MST", utc(2021, 4, 18, 0, 10, 46)),
    ("Sat, 17 Apr 2021 17:10:46 PDT", utc(2021, 4, 18, 0, 10, 46)),
    ("Sat, 17 Apr 2021 17:10:46 +0800 (CST)", utc(2021, 4, 17, 9, 10, 46)),
    ("17 Apr 2021 17:10:46 GMT", utc(2021, 4, 17, 17, 10, 46)),
    ("Sat, 1 May 2021 00:00:00 +0800", utc(2021, 4, 30, 16, 0)),
    ("sat, 17 apr 2021 17:10:46 gmt", utc(2021, 4, 17, 17, 10, 46)),
    ("  Sat,  17 Apr 2021\t17:10:46 GMT\n", utc(2021, 4, 17, 17, 10, 46)),
    ("Sat, 17 Apr 2021 17:10:46", utc(2021, 4, 17, 9, 10, 46)),  # no zone: read in tz
    ("Sat, 17 Apr 2021 7:10:46 GMT", utc(2021, 4, 17, 7, 10, 46)),
    # ISO 8601
    ("2021-04-17T17:10:46Z", utc(2021, 4, 17, 17, 10, 46)),
    ("2021-04-17t17:10:46z", utc(2021, 4, 17, 17, 10, 46)),
    ("2021-04-17T17:10:46+08:00", utc(2021, 4, 17, 9, 10, 46)),
    ("2021-04-17T17:10:46-05:00", utc(2021, 4, 17, 22, 10, 46)),
    ("2021-04-17T17:10:46+0800", utc(2021, 4, 17, 9, 10, 46)),
    ("2021-04-17T17:10+08", utc(2021, 4, 17, 9, 10)),
    ("2021-04-17T17:10:46.250+08:00", utc(2021, 4, 17, 9, 10, 46, 250000)),
    ("2021-04-17 17:10:46 +0800", utc(2021, 4, 17, 9, 10, 46)),
    ("2021-04-17T17:10:46,5Z", utc(2021, 4, 17, 17, 10, 46, 500000)),
    ("2021-04-17T17:10:46.123456789Z", utc(2021, 4, 17, 17, 10, 46, 123456)),
    ("20210417T171046Z", utc(2021, 4, 17, 17, 10, 46)),
    ("20210417T1710+0800", utc(2021, 4, 17, 9, 10)),
    ("2021-04-17T17:10:46", utc(2021, 4, 17, 9, 10, 46)),
    ("2021-04-17", utc(2021, 4, 16, 16, 0)),
    ("1990-01-01T00:00:00Z", utc(1990, 1, 1)),  # the earliest accepted instant
    # YYYY-MM-DD HH:MM[:SS], YYYY/M/D H:MM
    ("2021-04-17 17:10", utc(2021, 4, 17, 9, 10)),
    ("2021-04-17 17:10:46", utc(2021, 4, 17, 9, 10, 46)),
    ("2021-04-17 00:30", utc(2021, 4, 16, 16, 30)),  # Shanghai just after midnight
    ("2021-04-17 07:59:59", utc(2021, 4, 16, 23, 59, 59)),
    ("2021-04-17 08:00", utc(2021, 4, 17, 0, 0)),
    ("2021/4/17 17:10", utc(2021, 4, 17, 9, 10)),
    ("2021/4/17 7:05", utc(2021, 4, 16, 23, 5)),
    ("2021/04/17 17:10:46", utc(2021, 4, 17, 9, 10, 46)),
    ("2021/4/17", utc(2021, 4, 16, 16, 0)),
    ("2021-4-7", utc(2021, 4, 6, 16, 0)),
    ("2021/04/17 17:10 +08:00", utc(2021, 4, 17, 9, 10)),
    ("2021/04/17 17:10 UTC", utc(2021, 4, 17, 17, 10)),
    # Chinese
    ("2021年4月17日 17:10", utc(2021, 4, 17, 9, 10)),
    ("2021 年 4 月 17 日", utc(2021, 4, 16, 16, 0)),
    ("2021 年 4 月 17 日 17:10", utc(2021, 4, 17, 9, 10)),
    ("2021年4月17日17:10", utc(2021, 4, 17, 9, 10)),
    ("2021年4月17日 17:10:46", utc(2021, 4, 17, 9, 10, 46)),
    ("2021年4月17日 00:30", utc(2021, 4, 16, 16, 30)),
    ("2021年04月17日", utc(2021, 4, 16, 16, 0)),
    ("2021年4月17号 17:10", utc(2021, 4, 17, 9, 10)),
    ("２０２１年４月１７日 １７：１０", utc(2021, 4, 17, 9, 10)),  # full-width
    ("2021年4月17日\u300017:10", utc(2021, 4, 17, 9, 10)),  # ideographic space
    # English month names
    ("April 17, 2021", utc(2021, 4, 16, 16, 0)),
    ("April 17, 2021 5:10 PM", utc(2021, 4, 17, 9, 10)),
    ("April 17, 2021 12:30 AM", utc(2021, 4, 16, 16, 30)),
    ("April 17, 2021 12:00 p.m.", utc(2021, 4, 17, 4, 0)),
    ("Saturday, April 17, 2021 17:10 GMT", utc(2021, 4, 17, 17, 10)),
    ("17 April 2021 17:10 +0800", utc(2021, 4, 17, 9, 10)),
    ("Apr. 17th, 2021", utc(2021, 4, 16, 16, 0)),
    # Unix epoch, as digit strings
    ("1618650646", utc(2021, 4, 17, 9, 10, 46)),
    ("1618650646000", utc(2021, 4, 17, 9, 10, 46)),
    ("1618650646123", utc(2021, 4, 17, 9, 10, 46, 123000)),
    ("1618650646.5", utc(2021, 4, 17, 9, 10, 46, 500000)),
    (" 1618650646 ", utc(2021, 4, 17, 9, 10, 46)),
    # ... and as numbers
    (1618650646, utc(2021, 4, 17, 9, 10, 46)),
    (1618650646000, utc(2021, 4, 17, 9, 10, 46)),
    (1618650646.25, utc(2021, 4, 17, 9, 10, 46, 250000)),
    (1618650646000.0, utc(2021, 4, 17, 9, 10, 46)),
    # datetime and date objects (YAML front matter)
    (datetime(2021, 4, 17, 0, 30), utc(2021, 4, 16, 16, 30)),
    (datetime(2021, 4, 17, 0, 30, tzinfo=UTC), utc(2021, 4, 17, 0, 30)),
    (datetime(2021, 4, 17, 0, 30, tzinfo=SHANGHAI), utc(2021, 4, 16, 16, 30)),
    (datetime(2021, 4, 17, 17, 10, tzinfo=timezone(timedelta(hours=8))), utc(2021, 4, 17, 9, 10)),
    (date(2021, 4, 17), utc(2021, 4, 16, 16, 0)),
]


@pytest.mark.parametrize(("value", "expected"), ABSOLUTE, ids=repr)
def test_absolute_forms(value: object, expected: datetime) -> None:
    result = parse_date(value)
    assert result == expected
    assert result.tzinfo is UTC
    # A `now` changes nothing for absolute forms (as long as they are not implausibly late).
    assert parse_date(value, now=NOW) == expected


@pytest.mark.parametrize(
    ("value", "zone", "expected"),
    [
        ("2021-04-17 17:10", "UTC", utc(2021, 4, 17, 17, 10)),
        ("2021-04-17 17:10", "America/New_York", utc(2021, 4, 17, 21, 10)),
        ("2021-01-17 17:10", NEW_YORK, utc(2021, 1, 17, 22, 10)),
        ("2021-04-17 17:10", timezone(timedelta(hours=-3)), utc(2021, 4, 17, 20, 10)),
        ("2021年4月17日 17:10", "Asia/Tokyo", utc(2021, 4, 17, 8, 10)),
        ("Sat, 17 Apr 2021 17:10:46 GMT", "America/New_York", utc(2021, 4, 17, 17, 10, 46)),
        (datetime(2021, 4, 17, 17, 10), "Europe/London", utc(2021, 4, 17, 16, 10)),
        (date(2021, 4, 17), "UTC", utc(2021, 4, 17)),
    ],
    ids=repr,
)
def test_naive_values_are_read_in_tz(value: object, zone: str | tzinfo, expected: datetime) -> None:
    assert parse_date(value, tz=zone) == expected


class PytzLike(tzinfo):
    """Behaves like a pytz zone: a wrong (LMT) offset unless attached with localize()."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=8, minutes=6)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "LMT"

    def localize(self, dt: datetime, is_dst: bool | None = False) -> datetime:
        if dt.hour == 2 and is_dst is None:
            raise RuntimeError("AmbiguousTimeError")  # pytz's errors are not ValueErrors
        return dt.replace(tzinfo=timezone(timedelta(hours=8)))


def test_pytz_like_zones_are_localized() -> None:
    assert parse_date("2021-04-17 17:10", tz=PytzLike()) == utc(2021, 4, 17, 9, 10)
    assert parse_date(datetime(2021, 4, 17, 17, 10), tz=PytzLike()) == utc(2021, 4, 17, 9, 10)
    with pytest.raises(DateParseError, match="ambiguous or does not exist"):
        parse_date("2021-04-17 02:10", tz=PytzLike())


# -- forms that need `now` ------------------------------------------------------------------------

RELATIVE = [
    ("刚刚", NOW, utc(2021, 4, 17, 10, 0)),
    ("30秒前", NOW, utc(2021, 4, 17, 9, 59, 30)),
    ("5分钟前", NOW, utc(2021, 4, 17, 9, 55)),
    ("5 分钟前", NOW, utc(2021, 4, 17, 9, 55)),
    ("3小时前", NOW, utc(2021, 4, 17, 7, 0)),
    ("2天前", NOW, utc(2021, 4, 15, 10, 0)),
    ("今天 08:15", NOW, utc(2021, 4, 17, 0, 15)),
    ("今天 07:59", NOW, utc(2021, 4, 16, 23, 59)),
    ("今天08:15:30", NOW, utc(2021, 4, 17, 0, 15, 30)),
    ("昨天 23:59", NOW, utc(2021, 4, 16, 15, 59)),
    ("前天 00:30", NOW, utc(2021, 4, 14, 16, 30)),
    # The local day, not the UTC day: at 00:30 in Shanghai it is still the 16th in UTC.
    ("今天 00:10", NOW_AFTER_MIDNIGHT, utc(2021, 4, 16, 16, 10)),
    ("昨天 12:00", NOW_AFTER_MIDNIGHT, utc(2021, 4, 16, 4, 0)),
    # A naive now is read in tz; an aware one in any zone is the same instant.
    ("5分钟前", datetime(2021, 4, 17, 18, 0), utc(2021, 4, 17, 9, 55)),
    ("今天 08:15", datetime(2021, 4, 17, 10, 0, tzinfo=UTC), utc(2021, 4, 17, 0, 15)),
    # Year-less: year from now (in tz) ...
    ("4月17日 17:10", NOW, utc(2021, 4, 17, 9, 10)),
    ("4月17日", NOW, utc(2021, 4, 16, 16, 0)),
    ("4 月 17 日 17:10", NOW, utc(2021, 4, 17, 9, 10)),
    ("4月17号 8:00", NOW, utc(2021, 4, 17, 0, 0)),
    ("04-17 17:10", NOW, utc(2021, 4, 17, 9, 10)),
    ("4-17 17:10:46", NOW, utc(2021, 4, 17, 9, 10, 46)),
    ("4月18日 17:10", NOW, utc(2021, 4, 18, 9, 10)),  # 23h10m ahead: still this year
    # ... unless that is more than a day after now: then the previous year.
    ("4月19日 17:10", NOW, utc(2020, 4, 19, 9, 10)),
    ("12-31 23:00", datetime(2021, 1, 2), utc(2020, 12, 31, 15, 0)),
    ("12月31日 23:00", datetime(2021, 1, 2, tzinfo=SHANGHAI), utc(2020, 12, 31, 15, 0)),
    ("1月1日 00:30", datetime(2021, 1, 1, 0, 10), utc(2020, 12, 31, 16, 30)),
    # now is 2020 in UTC but already 2021 in Shanghai: the local year counts.
    ("1月1日 00:30", datetime(2020, 12, 31, 17, 0, tzinfo=UTC), utc(2020, 12, 31, 16, 30)),
    # 2月29日 in a year without one: the previous year's.
    ("2月29日", datetime(2025, 1, 10), utc(2024, 2, 28, 16, 0)),
    ("2月29日 12:00", datetime(2024, 3, 1), utc(2024, 2, 29, 4, 0)),
]


@pytest.mark.parametrize(("value", "now", "expected"), RELATIVE, ids=repr)
def test_forms_relative_to_now(value: str, now: datetime, expected: datetime) -> None:
    result = parse_date(value, now=now)
    assert result == expected
    assert result.tzinfo is UTC


@pytest.mark.parametrize("value", sorted({value for value, _, _ in RELATIVE}))
def test_forms_relative_to_now_need_now(value: str) -> None:
    with pytest.raises(DateParseError, match="needs `now`") as caught:
        parse_date(value)
    assert repr(value) in str(caught.value)


# -- rejections -----------------------------------------------------------------------------------

REJECTED = [
    # not a date at all
    ("", None, "empty"),
    ("   \n\t", None, "empty"),
    ("hello", None, "not a supported"),
    ("2021", None, "missing"),
    ("2021-04", None, "missing"),
    ("2021年4月", None, "not a supported"),  # no day: the Chinese readers need one
    ("April 2021", None, "missing"),  # no day: never filled in
    ("Apr 2021 17:10", None, "missing"),
    ("17:10", None, "not a supported"),  # no date: never "today"
    ("今天", None, "not a supported"),  # no time: never midnight
    ("3个月前", NOW, "not a supported"),
    ("tomorrow", NOW, "not a supported"),
    ("a\x00b", None, "not a supported"),
    ("2021-04-17\x00", None, "not a supported"),
    ("\ud800", None, "not a supported"),
    ("x" * 100_000, None, "longer than 200"),
    ("20210417", None, "not a supported"),  # bare basic ISO: not taken
    ("2021-W15-6", None, "not a supported"),  # ISO week date: not taken
    ("2021-04-17x17:10", None, "not a supported"),  # fromisoformat would take it
    ("2021-04-17T17", None, "not a supported"),
    ("2021-04-17T1710", None, "not a supported"),  # extended date, basic time
    ("20210417T17:10", None, "not a supported"),  # basic date, extended time
    ("20210417 171046", None, "not a supported"),
    ("2021-04-17Z", None, "not a supported"),
    ("Sat Apr 17 2021 17:10:46 GMT+0800 (China Standard Time)", None, "not a supported"),
    ("17 Apr 21 17:10 GMT", None, "not a supported"),  # two-digit year
    ("Sat, 17 Apr 2021 17:10:46 (CST)", None, "not a supported"),  # comment without offset
    ("Sat, 17 Apr 2021 17:10:46 GMT (UTC)", None, "not a supported"),
    ("123456789", None, "not a supported"),  # 9 digits
    ("12345678901", None, "not a supported"),  # 11 digits
    # impossible fields
    ("2021-13-01", None, "month must be in 1..12"),
    ("2021-04-31", None, "day is out of range"),
    ("2021-02-29", None, "day is out of range"),
    ("2021-04-17 24:00", None, "hour must be in"),
    ("2021-04-17 17:60", None, "minute must be in"),
    ("Sat, 17 Apr 2021 17:10:60 GMT", None, "second must be in"),
    ("2021-04-17T17:10:46+08:60", None, "not a UTC offset"),
    ("2021/04/17 17:10 +2400", None, "not a UTC offset"),
    ("April 17, 2021 13:10 PM", None, "AM/PM"),
    ("4月31日", NOW, "day is out of range"),
    ("13-01 10:00", NOW, "month must be in"),
    ("Foo, 17 Apr 2021 17:10:46 GMT", None, "not a weekday"),
    # ambiguous
    ("04/05/2021", None, "ambiguous"),
    ("13/05/2021", None, "ambiguous"),
    ("17.04.2021", None, "ambiguous"),
    ("21-04-17", None, "ambiguous"),
    ("4/17 17:10", NOW, "ambiguous"),
    ("Sat, 17 Apr 2021 17:10:46 CST", None, "ambiguous"),
    ("Sat, 17 Apr 2021 17:10:46 CDT", None, "ambiguous"),
    ("2021-04-17 17:10 CST", None, "ambiguous"),
    ("Sat, 17 Apr 2021 17:10:46 BST", None, "unknown zone name"),
    ("Sat, 17 Apr 2021 17:10:46 XYZ", None, "unknown zone name"),
    ("Fri, 17 Apr 2021 17:10:46 GMT", None, "is a Saturday"),  # weekday contradicts date
    ("1990-09-16 01:30", None, "ambiguous or skipped"),  # China's last DST fall-back
    ("1990-04-15 02:30", None, "ambiguous or skipped"),  # ... and spring-forward
    # implausible
    ("1989-12-31T23:59:59Z", None, "before 1990"),
    ("Sun, 31 Dec 1989 23:59:59 GMT", None, "before 1990"),
    ("1990-01-01 07:59", None, "before 1990"),  # Shanghai: 1989-12-31 23:59 UTC
    (datetime(1989, 6, 1, tzinfo=UTC), None, "before 1990"),
    (date(1989, 12, 31), None, "before 1990"),
    ("20000天前", NOW, "before 1990"),
    ("2022-04-18 19:00", NOW, "more than a year after now"),
    ("Sat, 17 Apr 2100 17:10:46 GMT", NOW, "more than a year after now"),
    (9999999999999, NOW, "more than a year after now"),
    # out of datetime's range
    ("9999-12-31T23:59:59-05:00", None, "out of range"),
    (datetime.max.replace(tzinfo=timezone(timedelta(hours=-5))), None, "out of range"),
    (datetime.min.replace(tzinfo=timezone(timedelta(hours=5))), None, "out of range"),
    ("999999天前", NOW, "out of range"),
    # numbers that are not 10- or 13-digit epoch values
    (0, None, "10 digits"),
    (123, None, "10 digits"),
    (1.5, None, "10 digits"),
    (12345678901, None, "10 digits"),
    (10**400, None, "10 digits"),
    (1e300, None, "10 digits"),
    (-1618650646, None, "negative"),
    (float("nan"), None, "not a finite number"),
    (float("inf"), None, "not a finite number"),
    (float("-inf"), None, "not a finite number"),
    # wrong types
    (True, None, "bool"),
    (False, None, "bool"),
    (None, None, "not NoneType"),
    ([], None, "not list"),
    ({"date": "2021-04-17"}, None, "not dict"),
    (b"2021-04-17", None, "not bytes"),
    (Decimal("1618650646"), None, "not Decimal"),
    (1 + 2j, None, "not complex"),
    (object(), None, "not object"),
]


@pytest.mark.parametrize(("value", "now", "reason"), REJECTED, ids=lambda v: repr(v)[:40])
def test_rejected(value: object, now: datetime | None, reason: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(value, now=now)
    message = str(caught.value)
    assert reason in message
    assert repr(value)[:70] in message


def test_rejected_value_too_long_to_print() -> None:
    with pytest.raises(DateParseError, match=r"cannot read <int value> as a date: .*10 digits"):
        parse_date(10**5000)  # repr() itself raises for ints over 4300 digits


def test_date_parse_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="garbage"):
        parse_date("garbage")
    assert issubclass(DateParseError, ZakerCleanError)


@pytest.mark.parametrize(
    ("value", "zone", "reason"),
    [
        ("2021-11-07 01:30", "America/New_York", "ambiguous or skipped"),  # fall back
        ("2021-03-14 02:30", "America/New_York", "ambiguous or skipped"),  # spring forward
        (datetime(2021, 11, 7, 1, 30), NEW_YORK, "ambiguous or skipped"),
        ("2021-11-07 01:30", "Nope/Zone", "Nope/Zone"),
        ("2021-11-07 01:30", "", "unknown time zone"),
        ("2021-11-07 01:30", "America", "unknown time zone"),
        ("2021-11-07 01:30", "../../etc/passwd", "unknown time zone"),
        ("2021-11-07 01:30", 8, "tz must be"),
    ],
    ids=repr,
)
def test_rejected_tz(value: object, zone: object, reason: str) -> None:
    with pytest.raises(DateParseError, match=reason):
        parse_date(value, tz=zone)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("now", "reason"),
    [
        ("2021-04-17", "now must be a datetime"),
        (date(2021, 4, 17), "now must be a datetime"),
        (1618650646, "now must be a datetime"),
        (datetime(1990, 9, 16, 1, 30), "ambiguous or skipped"),
    ],
    ids=repr,
)
def test_rejected_now(now: object, reason: str) -> None:
    with pytest.raises(DateParseError, match=reason):
        parse_date("5分钟前", now=now)  # type: ignore[arg-type]


def test_long_values_are_cut_in_the_message() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date("9" * 5000)
    assert len(str(caught.value)) < 200


# -- format_rfc2822 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (utc(2021, 4, 17, 17, 10, 46), "Sat, 17 Apr 2021 17:10:46 GMT"),
        (
            datetime(2021, 4, 18, 1, 10, 46, 999999, tzinfo=SHANGHAI),
            "Sat, 17 Apr 2021 17:10:46 GMT",
        ),
        (datetime(2021, 5, 1, 7, 5, 9, tzinfo=SHANGHAI), "Fri, 30 Apr 2021 23:05:09 GMT"),
        (utc(1990, 1, 1), "Mon, 01 Jan 1990 00:00:00 GMT"),
    ],
    ids=repr,
)
def test_format_rfc2822(value: datetime, expected: str) -> None:
    assert format_rfc2822(value) == expected
    assert parse_date(expected) == value.replace(microsecond=0)


@pytest.mark.parametrize(
    "value",
    [
        datetime(2021, 4, 17),
        "2021-04-17",
        datetime.min.replace(tzinfo=timezone(timedelta(hours=5))),
    ],
    ids=repr,
)
def test_format_rfc2822_rejects(value: object) -> None:
    with pytest.raises(DateParseError):
        format_rfc2822(value)  # type: ignore[arg-type]


# -- properties -----------------------------------------------------------------------------------

instants = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31)).map(
    lambda naive: naive.replace(microsecond=0, tzinfo=UTC)
)
offsets = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


@FAST
@given(instants, offsets)
def test_rfc2822_round_trip(instant: datetime, offset: timezone) -> None:
    text = email.utils.format_datetime(instant.astimezone(offset))  # the stdlib's RFC 2822
    assert parse_date(text) == instant
    assert parse_date(format_rfc2822(instant)) == instant
    assert parse_date(email.utils.format_datetime(instant, usegmt=True)) == instant


@FAST
@given(instants, offsets, st.integers(min_value=0, max_value=999_999))
def test_iso8601_round_trip(instant: datetime, offset: timezone, micro: int) -> None:
    assert parse_date(instant.astimezone(offset).isoformat()) == instant
    precise = instant.replace(microsecond=micro)
    assert parse_date(precise.astimezone(offset).isoformat(sep=" ")) == precise


@FAST
@given(instants)
def test_chinese_round_trip(instant: datetime) -> None:
    local = instant.astimezone(SHANGHAI)
    text = (
        f"{local.year}年{local.month}月{local.day}日 "
        f"{local.hour:02d}:{local.minute:02d}:{local.second:02d}"
    )
    wall = local.replace(tzinfo=None)
    if (
        wall.replace(tzinfo=SHANGHAI, fold=0).utcoffset()
        != wall.replace(tzinfo=SHANGHAI, fold=1).utcoffset()
    ):
        # China observed daylight saving until 1991: a repeated wall time names two instants.
        with pytest.raises(DateParseError, match="ambiguous"):
            parse_date(text)
    else:
        assert parse_date(text) == instant


FRAGMENTS = [
    "2021", "1989", "9999", "0000", "04", "4", "17", "31", "99", "1618650646", "000", "-", "/",
    ":", ".", ",", " ", "  ", "T", "Z", "t", "+08:00", "+0800", "-0000", "+99", "GMT", "CST",
    "UTC", "Sat", "Apr", "April", "PM", "st", "年", "月", "日", "号", "前", "秒", "分钟", "小时",
    "天", "今天", "昨天", "刚刚", "\x00", "１", "：", "\u3000", "(", ")", "e", "١",
]  # fmt: skip
date_like_text = st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join)


def assert_accepts_or_rejects(value: object, now: datetime | None) -> None:
    try:
        result = parse_date(value, now=now)
    except DateParseError:
        return
    assert result.tzinfo is UTC
    assert result >= utc(1990, 1, 1)
    if now is not None:
        assert result <= now + timedelta(days=366)


@FAST
@given(st.one_of(st.text(max_size=40), date_like_text), st.sampled_from([None, NOW]))
def test_text_never_raises_anything_but_date_parse_error(value: str, now: datetime | None) -> None:
    assert_accepts_or_rejects(value, now)


@FAST
@given(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.decimals(),
        st.binary(max_size=20),
        st.lists(st.integers(), max_size=3),
        st.dates(),
        st.datetimes(),
        st.datetimes(timezones=st.timezones()),
    ),
    st.sampled_from([None, NOW]),
)
def test_other_values_never_raise_anything_but_date_parse_error(
    value: object, now: datetime | None
) -> None:
    assert_accepts_or_rejects(value, now)
