"""Read the dates found in ZAKER pages and Hexo front matter as exact UTC instants.

A wrong date is worse than no date: a post filed under the wrong day (or the wrong year, or
fourteen hours off because ``CST`` was read as US Central time) looks fine and is never noticed.
So :func:`parse_date` accepts only an explicit list of forms (see ``docs/dates.md``), each read by
a small function of its own, and raises :class:`~zakerclean.errors.DateParseError` for anything
else: text it does not recognise, day/month-ambiguous forms such as ``04/05/2021``, named time
zones that mean different things in different places, local times that a daylight-saving change
makes ambiguous, and implausible instants (before 1990, or more than a year after ``now``).

Nothing is guessed from hidden state: there is no clock (forms relative to the present, such as
``5分钟前`` or a date without a year, need the caller's ``now``), no locale, no system time zone
(naive values are read in the ``tz`` argument), and no default filling of missing fields -- which
is why python-dateutil's parser, whose ``default``, two-digit-year and ``GMT+3`` conventions are
exactly such guesses, is only the last reader, fenced in so that it cannot guess (see
:func:`_parse_with_dateutil`); it never sees text with Chinese characters, which only the explicit
readers take.

The module is long (one reader per form, the tables they share, the dateutil fence) but kept in one
piece on purpose: every reader shares the private ``_Context``/``_Invalid``/zone helpers, and the
order of ``_TEXT_PARSERS`` -- which is the grammar -- reads best next to the readers it lists.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateutil_parser
from dateutil.parser import parserinfo

from zakerclean.errors import DateParseError

__all__ = ["format_rfc2822", "parse_date"]

_UTC: Final = timezone.utc
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=_UTC)
_NAIVE_EPOCH: Final = datetime(1970, 1, 1)
#: Earliest plausible instant; ZAKER (and the web feeds it aggregates) postdate it by far.
_EARLIEST: Final = datetime(1990, 1, 1, tzinfo=_UTC)
#: How far after ``now`` a date may lie before it is rejected as implausible.
_MAX_AHEAD: Final = timedelta(days=366)
#: How far after ``now`` a year-less date may lie before it is taken to be last year's.
_YEARLESS_AHEAD: Final = timedelta(days=1)
#: Longer strings are not dates; refusing them early bounds the work done per call.
_MAX_TEXT_LENGTH: Final = 200
_MAX_SHOWN: Final = 80

_WEEKDAY_ABBRS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAY_NAMES: Final = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip
_MONTH_ABBRS: Final = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip

_MONTHS: Final[dict[str, int]] = {
    **{abbr.lower(): number for number, abbr in enumerate(_MONTH_ABBRS, 1)},
    "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7,
    "august": 8, "september": 9, "sept": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_WEEKDAYS: Final[dict[str, int]] = {
    **{abbr.lower(): number for number, abbr in enumerate(_WEEKDAY_ABBRS)},
    "monday": 0, "tues": 1, "tuesday": 1, "wednesday": 2, "thur": 3, "thurs": 3,
    "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

#: Zone names with one meaning everywhere, and the North American names RFC 2822 defines.
_ZONE_OFFSETS: Final[dict[str, timedelta]] = {
    "Z": timedelta(0), "UT": timedelta(0), "UTC": timedelta(0), "GMT": timedelta(0),
    "EST": timedelta(hours=-5), "EDT": timedelta(hours=-4),
    "MST": timedelta(hours=-7), "MDT": timedelta(hours=-6),
    "PST": timedelta(hours=-8), "PDT": timedelta(hours=-7),
}  # fmt: skip
#: RFC 2822 defines these as US Central time, but on Chinese pages ``CST`` means China Standard
#: Time (+0800): either reading would be a silent guess, so they are rejected.
_AMBIGUOUS_ZONE_NAMES: Final = frozenset({"CST", "CDT"})

#: Full-width forms that Chinese pages use in dates, mapped to ASCII.
_WIDE_TO_ASCII: Final = {
    **{0xFF10 + digit: str(digit) for digit in range(10)},
    0xFF1A: ":", 0xFF0D: "-", 0xFF0F: "/", 0xFF0C: ",", 0xFF0B: "+",
}  # fmt: skip

_ZONE = r"(?P<zone>[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})"
_CLOCK = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
#: The words Chinese pages put before a 12-hour time; see :func:`_twelve_hour`.
_PERIODS = "上午|下午|中午|晚上|凌晨"
#: A Chinese time of day: ``17:10``, ``17:10:46``, ``6时42分``, ``10点05``, ``10点``,
#: ``6时42分10秒``, optionally after a period word (``下午5:10``, ``凌晨3点``).
_CJK_CLOCK = (
    rf"(?:(?P<period>{_PERIODS}) ?)?"
    r"(?:(?P<hour>\d{1,2}) ?: ?(?P<minute>\d{2})(?: ?: ?(?P<second>\d{2}))?"
    r"|(?P<hour_w>\d{1,2}) ?[时点]"
    r"(?: ?(?:(?P<minute_w>\d{1,2}) ?分(?: ?(?P<second_w>\d{1,2}) ?秒)?|(?P<minute_bare>\d{2})))?)"
)

_RFC2822_RE: Final = re.compile(
    r"(?:(?P<weekday>[A-Za-z]{3}),? ?)?(?P<day>\d{1,2}) (?P<month>[A-Za-z]{3}) (?P<year>\d{4}) "
    r"(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?: (?P<zone>[+-]\d{4}|[A-Za-z]{1,5}))?"
    # A comment such as "(CST)" is allowed only after a numeric offset, which it cannot override.
    r"(?: (?<=[+-]\d{4} )\([^()]*\))?",
    re.ASCII,
)
_ISO8601_RE: Final = re.compile(
    # Extended (2021-04-17T17:10:46) or basic (20210417T171046) format, not mixed: the
    # parser checks that the date has dashes exactly when the time has colons.
    r"(?P<year>\d{4})(?P<dash>-?)(?P<month>\d{2})(?P=dash)(?P<day>\d{2})"
    r"(?:(?P<sep>[Tt ])(?P<hour>\d{2})(?P<colon>:?)(?P<minute>\d{2})"
    r"(?:(?P=colon)(?P<second>\d{2})(?:[.,](?P<fraction>\d{1,9}))?)?"
    r"(?: ?(?P<zone>[Zz]|[+-]\d{2}(?::?\d{2})?))?)?",
    re.ASCII,
)
_NUMERIC_YMD_RE: Final = re.compile(
    r"(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    rf"(?:(?:[ T]| ?(?P<period>{_PERIODS}) ?){_CLOCK}(?: ?{_ZONE})?)?",
    re.ASCII,
)
_CJK_YMD_RE: Final = re.compile(
    r"(?P<year>\d{4}) ?年 ?(?P<month>\d{1,2}) ?月 ?(?P<day>\d{1,2}) ?[日号]"
    rf"(?: ?{_CJK_CLOCK})?",
    re.ASCII,
)
_ENGLISH_RE: Final = re.compile(
    r"(?:(?P<weekday>[A-Za-z]+),? )?"
    r"(?:(?P<month1>[A-Za-z]+)\.? (?P<day1>\d{1,2})(?:st|nd|rd|th)?,?"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)? (?P<month2>[A-Za-z]+)\.?,?) (?P<year>\d{4})"
    # "11.59 am": a dot between hour and minute only with AM/PM (checked by the reader).
    r"(?:,?(?: at)? (?P<hour>\d{1,2})(?P<clock_sep>[:.])(?P<minute>\d{2})"
    r"(?:(?P=clock_sep)(?P<second>\d{2}))?"
    rf"(?: ?(?P<ampm>[AaPp])\.?[Mm]\.?)?(?: {_ZONE})?)?",
    re.ASCII,
)
_EPOCH_RE: Final = re.compile(r"(?P<whole>\d{10}|\d{13})(?:\.(?P<fraction>\d{1,9}))?", re.ASCII)
_AGO_RE: Final = re.compile(
    r"(?P<count>\d{1,6}|[一二两兩三四五六七八九十半]) ?(?:[个個] ?)?"
    r"(?P<unit>秒钟|秒鐘|秒|分钟|分鐘|小时|小時|天|周|週|星期|礼拜|禮拜) ?前",
    re.ASCII,
)
_ENGLISH_AGO_RE: Final = re.compile(
    r"(?P<count>\d{1,6}|an?|one) (?P<unit>sec(?:ond)?|min(?:ute)?|hour|hr|day|week)s? ago",
    re.ASCII | re.IGNORECASE,
)
#: ``今天 08:15``, ``昨天下午3点``, and a bare ``下午5:10`` (today; a period word is required then).
_DAY_WORD_RE: Final = re.compile(rf"(?:(?P<word>今天|昨天|前天) ?)?{_CJK_CLOCK}", re.ASCII)
_ENGLISH_DAY_WORD_RE: Final = re.compile(
    rf"(?P<word>today|yesterday),?(?: at)? {_CLOCK}(?: ?(?P<ampm>[ap])\.?m\.?)?",
    re.ASCII | re.IGNORECASE,
)
_CJK_MD_RE: Final = re.compile(
    rf"(?P<month>\d{{1,2}}) ?月 ?(?P<day>\d{{1,2}}) ?[日号](?: ?{_CJK_CLOCK})?",
    re.ASCII,
)
_DASH_MD_RE: Final = re.compile(rf"(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}}) {_CLOCK}", re.ASCII)

#: Numeric dates that do not start with a four-digit year: ``04/05/2021``, ``17.4.21``, ``4/17``.
_DAY_MONTH_AMBIGUOUS_RE: Final = re.compile(
    r"\d{1,2}(?P<sep>[-/.])\d{1,2}(?:(?P=sep)\d{2,4})?(?: .*)?", re.ASCII
)

_SECOND: Final = timedelta(seconds=1)
_MINUTE: Final = timedelta(minutes=1)
_HOUR: Final = timedelta(hours=1)
_DAY: Final = timedelta(days=1)
_WEEK: Final = timedelta(weeks=1)
_AGO_UNITS: Final = {
    "秒": _SECOND, "秒钟": _SECOND, "秒鐘": _SECOND, "分钟": _MINUTE, "分鐘": _MINUTE,
    "小时": _HOUR, "小時": _HOUR, "天": _DAY,
    "周": _WEEK, "週": _WEEK, "星期": _WEEK, "礼拜": _WEEK, "禮拜": _WEEK,
}  # fmt: skip
_ENGLISH_AGO_UNITS: Final = {
    "sec": _SECOND, "second": _SECOND, "min": _MINUTE, "minute": _MINUTE,
    "hour": _HOUR, "hr": _HOUR, "day": _DAY, "week": _WEEK,
}  # fmt: skip
#: Chinese numerals in ``两小时前`` (``半`` is half, and only ``半小时前`` takes it).
_CJK_COUNTS: Final = {
    "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
    "九": 9, "十": 10,
}  # fmt: skip
_DAYS_BACK: Final = {"今天": 0, "昨天": 1, "前天": 2, "today": 0, "yesterday": 1}


class _Invalid(Exception):
    """Internal: the value is not a usable date; :func:`parse_date` adds the value and re-raises."""


@dataclass(frozen=True, slots=True)
class _Context:
    """What a parser may use besides the text: the zone for naive values, and the caller's now."""

    zone: tzinfo
    now: datetime | None  # aware, UTC

    def localize(self, naive: datetime) -> datetime:
        return _localize(naive, self.zone)

    def require_now(self, form: str) -> datetime:
        if self.now is None:
            raise _Invalid(f"{form} needs `now` (pass parse_date(..., now=<the time of reading>))")
        return self.now


