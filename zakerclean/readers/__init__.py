"""Readers: one module per input shape, each turning raw input into one typed ``Document``.

Data flows one way (``docs/decisions.md``): readers → document → engine → model → writers.
A reader never cleans HTML and never builds an ``Article``; it only finds the body and the
metadata of its shape and says what it had to recover (``Document.warnings``).
"""

from __future__ import annotations

from collections.abc import Callable

from .document import Document
from .fragment import read_fragment
from .hexo import read_hexo
from .page import read_page

__all__ = ["READERS", "Document", "read_document"]

#: The shapes ``parse`` detects, in the order it tries them (SPEC §2).  Each reader returns a
#: ``Document``, or ``None`` when the text is not its shape; the fragment reader takes the rest.
READERS: tuple[Callable[[str], Document | None], ...] = (read_hexo, read_page)


def read_document(text: str) -> Document:
    """The document in decoded ``text``, read by the first reader whose shape it has."""
    for reader in READERS:
        document = reader(text)
        if document is not None:
            return document
    return read_fragment(text)
