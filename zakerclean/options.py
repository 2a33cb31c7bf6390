"""``CleanOptions``: the one immutable object that configures zakerclean.

Like ftfy's ``TextFixerConfig``, options are a frozen value: build one, reuse it for every
document (and across threads and processes), derive variants with :meth:`CleanOptions.replace`.
Every field is validated at construction, so a typo fails loudly where it was made, not deep
inside a batch run.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import InvalidOptionsError

__all__ = ["DEFAULT_PROXIES", "OPTION_HELP", "SWITCHES", "CleanOptions", "check_base_url"]

#: CORS proxies that RSSHub mirrors put in front of image URLs.  A prefix matches over http and
#: https alike (the scheme is ignored when matching).
DEFAULT_PROXIES: tuple[str, ...] = ("https://cors.zfour.workers.dev/?",)

Sanitizer = Literal["nh3", "bleach"]


def _option(default: Any, help: str, *, flag: str | None = None) -> Any:
    """A ``CleanOptions`` field with the one help text that the docs table, the docstring
    reference and the command line's ``--help`` all show (``flag`` overrides the CLI name)."""
    metadata = {"help": help} if flag is None else {"help": help, "flag": flag}
    return field(default=default, metadata=metadata)


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """How zakerclean cleans.  Immutable and hashable; the defaults suit ZAKER posts.

    A switch that turns one pass of the pipeline on or off has the pass's name: the same name
    is the report step (``Article.report.steps``) and the command line flag
    (``--quotes``/``--no-quotes``).  ``zakerclean.options.OPTION_HELP`` holds the help text
    of every field; ``docs/api.md`` shows them as a table.
    """

    proxies: tuple[str, ...] = _option(
        DEFAULT_PROXIES,
        "CORS-proxy URL prefixes stripped from every URL, body and cover, over http or https, "
        "repeatedly (the CLI's --proxy adds one to the defaults)",
        flag="--proxy",
    )
    sanitizer: Sanitizer = _option(
        "nh3",
        "the final allowlist sanitizer: nh3, or bleach (pip install 'zakerclean[bleach]')",
    )
    boilerplate: bool = _option(
        True,
        "passes boilerplate and furniture: remove trailer and tool containers, and the "
        "source profile's furniture (copy buttons, correction links, related-article blocks); "
        "scripts, styles and comments always go",
    )
    captions: bool = _option(
        True, "pass captions: caption-like text right after a picture becomes its <figcaption>"
    )
    hide_referrer: bool = _option(
        True,
        'img and video carry referrerpolicy="no-referrer" (a fixed value, never copied from the '
        "input), so image hosts that refuse foreign referrers still serve them (rule 7)",
    )
    decode_redirects: bool = _option(
        True, "replace ZAKER's link.php redirector by the target it encodes (pass links)"
    )
    base_url: str | None = _option(
        None,
        "resolve relative URLs against this absolute http(s) URL when neither the call nor the "
        "post gives a base",
    )
    tz: str = _option("Asia/Shanghai", "the IANA time zone naive dates are read in")
    max_bytes: int = _option(
        5_000_000, "inputs larger than this many bytes raise InputTooLargeError before parsing"
    )
    typography: bool = _option(
        True,
        "rule 9 at all: when off, none of quotes, cjk_parentheses, cjk_spacing, title_quotes, "
        "title_question_marks runs",
    )
    quotes: bool = _option(
        True, "pass quotes: space-padded ASCII quote pairs in CJK text become “…” (title too)"
    )
    cjk_parentheses: bool = _option(False, "pass cjk_parentheses: ( x ) around CJK becomes （x）")
    cjk_spacing: bool = _option(
        False, "pass cjk_spacing: drop the spaces between CJK and Latin letters or digits"
    )
    title_quotes: bool = _option(
        True, "pass title_quotes: 这个_基本功_ in a title becomes 这个“基本功” (title_raw keeps it)"
    )
    title_question_marks: bool = _option(
        True, "pass title_question_marks: a title's trailing _ after 吗/呢/么/吧 becomes ？"
    )

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
        for name in SWITCHES:
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


#: Every option's help text, by name, in declaration order.
OPTION_HELP: dict[str, str] = {f.name: f.metadata["help"] for f in dataclasses.fields(CleanOptions)}
#: The on/off options (pass switches, and ``typography`` for rule 9 as a whole).
SWITCHES: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(CleanOptions) if f.type in ("bool", bool)
)