_TextParser = Callable[[str, _Context], datetime | None]


# -- public API -----------------------------------------------------------------------------------


def parse_date(
    value: object, *, tz: str | tzinfo = "Asia/Shanghai", now: datetime | None = None
) -> datetime:
    """Return the instant *value* denotes, as an aware datetime in UTC.

    *value* may be a ``datetime``, a ``date``, Unix epoch seconds (10 digits) or milliseconds
    (13 digits) as a number or digit string, or a string in one of the forms listed in
    ``docs/dates.md``.  Values without a UTC offset are read in *tz* (an IANA name or a tzinfo).
    Relative and year-less forms are resolved against *now* (naive: read in *tz*) and raise
    without it.

    Raises ``DateParseError`` -- and nothing else, for any *value* -- if the value is not one of
    those forms, is ambiguous, or is implausible (before 1990-01-01 UTC, or more than a year
    after *now*).
    """
    zone = _resolve_zone(tz)
    context = _Context(zone, _resolve_now(now, zone))
    try:
        instant = _to_aware(value, context).astimezone(_UTC)
        _check_plausible(instant, context)
    except _Invalid as exc:
        raise DateParseError(f"cannot read {_show(value)} as a date: {exc}") from None
    except (ValueError, ArithmeticError, TypeError) as exc:
        # datetime's own range checks (day 31 in April, hour 24, year 10000, ...).
        raise DateParseError(f"cannot read {_show(value)} as a date: {exc}") from exc
    return instant


