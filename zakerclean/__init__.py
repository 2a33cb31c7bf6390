"""zakerclean: messy ZAKER news articles in, clean typed data out.

    >>> import zakerclean
    >>> article = zakerclean.parse_file("post.md")
    >>> article.title, article.published, len(article.images)

Everything public is importable from here; see ``docs/api.md``.
"""

from __future__ import annotations

from .api import clean_html, parse, parse_feed, parse_file
from .dates import parse_date
from .dedup import DuplicateGroup, DuplicateIndex, find_duplicates
from .errors import (
    BinaryInputError,
    DateParseError,
    DecodeError,
    EmptyInputError,
    FeedError,
    FrontMatterError,
    InputTooLargeError,
    InvalidOptionsError,
    PageStructureError,
    ParseLimitError,
    PathGivenAsDataError,
    ZakerCleanError,
)
from .models import Article, CleanReport, Credits, Failure, Image, Video
from .options import DEFAULT_PROXIES, CleanOptions
from .runners.batch import parse_many
from .writers.frames import to_dataframe

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_PROXIES",
    "Article",
    "BinaryInputError",
    "CleanOptions",
    "CleanReport",
    "Credits",
    "DateParseError",
    "DecodeError",
    "DuplicateGroup",
    "DuplicateIndex",
    "EmptyInputError",
    "Failure",
    "FeedError",
    "FrontMatterError",
    "Image",
    "InputTooLargeError",
    "InvalidOptionsError",
    "PageStructureError",
    "ParseLimitError",
    "PathGivenAsDataError",
    "Video",
    "ZakerCleanError",
    "__version__",
    "clean_html",
    "find_duplicates",
    "parse",
    "parse_date",
    "parse_feed",
    "parse_file",
    "parse_many",
    "to_dataframe",
]
