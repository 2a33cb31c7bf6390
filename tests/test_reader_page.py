"""``clean --format html`` pages are a reader view (SPEC §11): the page itself, and in headless
Chromium at a phone's and a desktop's width, no horizontal overflow on any real post."""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import zakerclean
from zakerclean.models import Article, Image
from zakerclean.writers.page import article_page

from .conftest import corpus_posts

CHROMIUM = shutil.which("chromium")


def test_page_has_metadata_referrer_policy_and_no_script() -> None:
    article = Article(
        title="标题<一>", source="cnBeta", feed="最新", author="某人",
        url="https://a.example/1.html", lang="zh", html="<p>正文</p>",
        published=datetime(2021, 10, 5, 3, 4, tzinfo=timezone.utc),
    )  # fmt: skip
    page = article_page(article, tz=timezone(timedelta(hours=8)))
    assert '<meta name="referrer" content="no-referrer">' in page
    assert "<script" not in page.lower() and "<h1>标题&lt;一&gt;</h1>" in page
    assert (
        '<p class="meta">cnBeta · 最新 · 某人 · <time datetime="2021-10-05T11:04:00+08:00">'
        '2021-10-05 11:04+08:00</time> · <a href="https://a.example/1.html">原文</a></p>'
    ) in page


def test_page_never_links_a_script_url() -> None:
    page = article_page(Article(url="javascript:alert(1)", html="<p>x</p>"))
    assert "javascript:" not in page and 'class="meta"' not in page


def _png(width: int, height: int) -> bytes:
    """A blank PNG of ``width`` × ``height``: what every picture request gets in the test."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\0" + b"\xff" * 3 * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    # In CI (ZAKERCLEAN_REQUIRE_BROWSER=1, as for the XSS check) a missing browser fails.
    required = os.environ.get("ZAKERCLEAN_REQUIRE_BROWSER", "") not in ("", "0")
    if CHROMIUM is None:
        if required:
            pytest.fail("ZAKERCLEAN_REQUIRE_BROWSER is set but chromium is missing")
        pytest.skip("needs chromium (run .ci/install-browser as root)")
    if required:
        import playwright.sync_api as playwright
    else:
        playwright = pytest.importorskip("playwright.sync_api")
    picture = _png(1080, 60)
    with playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        tab = browser.new_page()
        # nothing leaves the machine: every request (pictures) gets the same wide PNG
        tab.route("**/*", lambda route: route.fulfill(body=picture, content_type="image/png"))
        yield tab
        browser.close()


def _articles() -> list[Article]:
    wide = Article(
        title="宽图",
        images=(Image(url="http://h.example/wide.jpg", width=1080),),
        html='<figure><img src="http://h.example/wide.jpg" width="1080" height="60"></figure>'
        "<p>" + "http://h.example/" + "a" * 300 + "</p><pre>" + "x" * 300 + "</pre>"
        "<table><tr>" + "<td>格子内容</td>" * 40 + "</tr></table>",
    )
    return [wide, *(zakerclean.parse_file(path) for path in corpus_posts())]


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_no_horizontal_overflow(page: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    overflowing = []
    for article in _articles():
        page.set_content(article_page(article), wait_until="load")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            overflowing.append((article.title, scroll))
    assert overflowing == []


def test_clean_html_pages_show_published_in_the_tz_option(tmp_path: Path) -> None:
    """``clean --format html`` shows ``published`` in ``--tz`` (Asia/Shanghai by default)."""
    from zakerclean.runners.cli import main

    post = tmp_path / "in" / "a.md"
    post.parent.mkdir()
    post.write_text(
        "---\ntitle: 时区\ndate: Sat, 17 Apr 2021 17:10:46 GMT\n---\n<p>正文。</p>\n",
        encoding="utf-8",
    )
    shown = {}
    for zone in ("Asia/Shanghai", "UTC", "America/New_York"):
        out = tmp_path / zone.replace("/", "-")
        assert main(["clean", str(post.parent), "--format", "html", "-o", str(out),
                     "--tz", zone, "--no-progress"]) == 0  # fmt: skip
        shown[zone] = (out / "a.html").read_text(encoding="utf-8")
    assert 'datetime="2021-04-18T01:10:46+08:00"' in shown["Asia/Shanghai"]
    assert 'datetime="2021-04-17T17:10:46+00:00"' in shown["UTC"]
    assert 'datetime="2021-04-17T13:10:46-04:00"' in shown["America/New_York"]
