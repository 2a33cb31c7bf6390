"""Notebook display: the HTML that ``Article._repr_html_`` and ``Failure._repr_html_`` return.

Jupyter inserts whatever ``_repr_html_`` returns into the notebook page as trusted HTML, and every
value of an article (title, alt text, author, a warning quoting the input...) comes from the web.
So the summary is made safe twice, as the cleaned article HTML is:

1. it is built from :func:`html.escape` (``quote=True``) of every value, and a URL is only ever
   written into ``href``/``src`` when it is an absolute http(s) URL with a host;
2. the finished string then goes through :data:`_CLEANER`, a dedicated :class:`nh3.Cleaner`
   configured once with :data:`DISPLAY_TAGS` / :data:`DISPLAY_ATTRIBUTES` (a subset of
   :data:`zakerclean.dom.ALLOWED_TAGS` / ``ALLOWED_ATTRIBUTES``, plus attribute-less
   ``details``/``summary`` that expand the full text without script: no ``style``, ``class``
   or ``on*``), http(s) URLs only and relative URLs denied.

Step 1 alone yields allowlisted HTML; step 2 is the independent second lock, so the result is
sanitized HTML by construction (a fixed point of the same sanitizer).  No styling is used: the
notebook's own stylesheet applies.  The output depends only on the model: no clock, no locale,
no random ids.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import timezone
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import nh3

from ..dom import FORBIDDEN_CHARACTERS

if TYPE_CHECKING:
    from ..models import Article, CleanReport, Failure, Image, Video

__all__ = [
    "DISPLAY_ATTRIBUTES",
    "DISPLAY_SCHEMES",
    "DISPLAY_TAGS",
    "FIXED_IMAGE_ATTRIBUTES",
    "article_html",
    "failure_html",
    "image_html",
    "report_html",
    "video_html",
]

#: Tags the notebook summary may contain (all of them are in :data:`zakerclean.dom.ALLOWED_TAGS`).
DISPLAY_TAGS: frozenset[str] = frozenset(
    {
        "h3", "p", "br", "a", "strong", "em", "code", "blockquote", "ul", "li", "img",
        "table", "caption", "thead", "tbody", "tr", "th", "td", "details", "summary",
    }
)  # fmt: skip

#: Attributes allowed per tag: a subset of :data:`zakerclean.dom.ALLOWED_ATTRIBUTES`.
DISPLAY_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "referrerpolicy"}),
}
#: Attributes written with one fixed value, never taken from the model: pictures load lazily
#: and without a referrer (image hosts refuse hot-linked requests carrying a foreign one).
FIXED_IMAGE_ATTRIBUTES = 'loading="lazy" referrerpolicy="no-referrer"'


#: The only URL schemes written into ``href``/``src`` (no ``mailto:``: nothing here mails).
DISPLAY_SCHEMES: frozenset[str] = frozenset({"http", "https"})

THUMBNAIL_WIDTH = 240  #: the cover is drawn at most this wide (the ``width`` attribute, in px)
PARAGRAPHS = 3  #: paragraphs of ``Article.text`` shown open; the rest behind ``<details>``
PICTURES = 4  #: pictures of the body drawn as small thumbnails after the cover
PICTURE_WIDTH = 120  #: their width, in px
CLIP_CHARS = 300  #: a paragraph, title or warning longer than this is cut, with "…"
MESSAGE_CHARS = 1000  #: a failure's message is cut here (it may quote a large input)
MAX_WARNINGS = 20  #: warnings listed; the rest are counted

# Configured once, at import, like zakerclean.rules.sanitize: building an ammonia cleaner per call
# would cost more than cleaning the small summary.
_CLEANER = nh3.Cleaner(
    tags=set(DISPLAY_TAGS),
    attributes={tag: set(names) for tag, names in DISPLAY_ATTRIBUTES.items()},
    url_schemes=set(DISPLAY_SCHEMES),
    url_relative="deny",
    link_rel=None,
    strip_comments=True,
    clean_content_tags={"script", "style"},
)

_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
# Whitespace and control characters browsers drop or ignore inside a URL: they hide schemes
# ("java\tscript:"), so a URL holding any is not written as a link at all.
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]")
# What must not start a cut-off piece: combining marks are tested separately; these join or
# modify the character before them (ZWJ, variation selectors, emoji skin tones).
_JOINERS = frozenset("\u200d\ufe0e\ufe0f") | frozenset(chr(c) for c in range(0x1F3FB, 0x1F400))


def _scrub(value: str) -> str:
    """``value`` as text that every HTML parser (and nh3, which cannot take lone surrogates)
    reads back unchanged: UTF-16 surrogate pairs joined into their character, lone surrogates
    and forbidden control characters replaced by U+FFFD.
    """
    if _SURROGATE_PAIR.search(value):
        value = _SURROGATE_PAIR.sub(
            lambda m: m.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"), value
        )
    return FORBIDDEN_CHARACTERS.sub("\ufffd", value)


def _clip(value: str, limit: int = CLIP_CHARS) -> str:
    """``value`` cut to about ``limit`` characters, with "…" when cut.

    Works on scrubbed text, where every character is one code point, so no cut falls inside a
    surrogate pair; the cut also moves back over combining marks and joiners, so that a letter
    is never shown without its accent, nor an emoji without its modifier or the rest of its
    ZWJ sequence.
    """
    if len(value) <= limit:
        return value
    cut = limit
    while cut > 0 and (
        unicodedata.combining(value[cut]) or value[cut] in _JOINERS or value[cut - 1] == "\u200d"
    ):
        cut -= 1
    return value[:cut].rstrip() + "…"


def _text(value: str, limit: int | None = CLIP_CHARS) -> str:
    """Escaped (``quote=True``), clipped display text; line breaks become ``<br>``."""
    value = _scrub(value)
    if limit is not None:
        value = _clip(value, limit)
    return "<br>".join(html.escape(line, quote=True) for line in value.splitlines())


def _web_url(value: str | None) -> str | None:
    """``value`` if it may be written into ``href``/``src``: an absolute http(s) URL with a host
    and without whitespace or control characters; otherwise ``None`` (it is shown as text).
    """
    if not value or _URL_JUNK.search(value) or FORBIDDEN_CHARACTERS.search(value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    if parts.scheme.lower() not in DISPLAY_SCHEMES or not parts.hostname:
        return None
    return value


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _sanitized(markup: str) -> str:
    """Run the second lock over markup built from escaped values."""
    return str(_CLEANER.clean(markup))


def _metadata(article: Article) -> str:
    """Source, feed, author, date and link, one per line, each labelled."""
    lines: list[str] = []
    if article.source:
        lines.append(f"<strong>Source:</strong> {_text(article.source)}")
    if article.feed:
        lines.append(f"<strong>Feed:</strong> {_text(article.feed)}")
    if article.author:
        lines.append(f"<strong>Author:</strong> {_text(article.author)}")
    if article.published is not None:
        iso = article.published.astimezone(timezone.utc).isoformat()
        date = html.escape(iso)
        if article.published_raw and article.published_raw.strip() != iso:
            date += f" (<code>{_text(article.published_raw)}</code>)"
    elif article.published_raw:
        date = f"no date (unread: <code>{_text(article.published_raw)}</code>)"
    else:
        date = "no date"
    lines.append(f"<strong>Published:</strong> {date}")
    if article.url:
        link = _web_url(article.url)
        if link is not None:
            lines.append(f'<strong>URL:</strong> <a href="{_attr(link)}">{_text(link)}</a>')
        else:  # shown, never linked: a javascript: or relative URL is just text here
            shown = _text(article.url)
            lines.append(f"<strong>URL:</strong> <code>{shown}</code> (not a web link)")
    return "<p>" + "<br>".join(lines) + "</p>"


def _cover(article: Article) -> str:
    """The cover as a thumbnail at most :data:`THUMBNAIL_WIDTH` px wide (never upscaled)."""
    cover = article.cover
    if cover is None:
        return ""
    src = _web_url(cover.url)
    if src is None:
        shown = _text(cover.url)
        return f"<p><em>cover not shown (not an http(s) URL):</em> <code>{shown}</code></p>"
    width = cover.width if cover.width is not None and 0 < cover.width < THUMBNAIL_WIDTH else None
    alt = cover.alt or f"cover of {article.title or 'the article'}"
    return (
        f'<p><img src="{_attr(src)}" alt="{_attr(_clip(_scrub(alt)))}" '
        f'width="{width or THUMBNAIL_WIDTH}" {FIXED_IMAGE_ATTRIBUTES}></p>'
    )


def _paragraphs(text: str) -> str:
    """The first :data:`PARAGRAPHS` paragraphs, clipped; the whole text behind a ``<details>``
    that expands in place (no script), so nothing of the body is out of reach."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    if not paragraphs:
        return "<p><em>no text</em></p>"
    shown = "".join(f"<p>{_text(p)}</p>" for p in paragraphs[:PARAGRAPHS])
    more = len(paragraphs) - PARAGRAPHS
    clipped = any(len(p) > CLIP_CHARS for p in paragraphs[:PARAGRAPHS])
    if more <= 0 and not clipped:
        return f"<blockquote>{shown}</blockquote>"
    label = f"… {_plural(more, 'more paragraph')}" if more > 0 else "the full text"
    full = "".join(f"<p>{_text(p, None)}</p>" for p in paragraphs)
    return (
        f"<blockquote>{shown}</blockquote>\n"
        f"<details><summary><em>{label}</em> (show the full text)</summary>"
        f"<blockquote>{full}</blockquote></details>"
    )


