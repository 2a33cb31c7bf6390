"""SPEC §3 guarantees on EVERY real post: idempotent, nothing lost, clean — for both sanitizers."""

from __future__ import annotations

from pathlib import Path

import pytest

import zakerclean
from zakerclean import Article, CleanOptions
from zakerclean.dom import parse_fragment
from zakerclean.readers.frontmatter import split_front_matter

from .checks import (
    clean_problems,
    html_text,
    output_text_without_additions,
    squeeze,
    strip_rule_one,
    visible_input_text,
)
from .conftest import corpus_posts, post_ids, requires_corpus

POSTS = corpus_posts()
SANITIZERS = ["nh3", "bleach"]
PROXY = "https://cors.zfour.workers.dev/?"
LAZY_ORDER = ("data-gif-url", "data-original", "data-src", "data-actualsrc", "src")

pytestmark = [requires_corpus, pytest.mark.parametrize("path", POSTS, ids=post_ids(POSTS))]


def _body(path: Path) -> str:
    split = split_front_matter(path.read_text(encoding="utf-8"))
    assert split is not None
    return split[1]


def _parse(path: Path, sanitizer: str) -> Article:
    return zakerclean.parse_file(path, options=CleanOptions(sanitizer=sanitizer))  # type: ignore[arg-type]


def _expected_image_urls(body: str, source: str | None = None) -> list[str]:
    """Input images (outside boilerplate and the source's furniture), URL picked
    independently of the image rule."""
    root = parse_fragment(body)
    strip_rule_one(root, source)
    urls = []
    for img in root.iter("img"):
        for name in LAZY_ORDER:
            value = (img.get(name) or "").strip()
            if value and not value.startswith("data:"):
                while value.startswith(PROXY):
                    value = value[len(PROXY) :]
                if value.startswith("//"):
                    value = "https:" + value
                urls.append(value)
                break
    return urls


@pytest.mark.parametrize("sanitizer", SANITIZERS)
def test_idempotent(path: Path, sanitizer: str) -> None:
    article = _parse(path, sanitizer)
    options = CleanOptions(sanitizer=sanitizer)  # type: ignore[arg-type]
    assert zakerclean.clean_html(article.html, options=options) == article.html
    again = zakerclean.parse(article.to_hexo(), options=options)
    assert (again.html, again.title, again.published) == (
        article.html,
        article.title,
        article.published,
    )
    assert again.model_dump(exclude={"report"}) == article.model_dump(exclude={"report"})


@pytest.mark.parametrize("sanitizer", SANITIZERS)
def test_nothing_lost(path: Path, sanitizer: str) -> None:
    article = _parse(path, sanitizer)
    visible = squeeze(visible_input_text(_body(path), article.source))
    assert squeeze(output_text_without_additions(article.text)) == visible
    assert squeeze(html_text(article.html)) == squeeze(article.text)


def test_every_image_is_kept_in_order(path: Path) -> None:
    article = zakerclean.parse_file(path)
    assert [image.url for image in article.images] == _expected_image_urls(
        _body(path), article.source
    )
    for image in article.images:
        assert PROXY not in image.url
        if image.still_url is not None:
            assert image.animated and image.url.endswith(".gif")


@pytest.mark.parametrize("sanitizer", SANITIZERS)
def test_clean(path: Path, sanitizer: str) -> None:
    article = _parse(path, sanitizer)
    assert clean_problems(article.html) == []
    if article.cover is not None:
        assert PROXY not in article.cover.url
