"""The errors zakerclean raises on bad input.

Every error the library raises because of its *input* is a ``ZakerCleanError``, which is a
``ValueError``, so callers can catch one type in a pipeline and record the rest.  Each
subclass names what went wrong and where (a line and column, a byte position, an option name).
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "DateParseError",
    "DecodeError",
    "EmptyInputError",
    "FeedError",
    "FrontMatterError",
    "InputTooLargeError",
    "InvalidOptionsError",
    "ParseLimitError",
    "PageStructureError",
    "ZakerCleanError",
]


def _where(line: int | None, column: int | None) -> str:
    """`` at line L, column C`` (or less) for an error message; empty when the line is unknown."""
    if line is None:
        return ""
    return f" at line {line}" + (f", column {column}" if column is not None else "")


class ZakerCleanError(ValueError):
    """Base class of every error zakerclean raises on bad input or bad options.

    Errors cross process pools (``--jobs``, Dask), so every subclass must survive ``pickle``
    with its type, message and fields unchanged.  Python's default pickles ``type(self)(*args)``,
    which calls ``__init__`` again with the *finished* message: a subclass that builds its message
    from fields (``InputTooLargeError(size, limit)``) then fails to unpickle — breaking the pool —
    or prefixes the message a second time.  ``__reduce__`` here restores the instance as it is,
    without calling ``__init__``, so a new subclass needs nothing to be picklable.
    """

    def __reduce__(self) -> tuple[object, ...]:
        return (_restore_error, (type(self), self.args, dict(self.__dict__)))


def _restore_error(
    kind: type[ZakerCleanError], args: tuple[object, ...], fields: dict[str, object]
) -> ZakerCleanError:
    """Unpickle an error: the same type, ``args`` (the message) and fields, ``__init__`` skipped
    because it would rebuild the message from what is already the message."""
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(fields)
    return error


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
        super().__init__(f"front matter{_where(line, column)}: {problem}")
        self.problem = problem
        self.line = line
        self.column = column


class DateParseError(ZakerCleanError):
    """A date value could not be read, is ambiguous or implausible, or needs ``now``."""


class InvalidOptionsError(ZakerCleanError):
    """A ``CleanOptions`` field has an invalid value."""


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


class FeedError(ZakerCleanError):
    """A feed given to ``parse_feed`` cannot be read as RSS or Atom.

    Raised for the whole feed when it is not well-formed XML, its root is not ``rss``,
    ``rdf:RDF`` or an Atom ``feed``, or its DTD declares or references entities (never expanded,
    for safety).  Inside a feed, an item with neither a title nor content becomes a ``Failure``
    of this type.  ``line`` and ``column`` are 1-based positions in the decoded text, when known.
    """

    def __init__(self, problem: str, *, line: int | None = None, column: int | None = None) -> None:
        super().__init__(f"feed{_where(line, column)}: {problem}")
        self.problem = problem
        self.line = line
        self.column = column


class PathGivenAsDataError(ZakerCleanError):
    """``parse`` was given what looks like a file name (``"post.md"``), not the post itself.

    Read a file with ``parse_file(path)``; ``parse`` takes the text or bytes of a post.
    """


class ArchiveError(ZakerCleanError):
    """A ``.zip``/``.tar``/``.tar.gz`` input, or one of its members, cannot be read safely: a
    corrupt archive, a member whose name leaves the archive (``../x.md``, ``/etc/x.md``), a link
    or device member, an encrypted member, a member over ``CleanOptions.max_bytes`` or one that
    expands too much for its compressed size (a zip bomb).  One record per such member."""