def format_rfc2822(dt: datetime) -> str:
    """Format an aware datetime as RFC 2822 in UTC, e.g. ``Sat, 17 Apr 2021 17:10:46 GMT``.

    Names are English whatever the locale; microseconds are dropped.  A naive datetime raises
    :class:`~zakerclean.errors.DateParseError`: which instant it means is unknown.
    """
    if not isinstance(dt, datetime):
        raise DateParseError(f"format_rfc2822 needs a datetime, not {type(dt).__name__}")
    if dt.utcoffset() is None:
        raise DateParseError(f"format_rfc2822 needs an aware datetime, got naive {dt!r}")
    try:
        u = dt.astimezone(_UTC)
    except OverflowError as exc:
        raise DateParseError(f"cannot express {dt!r} in UTC: {exc}") from exc
    return (
        f"{_WEEKDAY_ABBRS[u.weekday()]}, {u.day:02d} {_MONTH_ABBRS[u.month - 1]} {u.year:04d} "
        f"{u.hour:02d}:{u.minute:02d}:{u.second:02d} GMT"
    )


# -- arguments ------------------------------------------------------------------------------------


def _resolve_zone(tz: object) -> tzinfo:
    if isinstance(tz, tzinfo):
        return tz
    if not isinstance(tz, str):
        raise DateParseError(f"tz must be an IANA zone name or a tzinfo, not {type(tz).__name__}")
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise DateParseError(f"unknown time zone {tz[:_MAX_SHOWN]!r} for tz") from exc


