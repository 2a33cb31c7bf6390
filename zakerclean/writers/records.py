"""The records ``zakerclean clean`` writes, and their JSON Schema (``zakerclean schema``).

Every input gives exactly one record (SPEC §7): an article record — ``path`` and then every field
of :class:`~zakerclean.models.Article` — or an error record,
``{"path": ..., "error": {"type": ..., "message": ...}}``, or a skip record for an input left
out of the output (``{"path": ..., "skipped": "flagged", "flags": [...]}``).  The schema is
built from models that mirror those shapes, so what ``clean`` writes and what ``schema``
prints cannot drift apart: a test validates every line ``clean`` writes over the corpus, good
and bad inputs alike.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ..models import Article, Failure, Flag

__all__ = ["article_record", "error_record", "record_schema", "skip_record"]


def article_record(name: str, article: Article) -> dict[str, Any]:
    """The JSON record of an article: its path, then every field of the model."""
    return {"path": name, **article.model_dump(mode="json")}


def error_record(failure: Failure) -> dict[str, Any]:
    """The JSON record of an input that failed (``InternalError`` for a bug in zakerclean)."""
    return failure.to_record()


def skip_record(name: str, reason: str, flags: tuple[str, ...] = ()) -> dict[str, Any]:
    """The JSON record of an input left out of the output: ``{"path", "skipped", "flags"}``."""
    record: dict[str, Any] = {"path": name, "skipped": reason}
    if flags:
        record["flags"] = list(flags)
    return record


class ArticleRecord(Article):
    """An article record: the input's path, then the article's fields."""

    model_config = ConfigDict(title="ArticleRecord", extra="forbid")

    path: str = Field(description="the input: a file path, `-` for stdin, `feed.xml#N` for items")
    duplicate_of: str | None = Field(
        default=None,
        description="with `clean --dedup` only: the path of the first article of the same story "
        "(null for that first article and for unique ones); see SPEC §9",
    )


class ErrorDetail(BaseModel):
    """What went wrong with one input."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field(
        description="the ZakerCleanError subclass or OSError name; InternalError for a bug"
    )
    message: str


class ErrorRecord(BaseModel):
    """An error record: the input's path and what went wrong."""

    model_config = ConfigDict(title="ErrorRecord", extra="forbid")

    path: str
    error: ErrorDetail


class SkipRecord(BaseModel):
    """A skip record: an input that parsed but is left out of the output, and why."""

    model_config = ConfigDict(title="SkipRecord", extra="forbid")

    path: str
    skipped: str = Field(
        description="why the input is left out: `flagged` (`clean --skip-flags`: the article "
        "has one of the flags asked for; see SPEC §10)"
    )
    flags: tuple[Flag, ...] = Field(
        default=(), description="with `skipped: flagged`: every flag of the article"
    )


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one line of ``zakerclean clean``'s JSON Lines."""
    schema = TypeAdapter(ArticleRecord | ErrorRecord | SkipRecord).json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "zakerclean record"
    schema["description"] = (
        "One record per input of `zakerclean clean`: an article record, an error record or a "
        "skip record."
    )
    return schema
