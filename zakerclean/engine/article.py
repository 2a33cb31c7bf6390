"""Building the ``Article``: one document in, its body cleaned and its metadata settled.

This is the only place an :class:`~zakerclean.models.Article` is made, whatever reader found
the document, so every input shape gets the same guarantees.  The base URL is settled here,
once, and applies to the body and the cover alike: ``parse(base_url=...)`` first, then the
document's own web link, then ``CleanOptions.base_url``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from ..dates import parse_date
from ..errors import DateParseError
from ..models import Article, CleanReport, Image, Video
from ..options import CleanOptions
from ..profiles import profile_for
from ..readers.document import Document
from ..rules.video import video_label
from ..urls import clean_url
from .credits import read_credits
from .flags import Body, read_flags
from .media import is_animated
from .pipeline import RULE_ORDER, clean_fragment, restore_title

__all__ = ["build_article", "detect_lang", "fingerprint", "without_video_labels"]

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


def without_video_labels(text: str, videos: Iterable[Video]) -> str:
    """``text`` without the link labels rule 4 added for embedded players (``视频：腾讯视频``).

    The labels are the only text zakerclean adds; ``char_count`` and ``fingerprint`` count
    what the article says, not them.  The players are the videos the pipeline found from the
    final tree by its player record (never by text); each one's label stands alone on its line
    (its own paragraph, a line of a ``pre``, or a table cell), and one such line or cell is
    left out per player.  A ``<video>`` has no label: nothing matches it.  Linear in the text.
    """
    labels = Counter(video_label(video.url) for video in videos if video.poster is None)
    if not labels:
        return text
    kept: list[str] = []
    for line in text.split("\n"):
        cells = line.split("\t")
        for index, cell in enumerate(cells):
            label = cell.strip()
            if labels[label] > 0:
                labels[label] -= 1
                cells[index] = ""
        kept.append("\t".join(cells))
    return "\n".join(kept)


def settle_base_url(base_url: str | None, document: Document, options: CleanOptions) -> str | None:
    """The one base URL of a run: the caller's, else the document's own, else the options'."""
    return base_url or document.base_url or options.base_url


def build_article(
    document: Document,
    options: CleanOptions,
    *,
    base_url: str | None = None,
    now: datetime | None = None,
    warnings: tuple[str, ...] = (),
) -> Article:
    """Clean ``document``'s body and settle its metadata into an :class:`Article`.

    ``warnings`` (from decoding the input) come first in the report, then the reader's, then
    the engine's.
    """
    notes = [*warnings, *document.warnings]
    profile = profile_for(document.source)
    base = settle_base_url(base_url, document, options)
    published, published_raw = _published(document.published_raw, options, now, notes)
    result = clean_fragment(
        document.body,
        options,
        base_url=base,
        stills=document.stills,
        players=document.players,
        profile=profile,
    )
    steps = dict(result.steps)
    title = document.title
    if title is not None:
        title, title_steps, title_warnings = restore_title(title, options)
        for name, count in title_steps:
            steps[name] = steps.get(name, 0) + count
        notes += title_warnings
    meta = dict(document.meta)
    cover, cover_changed = _cover(document, options, base, result.images, notes, meta)
    if cover_changed:
        steps["links"] = steps.get("links", 0) + 1
    text = result.text
    counted = without_video_labels(text, result.videos)
    body = Body(text, result.root, result.images, result.videos, profile, result.html)
    flags, flag_notes = read_flags(body)
    return Article(
        title=title,
        title_raw=document.title,
        url=document.url,
        author=document.author,
        source=document.source,
        feed=document.feed,
        categories=document.categories,
        published=published,
        published_raw=published_raw,
        cover=cover,
        images=result.images,
        videos=result.videos,
        html=result.html,
        text=text,
        lang=detect_lang(counted),
        char_count=len("".join(counted.split())),
        fingerprint=fingerprint(counted),
        meta=meta,
        flags=flags,
        credits=read_credits(text, result.root, result.html),
        report=CleanReport(
            steps=tuple(sorted(steps.items(), key=lambda item: RULE_ORDER.index(item[0]))),
            warnings=(*notes, *result.warnings, *flag_notes),
        ),
    )


def _published(
    value: object, options: CleanOptions, now: datetime | None, warnings: list[str]
) -> tuple[datetime | None, str | None]:
    if value is None:
        return None, None
    raw = value if isinstance(value, str) else str(value)
    try:
        return parse_date(value, tz=options.tz, now=now), raw
    except DateParseError as error:
        warnings.append(f"date not read, published left empty: {error}")
        return None, raw


def _cover(
    document: Document,
    options: CleanOptions,
    base_url: str | None,
    images: tuple[Image, ...],
    warnings: list[str],
    meta: dict[str, Any],
) -> tuple[Image | None, bool]:
    """The cover from the document's cover (else its thumbnail), and whether its URL had to
    be cleaned.

    The cover shares the body image's size when it is one of them.  A thumbnail that differs
    from the cover is kept in ``meta``; a placeholder cover is dropped with a warning.
    """
    headimg, thumbnail = document.cover, document.thumbnail
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
        image = Image(url=cover_url, animated=is_animated(cover_url, document.stills))
    return image, cover_url != raw