def _resolve_now(now: object, zone: tzinfo) -> datetime | None:
    if now is None:
        return None
    if not isinstance(now, datetime):
        raise DateParseError(f"now must be a datetime, not {type(now).__name__}")
    try:
        return _to_utc_datetime(now, zone)
    except (_Invalid, ValueError, OverflowError, ArithmeticError, TypeError) as exc:
        raise DateParseError(f"cannot use now={now!r}: {exc}") from None


# -- dispatch on the type of the value ------------------------------------------------------------


def _to_aware(value: object, context: _Context) -> datetime:
    if isinstance(value, str):  # first: by far the commonest
        return _from_text(value, context)
    if isinstance(value, bool):  # before int: bool is an int subclass
        raise _Invalid("a bool is not a date")
    if isinstance(value, datetime):  # before date: datetime is a date subclass
        return _to_utc_datetime(value, context.zone)
    if isinstance(value, date):
        return context.localize(datetime(value.year, value.month, value.day))
    if isinstance(value, (int, float)):
        return _from_number(value)
    raise _Invalid(f"expected a str, a number, a datetime or a date, not {type(value).__name__}")


def _to_utc_datetime(value: datetime, zone: tzinfo) -> datetime:
    if value.tzinfo is not None and value.utcoffset() is not None:
        return value.astimezone(_UTC)
    return _localize(value.replace(tzinfo=None), zone).astimezone(_UTC)


def _from_number(value: float) -> datetime:
    if isinstance(value, float) and not math.isfinite(value):
        raise _Invalid("not a finite number")
    if value < 0:
        raise _Invalid("a negative number is not an epoch timestamp")
    return _from_epoch(int(value), value)


def _from_epoch(whole: int, exact: float | timedelta) -> datetime:
    """*whole* is the integer part; *exact* the full value (a timedelta: seconds already)."""
    if 10**9 <= whole < 10**10:
        return _EPOCH + (exact if isinstance(exact, timedelta) else timedelta(seconds=exact))
    if 10**12 <= whole < 10**13:
        return _EPOCH + (exact if isinstance(exact, timedelta) else timedelta(milliseconds=exact))
    raise _Invalid(
        "a number is read as Unix epoch seconds (10 digits) or milliseconds (13 digits) only"
    )


def _from_text(value: str, context: _Context) -> datetime:
    if len(value) > _MAX_TEXT_LENGTH:
        raise _Invalid(f"longer than {_MAX_TEXT_LENGTH} characters")
    if not value.isascii():
        value = value.translate(_WIDE_TO_ASCII)
    text = " ".join(value.split())
    if not text:
        raise _Invalid("empty")
    for parser in _TEXT_PARSERS:
        result = parser(text, context)
        if result is not None:
            return result
    raise _Invalid("not a supported date format (see docs/dates.md)")


# -- one parser per form, tried in the order of _TEXT_PARSERS -------------------------------------


def _parse_rfc2822(text: str, context: _Context) -> datetime | None:
    """``Sat, 17 Apr 2021 17:10:46 GMT`` / ``+0800`` -- the commonest form, so tried first."""
    match = _RFC2822_RE.fullmatch(text)
    if match is None:
        return None
    weekday, day, month_name, year, hour, minute, second, zone = match.groups()
    month = _MONTHS.get(month_name.lower())
    if month is None:
        return None
    wall = datetime(int(year), month, int(day), int(hour), int(minute), int(second or 0))
    _check_weekday(weekday, wall)
    return _attach_zone(wall, zone, context)


def _parse_iso8601(text: str, context: _Context) -> datetime | None:
    """``2021-04-17``, ``2021-04-17T17:10:46.5+08:00``, ``20210417T171046Z``, ...

    Read by the regex rather than ``datetime.fromisoformat``, which takes much less before
    Python 3.11 (no ``Z``, no basic format) and more from 3.11 on (any separator character,
    week dates, ``+08:60`` read as ``+09:00``).
    """
    match = _ISO8601_RE.fullmatch(text)
    if match is None:
        return None
    if match["hour"] is not None:
        if (match["dash"] == "-") != (match["colon"] == ":"):
            return None  # mixed extended and basic format
        if not match["dash"] and match["sep"] == " ":
            return None  # "20210417 1710" is not ISO 8601
    elif not match["dash"]:
        return None  # a bare "20210417" could as well be a number
    if _reads_as_time_range(match):
        raise _Invalid(
            f"{match['hour']}:{match['minute']}{match['zone']} reads as a time range as well as "
            "a UTC offset; write the offset after seconds or with a 'T' separator"
        )
    fraction = match["fraction"] or ""
    wall = datetime(
        int(match["year"]), int(match["month"]), int(match["day"]), *_clock(match),
        int(fraction[:6].ljust(6, "0")),
    )  # fmt: skip
    return _attach_zone(wall, match["zone"], context)


