"""The typed results of zakerclean: ``Article``, ``Image``, ``Video``, ``CleanReport``, ``Failure``.

All models are frozen pydantic v2 models: hashable where their fields are, JSON-serializable
(``model_dump_json``), picklable, and described by ``model_json_schema()``.
"""

from __future__ import annotations

import json
import warnings
from datetime import datetime
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "FLAGS",
    "INTERNAL_ERROR",
    "Article",
    "CleanReport",
    "Credits",
    "Failure",
    "Flag",
    "Image",
    "Video",
]

_CHANNEL_DEPRECATED = (
    "Article.channel is now Article.feed (the feed the post came from); "
    "channel is a deprecated alias and goes in the next release"
)

_FROZEN = ConfigDict(frozen=True, extra="forbid")
#: Fields a short repr names by size only: the data stays in the field and the JSON.
_ELIDED = frozenset({"html", "text", "meta"})
#: Fields a short repr leaves out: the input's spelling of what ``title``/``published`` hold.
_HIDDEN = frozenset({"title_raw", "published_raw"})
_CLIP = 120  #: characters of a string field shown in a repr (an image's URL, a message)
_ARTICLE_CLIP = 24  #: ... and in an article's, which has nine such fields
_ITEMS = 2  #: items of a tuple field shown in a repr


