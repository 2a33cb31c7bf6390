"""Rule 9, titles: undo the post generator's ``_`` where the original is certain.

The generator that wrote the Hexo posts replaced ``“ ” : / \\ ? * < > | [ ]`` in titles by ``_``
(file-name safe).  ``title_raw`` keeps the title as written; ``title`` gets only the restorations
that cannot be wrong:

* ``title_question_marks``: a ``_`` ending the title right after 吗/呢/么/吧 was a ``？``
  (``真的没用吗_`` → ``真的没用吗？``);
* ``title_quotes``: two ``_`` around a short run of text in a CJK title were a quote pair
  (``这个_基本功_`` → ``这个“基本功”``, ``ZAKER_价值中国_评选`` → ``ZAKER“价值中国”评选``).

ZAKER's space-padded ASCII quotes (``居民 " 晒太阳 " 也能``) are restored in titles too, by the
body's rule 9a (:func:`zakerclean.rules.typography.plan_quotes`, switch ``quotes``) and
counted under its name, ``quotes``.  The three title passes run in the order of
:data:`zakerclean.engine.pipeline.TITLE_PASSES`; the pipeline switches them.

Everything else stays: a ``_`` between Latin letters or digits (``Win11_Win10``, ``0_0``,
``11_12代``) was a ``/`` or similar, a lone ``_`` may have been a colon or a slash, a ``_`` with
spaces on both sides a ``|``.  When ``_`` remain that could have been quotes but cannot be
paired for certain, the report says so.
"""

from __future__ import annotations

import re

from .typography import plan_quotes

__all__ = [
    "QUOTE_MAX_CHARS",
    "TitleChange",
    "restore_title_question_marks",
    "restore_title_quotes",
    "restore_title_quotes_ascii",
]

#: A quoted phrase in a title is short; longer runs between two ``_`` are more likely clauses.
QUOTE_MAX_CHARS = 20

_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_QUESTION = re.compile("(?<=[吗呢么吧])_$")
_ALNUM = re.compile("[A-Za-z0-9]")


def _free_underscores(title: str) -> list[int]:
    """Positions of the ``_`` that may stand for a quote mark: not between two Latin letters
    or digits (``Win11_Win10``), not with spaces on both sides (a ``|``)."""
    free = []
    for index, char in enumerate(title):
        if char != "_":
            continue
        before = title[index - 1] if index else ""
        after = title[index + 1] if index + 1 < len(title) else ""
        if _ALNUM.match(before or " ") and _ALNUM.match(after or " "):
            continue
        if before == " " and after == " ":
            continue
        free.append(index)
    return free


def _quote_pair(title: str, opening: int, closing: int) -> bool:
    """Whether ``_X_`` at these positions reads as a quoted phrase for certain."""
    inner = title[opening + 1 : closing]
    if not inner or inner != inner.strip() or len(inner) > QUOTE_MAX_CHARS or "_" in inner:
        return False
    before = title[opening - 1] if opening else ""
    after = title[closing + 1] if closing + 1 < len(title) else ""
    # inside a CJK title: the phrase or a side of it is CJK
    return bool(_CJK.search(inner) or _CJK.match(before or " ") or _CJK.match(after or " "))


#: What a title pass gives: the title, how many changes it made, and what it left alone.
TitleChange = tuple[str, int, tuple[str, ...]]


def restore_title_quotes_ascii(title: str) -> TitleChange:
    """Rule 9a on the title: ZAKER's space-padded ASCII quote pairs → ``“…”`` (pass ``quotes``).

    >>> restore_title_quotes_ascii('小区屋顶装上光伏板，居民 " 晒太阳 " 也能省电费')[0]
    '小区屋顶装上光伏板，居民“晒太阳”也能省电费'
    """
    if '"' not in title:
        return title, 0, ()
    edits, unbalanced = plan_quotes(title)
    if unbalanced:
        return title, 0, ("title: unbalanced ASCII quotes left as they are",)
    return edits.apply(title), edits.count, ()


def restore_title_question_marks(title: str) -> TitleChange:
    """A ``_`` ending the title right after 吗/呢/么/吧 was a ``？``.

    >>> restore_title_question_marks("12306 再回应，抢票加速包真的没用吗_")[0]
    '12306 再回应，抢票加速包真的没用吗？'
    """
    if "_" not in title or not _QUESTION.search(title):
        return title, 0, ()
    return _QUESTION.sub("？", title), 1, ()


def restore_title_quotes(title: str) -> TitleChange:
    """Two ``_`` around a short run of text in a CJK title were a quote pair.

    >>> restore_title_quotes("习近平要求领导干部锤炼这个_基本功_")[0]
    '习近平要求领导干部锤炼这个“基本功”'
    >>> restore_title_quotes("微软承认 Win11_Win10 存在 3 个新的打印机问题")[0]
    '微软承认 Win11_Win10 存在 3 个新的打印机问题'
    """
    if "_" not in title:
        return title, 0, ()
    free = _free_underscores(title)
    if not free:
        return title, 0, ()
    pairs = list(zip(free[::2], free[1::2], strict=False))
    if len(free) % 2 == 0 and all(_quote_pair(title, a, b) for a, b in pairs):
        chars = list(title)
        for opening, closing in pairs:
            chars[opening], chars[closing] = "“", "”"
        return "".join(chars), len(pairs), ()
    return (
        title,
        0,
        (
            f"title: {len(free)} '_' left as they are (the generator's stand-in for one of "
            "“ ” : / \\ ? * < > | [ ]; which one is not certain here)",
        ),
    )
