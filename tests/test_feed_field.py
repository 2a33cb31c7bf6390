"""``Article.feed`` (SPEC §4): the third category, formerly ``channel``; the old name is a
deprecated read-only alias for one release, and old records still load."""

from __future__ import annotations

import json
import warnings

import pytest

import zakerclean
from zakerclean import Article
from zakerclean.runners.cli import format_for_person
from zakerclean.writers.records import record_schema

POST = (
    "\n---\ntitle: t\ncategories:\n  - 新媒体\n  - ZAKER\n  - channel\n"
    "date: Sat, 17 Apr 2021 17:10:46 GMT\n---\n<p>正文。</p>\n"
)


def test_the_third_category_is_the_feed() -> None:
    article = zakerclean.parse(POST)
    assert (article.source, article.feed) == ("ZAKER", "channel")
    assert article.to_record()["feed"] == "channel"
    assert "channel" not in article.to_record()
    assert "channel" not in article.model_dump()


def test_channel_is_a_deprecated_read_only_alias() -> None:
    article = zakerclean.parse(POST)
    with pytest.warns(DeprecationWarning, match="Article.feed"):
        assert article.channel == "channel"
    with pytest.raises((AttributeError, TypeError, ValueError)):
        article.channel = "x"  # type: ignore[misc]


def test_records_written_with_channel_still_load_as_feed() -> None:
    old = json.loads(zakerclean.parse(POST).model_dump_json())
    old["channel"] = old.pop("feed")
    with pytest.warns(DeprecationWarning):
        article = Article.model_validate(old)
    assert article.feed == "channel"
    with pytest.warns(DeprecationWarning):
        assert Article(channel="最新").feed == "最新"  # type: ignore[call-arg]


def test_no_warning_without_channel() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        article = zakerclean.parse(POST)
        Article.model_validate(json.loads(article.model_dump_json()))


def test_schema_show_and_display_name_the_feed() -> None:
    properties = record_schema()["$defs"]["ArticleRecord"]["properties"]
    assert "feed" in properties and "channel" not in properties
    article = zakerclean.parse(POST)
    shown = format_for_person(article)
    assert "    source: ZAKER\n" in shown and "      feed: channel\n" in shown
    assert "ZAKER / channel" not in shown
    display = article._repr_html_()
    assert "<strong>Feed:</strong> channel" in display
