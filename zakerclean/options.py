"""``CleanOptions``: the one immutable object that configures zakerclean.

Like ftfy's ``TextFixerConfig``, options are a frozen value: build one, reuse it for every
document (and across threads and processes), derive variants with :meth:`CleanOptions.replace`.
Every field is validated at construction, so a typo fails loudly where it was made, not deep
inside a batch run.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

from .errors import InvalidOptionsError

__all__ = ["DEFAULT_PROXIES", "CleanOptions", "check_base_url"]

#: CORS proxies that RSSHub mirrors put in front of image URLs.  A prefix matches over http and
#: https alike (the scheme is ignored when matching).
DEFAULT_PROXIES: tuple[str, ...] = ("https://cors.zfour.workers.dev/?",)

Sanitizer = Literal["nh3", "bleach"]


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """How zakerclean cleans.  Immutable and hashable; the defaults suit ZAKER posts.

    Attributes:
        proxies: CORS-proxy prefixes stripped from every URL (body and cover), repeatedly.
        sanitizer: the final allowlist sanitizer, ``"nh3"`` (default) or ``"bleach"``
            (needs ``pip install zakerclean[bleach]``).
        remove_boilerplate: drop trailer/tool containers (rule 1).
        detect_captions: turn short caption-like text after an image into ``<figcaption>``.
        decode_redirects: replace ZAKER's ``link.php`` redirector by its decoded target.
        base_url: resolve relative URLs against this URL (``parse(base_url=...)`` overrides it).
        tz: IANA time zone that naive dates are read in.
        max_bytes: inputs larger than this raise ``InputTooLargeError`` before any parsing.
        typography: rule 9 at all (SPEC's switch); when False none of the five below runs.
        curly_quotes: space-padded ASCII quote pairs in CJK text become ``“…”`` (rule 9a).
        cjk_parentheses: ``( x )`` around CJK becomes ``（x）`` (rule 9b, off by default).
        cjk_spacing: drop the spaces between CJK and Latin letters or digits (rule 9c, off by
            default).
        title_quotes: ``这个_基本功_`` in a title becomes ``这个“基本功”`` (``title_raw`` keeps it).
        title_question_marks: a title's trailing ``_`` after 吗/呢/么/吧 becomes ``？``.
    """

    proxies: tuple[str, ...] = DEFAULT_PROXIES
    sanitizer: Sanitizer = "nh3"
    remove_boilerplate: bool = True
    detect_captions: bool = True
    decode_redirects: bool = True
    base_url: str | None = None
    tz: str = "Asia/Shanghai"
    max_bytes: int = 5_000_000
    typography: bool = True
    curly_quotes: bool = True
    cjk_parentheses: bool = False
    cjk_spacing: bool = False
    title_quotes: bool = True
    title_question_marks: bool = True

    def __post_init__(self) -> None:
        if isinstance(self.proxies, str) or not isinstance(self.proxies, (tuple, list, frozenset)):
            raise InvalidOptionsError(
                f"CleanOptions.proxies must be a tuple of URL prefixes, got {self.proxies!r}"
            )
        proxies = tuple(self.proxies)
        for prefix in proxies:
            if not isinstance(prefix, str) or not prefix.startswith(("http://", "https://")):
                raise InvalidOptionsError(
                    f"CleanOptions.proxies: {prefix!r} is not an http(s) URL prefix"
                )
        object.__setattr__(self, "proxies", proxies)
        if self.sanitizer not in ("nh3", "bleach"):
            raise InvalidOptionsError(
                f"CleanOptions.sanitizer must be 'nh3' or 'bleach', got {self.sanitizer!r}"
            )
        for name in (
            "remove_boilerplate",
            "detect_captions",
            "decode_redirects",
            "typography",
            "curly_quotes",
            "cjk_parentheses",
            "cjk_spacing",
            "title_quotes",
            "title_question_marks",
        ):
            if not isinstance(getattr(self, name), bool):
                raise InvalidOptionsError(
                    f"CleanOptions.{name} must be True or False, got {getattr(self, name)!r}"
                )
        check_base_url(self.base_url)
        if not isinstance(self.tz, str) or not _is_time_zone(self.tz):
            raise InvalidOptionsError(f"CleanOptions.tz: unknown IANA time zone {self.tz!r}")
        if (
            isinstance(self.max_bytes, bool)
            or not isinstance(self.max_bytes, int)
            or self.max_bytes < 1
        ):
            raise InvalidOptionsError(
                f"CleanOptions.max_bytes must be a positive integer, got {self.max_bytes!r}"
            )

    def replace(self, **changes: Any) -> CleanOptions:
        """Return a copy with ``changes`` applied (validated like a new instance)."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise InvalidOptionsError(f"CleanOptions has no option(s) {sorted(unknown)}")
        return dataclasses.replace(self, **changes)


def check_base_url(base_url: str | None) -> None:
    """Raise :class:`InvalidOptionsError` unless ``base_url`` is ``None`` or an absolute
    http(s) URL (the ``base_url`` argument of ``parse``/``clean_html`` is checked like the
    option)."""
    if base_url is not None and (
        not isinstance(base_url, str) or not base_url.startswith(("http://", "https://"))
    ):
        raise InvalidOptionsError(f"base_url must be an absolute http(s) URL, got {base_url!r}")


def _is_time_zone(name: str) -> bool:
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(name)
    except Exception:  # ZoneInfoNotFoundError, ValueError for malformed keys
        return False
    return True
