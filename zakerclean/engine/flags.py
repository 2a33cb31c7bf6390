"""``Article.flags``: posts that are not articles, each told by a declared rule (SPEC §10).

Read :data:`FLAG_RULES` top to bottom and you have read what every flag means.  Each rule is a
small function of the *final* body (:class:`Body`: text, tree, images, videos and the source's
profile) that returns the reason for its flag, or ``None``; the reason goes into the report as
a warning ``flag NAME: REASON``, so a pipeline that drops a post can say why.  The phrases a
source uses (``原文已被删除``, ``此为临时链接，仅用于预览``) are data of its profile
(:mod:`zakerclean.profiles`), never written into a rule.

A real article is never flagged: the phrase rules fire only when the phrase is nearly the
whole body (:data:`NOTICE_SLACK`, :data:`PLACEHOLDER_MAX`), ``teaser`` only for a short body
whose last words are the "read the full article" link.  Cost: the phrase rules and ``teaser``
look at short bodies only (a length test first); ``media_only`` stops at the first line of
prose, so a real article costs a few comparisons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from ..dom import HtmlElement
from ..models import Flag, Image, Video
from ..profiles import SourceProfile
from ..rules.video import VIDEO_LINK_LABEL

__all__ = [
    "FLAG_RULES",
    "NOTICE_SLACK",
    "PLACEHOLDER_MAX",
    "TEASER_MAX",
    "Body",
    "FlagRule",
    "read_flags",
]

#: ``deleted``: characters besides the phrase that a removal notice may carry (a date, a
#: 对不起, punctuation).  More than that and the body is an article that mentions deletion.
NOTICE_SLACK = 24
#: ``placeholder``: the longest body (characters, whitespace ignored) that is a notice.
PLACEHOLDER_MAX = 200
#: ``teaser``: the longest summary (characters, whitespace ignored) before its link.
TEASER_MAX = 600
#: Decoration around a link's text: ``【阅读全文】``, ``阅读全文 >>``, ``Read more…``.
_DECORATION = " \t\n\r\f[]【】()（）<>《》«»›‹>…｜|:：.。→-—"


def _compact(text: str) -> str:
    return "".join(text.split())


#: The text nodes of every caption, in document order, as plain strings.
_CAPTION_TEXT = etree.XPath(".//figcaption//text()", smart_strings=False)

#: The longest limit :meth:`Body.short` is asked for by the rules that always run (``teaser``);
#: the text is compacted once, up front, when it may be that short.
_SHORT_LIMIT = TEASER_MAX + 40


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, one at a time: ``media_only`` usually stops at the first, so a
    long text is not split whole."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


@lru_cache(maxsize=64)
def _keys(phrases: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``(phrase, compacted phrase)`` of a profile's phrases: computed once per profile (the
    profiles are a handful of constants), not once per post."""
    return tuple((phrase, _compact(phrase)) for phrase in phrases)


