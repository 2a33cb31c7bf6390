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

__all__ = ["GENERIC", "PROFILES", "SourceProfile", "profile_for"]


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
    """

    name: str
    aliases: frozenset[str] = frozenset()
    furniture_classes: frozenset[str] = frozenset()
    furniture_texts: frozenset[str] = frozenset()
    furniture_images: tuple[str, ...] = ()
    deleted_phrases: tuple[str, ...] = ()
    placeholder_phrases: tuple[str, ...] = ()
    teaser_phrases: tuple[str, ...] = ()


#: The profile of a source no other profile names: nothing site-specific.
GENERIC = SourceProfile(name="generic")

#: One profile per known source.  Keep them small: only what differs from the generic rules.
PROFILES: tuple[SourceProfile, ...] = (
    SourceProfile(name="ZAKER"),
    SourceProfile(name="cnBeta"),
    SourceProfile(name="IT 之家", aliases=frozenset({"ithome"})),
    SourceProfile(
        name="快科技", aliases=frozenset({"快科技（原驱动之家）", "驱动之家", "mydrivers"})
    ),
    SourceProfile(name="36kr", aliases=frozenset({"36氪"})),
    SourceProfile(name="掘金", aliases=frozenset({"juejin"})),
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
