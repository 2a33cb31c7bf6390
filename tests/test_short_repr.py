"""``repr()``/``str()`` of every model stay short (SPEC §4), and the data stays in the fields."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

import zakerclean
from zakerclean.models import Article, CleanReport, Failure, Image, Video

from .conftest import corpus_posts, post_ids, requires_corpus

POSTS = corpus_posts()
LIMIT = 500


def test_longest_possible_article_repr_is_short() -> None:
    long = "长" * 200
    article = Article(
        title=long, title_raw=long, url="http://h.example/" + "a" * 300, author=long,
        source=long, feed=long, categories=(long,) * 4,
        published=datetime(2021, 1, 1, tzinfo=timezone.utc), published_raw=long,
        cover=Image(url=long), images=(Image(url=long),) * 9, videos=(Video(url=long),),
        html="<p>" + long * 50 + "</p>", text=long * 40, lang="zh", char_count=8000,
        fingerprint="f" * 32, meta={"a": 1},
        report=CleanReport(steps=(("structure", 1),) * 20, warnings=(long,) * 30),
    )  # fmt: skip
    for shown in (repr(article), str(article)):
        assert len(shown) <= LIMIT
        assert "html=<10007 chars>" in shown
        assert "<9 Image>" in shown
    assert len(article.html) == 10007  # elided in the repr only
    for model in (
        article.report,
        Image(url=long, alt=long, still_url=long, width=1, height=2, animated=True),
        Video(url=long, poster=long, provider=long),
        Failure(source=long, error_type="FrontMatterError", message=long * 5),
    ):
        assert len(repr(model)) <= LIMIT and len(str(model)) <= LIMIT


def test_short_values_are_shown_whole() -> None:
    assert repr(Image(url="http://h.example/a.jpg", width=10)) == (
        "Image(url='http://h.example/a.jpg', width=10)"
    )


@requires_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("path", POSTS, ids=post_ids(POSTS))
def test_corpus_reprs_are_short(path: Path) -> None:
    article = zakerclean.parse_file(path)
    for model in (article, article.report, *article.images, *article.videos):
        assert len(repr(model)) <= LIMIT and len(str(model)) <= LIMIT
    assert repr(article).startswith("Article(") and f"<{len(article.text)} chars>" in repr(article)
