"""``Article.credits``: the credit lines of a body, read as typed fields (SPEC §10).

Chinese news bodies credit their editor, reporter, origin, original title and
photographer in lines of their own at the start or the end of the body:
``责任编辑：邱丽芳``, ``【责任编辑 : 刘阳】``, ``来源 | 羊城晚报``, ``责编丨郑宗敏``,
``（原标题：…）``, ``新华社记者王子铭、王鹏``, ``整理 | 彭慧中 责编 | 屠敏``,
``记者：…；文案：…``.  Only those edge lines are read, as a run of credit lines from the
first (or second) line and a run back from the last line: the same words inside running text
(``记者从市公安局获悉，``), in a picture's caption (``（图片来源：Pixabay）``,
``（张海峰 摄）`` after a picture) or in a sentence
(``本文来自微信公众号…，编辑：David，36氪经授权发布。``) are
never credits.  A line is a credit line only when the whole line is ``LABEL SEP VALUE`` segments
(full-width or ASCII colon, ``|``, ``丨``, ``｜``, ``/``; brackets around the line allowed) with
labels of :data:`LABELS` (other roles and trailers such as ``校对``, ``话题标签`` belong to a run
but fill no field), or a reporter's or photographer's byline (``…记者 名字``, ``名字 摄``).
Values are kept as written (``泽南、小舟`` stays one value); the lines stay in ``text``.

Cost: the first three and the last lines of the text, each matched once (a long text is not
even split past its edges); the captions are read only when an edge line is a credit line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dom import HtmlElement
from ..models import Credits

__all__ = ["LABELS", "credit_fields", "read_credits"]

#: Labels of credit lines that fill no field: other roles, and trailers.
_OTHER_ROLES: tuple[str, ...] = (
    "作者",
    "文",
    "撰文",
    "撰稿",
    "整理",
    "编译",
    "翻译",
    "校对",
    "审核",
    "审校",
    "终审",
    "编审",
    "主编",
    "总监制",
    "监制",
    "制片人",
    "出品",
    "出品人",
    "策划",
    "统筹",
    "制作",
    "文案",
    "设计",
    "海报设计",
    "视觉",
    "剪辑",
    "视频编辑",
    "实习生",
    "通讯员",
    "原文链接",
    "话题标签",
    "标签",
    "关键词",
)
#: Credit labels and the ``Credits`` field each fills; ``None``: a credit line of another
#: role (author, proofreader, producer …) — part of a credit run, not a typed field.
LABELS: dict[str, str | None] = {
    "责任编辑": "editor",
    "责编": "editor",
    "编辑": "editor",
    "新媒体编辑": "editor",
    "网络编辑": "editor",
    "实习编辑": "editor",
    "本文编辑": "editor",
    "记者": "reporter",
    "文字记者": "reporter",
    "视频记者": "reporter",
    "来源": "origin",
    "本文来源": "origin",
    "文章来源": "origin",
    "稿件来源": "origin",
    "原标题": "original_title",
    "摄影": "photographer",
    "摄影记者": "photographer",
    **dict.fromkeys(_OTHER_ROLES),
}
_LABEL = "|".join(sorted(map(re.escape, LABELS), key=len, reverse=True))
_SEP = r"\s*[:：|丨｜/]\s*"
#: A label and its separator, at the start of the line or after a space, ``；`` or a bracket.
_SEGMENT = re.compile(rf"(?:^|(?<=[\s；;【\[（(]))({_LABEL}){_SEP}")
_OPEN, _CLOSE = "【[（(", "】]）)"
#: What a value may not hold: sentence punctuation (a sentence is not a credit).
_SENTENCE = re.compile(r"[，。！？!?]|,\s")
_NAME = r"[\u4e00-\u9fff·]{2,5}"
_NAMES = rf"(?:实习生)?{_NAME}(?:[ 、]+(?:实习生)?{_NAME}){{0,11}}"
#: ``新华社记者王子铭、王鹏``, ``文 / 羊城晚报全媒体记者 郑明达``,
#: ``潇湘晨报记者周诗浩 实习生蒯安琦``
_BYLINE = re.compile(rf"(?:文\s*[/|丨]\s*)?[^\s，。：:；;、]{{0,16}}?记者\s*({_NAMES})")
#: ``孙国根 摄``, ``（张海峰 摄）``, ``新华社记者 刘坤 摄``
_PHOTO = re.compile(rf"[（(]?\s*(?:新华社(?:记者|发)?\s*)?({_NAMES})\s*摄\s*[）)]?")
_MAX_LINE = 120
_EARLY_SEP = re.compile(r"[:：|丨｜/]")
#: Credit runs start on the first line, or on the second after a dateline or a kicker; and
#: end on the last line, or on the one before a closing promotion ("下载客户端…").
_LEAD_SKIP = 1


def credit_fields(line: str) -> list[tuple[str | None, str]] | None:
    """``[(field, value), …]`` of a credit line, or ``None`` when ``line`` is not one."""
    line = line.strip()
    if not line or len(line) > _MAX_LINE:
        return None
    if "记者" not in line and "摄" not in line and not _EARLY_SEP.search(line, 0, 12):
        return None  # no label's separator near the start: prose (the common case)
    match = _BYLINE.fullmatch(line)
    if match:
        return [("reporter", match.group(1))]
    match = _PHOTO.fullmatch(line)
    if match:
        return [("photographer", match.group(1))]
    body = line
    if body[0] in _OPEN and body[-1] == _CLOSE[_OPEN.index(body[0])]:
        body = body[1:-1].strip()
    segments = list(_SEGMENT.finditer(body))
    if not segments or segments[0].start() != 0:
        return None
    fields: list[tuple[str | None, str]] = []
    for index, segment in enumerate(segments):
        end = segments[index + 1].start() if index + 1 < len(segments) else len(body)
        value = body[segment.end() : end].strip(" \t；;")
        field = LABELS[segment.group(1)]
        if not value or (field != "original_title" and _SENTENCE.search(value)):
            return None  # a title may hold commas, a name or an origin may not
        fields.append((field, value))
    return fields


def _captions(root: HtmlElement) -> tuple[set[str], set[str]]:
    """Lines that caption a picture: a ``figcaption``'s, and those of the block right after a
    figure (a caption when it credits a picture: ``孙国根 摄``, ``来源：…``)."""
    captions: set[str] = set()
    after: set[str] = set()
    for caption in root.iter("figcaption"):
        captions.update(part.strip() for part in "".join(caption.itertext()).split("\n"))
    after_figure = False
    children = list(root)
    if len(children) > _EDGE_BLOCKS:  # credit lines are in the edge blocks only
        children = children[:_EDGE_BLOCKS] + children[-_EDGE_BLOCKS:]
    for block in children:
        if after_figure and block.tag != "figure":
            text = block.text if not len(block) else "".join(block.itertext())
            after.update(part.strip() for part in (text or "").split("\n"))
        after_figure = block.tag == "figure"  # rule 2 puts every lone picture in a figure
    return captions, after


#: Blocks at each end of the tree whose captions are read (a credit run spans a few).
_EDGE_BLOCKS = 32
#: Fields that a line right after a picture gives to the picture, not to the article.
_PICTURE_FIELDS = frozenset({"photographer", "origin"})


class _Captions:
    """The caption lines of a tree, read the first time a credit line needs them.  The final
    HTML, when given, settles the common cases without a walk: no ``<figcaption`` in it, no
    caption lines; no ``<figure``, no lines after a figure."""

    def __init__(self, root: HtmlElement | None, html: str | None = None) -> None:
        self.root = root
        self.html = html
        self.lines: tuple[set[str], set[str]] | None = None

    def excludes(self, line: str, fields: list[tuple[str | None, str]]) -> bool:
        if self.root is None:
            return False
        if self.html is not None and "<figure" not in self.html:
            return False  # no figure: no caption and no block after one
        if self.lines is None:
            self.lines = _captions(self.root)
        captions, after = self.lines
        if line in captions:
            return True
        return line in after and any(name in _PICTURE_FIELDS for name, _ in fields)


def _run(lines: Iterable[str], captions: _Captions) -> list[list[tuple[str | None, str]]]:
    run: list[list[tuple[str | None, str]]] = []
    for line in lines:
        fields = credit_fields(line)
        if fields is not None and captions.excludes(line, fields):
            fields = None
        if fields is None:
            break
        run.append(fields)
    return run


#: Lines of a long text's end that a trailing run may span (a run is a handful of
#: lines, each with the blank line that separates paragraphs).
_TAIL_LINES = 24


def _edge_lines(text: str) -> list[str]:
    """The text's non-blank lines, stripped; of a long text only the first few and the last
    :data:`_TAIL_LINES` (credits are at the edges: the middle is never split or stripped)."""
    if text.count("\n") <= _TAIL_LINES + 16:
        return _stripped(text.split("\n"))
    head = _stripped(text.split("\n", 8)[:8])[:3]
    return head + _stripped(text.rsplit("\n", _TAIL_LINES)[1:])


def _stripped(lines: list[str]) -> list[str]:
    """The non-blank ``lines``, stripped (each stripped once)."""
    return [line for line in map(str.strip, lines) if line]


#: What most posts have: no credit line.  One frozen instance, shared, so such a post costs
#: no model validation.
_NO_CREDITS = Credits()


def read_credits(text: str, root: HtmlElement | None = None, html: str | None = None) -> Credits:
    """The credits of a body from its final ``text`` (and tree, for the captions; ``html``, the
    tree's serialization, when the caller has it, spares the walk in most posts)."""
    if not text:
        return _NO_CREDITS
    lines = _edge_lines(text)
    captions = _Captions(root, html)
    lead, end = _run(lines[:3], captions), 0
    if not lead and len(lines) > _LEAD_SKIP:
        lead, end = _run(lines[_LEAD_SKIP:3], captions), _LEAD_SKIP
    end += len(lead)  # the trailing run stops where the leading one ended
    tail = _run(reversed(lines[end:]), captions)[::-1]
    if not tail and len(lines) - end > _LEAD_SKIP:  # after the credits, a promotion line
        tail = _run(reversed(lines[end:-_LEAD_SKIP]), captions)[::-1]
    if not lead and not tail:
        return _NO_CREDITS
    values: dict[str, list[str]] = {}
    for fields in (*lead, *tail):
        for name, value in fields:
            if name is not None and value not in values.setdefault(name, []):
                values[name].append(value)
    return Credits(
        editor=tuple(values.get("editor", ())),
        reporter=tuple(values.get("reporter", ())),
        photographer=tuple(values.get("photographer", ())),
        origin=next(iter(values.get("origin", ())), None),
        original_title=next(iter(values.get("original_title", ())), None),
    )
