"""Hostile and odd inputs end in a result or a ZakerCleanError: never another exception, a hang
or a RecursionError (SPEC §6)."""

from __future__ import annotations

import contextlib
import time

import pytest

import zakerclean
from zakerclean import (
    BinaryInputError,
    CleanOptions,
    DecodeError,
    InputTooLargeError,
    ParseLimitError,
    ZakerCleanError,
)

BIG = CleanOptions(max_bytes=60_000_000)


def test_oversized_input_is_rejected_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def must_not_parse(html: str) -> None:
        raise AssertionError("parsed an input over the limit")

    monkeypatch.setattr("zakerclean.engine.pipeline.parse_fragment", must_not_parse)
    data = "<p>" + "字" * 2_000_000 + "</p>"  # 6 MB of UTF-8, 2 M characters
    with pytest.raises(InputTooLargeError, match="6,000,007 bytes"):
        zakerclean.parse(data)
    with pytest.raises(InputTooLargeError):
        zakerclean.parse(data.encode("utf-8"))
    with pytest.raises(InputTooLargeError):
        zakerclean.clean_html(data)


def test_oversized_file_is_rejected_before_reading(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "big.md"  # type: ignore[operator]
    path.write_bytes(b"x" * 2001)
    with pytest.raises(InputTooLargeError):
        zakerclean.parse_file(path, options=CleanOptions(max_bytes=2000))


@pytest.mark.parametrize(
    "tag",
    ["div", "p", "span", "strong", "a", "blockquote", "ul", "li", "table", "td", "em", "section"],
)
def test_deep_nesting_never_overflows(tag: str) -> None:
    data = f"<p>前</p>{f'<{tag}>' * 100_000}深{f'</{tag}>' * 100_000}<p>后</p>"
    started = time.perf_counter()
    try:
        article = zakerclean.parse(data)
    except ParseLimitError as error:  # libxml2 stops at 2048 levels: said, not hidden
        assert "depth" in str(error)
    else:
        assert "前" in article.text
        assert zakerclean.clean_html(article.html) == article.html
    assert time.perf_counter() - started < 10


def test_nesting_within_the_parser_limit_keeps_all_text() -> None:
    data = "<p>前</p>" + "<blockquote>" * 1500 + "深" + "</blockquote>" * 1500 + "<p>后</p>"
    article = zakerclean.parse(data)
    assert article.text.replace("\n", "") == "前深后"
    assert any("nested deeper than" in w for w in article.report.warnings)


def test_ten_megabyte_text_node() -> None:
    data = "<p>" + "文" * 3_500_000 + "</p><p>后</p>"  # 10.5 MB in UTF-8
    article = zakerclean.parse(data, options=BIG)
    assert article.char_count == 3_500_001


def test_fifty_thousand_images() -> None:
    data = "".join(f'<img src="http://h.example/{i}.jpg">' for i in range(50_000))
    article = zakerclean.parse(data, options=BIG)
    assert len(article.images) == 50_000
    assert article.images[-1].url == "http://h.example/49999.jpg"


@pytest.mark.parametrize("data", ["<p>a\x00b</p>", b"<p>a\x00b</p>", "\x00", b"\x00\x01\x02"])
def test_nul_bytes_are_binary_input(data: str | bytes) -> None:
    with pytest.raises(BinaryInputError):
        zakerclean.parse(data)


def test_lone_surrogates_are_replaced_with_a_warning() -> None:
    article = zakerclean.parse("<p>前\ud800后\udfff</p>")
    assert article.text == "前\ufffd后\ufffd"
    assert article.report.warnings
    assert zakerclean.clean_html("<p>\ud83d</p>") == "<p>\ufffd</p>"


@pytest.mark.parametrize(
    "data", [b"\xff\xfe\xfd<p>x</p>\x81", b"<p>\xc3\x28</p>\xff\xff", b"\x80\xff\xfe\xff"]
)
def test_invalid_utf8_gives_a_result_or_a_typed_error(data: bytes) -> None:
    try:
        zakerclean.parse(data)
    except ZakerCleanError as error:
        assert isinstance(error, (DecodeError, BinaryInputError))


def test_random_binary_blobs_never_raise_anything_else() -> None:
    import random

    rng = random.Random(2026)
    for size in (1, 7, 100, 5000):
        for _ in range(20):
            blob = bytes(rng.randrange(256) for _ in range(size))
            with contextlib.suppress(ZakerCleanError):
                zakerclean.parse(blob)


@pytest.mark.parametrize(
    "data",
    [
        "<",
        "<<<<>>>>",
        "</p></div></body></html>",
        "<html><head><title>t</title></head><body></body></html>",
        "&#0;&#xD800;&#x110000;&#99999999999;",
        "<p>" + "&amp;" * 50_000 + "</p>",
        "<!-- unterminated comment <p>x</p>",
        "<![CDATA[ x ]]><p>y</p>",
        "<?php echo 1; ?><p>z</p>",
        "\ufeff\ufeff<p>两个 BOM</p>",
        "<table>" * 5000,
        "<p " + "a=1 " * 20_000 + ">多属性</p>",
        "<img src='" + "a" * 1_000_000 + "'>",
    ],
)
def test_odd_html_ends_in_a_result_or_a_typed_error(data: str) -> None:
    try:
        article = zakerclean.parse(data)
    except ZakerCleanError:
        return
    assert zakerclean.clean_html(article.html) == article.html
