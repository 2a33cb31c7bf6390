"""Tricky date strings (issue 16, SPEC §5): each is read exactly or rejected, never read wrong.

Every string here was written for this file. A row's expected value is either the exact instant
(an aware datetime; equality compares instants) or ``REJECT``: ``parse_date`` raises
``DateParseError``, which ``parse`` turns into ``published=None`` plus a warning.
"""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

import zakerclean
from zakerclean.dates import parse_date
from zakerclean.errors import DateParseError

UTC = timezone.utc
SHANGHAI = ZoneInfo("Asia/Shanghai")
#: Saturday 2021-04-17 18:00 in Shanghai (10:00 UTC).
NOW = datetime(2021, 4, 17, 18, 0, tzinfo=SHANGHAI)
REJECT = None


def sh(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    """Wall time in Shanghai, the default ``tz``."""
    return datetime(year, month, day, hour, minute, second, tzinfo=SHANGHAI)


# -- the repros of issue 16 -----------------------------------------------------------------------

ISSUE_16 = [
    ("2019.09.07 09:14", sh(2019, 9, 7, 9, 14)),
    ("2019.9.8 22:20", sh(2019, 9, 8, 22, 20)),
    ("2019年9月8日6时42分", sh(2019, 9, 8, 6, 42)),
    ("2015年04月08日10点05", sh(2015, 4, 8, 10, 5)),
    ("下午5:10", sh(2021, 4, 17, 17, 10)),
    ("两小时前", sh(2021, 4, 17, 16, 0)),
    ("半小时前", sh(2021, 4, 17, 17, 30)),
    ("10个小时前", sh(2021, 4, 17, 8, 0)),
    ("10分鐘前", sh(2021, 4, 17, 17, 50)),
    ("1周前", sh(2021, 4, 10, 18, 0)),
    ("2 hours ago", sh(2021, 4, 17, 16, 0)),
    ("yesterday 10:00", sh(2021, 4, 16, 10, 0)),
    ("22 June 2016 11.59 am", sh(2016, 6, 22, 11, 59)),  # was 11:00
    ("2014-04-19T", REJECT),  # was midnight
    # a range of hours, or UTC-12:00? (was read as the offset)
    ("2021-04-17 10:00-12:00", REJECT),
    ("2021-04-17 10:00 -12:00", REJECT),
    ("2021-04-17T10:00-12:00", datetime(2021, 4, 17, 22, 0, tzinfo=UTC)),  # ISO 8601's T
    ("2021-04-17 10:00:00-12:00", datetime(2021, 4, 17, 22, 0, tzinfo=UTC)),  # seconds
    ("2021-04-17 15:00-05:00", datetime(2021, 4, 17, 20, 0, tzinfo=UTC)),  # ends before
]

# -- every form SPEC §5 lists ---------------------------------------------------------------------

SPEC_FORMS = [
    ("Sat, 17 Apr 2021 17:10:46 GMT", datetime(2021, 4, 17, 17, 10, 46, tzinfo=UTC)),
    ("2021-04-17T17:10:46+08:00", sh(2021, 4, 17, 17, 10, 46)),
    ("2021-04-17 17:10", sh(2021, 4, 17, 17, 10)),
    ("2021-04-17 17:10:46", sh(2021, 4, 17, 17, 10, 46)),
    ("2021/4/17 17:10", sh(2021, 4, 17, 17, 10)),
    ("2019.9.8 22:20", sh(2019, 9, 8, 22, 20)),
    ("2021年4月17日 17:10", sh(2021, 4, 17, 17, 10)),
    ("2021 年 4 月 17 日", sh(2021, 4, 17)),
    ("2019年9月8日6时42分", sh(2019, 9, 8, 6, 42)),
    ("2015年04月08日10点05", sh(2015, 4, 8, 10, 5)),
    ("2021年4月17日 10点", sh(2021, 4, 17, 10, 0)),
    ("2021年4月17日 上午9:30", sh(2021, 4, 17, 9, 30)),
    ("2021年4月17日 下午5:10", sh(2021, 4, 17, 17, 10)),
    ("2021年4月17日 中午12:15", sh(2021, 4, 17, 12, 15)),
    ("2021年4月17日 晚上8点", sh(2021, 4, 17, 20, 0)),
    ("2021年4月17日 凌晨2点", sh(2021, 4, 17, 2, 0)),
    ("下午5:10", sh(2021, 4, 17, 17, 10)),
    ("4月17日 17:10", sh(2021, 4, 17, 17, 10)),
    ("04-17 17:10", sh(2021, 4, 17, 17, 10)),
    ("刚刚", NOW),
    ("30秒前", sh(2021, 4, 17, 17, 59, 30)),
    ("5分钟前", sh(2021, 4, 17, 17, 55)),
    ("5分鐘前", sh(2021, 4, 17, 17, 55)),
    ("3小时前", sh(2021, 4, 17, 15, 0)),
    ("3个小时前", sh(2021, 4, 17, 15, 0)),
    ("两小时前", sh(2021, 4, 17, 16, 0)),
    ("半小时前", sh(2021, 4, 17, 17, 30)),
    ("2天前", sh(2021, 4, 15, 18, 0)),
    ("2周前", sh(2021, 4, 3, 18, 0)),
    ("今天 08:15", sh(2021, 4, 17, 8, 15)),
    ("昨天 08:15", sh(2021, 4, 16, 8, 15)),
    ("前天 08:15", sh(2021, 4, 15, 8, 15)),
    ("5 minutes ago", sh(2021, 4, 17, 17, 55)),
    ("3 hours ago", sh(2021, 4, 17, 15, 0)),
    ("2 days ago", sh(2021, 4, 15, 18, 0)),
    ("yesterday 23:05", sh(2021, 4, 16, 23, 5)),
    ("1618650646", datetime(2021, 4, 17, 9, 10, 46, tzinfo=UTC)),
    ("1618650646000", datetime(2021, 4, 17, 9, 10, 46, tzinfo=UTC)),
]

# -- tricky strings -------------------------------------------------------------------------------

TRICKY = [
    # truncated or odd ISO 8601
    ("2021-04-17T", REJECT),
    ("20210417T", REJECT),
    ("2021-04-17T17:", REJECT),
    ("2021-04-17T17:10:", REJECT),
    ("2021-04-17 17", REJECT),  # an hour without minutes: truncated
    ("2021-04-17 17:", REJECT),
    ("2021-04-17T17:10:46+08", sh(2021, 4, 17, 17, 10, 46)),
    ("2021-4-17T17:10", sh(2021, 4, 17, 17, 10)),
    ("2021.4.17.", REJECT),
    # 24:00 and other impossible fields
    ("2021-04-17 24:00", REJECT),
    ("2021-04-17T24:00:00Z", REJECT),
    ("2021年4月17日 24:00", REJECT),
    ("2021年4月17日 10点60分", REJECT),
    ("2021-02-30", REJECT),
    ("2021年2月30日", REJECT),
    ("Feb 30, 2021", REJECT),
    ("2021.13.1", REJECT),
    ("2021.4.31", REJECT),
    ("2月30日", REJECT),
    ("2020-02-29 12:00", sh(2020, 2, 29, 12, 0)),
    # English 12 am / 12 pm
    ("April 17, 2021 12:00 AM", sh(2021, 4, 17, 0, 0)),
    ("April 17, 2021 12:00 PM", sh(2021, 4, 17, 12, 0)),
    ("April 17, 2021 12:30 am", sh(2021, 4, 17, 0, 30)),
    ("April 17, 2021 0:30 am", REJECT),
    ("April 17, 2021 13:10 pm", REJECT),
    ("17 April 2021 11.59 pm", sh(2021, 4, 17, 23, 59)),
    ("17 April 2021 11.59", REJECT),  # a dotted time only with AM/PM
    ("17-Apr-2021 17.10", REJECT),  # dateutil would read 17.10 as 17 h + 0.10 h
    ("yesterday 11:59 pm", sh(2021, 4, 16, 23, 59)),
    ("yesterday 12:00 am", sh(2021, 4, 16, 0, 0)),
    ("Yesterday at 9:05", sh(2021, 4, 16, 9, 5)),
    # two-digit years
    ("19.9.8 22:20", REJECT),
    ("21年4月17日", REJECT),
    ("17 Apr 21", REJECT),
    ("21-04-17 10:00", REJECT),
    # full-width digits and punctuation (read; the rest of the text is never normalised here)
    ("２０２１年４月１７日 １７：１０", sh(2021, 4, 17, 17, 10)),
    ("２０２１－０４－１７", sh(2021, 4, 17)),
    ("２０１９.９.８ ２２：２０", sh(2019, 9, 8, 22, 20)),
    ("１０分钟前", sh(2021, 4, 17, 17, 50)),
    # mixed scripts
    ("2021-04-17 下午5:10", sh(2021, 4, 17, 17, 10)),
    ("2021.04.17 下午 5:10", sh(2021, 4, 17, 17, 10)),
    ("4月17日 下午5:10", sh(2021, 4, 17, 17, 10)),
    ("2021年4月17日 5:10 PM", REJECT),
    ("2021年April17日", REJECT),
    # period words
    ("2021年4月17日 上午12点", REJECT),  # noon to some, midnight to others
    ("2021年4月17日 上午11点", sh(2021, 4, 17, 11, 0)),
    ("2021年4月17日 上午0点", REJECT),
    ("2021年4月17日 凌晨12点", REJECT),
    ("2021年4月17日 凌晨0点30分", sh(2021, 4, 17, 0, 30)),
    ("2021年4月17日 晚上12点", REJECT),  # midnight of which day?
    ("2021年4月17日 晚上1点", REJECT),
    ("2021年4月17日 晚上11:59", sh(2021, 4, 17, 23, 59)),
    ("2021年4月17日 中午1点", sh(2021, 4, 17, 13, 0)),
    ("2021年4月17日 中午5点", REJECT),
    ("2021年4月17日 下午12:30", sh(2021, 4, 17, 12, 30)),
    ("2021年4月17日 下午15:00", REJECT),  # a 24-hour hour after a period word
    ("2021年4月17日 下午", REJECT),
    ("下午", REJECT),
    ("上午9:00", sh(2021, 4, 17, 9, 0)),
    ("凌晨1点", sh(2021, 4, 17, 1, 0)),
    ("下午11:59", REJECT),  # later than now today: today's or yesterday's?
    ("晚上11点", REJECT),
    # 时/点/分/秒
    ("2021年4月17日6时42分10秒", sh(2021, 4, 17, 6, 42, 10)),
    ("2021年04月17日 17时10分46秒", sh(2021, 4, 17, 17, 10, 46)),
    ("2021年4月17日 6时", sh(2021, 4, 17, 6, 0)),
    ("2021年4月17日10点5分", sh(2021, 4, 17, 10, 5)),
    ("2021年4月17日10点5", REJECT),  # 10:05 or 10:50? a bare minute needs two digits
    ("2021年4月17日10点半", REJECT),
    ("10点", REJECT),  # no day, no period word
    ("17:10", REJECT),
    # day words
    ("前天 10:00", sh(2021, 4, 15, 10, 0)),
    ("昨天 下午3点", sh(2021, 4, 16, 15, 0)),
    ("昨天晚上9点30分", sh(2021, 4, 16, 21, 30)),
    ("今天 上午9点", sh(2021, 4, 17, 9, 0)),
    ("明天 10:00", REJECT),
    ("tomorrow 10:00", REJECT),
    ("今天", REJECT),
    ("刚刚 10:00", REJECT),
    ("just now", NOW),
    # relative counts and units
    ("一小时前", sh(2021, 4, 17, 17, 0)),
    ("十分钟前", sh(2021, 4, 17, 17, 50)),
    ("兩小時前", sh(2021, 4, 17, 16, 0)),
    ("两天前", sh(2021, 4, 15, 18, 0)),
    ("3 天前", sh(2021, 4, 14, 18, 0)),
    ("1个星期前", sh(2021, 4, 10, 18, 0)),
    ("半天前", REJECT),
    ("半周前", REJECT),
    ("5分前", REJECT),
    ("3个月前", REJECT),
    ("1年前", REJECT),
    ("an hour ago", sh(2021, 4, 17, 17, 0)),
    ("1 day ago", sh(2021, 4, 16, 18, 0)),
    ("3 weeks ago", sh(2021, 3, 27, 18, 0)),
    ("45 secs ago", sh(2021, 4, 17, 17, 59, 15)),
    ("2 months ago", REJECT),
    ("hours ago", REJECT),
    # ranges
    ("2019年9月8日-9日", REJECT),
    ("2019年9月8日至9月10日", REJECT),
    ("2021-04-17 ~ 2021-04-18", REJECT),
    ("2021年4月17日 10:00-12:00", REJECT),
    # weekdays
    ("Fri, 17 Apr 2021", REJECT),  # 17 April 2021 was a Saturday
    ("Friday, April 17, 2021", REJECT),
    ("Saturday, April 17, 2021", sh(2021, 4, 17)),
    ("2021年4月17日 星期五", REJECT),
    ("2021年4月17日 星期六", REJECT),  # weekdays after Chinese dates are not read
    ("周六 2021-04-17", REJECT),
    # year-less edge
    ("4月18日 17:10", sh(2021, 4, 18, 17, 10)),  # within a day ahead: this year
    ("4月19日 17:10", sh(2020, 4, 19, 17, 10)),  # further ahead: last year
    # epoch-like and other digits
    ("1618650646.5", datetime(2021, 4, 17, 9, 10, 46, 500000, tzinfo=UTC)),
    ("161865064", REJECT),
    ("2021", REJECT),
]

ALL = ISSUE_16 + SPEC_FORMS + TRICKY


def test_the_table_is_large_and_has_both_outcomes() -> None:
    assert len(TRICKY) >= 60
    assert sum(want is REJECT for _, want in TRICKY) >= 30
    assert sum(want is not REJECT for _, want in TRICKY) >= 30
    assert len({value for value, _ in TRICKY}) == len(TRICKY)


@pytest.mark.parametrize(("value", "want"), ALL, ids=[value for value, _ in ALL])
def test_read_exactly_or_rejected(value: str, want: datetime | None) -> None:
    if want is REJECT:
        with pytest.raises(DateParseError, match="cannot read"):
            parse_date(value, now=NOW)
    else:
        got = parse_date(value, now=NOW)
        assert got == want
        assert got.tzinfo is UTC


NEEDS_NOW = [
    "下午5:10", "两小时前", "半小时前", "10个小时前", "10分鐘前", "1周前", "2 hours ago",
    "yesterday 10:00", "昨天 下午3点", "just now",
]  # fmt: skip


@pytest.mark.parametrize("value", NEEDS_NOW)
def test_new_relative_forms_need_now(value: str) -> None:
    with pytest.raises(DateParseError, match="needs `now`"):
        parse_date(value)


def test_a_bare_period_time_is_today_in_tz() -> None:
    # 00:30 in Shanghai: today is already the 17th although UTC is on the 16th.
    now = datetime(2021, 4, 17, 0, 30, tzinfo=SHANGHAI)
    assert parse_date("凌晨0点10分", now=now) == sh(2021, 4, 17, 0, 10)
    # ... and in tz="UTC" it is the 16th, at 16:30 UTC.
    assert parse_date("下午3:10", now=now, tz="UTC") == datetime(2021, 4, 16, 15, 10, tzinfo=UTC)


@pytest.mark.parametrize("value", [value for value, want in ALL if want is REJECT])
def test_a_rejected_date_in_a_post_is_unread_with_a_warning(value: str) -> None:
    article = zakerclean.parse(f'---\ntitle: t\ndate: "{value}"\n---\n<p>正文</p>', now=NOW)
    assert article.published is None
    assert any("date not read" in w for w in article.report.warnings)