def _pictures(article: Article) -> str:
    """The first :data:`PICTURES` pictures of the body (the cover aside) as small thumbnails."""
    cover = article.cover.url if article.cover is not None else None
    images = [i for i in article.images if i.url != cover]
    drawn: list[str] = []
    for image in images[:PICTURES]:
        src = _web_url(image.url)
        if src is not None:
            alt = _attr(_clip(_scrub(image.alt or "")))
            drawn.append(
                f'<img src="{_attr(src)}" alt="{alt}" width="{PICTURE_WIDTH}" '
                f"{FIXED_IMAGE_ATTRIBUTES}>"
            )
    if not drawn:
        return ""
    rest = len(images) - PICTURES
    more = f" <em>… {_plural(rest, 'more picture')}</em>" if rest > 0 else ""
    return "<p>" + " ".join(drawn) + more + "</p>"


def _report(report: CleanReport) -> str:
    """The cleaning report: a (rule, count) table in run order, then the warnings."""
    if report.steps:
        rows = "".join(
            f"<tr><td>{_text(rule)}</td><td>{int(count)}</td></tr>" for rule, count in report.steps
        )
        steps = (
            "<table><caption>Cleaning report</caption>"
            "<thead><tr><th>rule</th><th>changes</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    else:
        steps = "<p><strong>Cleaning report:</strong> no rule changed anything</p>"
    if not report.warnings:
        return steps + "\n<p>no warnings</p>"
    items = "".join(f"<li>{_text(w)}</li>" for w in report.warnings[:MAX_WARNINGS])
    hidden = len(report.warnings) - MAX_WARNINGS
    if hidden > 0:
        items += f"<li><em>… {_plural(hidden, 'more warning')}</em></li>"
    heading = f"<p><strong>{_plural(len(report.warnings), 'warning')}:</strong></p>"
    return f"{steps}\n{heading}<ul>{items}</ul>"


def _signals(article: Article) -> str:
    """One line of the article's flags and credits (SPEC §10), or nothing."""
    parts = [f"<strong>flags:</strong> {_text(', '.join(article.flags))}"] if article.flags else []
    for name, value in article.credits:
        if value:
            shown = value if isinstance(value, str) else "；".join(value)
            parts.append(f"{name.replace('_', ' ')}: {_text(shown)}")
    return f"<p>{' · '.join(parts)}</p>" if parts else ""


def _article_markup(article: Article) -> str:
    """The summary as built from escaped values, before the sanitizer (for tests and debugging).

    Already safe on its own; :func:`article_html` is what to display.
    """
    counts = (
        f"<p>{_plural(len(article.images), 'image')} · {_plural(len(article.videos), 'video')}"
        f" · {_plural(article.char_count, 'character')} · language {_text(article.lang)}</p>"
    )
    return "\n".join(
        part
        for part in (
            f"<h3>{_text(article.title) if article.title else '(untitled)'}</h3>",
            _metadata(article),
            _signals(article),
            _cover(article),
            _pictures(article),
            counts,
            _paragraphs(_scrub(article.text)),
            _report(article.report),
        )
        if part
    )


def article_html(article: Article) -> str:
    """The notebook summary of ``article``: title, source, feed, author, date, link, cover
    thumbnail, image/video counts, the first paragraphs and the cleaning report.

    Every value is escaped and the whole is sanitized (see the module docstring): safe to show
    in a notebook whatever the article holds.
    """
    return _sanitized(_article_markup(article))


def _failure_markup(failure: Failure) -> str:
    """The failure summary from escaped values, before the sanitizer (like `_article_markup`)."""
    first, _, quoted = _clip(_scrub(failure.message), MESSAGE_CHARS).partition("\n")
    if quoted.split("\n")[-1].strip() == "^":
        # the offending line and a caret (front matter errors): monospace, spaces kept as
        # no-break spaces so that the caret stays under its column
        lines = (html.escape(line, quote=True).replace(" ", "\xa0") for line in quoted.split("\n"))
        message = f"{_text(first, None)}</p><p><code>{'<br>'.join(lines)}</code>"
    else:
        message = _text(failure.message, MESSAGE_CHARS)
    return (
        f"<p><strong>Failure:</strong> <code>{_text(failure.source)}</code></p>\n"
        f"<p><strong>{_text(failure.error_type)}</strong>: {message}</p>"
    )


def failure_html(failure: Failure) -> str:
    """The notebook summary of ``failure``: its source, error type and message, sanitized."""
    return _sanitized(_failure_markup(failure))


def report_html(report: CleanReport) -> str:
    """The notebook display of a cleaning report: the (rule, count) table and the warnings."""
    return _sanitized(_report(report))


def _size(width: int | None, height: int | None) -> str:
    if width is not None and height is not None:
        return f"{int(width)} × {int(height)} px"
    return "size unknown"


def image_html(image: Image) -> str:
    """The notebook display of an image: a thumbnail (lazy, no referrer), its size and URL."""
    src = _web_url(image.url)
    width = image.width if image.width is not None and 0 < image.width < THUMBNAIL_WIDTH else None
    picture = (
        f'<img src="{_attr(src)}" alt="{_attr(_clip(_scrub(image.alt or "")))}" '
        f'width="{width or THUMBNAIL_WIDTH}" {FIXED_IMAGE_ATTRIBUTES}><br>'
        if src is not None
        else "<em>not shown (not an http(s) URL)</em><br>"
    )
    kind = " · animated" if image.animated else ""
    size = _size(image.width, image.height)
    return _sanitized(f"<p>{picture}{size}{kind} · <code>{_text(image.url)}</code></p>")


def video_html(video: Video) -> str:
    """The notebook display of a video: its poster (lazy, no referrer), provider and link."""
    poster = _web_url(video.poster)
    picture = (
        f'<img src="{_attr(poster)}" alt="poster" width="{THUMBNAIL_WIDTH}" '
        f"{FIXED_IMAGE_ATTRIBUTES}><br>"
        if poster is not None
        else ""
    )
    link = _web_url(video.url)
    target = (
        f'<a href="{_attr(link)}">{_text(link)}</a>'
        if link is not None
        else f"<code>{_text(video.url)}</code>"
    )
    provider = _text(video.provider) if video.provider else "unknown provider"
    return _sanitized(f"<p>{picture}<strong>Video</strong> · {provider} · {target}</p>")
