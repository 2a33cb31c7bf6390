"""``CleanContext``: what one cleaning run carries from rule to rule.

A fresh context is made per document and thrown away after it, so rules stay pure functions
of (tree, context) and nothing leaks between documents, threads or processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .options import CleanOptions
from .urls import clean_url

__all__ = ["CleanContext"]


@dataclass
class CleanContext:
    """Per-document state shared by the rules of one run."""

    options: CleanOptions
    base_url: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: animated image URL → its still version (``data-gif-url`` → ``data-original``)
    stills: dict[str, str] = field(default_factory=dict)

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
