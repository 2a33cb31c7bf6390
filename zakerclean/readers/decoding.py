"""Turning raw input into text the parser can trust (SPEC §2, §6).

Checks happen before any parsing, cheapest first: the size limit, then decoding (BOM, declared
charset, UTF-8, GB18030), then emptiness and binary content.  Characters XML/HTML trees cannot
hold (lone surrogates, C0 controls other than tab/newline/CR) are replaced or removed *with a
warning*, never silently.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from ..dom import FORBIDDEN_CHARACTERS
from ..errors import BinaryInputError, DecodeError, EmptyInputError, InputTooLargeError

__all__ = ["check_size", "decode_bytes", "prepare_text", "read_text"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._\-]+)["']"""
    rb"""|<meta[^>]*\bcharset\s*=\s*["']?([A-Za-z0-9._\-]+)""",
    re.IGNORECASE,
)
_FORBIDDEN = FORBIDDEN_CHARACTERS
_GB_ALIASES = frozenset({"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"})


def check_size(size: int, limit: int) -> None:
    """Raise :class:`InputTooLargeError` when ``size`` bytes exceed ``limit``."""
    if size > limit:
        raise InputTooLargeError(size, limit)


def _declared_charset(data: bytes) -> tuple[str, str] | None:
    """``(name as declared, codec to read it with)`` of the charset the bytes declare."""
    match = _DECLARED.search(data, 0, 4096)
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    if name in _GB_ALIASES:
        return name, "gb18030"  # a superset: GBK-declared pages often hold GB18030-only characters
    try:
        return name, codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode ``data``: BOM first, then a declared charset, then UTF-8, then GB18030.

    A declared charset is a hint (SPEC §2): real pages declare ``gb2312`` and are stored as
    UTF-8.  Bytes that are valid UTF-8 (and not plain ASCII) are read as UTF-8 whatever is
    declared; bytes not valid in the declared charset are tried as UTF-8 and then GB18030.
    Either way the warning says what was declared and what was used.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], encoding, offset=len(bom)), []
    nul = data.find(b"\x00")
    if nul >= 0:  # no text encoding we read without a BOM has NUL bytes: binary data
        raise BinaryInputError(f"input holds a NUL byte at position {nul}: binary data, not text")
    found = _declared_charset(data)
    name, declared = found if found is not None else ("", None)
    if declared is not None and declared != "utf-8" and not data.isascii():
        # Valid UTF-8 with multi-byte sequences is UTF-8 whatever the page declares: GBK text
        # is practically never valid UTF-8, while GB18030 reads UTF-8 bytes as mojibake
        # without any error.
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return text, [f"input declared as {name} is valid UTF-8: read as utf-8"]
    if declared is not None:
        try:
            return data.decode(declared), []
        except UnicodeDecodeError as error:
            declared_error = error
    candidates = [name for name in ("utf-8", "gb18030") if name != declared]
    first_error: UnicodeDecodeError | None = None
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            first_error = first_error or error
            continue
        if declared is None:
            return text, []
        return text, [
            f"input declared as {name} is not valid {declared} (invalid byte at position "
            f"{declared_error.start}); read as {encoding}"
        ]
    if declared is not None:
        position = declared_error.start
        raise DecodeError(
            f"input declared as {name} has an invalid byte at position {position}, and is "
            f"not {' or '.join(candidates)} either",
            position=position,
        )
    assert first_error is not None
    raise DecodeError(
        f"input is neither UTF-8 nor GB18030: invalid byte "
        f"0x{data[first_error.start]:02x} at position {first_error.start}",
        position=first_error.start,
    )


def _decode(data: bytes, encoding: str, offset: int) -> str:
    """``data`` decoded; an error names the byte's position in the whole input (``offset``:
    the BOM's length)."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        position = offset + error.start
        raise DecodeError(
            f"input declared as {encoding} has an invalid byte at position {position}",
            position=position,
        ) from None


def prepare_text(text: str) -> tuple[str, list[str]]:
    """Check decoded ``text``; return it ready for parsing, with warnings for what was replaced."""
    if not text.strip():
        raise EmptyInputError("input is empty or holds only whitespace")
    nul = text.find("\x00")
    if nul >= 0:
        raise BinaryInputError(
            f"input holds a NUL character at position {nul}: binary data, not text"
        )
    warnings: list[str] = []
    if _FORBIDDEN.search(text):
        count = 0

        def replace(match: re.Match[str]) -> str:
            nonlocal count
            count += 1
            char = match.group()
            return "\ufffd" if "\ud800" <= char <= "\udfff" else ""

        text = _FORBIDDEN.sub(replace, text)
        if count > 8 and count * 100 > len(text):
            raise BinaryInputError(f"input holds {count} control characters: binary data, not text")
        warnings.append(
            f"{count} control character(s) or lone surrogate(s) removed or replaced by U+FFFD"
        )
    return text, warnings


def read_text(
    data: str | bytes,
    max_bytes: int,
    *,
    decode: Callable[[bytes], tuple[str, list[str]]] = decode_bytes,
    caller: str = "parse",
) -> tuple[str, list[str]]:
    """The checked text of one input (``str`` or ``bytes``) and the warnings about it.

    The size limit is checked first (for ``str``, in UTF-8 bytes, but only when it can matter),
    then ``bytes`` are decoded with ``decode``, then :func:`prepare_text` runs.  ``caller``
    names the public function in the ``TypeError`` for any other type.
    """
    decoded: list[str] = []
    if isinstance(data, bytes):
        check_size(len(data), max_bytes)
        text, decoded = decode(data)
    elif isinstance(data, str):
        if len(data) > max_bytes // 4:  # only then can it be over the limit in UTF-8
            check_size(len(data.encode("utf-8", "surrogatepass")), max_bytes)
        text = data
    else:
        raise TypeError(f"{caller}() takes str or bytes, not {type(data).__name__}")
    text, warnings = prepare_text(text)
    return text, decoded + warnings
