"""The reader-view HTML page of ``clean --format html`` (SPEC §11).

One readable column, pictures scaled to it, a metadata line (source and feed, author, published,
a link to the original) and nothing that runs: no script, no external style sheet or font, and
``<meta name="referrer" content="no-referrer">`` so that image hosts which refuse hot-linked
requests carrying a foreign referrer still show the pictures.  Every value is escaped; the body
is the article's sanitized ``html``.
"""

from __future__ import annotations

import html
from datetime import timezone, tzinfo
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from ..models import Article

__all__ = ["READER_CSS", "article_page"]

#: The page's whole style: one column of about 38 CJK characters; nothing may be wider than it
#: (pictures, video, tables and code scroll or scale inside the column; long URLs wrap).
READER_CSS = (
    "body{margin:0;padding:1rem;font:17px/1.75 system-ui,-apple-system,'PingFang SC',"
    "'Noto Sans CJK SC','Microsoft YaHei',sans-serif;color:#222;background:#fdfdfb}"
    "article{max-width:40rem;margin:0 auto;overflow-wrap:anywhere}"
    "img,video{max-width:100%;height:auto}"
    "figure{margin:1.2em 0}figcaption{color:#666;font-size:.9em}"
    "pre{overflow-x:auto;background:#f4f4f0;padding:.6em}"
    "table{display:block;overflow-x:auto;border-collapse:collapse}"
    "td,th{border:1px solid #ddd;padding:.2em .5em}"
    "blockquote{margin-left:0;padding-left:1em;border-left:3px solid #ccc;color:#555}"
    ".meta{color:#666;font-size:.9em}"
)


def _link(url: str | None) -> str | None:
    """``url`` when it may be linked from the page: absolute http(s) with a host."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def _metadata(article: Article, tz: tzinfo | None) -> str:
    """``source · feed · author · published · original``, each part only when known."""
    parts = [html.escape(v) for v in (article.source, article.feed, article.author) if v]
    if article.published is not None:
        when = article.published.astimezone(tz or timezone.utc)
        stamp = when.isoformat(sep=" ", timespec="minutes")
        parts.append(f'<time datetime="{when.isoformat()}">{html.escape(stamp)}</time>')
    link = _link(article.url)
    if link is not None:
        parts.append(f'<a href="{html.escape(link, quote=True)}">原文</a>')
    return f'<p class="meta">{" · ".join(parts)}</p>' if parts else ""


def article_page(article: Article, tz: tzinfo | None = None) -> str:
    """A standalone reader-view page for ``article``; ``published`` is shown in ``tz`` (UTC
    when ``None``)."""
    title = html.escape(article.title or "")
    lang = html.escape(article.lang, quote=True)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{title}</title>\n<style>{READER_CSS}</style>\n</head>\n<body>\n<article>\n"
        f"<h1>{title}</h1>\n{_metadata(article, tz)}\n{article.html}\n"
        "</article>\n</body>\n</html>\n"
    )
