"""``CleanContext``: what one cleaning run carries from rule to rule.

A fresh context is made per document and thrown away after it, so rules stay pure functions
of (tree, context) and nothing leaks between documents, threads or processes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .dom import HtmlElement
from .options import CleanOptions
from .profiles import GENERIC, SourceProfile
from .urls import clean_url

__all__ = ["CleanContext"]


@dataclass
class CleanContext:
    """Per-document state shared by the rules of one run."""

    options: CleanOptions
    base_url: str | None = None
    #: what is particular to the document's source (``zakerclean.profiles``)
    profile: SourceProfile = GENERIC
    warnings: list[str] = field(default_factory=list)
    #: animated image URL → its still version (``data-gif-url`` → ``data-original``)
    stills: dict[str, str] = field(default_factory=dict)
    #: player page URL → how many links to it stand for an embedded player (rule 4 makes
    #: them; ``Article.videos`` reads them back from the final tree by this record, not by
    #: their text)
    players: Counter[str] = field(default_factory=Counter)
    #: lazy image → the attributes of the real image in the ``<noscript>`` next to it (rule 1
    #: records them before it removes the noscript; rule 2 uses them for a placeholder or a
    #: low-resolution preview)
    fallbacks: dict[HtmlElement, dict[str, str]] = field(default_factory=dict)

    def url(self, raw: str | None) -> str | None:
        """Clean ``raw`` with this run's proxies, base URL and redirector setting."""
        return clean_url(
            raw,
            proxies=self.options.proxies,
            base_url=self.base_url,
            decode_redirects=self.options.decode_redirects,
        )

    def warn(self, message: str) -> None:
        """Record a warning for ``Article.report.warnings``."""
        self.warnings.append(message)
