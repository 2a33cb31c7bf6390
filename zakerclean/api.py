"""``parse`` and ``parse_file``: detect the input's shape and build an :class:`Article`.

Shapes (SPEC §2): a Hexo post (YAML front matter + HTML body), a full myzaker.com article page
(:mod:`zakerclean.readers.page`) or an HTML fragment.  Every shape
ends in :func:`build_article`, which cleans the body and derives text statistics, so all shapes
get the same guarantees.
"""

from __future__ import annotations

import hashlib
import os
import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from .dates import parse_date
from .engine.media import is_animated
from .engine.pipeline import RULE_ORDER, clean_fragment
from .errors import DateParseError, EmptyInputError, FrontMatterError
from .models import Article, CleanReport, Image
from .options import CleanOptions, check_base_url
from .readers.decoding import check_size, prepare_text, read_text
from .readers.frontmatter import load_front_matter, split_front_matter
from .readers.page import is_page, read_page
from .rules.titles import restore_title
from .urls import clean_url

__all__ = ["build_article", "clean_html", "detect_lang", "fingerprint", "parse", "parse_file"]

_DEFAULT_OPTIONS = CleanOptions()
#: Front matter keys mapped to ``Article`` fields; all others are kept in ``Article.meta``.
KNOWN_KEYS = frozenset(
    {"title", "categories", "headimg", "thumbnail", "author", "date", "link", "url", "image_stills"}
)
#: Hosts of placeholder pictures the post generator used when an article had no image.
_PLACEHOLDER_HOSTS = frozenset({"picsum.photos", "fastly.picsum.photos"})
#: Runs, not single characters: counting run lengths makes one match per word, not per letter.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN = re.compile(r"[A-Za-z]+")
_QUOTES = re.compile("[\"'“”‘’「」『』＂＇]")
#: Language detection looks at the start of the text only: enough to tell, and O(1).
_LANG_SAMPLE = 4000


def detect_lang(text: str) -> str:
    """``"zh"`` when Han characters make up at least a fifth of the letters, ``"en"`` when
    Latin letters dominate, ``"und"`` for no letters at all; judged on the first 4,000
    characters.  A heuristic, documented as such."""
    sample = text[:_LANG_SAMPLE]
    han = sum(map(len, _HAN.findall(sample)))
    latin = sum(map(len, _LATIN.findall(sample)))
    if han == 0 and latin == 0:
        return "und"
    if han * 5 >= han + latin // 4:  # Latin words count about four letters per Han character
        return "zh"
    return "en"


def fingerprint(text: str) -> str:
    """A stable hash of the text with whitespace removed and all quote marks made alike.

    Two articles with the same words get the same fingerprint however they were spaced, quoted
    or marked up, which is what deduplication across mirrors needs.
    """
    normalized = _QUOTES.sub('"', "".join(text.split()))
    return hashlib.blake2b(normalized.encode("utf-8"), digest_size=16).hexdigest()


def parse(
    data: str | bytes,
    *,
    options: CleanOptions | None = None,
    base_url: str | None = None,
    now: datetime | None = None,
) -> Article:
    """Parse one article (a Hexo post, a myzaker.com page or an HTML fragment) into a clean
    ``Article``; the shape is detected (see ``docs/inputs.md``).

    ``now`` is needed only for relative dates (``3小时前``); ``base_url`` resolves relative URLs.
    Raises a ``ZakerCleanError`` subclass on bad input.
    """
    options = options or _DEFAULT_OPTIONS
    check_base_url(base_url)
    text, warnings = read_text(data, options.max_bytes)
    split = split_front_matter(text)
    if split is None:
        page = read_page(text) if is_page(text) else None
        if page is not None:
            body, front = page
            return build_article(
                body, front, options, base_url=base_url, now=now, warnings=warnings, source="ZAKER"
            )
        return build_article(text, {}, options, base_url=base_url, now=now, warnings=warnings)
    yaml_text, body, first_line = split
    front, fm_warnings = load_front_matter(yaml_text, first_line)
    return build_article(
        body, front, options, base_url=base_url, now=now, warnings=warnings + fm_warnings
    )


def parse_file(
    path: str | os.PathLike[str],
    *,
    options: CleanOptions | None = None,
    now: datetime | None = None,
) -> Article:
    """Read and ``parse`` the file at ``path`` (bytes are decoded per SPEC §2).

    The size limit is checked before the file is read.  ``OSError`` (missing, unreadable file)
    propagates unchanged.
    """
    options = options or _DEFAULT_OPTIONS
    check_size(os.stat(path).st_size, options.max_bytes)
    with open(path, "rb") as handle:
        data = handle.read(options.max_bytes + 1)
    return parse(data, options=options, now=now)


def _scalar_text(front: dict[str, Any], key: str) -> str | None:
    value = front.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise FrontMatterError(f"'{key}' must be text, got {type(value).__name__} {value!r}")
    return str(value)


def _categories(front: dict[str, Any]) -> tuple[str, ...]:
    value = front.get("categories")
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    flat: list[str] = []
    for item in items:
        for leaf in item if isinstance(item, list) else [item]:
            if isinstance(leaf, (dict, list)):
                raise FrontMatterError(f"'categories' holds a nested {type(leaf).__name__}")
            if leaf is not None:
                flat.append(str(leaf))
    return tuple(flat)


