"""Every real post parses, and its metadata matches its own front matter."""

from __future__ import annotations

from pathlib import Path

import pytest

import zakerclean

from .conftest import corpus_posts, post_ids, requires_corpus

POSTS = corpus_posts()
PROXY = "https://cors.zfour.workers.dev/?"


def _front_matter(path: Path) -> dict[str, str]:
    """Read the front matter independently: line by line, the way the generator wrote it."""
    lines = path.read_text(encoding="utf-8").lstrip("\ufeff\n").split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    fields: dict[str, str] = {}
    categories: list[str] = []
    for line in lines[1:end]:
        if line.lstrip().startswith("- "):
            categories.append(line.lstrip()[2:].strip())
        elif ":" in line:
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip()
    if fields.get("categories", "").startswith("["):
        categories = [c.strip().strip('"') for c in fields["categories"].strip("[]").split(",")]
    fields["_categories"] = "\n".join(categories)
    return fields


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value.replace("&#123;", "{").replace("&#125;", "}")


@requires_corpus
@pytest.mark.parametrize("path", POSTS, ids=post_ids(POSTS))
def test_corpus_post_metadata_matches_front_matter(path: Path) -> None:
    article = zakerclean.parse_file(path)
    fields = _front_matter(path)
    assert article.title_raw == _unquote(fields["title"])  # title: rule 9 restorations
    categories = fields["_categories"].split("\n")
    if len(categories) >= 3:
        assert (article.source, article.feed) == (categories[1], categories[2])
    else:
        source, _, channel = categories[1].partition(" - ")
        assert (article.source, article.feed) == (source, channel)
    published = article.published
    assert published is not None and published.utcoffset() is not None
    assert published.strftime("%a, %d %b %Y %H:%M:%S GMT") == fields["date"]
    headimg = _unquote(fields.get("headimg") or fields.get("thumbnail") or "") or None
    if headimg is None or "picsum.photos" in headimg:
        assert article.cover is None
    else:
        assert article.cover is not None
        assert article.cover.url == headimg.removeprefix(PROXY)
        assert PROXY not in article.cover.url


@requires_corpus
def test_corpus_is_present_and_complete() -> None:
    assert len(POSTS) >= 80