def _reads_as_time_range(match: re.Match[str]) -> bool:
    """``2021-04-17 10:00-12:00``: a space, no seconds and a negative "offset" later than the
    time itself is a range of hours on a listing page far more often than UTC−12:00."""
    zone = match["zone"]
    if match["sep"] != " " or match["second"] is not None or not zone or zone[0] != "-":
        return False
    digits = zone[1:].replace(":", "")
    if len(digits) != 4:
        return False
    return (int(digits[:2]), int(digits[2:])) > (int(match["hour"]), int(match["minute"]))


def _parse_numeric_ymd(text: str, context: _Context) -> datetime | None:
    """``2021-4-17 7:10``, ``2021/4/17 17:10:46``, ``2019.9.8 22:20``, ``2021/04/17``,
    ``2021-04-17 下午5:10`` (year first, so unambiguous whatever the separator)."""
    match = _NUMERIC_YMD_RE.fullmatch(text)
    if match is None:
        return None
    naive = datetime(int(match["year"]), int(match["month"]), int(match["day"]), *_cjk_clock(match))
    return _attach_zone(naive, match["zone"], context)


def _parse_cjk_ymd(text: str, context: _Context) -> datetime | None:
    """``2021年4月17日 17:10``, ``2021 年 4 月 17 日``, ``2019年9月8日6时42分``, ``… 下午5:10``."""
    match = _CJK_YMD_RE.fullmatch(text)
    if match is None:
        return None
    naive = datetime(int(match["year"]), int(match["month"]), int(match["day"]), *_cjk_clock(match))
    return context.localize(naive)


def _parse_english(text: str, context: _Context) -> datetime | None:
    """``April 17, 2021 5:10 PM``, ``Saturday, 17 April 2021 17:10 +0800``, ``Apr. 17th, 2021``."""
    match = _ENGLISH_RE.fullmatch(text)
    if match is None:
        return None
    month = _MONTHS.get((match["month1"] or match["month2"]).lower())
    if month is None:
        return None
    day = int(match["day1"] or match["day2"])
    hour, minute, second = _clock(match)
    if match["clock_sep"] == "." and match["ampm"] is None:
        return None  # "17.10" alone: a time only with AM/PM, else left to the rejection rules
    hour = _ampm_hour(hour, match["ampm"])
    naive = datetime(int(match["year"]), month, day, hour, minute, second)
    _check_weekday(match["weekday"], naive)
    return _attach_zone(naive, match["zone"], context)


def _parse_epoch_text(text: str, context: _Context) -> datetime | None:
    """``1618650646`` (seconds), ``1618650646000`` (milliseconds), optionally with a fraction."""
    match = _EPOCH_RE.fullmatch(text)
    if match is None:
        return None
    whole = int(match["whole"])
    fraction = match["fraction"] or ""
    if len(match["whole"]) == 10:
        exact = timedelta(seconds=whole, microseconds=int(fraction[:6].ljust(6, "0")))
    else:
        exact = timedelta(milliseconds=whole, microseconds=int(fraction[:3].ljust(3, "0")))
    return _from_epoch(whole, exact)


def _parse_relative(text: str, context: _Context) -> datetime | None:
    """``刚刚``; ``5分钟前``, ``两小时前``, ``半小时前``, ``10个小时前``, ``1周前``,
    ``2 hours ago``; ``今天 08:15``, ``昨天下午3点``, ``前天 …``, ``yesterday 10:00``;
    a bare ``下午5:10`` (today).

    ``N天前`` is exactly N × 24 hours before now (``N周前`` N × 7 × 24 hours); ``今天``/``昨天``/
    ``前天`` name the calendar day of now in the context zone.
    """
    if text == "刚刚" or text.lower() == "just now":
        return context.require_now(repr(text))
    match = _AGO_RE.fullmatch(text) or _ENGLISH_AGO_RE.fullmatch(text)
    if match is not None:
        now = context.require_now(f"{text!r}")
        count, unit = match["count"].lower(), match["unit"].lower()
        if count == "半":
            if unit not in ("小时", "小時"):
                raise _Invalid(f"{text!r}: only 半小时 (half an hour) is read with 半")
            return now - timedelta(minutes=30)
        step = _AGO_UNITS.get(unit) or _ENGLISH_AGO_UNITS[unit]
        number = _CJK_COUNTS.get(count) or (1 if count in ("a", "an", "one") else int(count))
        return now - step * number
    match = _DAY_WORD_RE.fullmatch(text)
    if match is not None:
        if match["word"] is None and match["period"] is None:
            return None  # a bare "17:10" or "10点": which day is never assumed
        now = context.require_now(f"{text!r}")
        clock = _cjk_clock(match)
        result = _on_day_of(now, _DAYS_BACK[match["word"] or "今天"], clock, context)
        if match["word"] is None and result > now:
            raise _Invalid(f"{text!r} without a day is later than now: today's or yesterday's?")
        return result
    match = _ENGLISH_DAY_WORD_RE.fullmatch(text)
    if match is not None:
        now = context.require_now(f"{text!r}")
        hour, minute, second = _clock(match)
        clock = (_ampm_hour(hour, match["ampm"]), minute, second)
        return _on_day_of(now, _DAYS_BACK[match["word"].lower()], clock, context)
    return None


