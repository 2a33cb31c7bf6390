"""``clean_html``: just the cleaned fragment, for callers who have HTML and no post."""

from __future__ import annotations

from .errors import EmptyInputError
from .inputs import check_size, prepare_text
from .options import CleanOptions, check_base_url
from .pipeline import clean_fragment

__all__ = ["clean_html"]

_DEFAULT_OPTIONS = CleanOptions()


def clean_html(
    fragment: str,
    *,
    options: CleanOptions | None = None,
    base_url: str | None = None,
) -> str:
    """Clean an HTML fragment with every rule of SPEC §3; return the clean HTML.

    Idempotent: ``clean_html(clean_html(x)) == clean_html(x)``.  Empty input gives ``""``.
    """
    options = options or _DEFAULT_OPTIONS
    check_base_url(base_url)
    if not isinstance(fragment, str):
        raise TypeError(f"clean_html() takes str, not {type(fragment).__name__}")
    if len(fragment) > options.max_bytes // 4:
        check_size(len(fragment.encode("utf-8", "surrogatepass")), options.max_bytes)
    try:
        text, _ = prepare_text(fragment)
    except EmptyInputError:
        return ""
    return clean_fragment(text, options, base_url=base_url).html
