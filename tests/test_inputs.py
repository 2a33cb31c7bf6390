"""Input checks: size, emptiness, binary data, decoding (SPEC §2, §6)."""

from __future__ import annotations

import pytest

import zakerclean
from zakerclean import (
    BinaryInputError,
    CleanOptions,
    DecodeError,
    EmptyInputError,
    InputTooLargeError,
    InvalidOptionsError,
)


@pytest.mark.parametrize("data", ["", "   \n\t ", b"", b"\n\n"])
def test_empty_input_raises(data: str | bytes) -> None:
    with pytest.raises(EmptyInputError):
        zakerclean.parse(data)


def test_input_over_the_limit_raises_before_parsing() -> None:
    options = CleanOptions(max_bytes=1000)
    with pytest.raises(InputTooLargeError, match="1,000"):
        zakerclean.parse("<p>" + "字" * 400 + "</p>", options=options)  # 1,207 bytes in UTF-8
    with pytest.raises(InputTooLargeError):
        zakerclean.parse(b"x" * 1001, options=options)
    assert zakerclean.parse("<p>" + "x" * 900 + "</p>", options=options).char_count == 900


def test_nul_bytes_are_binary_input() -> None:
    with pytest.raises(BinaryInputError, match="position 3"):
        zakerclean.parse("<p>\x00</p>")


def test_gb18030_bytes_are_decoded() -> None:
    assert zakerclean.parse("<p>中文内容</p>".encode("gb18030")).text == "中文内容"


def test_declared_charset_is_used() -> None:
    data = '<meta charset="gbk"><p>声明的编码</p>'.encode("gbk")
    assert zakerclean.parse(data).text == "声明的编码"


def test_invalid_bytes_give_a_typed_error_with_position() -> None:
    with pytest.raises(DecodeError) as info:
        zakerclean.parse(b"<p>ok</p>\xff\xff\xff")
    assert info.value.position == 9


def test_control_characters_are_removed_with_a_warning() -> None:
    article = zakerclean.parse("<p>a\x01b</p>")
    assert article.text == "ab"
    assert article.report.warnings


def test_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        zakerclean.parse(123)  # type: ignore[arg-type]


def test_options_are_validated_and_immutable() -> None:
    options = CleanOptions()
    with pytest.raises(AttributeError):
        options.sanitizer = "bleach"  # type: ignore[misc]
    with pytest.raises(InvalidOptionsError, match="sanitizer"):
        CleanOptions(sanitizer="html5lib")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionsError, match="max_bytes"):
        CleanOptions(max_bytes=0)
    with pytest.raises(InvalidOptionsError, match="proxies"):
        CleanOptions(proxies="https://p/?")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionsError, match="tz"):
        CleanOptions(tz="Mars/Olympus")
    with pytest.raises(InvalidOptionsError, match="no option"):
        options.replace(colour="red")
    changed = options.replace(sanitizer="bleach")
    assert changed.sanitizer == "bleach" and options.sanitizer == "nh3"
    assert hash(options) == hash(CleanOptions())


@pytest.mark.parametrize("base", ["javascript:alert(1)", "/relative", "example.com", ""])
def test_base_url_argument_is_validated(base: str) -> None:
    with pytest.raises(InvalidOptionsError, match="base_url"):
        zakerclean.parse("<p>x</p>", base_url=base)
    with pytest.raises(InvalidOptionsError, match="base_url"):
        zakerclean.clean_html("<p>x</p>", base_url=base)


def test_post_link_is_the_base_only_when_it_is_a_web_url() -> None:
    post = "---\ntitle: t\nlink: '{link}'\n---\n<p><a href='/a'>a</a></p>\n"
    web = zakerclean.parse(post.format(link="https://site.example/news/1.html"))
    assert 'href="https://site.example/a"' in web.html
    odd = zakerclean.parse(post.format(link="javascript:alert(1)"))
    assert 'href="/a"' in odd.html and odd.url is None and odd.meta["link"] == "javascript:alert(1)"
