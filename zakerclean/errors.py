"""The errors zakerclean raises on bad input.

Every error the library raises because of its *input* is a :class:`ZakerCleanError`, which is a
:class:`ValueError`, so callers can catch one type in a pipeline and record the rest.  Each
subclass names what went wrong and where (a line and column, a byte position, an option name).
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "DateParseError",
    "DecodeError",
    "EmptyInputError",
    "FrontMatterError",
    "InputTooLargeError",
    "InvalidOptionsError",
    "ParseLimitError",
    "PageStructureError",
    "ZakerCleanError",
]


class ZakerCleanError(ValueError):
    """Base class of every error zakerclean raises on bad input or bad options."""


class EmptyInputError(ZakerCleanError):
    """The input is empty or holds only whitespace."""


class BinaryInputError(ZakerCleanError):
    """The input is binary data (NUL bytes, control characters), not text."""


class DecodeError(ZakerCleanError):
    """``bytes`` input could not be decoded; the message names the byte position."""

    def __init__(self, message: str, *, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


class InputTooLargeError(ZakerCleanError):
    """The input is larger than ``CleanOptions.max_bytes``."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"input is {size:,} bytes, over the limit of {limit:,} bytes "
            "(raise CleanOptions.max_bytes to accept it)"
        )
        self.size = size
        self.limit = limit


class FrontMatterError(ZakerCleanError):
    """The YAML front matter of a Hexo post is malformed.

    ``line`` and ``column`` are 1-based positions in the whole input (not in the YAML block),
    so an editor can jump straight to them.
    """

    def __init__(self, problem: str, *, line: int | None = None, column: int | None = None) -> None:
        where = ""
        if line is not None:
            where = f" at line {line}" + (f", column {column}" if column is not None else "")
        super().__init__(f"front matter{where}: {problem}")
        self.problem = problem
        self.line = line
        self.column = column


class DateParseError(ZakerCleanError):
    """A date value could not be read, is ambiguous or implausible, or needs ``now``."""


class InvalidOptionsError(ZakerCleanError):
    """A :class:`~zakerclean.CleanOptions` field has an invalid value."""


class ParseLimitError(ZakerCleanError):
    """The HTML parser stopped before the end of the input (nesting deeper than libxml2's limit
    of 2048 levels, for example): the rest could not be read, so nothing is returned at all."""

    def __init__(self, problem: str, *, line: int | None = None, column: int | None = None) -> None:
        where = f" at line {line}, column {column}" if line is not None else ""
        super().__init__(f"HTML parser stopped{where}: {problem}")
        self.line = line
        self.column = column


class PageStructureError(ZakerCleanError):
    """An HTML page does not have the structure its shape requires (e.g. no article body)."""
