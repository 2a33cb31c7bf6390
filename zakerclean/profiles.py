"""Source profiles: what is particular to one site, declared as data.

Every post names its site (``Article.source``: ``ZAKER``, ``cnBeta``, ``IT 之家`` …).  What
differs from site to site — the furniture its pages carry (copy buttons, footer icons,
"report an error" links), the phrases that mean "this is not an article" — lives here, one
:class:`SourceProfile` per site, so supporting the next site is one small profile in
:data:`PROFILES` and its tests, not a change to the rules.  Rules read the profile of the
document they clean from ``CleanContext.profile``; they never test a site's name themselves.

Matching is by the post's ``source`` exactly as written or by one of the profile's
``aliases`` (casefolded, spaces ignored: ``IT 之家`` and ``IT之家`` are one site).  A source
no profile names gets :data:`GENERIC`, which declares nothing site-specific.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "DELETED_PHRASES",
    "GENERIC",
    "PLACEHOLDER_PHRASES",
    "PROFILES",
    "TEASER_PHRASES",
    "SourceProfile",
    "profile_for",
]


#: Phrases of a removal notice any site may use (flag ``deleted``).
DELETED_PHRASES: tuple[str, ...] = (
    "原文已被删除",
    "该文章已被删除",
    "文章已被删除",
    "该内容已被删除",
    "内容已被删除",
    "此内容已被删除",
    "该文章已删除",
    "文章不存在或已被删除",
    "该内容已被发布者删除",
    "此内容因违规无法查看",
    "该文章已下线",
    "This article has been removed",
    "This article has been deleted",
)
#: Phrases of a temporary preview or an "open in the app/browser" notice (flag ``placeholder``).
PLACEHOLDER_PHRASES: tuple[str, ...] = (
    "此为临时链接",
    "仅用于预览",
    "选择在浏览器打开",
    "请在浏览器中打开",
    "请在APP中打开",
    "请在 APP 中打开",
    "打开APP阅读全文",
    "打开 APP 阅读全文",
    "请下载客户端查看",
    "This is a temporary link",
)
#: Link texts of a "read the full article" link (flag ``teaser``), matched casefolded.
TEASER_PHRASES: tuple[str, ...] = (
    "阅读全文",
    "查看全文",
    "点击阅读全文",
    "点击查看全文",
    "继续阅读",
    "阅读原文",
    "查看原文",
    "点击阅读原文",
    "展开全文",
    "read more",
    "continue reading",
    "read the full article",
    "read the full story",
)


@dataclass(frozen=True, slots=True)
class SourceProfile:
    """What zakerclean knows about one source.

    Attributes:
        name: the profile's name (the site as posts usually name it).
        aliases: other spellings of the site's name in ``source`` (matched casefolded, with
            spaces removed).
        furniture_classes: ``class`` names of elements that are site furniture (rule 1):
            removed with their content.
        furniture_texts: exact texts (whitespace-trimmed) of links or small elements that
            are site furniture, such as a "report an error" link (rule 1).
        furniture_images: substrings of image URLs that are site furniture (a footer icon),
            not article pictures (rule 1).
        deleted_phrases: phrases that, as the whole body, mean the article was removed
            (``Article.flags`` ``deleted``, SPEC §10).
        placeholder_phrases: phrases of a temporary preview or an "open in the app" notice
            (flag ``placeholder``).
        teaser_phrases: link texts of a "read the full article" link ending a summary
            (flag ``teaser``).

    The phrase fields default to the phrases any site may use (:data:`DELETED_PHRASES` …); a
    profile that adds its own keeps those first.
    """

    name: str
    aliases: frozenset[str] = frozenset()
    furniture_classes: frozenset[str] = frozenset()
    furniture_texts: frozenset[str] = frozenset()
    furniture_images: tuple[str, ...] = ()
    deleted_phrases: tuple[str, ...] = DELETED_PHRASES
    placeholder_phrases: tuple[str, ...] = PLACEHOLDER_PHRASES
    teaser_phrases: tuple[str, ...] = TEASER_PHRASES


#: The profile of a source no other profile names: nothing site-specific (the phrases any
#: site may use).
GENERIC = SourceProfile(name="generic")

#: One profile per known source.  Keep them small: only what differs from the generic rules.
PROFILES: tuple[SourceProfile, ...] = (
    # ZAKER's trailers and tool bars (``#recommend_bottom``, ``.edi_oper`` …) are rule 1's
    # generic list (``rules/boilerplate.py``): they apply to every input.
    SourceProfile(
        name="ZAKER",
        # myzaker.com's page for a removed article, and its 48-hour preview links
        deleted_phrases=(*DELETED_PHRASES, "原文已被删除，请查看其他文章"),
        placeholder_phrases=(
            *PLACEHOLDER_PHRASES,
            "此为临时链接，仅用于预览，将在 48 小时后失效",
            "将在48小时后失效",
            "将在 48 小时后失效",
        ),
    ),
    SourceProfile(
        name="cnBeta",
        # 相关文章: a block of links to other cnBeta stories after the article (like ZAKER's
        # recommend_bottom), not part of this one
        furniture_classes=frozenset({"article-relation"}),
    ),
    # IT 之家: the 感谢…的线索投递！ line credits a reader (content); ``a.s_tag`` are links
    # inside running text.  Nothing is furniture.
    SourceProfile(name="IT 之家", aliases=frozenset({"ithome"})),
    SourceProfile(
        name="快科技",
        aliases=frozenset({"快科技（原驱动之家）", "驱动之家", "mydrivers"}),
        # ``p.end``: the end-of-article marker (the end_article.png icon or "- THE END -");
        # ``a.jiucuo``: the 文章纠错 (report an error) link.  The 责任编辑 credit, 原文链接,
        # 转载请注明出处 and the 话题标签 topic links are content or metadata and stay.
        furniture_classes=frozenset({"end", "jiucuo"}),
        furniture_texts=frozenset({"文章纠错"}),
        furniture_images=("icons.mydrivers.com/news/end_article",),
    ),
    # 36kr: ``p.editor-note`` (本文来自…) is an origin credit and ``p.img-desc`` a caption.
    SourceProfile(name="36kr", aliases=frozenset({"36氪"})),
    SourceProfile(
        name="掘金",
        aliases=frozenset({"juejin"}),
        # the copy button the site puts at the end of every code block
        furniture_classes=frozenset({"copy-code-btn"}),
        furniture_texts=frozenset({"复制代码"}),
    ),
    SourceProfile(name="开源中国", aliases=frozenset({"oschina"})),
)


def _key(name: str) -> str:
    return "".join(name.split()).casefold()


_BY_NAME: dict[str, SourceProfile] = {
    _key(alias): profile for profile in PROFILES for alias in (profile.name, *profile.aliases)
}


def profile_for(source: str | None) -> SourceProfile:
    """The profile of ``source`` (``Article.source``), or :data:`GENERIC`."""
    if not source:
        return GENERIC
    return _BY_NAME.get(_key(source), GENERIC)