@lru_cache(maxsize=64)
def _teaser_keys(phrases: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The casefolded teaser phrases, and each of them compacted (see :func:`_keys`)."""
    folded = frozenset(phrase.casefold() for phrase in phrases)
    return folded, tuple(_compact(phrase) for phrase in folded)


@dataclass(frozen=True, slots=True)
class Body:
    """The final body of a post, as the flag rules see it."""

    text: str
    root: HtmlElement | None
    images: tuple[Image, ...]
    videos: tuple[Video, ...]
    profile: SourceProfile
    #: the tree's serialization, when the caller has it: without ``<figcaption`` in it there
    #: is no caption to look for in the tree
    html: str | None = None
    #: the text without whitespace, when it may be at most ``_SHORT_LIMIT`` characters (the
    #: phrase rules and ``teaser`` share it instead of compacting the text each)
    compact: str | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        short = len(self.text) <= 3 * _SHORT_LIMIT
        object.__setattr__(self, "compact", _compact(self.text) if short else None)

    def has_prose(self) -> bool:
        """Some line of the text is neither a picture caption nor a player link rule 4 added
        (usually the first line says so: the captions are read only when it does not)."""
        captions: set[str] | None = None
        for line in _lines(self.text):
            line = line.strip()
            if not line or line.startswith(VIDEO_LINK_LABEL):
                continue
            if captions is None:
                if line not in self._caption_text():
                    return True  # in no caption at all: prose, without splitting the captions
                captions = self._captions()
            if line not in captions:
                return True
        return False

    def _caption_text(self) -> str:
        """Every caption's text, run together: a caption line is a part of it, so a line
        that is not is prose (one XPath call in libxml2 settles the common case)."""
        if self.root is None or (self.html is not None and "<figcaption" not in self.html):
            return ""
        return "".join(_CAPTION_TEXT(self.root))

    def _captions(self) -> set[str]:
        if self.root is None:
            return set()
        return {
            line.strip()
            for caption in self.root.iter("figcaption")
            for line in "".join(caption.itertext()).split("\n")
        }

    def short(self, limit: int) -> str | None:
        """The compacted text when it may be at most ``limit`` characters, else ``None``
        (measured before compacting: whitespace is never more than the rest, twice over)."""
        if len(self.text) > 3 * limit:
            return None
        compact = _compact(self.text) if self.compact is None else self.compact
        return compact if len(compact) <= limit else None


def _notice(compact: str, phrases: tuple[str, ...], slack: int) -> str | None:
    for phrase, key in _keys(phrases):
        if key and key in compact and len(compact) - len(key) <= slack:
            return phrase
    return None


def is_deleted(body: Body) -> str | None:
    """The body only says the article was removed (``原文已被删除``)."""
    phrases = body.profile.deleted_phrases
    compact = body.short(NOTICE_SLACK + max(map(len, phrases), default=0))
    phrase = None if compact is None else _notice(compact, phrases, NOTICE_SLACK)
    return None if phrase is None else f"the body only says {phrase!r}"


def is_placeholder(body: Body) -> str | None:
    """A temporary preview or "open in the app/browser" notice stands for the article."""
    compact = body.short(PLACEHOLDER_MAX)
    if not compact:
        return None
    phrase = _notice(compact, body.profile.placeholder_phrases, PLACEHOLDER_MAX)
    return None if phrase is None else f"the body is a notice: {phrase!r}"


def is_empty(body: Body) -> str | None:
    """No text, no pictures, no videos."""
    if body.text.strip() or body.images or body.videos:
        return None
    return "no text, no pictures and no videos"


def is_media_only(body: Body) -> str | None:
    """Pictures or videos, and no text besides their captions and added labels."""
    if not (body.images or body.videos) or body.has_prose():
        return None
    return f"{len(body.images)} picture(s), {len(body.videos)} video(s) and no text"


def is_teaser(body: Body) -> str | None:
    """A short summary whose last words are a "read the full article" link."""
    if body.root is None:
        return None
    compact = body.short(TEASER_MAX + 40)
    if compact is None:
        return None
    ending = compact.rstrip(_DECORATION)[-24:].casefold()
    phrases, keys = _teaser_keys(body.profile.teaser_phrases)
    if not any(key in ending for key in keys):
        return None  # the body does not end in such a phrase: no need to look at its links
    links = list(body.root.iter("a"))
    if not links:
        return None
    label = "".join(links[-1].itertext())
    key = label.strip(_DECORATION).casefold()
    if not key or key not in phrases:
        return None
    ending = _compact(label).rstrip(_DECORATION)
    if not compact.rstrip(_DECORATION).endswith(ending):
        return None  # the link is not the end of the body
    if len(compact) - len(ending) > TEASER_MAX:
        return None
    return f"a summary ending in the link {label.strip()!r}"


@dataclass(frozen=True, slots=True)
class FlagRule:
    """One flag and the rule that sets it (the reason, or ``None``)."""

    name: Flag
    rule: Callable[[Body], str | None]


#: Every flag and its rule, in the order they are checked (``Article.flags`` is sorted).
FLAG_RULES: tuple[FlagRule, ...] = (
    FlagRule("deleted", is_deleted),
    FlagRule("placeholder", is_placeholder),
    FlagRule("empty", is_empty),
    FlagRule("media_only", is_media_only),
    FlagRule("teaser", is_teaser),
)


def read_flags(body: Body) -> tuple[tuple[Flag, ...], tuple[str, ...]]:
    """``(flags, warnings)``: the sorted flags of ``body`` and a report warning for each."""
    flags: list[Flag] = []
    warnings: list[str] = []
    for flag in FLAG_RULES:
        reason = flag.rule(body)
        if reason is not None:
            flags.append(flag.name)
            warnings.append(f"flag {flag.name}: {reason}")
    return tuple(sorted(flags)), tuple(warnings)
