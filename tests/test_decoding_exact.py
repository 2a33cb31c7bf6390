"""Decoding errors name the byte, counted in the whole input (a BOM included), exactly."""

from __future__ import annotations

import codecs

import pytest

from zakerclean.errors import DecodeError
from zakerclean.readers.decoding import decode_bytes


@pytest.mark.parametrize(
    ("data", "message", "position"),
    [
        (codecs.BOM_UTF8 + b"ab\xffcd", "input declared as utf-8 has an invalid byte at position 5", 5),
        (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "input declared as utf-16-le has an invalid byte at position 4", 4),
        (codecs.BOM_UTF32_BE + b"\x00\x00\x00a\xff\xff\xff\xff", "input declared as utf-32-be has an invalid byte at position 8", 8),
    ],
)  # fmt: skip
def test_an_invalid_byte_after_a_bom(data: bytes, message: str, position: int) -> None:
    with pytest.raises(DecodeError) as caught:
        decode_bytes(data)
    assert (str(caught.value), caught.value.position) == (message, position)


@pytest.mark.parametrize(
    ("bom", "text"),
    [
        (codecs.BOM_UTF8, "正文"),
        (codecs.BOM_UTF16_LE, "正文"),
        (codecs.BOM_UTF16_BE, "正文"),
        (codecs.BOM_UTF32_LE, "正文"),
        (codecs.BOM_UTF32_BE, "正文"),
    ],
)
def test_a_bom_decides_and_is_dropped(bom: bytes, text: str) -> None:
    codec = {
        codecs.BOM_UTF8: "utf-8",
        codecs.BOM_UTF16_LE: "utf-16-le",
        codecs.BOM_UTF16_BE: "utf-16-be",
        codecs.BOM_UTF32_LE: "utf-32-le",
        codecs.BOM_UTF32_BE: "utf-32-be",
    }[bom]
    assert decode_bytes(bom + text.encode(codec)) == (text, [])