def _on_day_of(
    now: datetime, days_back: int, clock: tuple[int, int, int], context: _Context
) -> datetime:
    """The wall *clock* time on the calendar day *days_back* before now's day in the zone."""
    day = now.astimezone(context.zone).date() - timedelta(days=days_back)
    return context.localize(datetime(day.year, day.month, day.day, *clock))


def _parse_yearless(text: str, context: _Context) -> datetime | None:
    """``4月17日 17:10``, ``4月17日``, ``04-17 17:10``.

    The year is now's (in the context zone), or the previous one if that would put the date
    more than a day after now.
    """
    match = _CJK_MD_RE.fullmatch(text) or _DASH_MD_RE.fullmatch(text)
    if match is None:
        return None
    return _resolve_yearless(match, _cjk_clock(match), context)


def _resolve_yearless(
    match: re.Match[str], clock: tuple[int, int, int], context: _Context
) -> datetime:
    now = context.require_now("a date without a year")
    month, day = int(match["month"]), int(match["day"])
    # Raises for 13月, 4月31日, ... but not for 2月29日 (2000 is a leap year).
    date(2000, month, day)
    this_year = now.astimezone(context.zone).year
    for year in (this_year, this_year - 1):
        if month == 2 and day == 29 and not _is_leap(year):
            continue
        candidate = context.localize(datetime(year, month, day, *clock))
        if candidate <= now + _YEARLESS_AHEAD:
            return candidate
    raise _Invalid(f"no {month}月{day}日 in {this_year} or {this_year - 1} up to a day after now")


def _reject_day_month_ambiguous(text: str, context: _Context) -> datetime | None:
    """``04/05/2021``, ``17.04.21``, ``4/17 17:10``: which number is the day is a guess."""
    if _DAY_MONTH_AMBIGUOUS_RE.fullmatch(text) is None:
        return None
    raise _Invalid(
        "a numeric date must start with a four-digit year (day/month order is ambiguous)"
    )


class _CjkParserInfo(parserinfo):
    """dateutil's vocabulary plus the Chinese date words: 年/月/日/号/时/分/秒 as separators,
    上午/下午 as am/pm."""

    JUMP = [*parserinfo.JUMP, "年", "月", "日", "号", "时", "分", "秒", "星期", "周"]  # noqa: RUF012
    # dateutil takes tuples of any length here; its type stubs say pairs
    AMPM = [("am", "a", "上午", "早上"), ("pm", "p", "下午", "晚上")]  # type: ignore[list-item]  # noqa: RUF012


_DATEUTIL_INFO: Final = _CjkParserInfo()
#: Two defaults that differ in year, month and day: a field dateutil filled in from its default
#: shows up as two different results, and the value is rejected instead of guessed.
_DATEUTIL_DEFAULTS: Final = (datetime(2000, 1, 1), datetime(2001, 2, 2))
_FOUR_DIGIT_YEAR_RE: Final = re.compile(r"(?<!\d)\d{4}(?!\d)", re.ASCII)
#: ``2014-04-19T`` (a truncated ISO 8601 value) and other ``…T…`` variants; not ``17th``.
_ISO_LIKE_RE: Final = re.compile(r"\d[Tt](?![A-Za-z])", re.ASCII)
#: ``11.59`` (dateutil reads it as 11 h + 0.59 h and keeps only the hour): never its business.
_DOTTED_NUMBER_RE: Final = re.compile(r"(?<![:\d])\d{1,2}\.\d", re.ASCII)
#: A year-first numeric date: the explicit readers take its complete forms, so what is left
#: (``2021-04-17 17``, an hour without minutes) is truncated, not dateutil's to complete.
_YMD_PREFIX_RE: Final = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", re.ASCII)
#: "GMT+3" means UTC-3 to dateutil (POSIX); too easy to misread either way.
_POSIX_OFFSET_RE: Final = re.compile(r"(?:GMT|UTC|UT)\s*[+-]\d", re.ASCII | re.IGNORECASE)


