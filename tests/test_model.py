"""The Article model: frozen, serializable, round-trips through to_hexo()."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from pydantic import ValidationError

import zakerclean
from zakerclean import Article, Failure, parse
from zakerclean.models import Credits

from .conftest import EXAMPLES


def example(name: str) -> Article:
    return zakerclean.parse_file(EXAMPLES / name)


def without_report(article: Article) -> dict[str, object]:
    return article.model_dump(exclude={"report"})


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.md")), ids=lambda p: p.name)
def test_examples_round_trip_through_hexo(path: Path) -> None:
    article = zakerclean.parse_file(path)
    again = zakerclean.parse(article.to_hexo())
    assert without_report(again) == without_report(article)


def test_article_is_frozen_and_picklable() -> None:
    article = example("zaker-solar-roof.md")
    with pytest.raises(ValidationError):  # frozen instance
        article.title = "changed"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(article)) == article


def test_json_round_trip() -> None:
    article = example("zaker-solar-roof.md")
    assert Article.model_validate_json(article.model_dump_json()) == article


def test_schema_lists_every_field() -> None:
    schema = Article.model_json_schema()
    for name in (
        "title",
        "title_raw",
        "url",
        "author",
        "source",
        "feed",
        "categories",
        "published",
        "published_raw",
        "cover",
        "images",
        "videos",
        "html",
        "text",
        "lang",
        "char_count",
        "fingerprint",
        "meta",
        "report",
    ):
        assert name in schema["properties"], name


def test_to_record_is_flat_and_json_serializable() -> None:
    record = example("zaker-solar-roof.md").to_record()
    assert all(not isinstance(v, (list, dict, tuple)) for v in record.values())
    assert record["image_count"] == 2
    assert record["source"] == "ZAKER"
    json.dumps(record, default=str)


def test_gif_still_survives_the_round_trip() -> None:
    article = example("zaker-solar-roof.md")
    gif = article.images[1]
    assert gif.animated and gif.still_url and gif.url.endswith("_raw.gif")
    assert zakerclean.parse(article.to_hexo()).images[1] == gif


def test_fingerprint_ignores_spacing_and_quote_style() -> None:
    a = zakerclean.parse('<p>他说 " 好 " 的</p>')
    b = zakerclean.parse("<p>他说“好”的</p>")
    assert a.fingerprint == b.fingerprint
    assert a.fingerprint != zakerclean.parse("<p>他说“坏”的</p>").fingerprint


def test_lang_and_char_count() -> None:
    article = zakerclean.parse("<p>中文 text</p><p>更多</p>")
    assert article.lang == "zh"
    assert article.char_count == len("中文text更多")
    assert zakerclean.parse("<p>An English sentence only.</p>").lang == "en"


def test_failure_record_shape() -> None:
    failure = Failure.from_exception("a.md", zakerclean.EmptyInputError("empty"))
    assert failure.to_record() == {
        "path": "a.md",
        "error": {"type": "EmptyInputError", "message": "empty"},
    }


def test_markdown_rendering() -> None:
    markdown = example("zaker-solar-roof.md").to_markdown()
    assert markdown.startswith("# 小区屋顶装上光伏板")
    assert "![](http://zkres1.myzaker.com/202104/demo0001_1024.jpg)" in markdown
    assert "**一共装了 1200 块板子**" in markdown


@pytest.mark.parametrize("key", ["link", "url"])
@pytest.mark.parametrize("value", ["javascript:alert(1)", " JaVa\tscript:x", "data:text/html,<b>"])
def test_unsafe_article_link_is_not_a_url(key: str, value: str) -> None:
    article = zakerclean.parse(f"---\ntitle: t\n{key}: '{value}'\n---\n<p>正文</p>")
    assert article.url is None
    assert article.meta[key] == value
    assert any("is not a safe URL" in w for w in article.report.warnings)
    again = zakerclean.parse(article.to_hexo())
    assert again.url is None and again.meta == article.meta


@pytest.mark.parametrize("value", ["https://www.myzaker.com/article/1", "/article/1"])
def test_web_and_relative_article_links_are_kept(value: str) -> None:
    article = zakerclean.parse(f"---\ntitle: t\nlink: '{value}'\n---\n<p>正文</p>")
    assert article.url == value and "link" not in article.meta


@pytest.mark.parametrize(
    ("credits", "truthy"),
    [
        (Credits(), False),
        (Credits(editor=("甲",)), True),
        (Credits(reporter=("乙",)), True),
        (Credits(origin="新华社"), True),
        (Credits(original_title="原来的标题"), True),
        (Credits(photographer=("丙",)), True),
        (Credits(origin=""), False),
    ],
)
def test_credits_are_truthy_when_any_field_is_set(credits: Credits, truthy: bool) -> None:
    assert bool(credits) is truthy


def test_a_bug_is_described_as_one() -> None:
    failure = Failure.from_bug("a.md", KeyError("x"))
    assert failure.source == "a.md"
    assert failure.error_type == "InternalError" and failure.is_internal
    assert failure.message == "KeyError: 'x' (a bug in zakerclean, please report it)"
    assert not Failure(source="b.md", error_type="FrontMatterError", message="m").is_internal


def test_the_notebook_displays_of_articles_and_failures() -> None:
    assert "<" in parse("<p>正文</p>")._repr_html_()
    assert "a.md" in Failure.from_bug("a.md", KeyError("x"))._repr_html_()