def _source_and_channel(categories: tuple[str, ...]) -> tuple[str | None, str | None]:
    """Second category → source, third → channel; the early ``"ZAKER - channel"`` form too."""
    if len(categories) >= 3:
        return categories[1], categories[2]
    if len(categories) == 2:
        if " - " in categories[1]:
            source, channel = categories[1].split(" - ", 1)
            return source.strip(), channel.strip()
        return categories[1], None
    return None, None


def _stills(front: dict[str, Any]) -> dict[str, str]:
    value = front.get("image_stills")
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise FrontMatterError("'image_stills' must map animated image URLs to still URLs")
    return dict(value)


def _published(
    front: dict[str, Any], options: CleanOptions, now: datetime | None, warnings: list[str]
) -> tuple[datetime | None, str | None]:
    value = front.get("date")
    if value is None:
        return None, None
    raw = value if isinstance(value, str) else str(value)
    try:
        return parse_date(value, tz=options.tz, now=now), raw
    except DateParseError as error:
        warnings.append(f"date not read, published left empty: {error}")
        return None, raw


def _merge_step(
    steps: tuple[tuple[str, int], ...], name: str, count: int
) -> tuple[tuple[str, int], ...]:
    """Add ``count`` to rule ``name``, keeping the steps in pipeline order."""
    merged = dict(steps)
    merged[name] = merged.get(name, 0) + count
    return tuple(sorted(merged.items(), key=lambda item: RULE_ORDER.index(item[0])))


def _cover(
    front: dict[str, Any],
    options: CleanOptions,
    base_url: str | None,
    images: tuple[Image, ...],
    stills: dict[str, str],
    warnings: list[str],
    meta: dict[str, Any],
) -> tuple[Image | None, bool]:
    """The cover from ``headimg`` (else ``thumbnail``), and whether its URL had to be cleaned.

    The cover shares the body image's size when it is one of them.  A ``thumbnail`` that differs
    from the cover is kept in ``meta``; a placeholder cover is dropped with a warning.
    """
    headimg, thumbnail = _scalar_text(front, "headimg"), _scalar_text(front, "thumbnail")
    raw = headimg or thumbnail
    if not raw:
        return None, False

    def clean(value: str) -> str | None:
        return clean_url(
            value,
            proxies=options.proxies,
            base_url=base_url,
            decode_redirects=options.decode_redirects,
        )

    cover_url = clean(raw)
    if headimg and thumbnail:
        thumb_url = clean(thumbnail)
        if thumb_url != cover_url:
            meta["thumbnail"] = thumb_url if thumb_url is not None else thumbnail
    if cover_url is None:
        warnings.append(f"cover {raw[:80]!r} has no usable URL: cover left empty")
        return None, False
    if urlsplit(cover_url).hostname in _PLACEHOLDER_HOSTS:
        warnings.append(f"cover {cover_url!r} is a placeholder image: cover left empty")
        return None, False
    image = next((img for img in images if img.url == cover_url), None)
    if image is None:
        image = Image(url=cover_url, animated=is_animated(cover_url, stills))
    return image, cover_url != raw


def build_article(
    body: str,
    front: dict[str, Any],
    options: CleanOptions,
    *,
    base_url: str | None = None,
    now: datetime | None = None,
    warnings: list[str] | None = None,
    source: str | None = None,
) -> Article:
    """Clean ``body`` and map the metadata in ``front`` (Hexo keys) onto an :class:`Article`.

    ``source``, when given, is the article's source whatever the categories say (a page's
    categories are its tags, not Hexo's ``[新媒体, source, channel]``); the channel is then None.
    """
    warnings = list(warnings or [])
    title_raw = _scalar_text(front, "title")
    author = _scalar_text(front, "author")
    url = _scalar_text(front, "link") or _scalar_text(front, "url")
    categories = _categories(front)
    channel: str | None = None
    if source is None:
        source, channel = _source_and_channel(categories)
    published, published_raw = _published(front, options, now, warnings)
    stills = _stills(front)

    # the article's own link is the natural base for its relative URLs, if it is a web URL
    if base_url is None and url is not None and url.startswith(("http://", "https://")):
        base_url = url
    result = clean_fragment(body, options, base_url=base_url, stills=stills)
    steps = result.steps
    title = title_raw
    if title_raw is not None:
        title, title_steps, title_warnings = restore_title(title_raw, options)
        for name, count in title_steps:
            steps = _merge_step(steps, name, count)
        warnings += title_warnings

    meta = {k: v for k, v in front.items() if k not in KNOWN_KEYS}
    if url is not None and clean_url(url, proxies=()) is None:
        # a link that no browser should follow (javascript:, data: …) is not the article's
        # address; keep it in meta, where nothing presents it as a URL
        key = "link" if _scalar_text(front, "link") else "url"
        warnings.append(f"{key} {url[:80]!r} is not a safe URL: Article.url left empty")
        meta[key] = url
        url = None
    base = base_url
    cover, cover_changed = _cover(front, options, base, result.images, stills, warnings, meta)
    if cover_changed:
        steps = _merge_step(steps, "links", 1)

    text = result.text
    return Article(
        title=title,
        title_raw=title_raw,
        url=url,
        author=author,
        source=source,
        channel=channel,
        categories=categories,
        published=published,
        published_raw=published_raw,
        cover=cover,
        images=result.images,
        videos=result.videos,
        html=result.html,
        text=text,
        lang=detect_lang(text),
        char_count=len("".join(text.split())),
        fingerprint=fingerprint(text),
        meta=meta,
        report=CleanReport(steps=steps, warnings=tuple(warnings) + result.warnings),
    )


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