def _dateutil_zone(name: str | None, offset: int | None) -> tzinfo | None:
    """``tzinfos`` for dateutil: the same zone names as the explicit forms, nothing else."""
    if name is not None:
        return timezone(_zone_offset(name))
    if offset is not None:
        return timezone(timedelta(seconds=offset))
    return None  # no zone in the text: naive, read in the caller's tz


def _parse_with_dateutil(text: str, context: _Context) -> datetime | None:
    """Any other form python-dateutil reads *unambiguously and completely*
    (``2021.04.17 17:10``, ``17-Apr-2021 17:10``, ``Apr 17 2021 17:10:46 +0800`` …).

    Guarded so that dateutil never guesses: a four-digit year must be written; the value is read
    with two different defaults and with day-first on and off, and all readings must agree (a
    missing field or a day/month that could be either gives differing readings); never fuzzy;
    zone names are the explicit forms' names, and ``GMT+3``-style offsets are refused.
    """
    if (
        _FOUR_DIGIT_YEAR_RE.search(text) is None
        or _POSIX_OFFSET_RE.search(text)
        or _ISO_LIKE_RE.search(text)  # odd ISO 8601 variants stay rejected, see docs/dates.md
        or _DOTTED_NUMBER_RE.search(text)
        or _YMD_PREFIX_RE.match(text)
        or not text.isascii()  # Chinese forms are read by the explicit readers or not at all
        or not text.isprintable()
    ):
        return None
    readings: set[datetime] = set()
    for default, dayfirst in (
        (_DATEUTIL_DEFAULTS[0], False),
        (_DATEUTIL_DEFAULTS[1], False),
        (_DATEUTIL_DEFAULTS[0], True),
    ):
        try:
            reading = dateutil_parser.parse(
                text,
                parserinfo=_DATEUTIL_INFO,
                default=default,
                dayfirst=dayfirst,
                fuzzy=False,
                tzinfos=_dateutil_zone,
            )
        except _Invalid:
            raise  # a zone name the explicit forms refuse (CST, BST ...)
        except Exception:  # ParserError, ValueError, OverflowError ...: not dateutil's form
            return None
        readings.add(reading)
    if len(readings) != 1:
        raise _Invalid("some date fields are missing or ambiguous (day/month order)")
    reading = readings.pop()
    if reading.tzinfo is None:
        return context.localize(reading)
    return reading.astimezone(_UTC)


_TEXT_PARSERS: Final[tuple[_TextParser, ...]] = (
    _parse_rfc2822,
    _parse_iso8601,
    _parse_numeric_ymd,
    _parse_cjk_ymd,
    _parse_english,
    _parse_epoch_text,
    _parse_relative,
    _parse_yearless,  # after the dash forms above: "04-17 17:10" has no year
    _reject_day_month_ambiguous,
    _parse_with_dateutil,  # last: the general reader, for the rarer unambiguous forms
)


# -- shared helpers -------------------------------------------------------------------------------


def _clock(match: re.Match[str]) -> tuple[int, int, int]:
    """Hour, minute, second of a match with optional ``hour``/``minute``/``second`` groups."""
    if match["hour"] is None:
        return 0, 0, 0
    return int(match["hour"]), int(match["minute"]), int(match["second"] or 0)


def _cjk_clock(match: re.Match[str]) -> tuple[int, int, int]:
    """Hour, minute, second of a match that may hold :data:`_CJK_CLOCK`'s groups (``6时42分``,
    ``10点05``, a period word) as well as ``hour``/``minute``/``second``."""
    groups = match.groupdict()
    hour_w = groups.get("hour_w")
    if hour_w is not None:
        minute = groups["minute_w"] or groups["minute_bare"] or 0
        hour, minute, second = int(hour_w), int(minute), int(groups["second_w"] or 0)
    else:
        hour, minute, second = _clock(match)
    period = groups.get("period")
    if period is not None:
        hour = _twelve_hour(period, hour)
    return hour, minute, second


#: The 12-hour hours each period word is read with, and what is added to them.  What is left out
#: is rejected as a guess: 上午12点 (noon to some, midnight to others), 晚上12点 (which day?),
#: 凌晨12点, 晚上1点, and any 24-hour hour after a period word (下午15:00).
_PERIOD_HOURS: Final[dict[str, tuple[range, int]]] = {
    "凌晨": (range(0, 7), 0),
    "上午": (range(1, 12), 0),
    "中午": (range(11, 13), 0),
    "下午": (range(1, 12), 12),
    "晚上": (range(6, 12), 12),
}