class _Summary:
    """Stands in a repr for a long value: ``<8731 chars>``, ``(Image(...), … 5 more)``."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _short(value: Any, clip: int = _CLIP) -> Any:
    """``value`` as a short repr shows it: long strings clipped, long tuples cut."""
    if isinstance(value, str) and len(value) > clip:
        return _Summary(repr(value[:clip]) + "…")
    if isinstance(value, tuple) and len(value) > _ITEMS:
        shown = ", ".join(repr(_short(item, clip)) for item in value[:_ITEMS])
        return _Summary(f"({shown}, … {len(value) - _ITEMS} more)")
    return value


class _Model(BaseModel):
    """Base of the models: ``repr()``/``str()`` stay short (SPEC §4: under ~500 characters), so
    a notebook or a log line printing a list of articles is readable; default-valued fields are
    left out, long values clipped and ``html``/``text``/``meta`` named by their size."""

    def __repr_args__(self) -> Any:
        clip = _ARTICLE_CLIP if isinstance(self, Article) else _CLIP
        for name, field in type(self).model_fields.items():
            value = getattr(self, name)
            if name in _HIDDEN or value == field.get_default(call_default_factory=True):
                continue
            if name in _ELIDED:
                yield name, _Summary(f"<{len(value)} {'keys' if name == 'meta' else 'chars'}>")
            elif isinstance(value, BaseModel):
                yield name, _Summary(f"{type(value).__name__}(…)")
            elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
                yield name, _Summary(f"<{len(value)} {type(value[0]).__name__}>")
            elif isinstance(value, datetime):
                yield name, _Summary(value.isoformat())
            else:
                yield name, _short(value, clip)


#: ``Failure.error_type`` of an exception that is a bug in zakerclean, not the input's fault.
INTERNAL_ERROR = "InternalError"


class Image(_Model):
    """One image of the article, in document order.

    ``animated`` is true for gifs; when ZAKER offered both an animated and a still version,
    ``url`` is the animated one and ``still_url`` the still (``data-original``).
    """

    model_config = _FROZEN

    url: str
    width: int | None = None
    height: int | None = None
    alt: str | None = None
    animated: bool = False
    still_url: str | None = None

    def _repr_html_(self) -> str:
        """The notebook display (sanitized HTML, see :mod:`zakerclean.writers.display`)."""
        from .writers.display import image_html

        return image_html(self)


class Video(_Model):
    """A video: a playable file (``<video>``) or an embedded player page (an iframe's URL).

    ``provider`` is the host of ``url`` without a leading ``www.`` (``v.qq.com``).
    """

    model_config = _FROZEN

    url: str
    poster: str | None = None
    provider: str | None = None

    def _repr_html_(self) -> str:
        """The notebook display (sanitized HTML, see :mod:`zakerclean.writers.display`)."""
        from .writers.display import video_html

        return video_html(self)


class CleanReport(_Model):
    """What cleaning did, in the spirit of ftfy's ``fix_and_explain``.

    ``steps`` lists ``(rule, count)`` in run order for every rule that changed something;
    ``warnings`` lists what was recovered or dropped and why.
    """

    model_config = _FROZEN

    steps: tuple[tuple[str, int], ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """True when any rule changed anything."""
        return bool(self.steps)

    def count(self, rule: str) -> int:
        """How many changes ``rule`` made (0 when it made none)."""
        return sum(n for name, n in self.steps if name == rule)

    def _repr_html_(self) -> str:
        """The notebook display (sanitized HTML, see :mod:`zakerclean.writers.display`)."""
        from .writers.display import report_html

        return report_html(self)


#: What a post may be instead of an article (SPEC §10); ``Article.flags`` holds them sorted.
Flag = Literal["deleted", "empty", "media_only", "placeholder", "teaser"]
#: The flag vocabulary, sorted.
FLAGS: tuple[str, ...] = get_args(Flag)


class Credits(_Model):
    """The credit lines of the body, read as fields (SPEC §10; ``docs/signals.md``).

    Read from the leading and trailing credit lines only (``责任编辑：…``, ``来源 | …``,
    ``新华社记者…``, ``… 摄``), never from a caption or running text; every value is kept as
    written (``泽南、小舟`` is one value) and the lines stay in ``Article.text``.  ``editor``,
    ``reporter`` and ``photographer`` hold one value per credit line, in order.
    """

    model_config = _FROZEN

    editor: tuple[str, ...] = ()
    reporter: tuple[str, ...] = ()
    origin: str | None = None
    original_title: str | None = None
    photographer: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in type(self).model_fields)


class Article(_Model):
    """A cleaned article.  See ``docs/api.md`` for every field's meaning."""

    model_config = _FROZEN

    title: str | None = None
    title_raw: str | None = None
    url: str | None = None
    author: str | None = None
    source: str | None = None
    #: the feed the post came from (the third category); formerly ``channel``
    feed: str | None = None
    categories: tuple[str, ...] = ()
    published: datetime | None = None
    published_raw: str | None = None
    cover: Image | None = None
    images: tuple[Image, ...] = ()
    videos: tuple[Video, ...] = ()
    html: str = ""
    text: str = ""
    lang: str = "und"
    char_count: int = 0
    fingerprint: str = ""
    meta: dict[str, Any] = Field(default_factory=dict)
    flags: tuple[Flag, ...] = ()
    credits: Credits = Field(default_factory=Credits)
    report: CleanReport = Field(default_factory=CleanReport)

    @model_validator(mode="before")
    @classmethod
    def _channel_is_feed(cls, data: Any) -> Any:
        """Records written before ``feed`` replaced ``channel`` still load (with a warning)."""
        if isinstance(data, dict) and "channel" in data:
            # 3: past pydantic's __init__/model_validate, at the caller's line
            warnings.warn(_CHANNEL_DEPRECATED, DeprecationWarning, stacklevel=3)
            data = dict(data)
            channel = data.pop("channel")
            data.setdefault("feed", channel)
        return data

    @property
    def channel(self) -> str | None:
        """Deprecated alias of :attr:`feed` (read-only; removed in the next release)."""
        warnings.warn(_CHANNEL_DEPRECATED, DeprecationWarning, stacklevel=2)
        return self.feed

    @field_validator("published")
    @classmethod
    def _published_is_aware_utc(cls, value: datetime | None) -> datetime | None:
        if value is not None and (value.tzinfo is None or value.utcoffset() is None):
            raise ValueError("published must be timezone-aware")
        return value

    @field_validator("flags")
    @classmethod
    def _flags_sorted(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(set(value)))

    def to_hexo(self) -> str:
        """Render the article as a Hexo post that ``zakerclean.parse`` reads back to it."""
        from .writers.hexo import article_to_hexo

        return article_to_hexo(self)

    def to_markdown(self) -> str:
        """Render the article as Markdown (title heading, then the body)."""
        from .writers.markdown import article_to_markdown

        return article_to_markdown(self)

    def _repr_html_(self) -> str:
        """The summary Jupyter/IPython show for an article: title, source, date, cover, the
        first paragraphs and the report, as sanitized HTML (see :mod:`zakerclean.writers.display`).
        """
        from .writers.display import article_html

        return article_html(self)

    def to_record(self) -> dict[str, Any]:
        """A flat dict of scalars for DataFrames and JSONL; column names are stable.

        Lists become JSON strings or counts so that every value is a scalar.
        """
        return {
            "title": self.title,
            "title_raw": self.title_raw,
            "url": self.url,
            "author": self.author,
            "source": self.source,
            "feed": self.feed,
            "categories": json.dumps(list(self.categories), ensure_ascii=False),
            "published": self.published,
            "published_raw": self.published_raw,
            "cover_url": self.cover.url if self.cover else None,
            "image_count": len(self.images),
            "image_urls": json.dumps([i.url for i in self.images], ensure_ascii=False),
            "video_count": len(self.videos),
            "video_urls": json.dumps([v.url for v in self.videos], ensure_ascii=False),
            "html": self.html,
            "text": self.text,
            "lang": self.lang,
            "char_count": self.char_count,
            "fingerprint": self.fingerprint,
            "meta": json.dumps(self.meta, ensure_ascii=False, default=str, sort_keys=True),
            "flags": json.dumps(list(self.flags)),
            "credit_editor": json.dumps(list(self.credits.editor), ensure_ascii=False),
            "credit_reporter": json.dumps(list(self.credits.reporter), ensure_ascii=False),
            "credit_origin": self.credits.origin,
            "credit_original_title": self.credits.original_title,
            "credit_photographer": json.dumps(list(self.credits.photographer), ensure_ascii=False),
            "changes": sum(n for _, n in self.report.steps),
            "warnings": len(self.report.warnings),
        }


class Failure(_Model):
    """An input that could not be parsed, in a batch or a feed.

    ``source`` is the path, or for a feed item ``"item N"`` / its link.
    """

    model_config = _FROZEN

    source: str
    error_type: str
    message: str

    @classmethod
    def from_exception(cls, source: str, error: BaseException) -> Failure:
        """Describe ``error`` (a ``ZakerCleanError`` or an ``OSError``) raised while reading
        ``source``: the input's fault."""
        return cls(source=source, error_type=type(error).__name__, message=str(error))

    @classmethod
    def from_bug(cls, source: str, error: BaseException) -> Failure:
        """Describe an exception that is a bug in zakerclean, not the input's fault: record type
        ``InternalError``, with the exception's type and message (SPEC §6)."""
        return cls(
            source=source,
            error_type=INTERNAL_ERROR,
            message=f"{type(error).__name__}: {error} (a bug in zakerclean, please report it)",
        )

    @property
    def is_internal(self) -> bool:
        """True when the failure is a bug in zakerclean, not bad input."""
        return self.error_type == INTERNAL_ERROR

    def _repr_html_(self) -> str:
        """The summary Jupyter/IPython show for a failure: source, error type and message, as
        sanitized HTML (see :mod:`zakerclean.writers.display`).
        """
        from .writers.display import failure_html

        return failure_html(self)

    def to_record(self) -> dict[str, Any]:
        """The CLI's error record: ``{"path": ..., "error": {"type": ..., "message": ...}}``."""
        return {"path": self.source, "error": {"type": self.error_type, "message": self.message}}