def _twelve_hour(period: str, hour: int) -> int:
    """The 24-hour hour of *hour* after the period word *period* (``下午5`` → 17)."""
    if period == "中午" and hour in (1, 2):
        return hour + 12
    if period == "下午" and hour == 12:
        return 12  # 下午12:30 is half past noon, as 12-hour clocks write it
    hours, add = _PERIOD_HOURS[period]
    if hour not in hours:
        raise _Invalid(f"{period}{hour}点 is not a clear time of day")
    return hour + add


def _ampm_hour(hour: int, ampm: str | None) -> int:
    """The 24-hour hour of an English 12-hour *hour* with ``a``/``p`` (or none: 24-hour)."""
    if ampm is None:
        return hour
    if not 1 <= hour <= 12:
        raise _Invalid(f"hour {hour} with AM/PM")
    return hour % 12 + (12 if ampm in "Pp" else 0)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _check_weekday(name: str | None, naive: datetime) -> None:
    if name is None:
        return
    weekday = _WEEKDAYS.get(name.lower())
    if weekday is None:
        raise _Invalid(f"{name!r} is not a weekday name")
    if weekday != naive.weekday():
        # One of the two is wrong and nothing says which.
        raise _Invalid(f"{naive:%Y-%m-%d} is a {_WEEKDAY_NAMES[naive.weekday()]}, not {name!r}")


def _attach_zone(wall: datetime, zone: str | None, context: _Context) -> datetime:
    """Read the naive *wall* time at the offset or zone name found in the text, or in the
    context zone when the text has none."""
    if zone is None:
        return context.localize(wall)
    # The instant as UTC, by arithmetic: faster than creating and attaching a tzinfo.
    return _EPOCH + (wall - _zone_offset(zone) - _NAIVE_EPOCH)


def _zone_offset(zone: str) -> timedelta:
    """The UTC offset a ``+0800`` / ``-05:00`` / ``+08`` or a zone name in the text stands for."""
    if zone[0] in "+-":
        digits = zone[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:] or 0)
        if hours > 23 or minutes > 59:
            raise _Invalid(f"{zone!r} is not a UTC offset")
        # RFC 2822's "-0000" (UTC, the sender's own zone unknown) is just UTC here.
        seconds = hours * 3600 + minutes * 60
        return timedelta(0, -seconds if zone[0] == "-" else seconds)
    name = zone.upper()
    if name in _AMBIGUOUS_ZONE_NAMES:
        raise _Invalid(
            f"zone name {zone!r} is ambiguous (China Standard Time +0800 or US Central "
            "-0600); use a numeric offset"
        )
    offset = _ZONE_OFFSETS.get(name)
    if offset is None:
        raise _Invalid(f"unknown zone name {zone!r}; use a numeric offset")
    return offset


def _localize(naive: datetime, zone: tzinfo) -> datetime:
    """Read *naive* as wall time in *zone*; refuse times a daylight-saving change makes unclear."""
    localize = getattr(zone, "localize", None)
    if callable(localize):
        # A pytz zone: replace(tzinfo=...) would silently use its local mean time offset.
        try:
            aware = localize(naive, is_dst=None)
        except Exception as exc:  # pytz's AmbiguousTimeError / NonExistentTimeError
            raise _Invalid(f"{naive} is ambiguous or does not exist in {zone}") from exc
        if not isinstance(aware, datetime) or aware.utcoffset() is None:
            raise _Invalid(f"{zone!r} did not give a UTC offset for {naive}")
        return aware
    early, late = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    offset = early.utcoffset()
    if offset is None:
        raise _Invalid(f"{zone!r} gives no UTC offset for {naive}")
    if offset != late.utcoffset():
        raise _Invalid(
            f"{naive:%Y-%m-%d %H:%M:%S} is ambiguous or skipped in {zone} "
            "(a daylight-saving change); give a UTC offset"
        )
    return early


def _check_plausible(instant: datetime, context: _Context) -> None:
    if instant < _EARLIEST:
        raise _Invalid(f"{instant:%Y-%m-%d %H:%M:%S} UTC is before 1990-01-01, not plausible")
    if context.now is not None and instant - context.now > _MAX_AHEAD:
        raise _Invalid(
            f"{instant:%Y-%m-%d %H:%M:%S} UTC is more than a year after now "
            f"({context.now:%Y-%m-%d %H:%M:%S} UTC), not plausible"
        )


def _show(value: object) -> str:
    """``repr(value)`` cut to a readable length (and safe for any object)."""
    try:
        shown = repr(value)
    except Exception:  # a hostile __repr__, or an int too long for str()
        shown = f"<{type(value).__name__} value>"
    return shown if len(shown) <= _MAX_SHOWN else f"{shown[: _MAX_SHOWN - 3]}..."
