"""Precision and recall of ``zakerclean.find_duplicates`` on republication variants of the corpus.

    PYTHONPATH=$PWD python benchmarks/dedup.py [CORPUS] [--threshold 0.8]

The labelled set is built in code from the real posts (the source files, then parsed, as a
pipeline would see them).  Every post with at least ``MIN_CHARS`` characters of text is a story;
its variants are republications of it:

* ``title``: a new title in the front matter;
* ``typography``: full-width punctuation made half-width, quotes curly, spaces doubled;
* ``trailer`` / ``lead``: a copyright trailer or an editor's note paragraph added;
* ``cut``: one paragraph of at most ``MAX_CUT`` of the text removed;
* ``images``: every ``<img>`` removed;
* ``boiler``: a site header and footer (the same for every story) added.

True non-duplicates are every pair of different stories: the corpus shares topics (several posts
on the same outbreak, the same phone maker), and the ``boiler`` variants of different stories
share their boilerplate.  A pair is predicted when ``find_duplicates`` puts both in one group;
precision and recall are over pairs.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import zakerclean
import zakerclean.dedup

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
#: Stories shorter than this are left out: a 40-character brief plus a 40-character trailer is a
#: different text, whatever a person would call it.
MIN_CHARS = 300
#: The largest share of the text a ``cut`` variant removes.
MAX_CUT = 0.12

_TRAILER = "<p>本文转载自合作媒体，版权归原作者所有，如有侵权请联系我们删除。</p>"
_LEAD = "<p>编者按：以下内容来自合作方投稿，观点仅代表作者本人。</p>"
_HEADER = "<p>欢迎关注本站，每日更新热点资讯。</p>"
_FOOTER = "<p>责任编辑：小编　更多精彩内容请下载客户端阅读。</p>"
_PARAGRAPH = re.compile(r"<p>[^<]{4,}</p>")
_FRONT_END = re.compile(r"\n---\s*\n")
_TITLE = re.compile(r"^title:.*$", re.MULTILINE)
_HALF = str.maketrans({"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?"})


def _body(post: str) -> tuple[str, str]:
    """``(front matter with its fences, body)`` of a Hexo post."""
    match = _FRONT_END.search(post, post.index("---") + 3)
    assert match is not None
    return post[: match.end()], post[match.end() :]


def retitle(post: str) -> str | None:
    return _TITLE.sub("title: '转发：今日看点'", post, count=1)


def typography(post: str) -> str | None:
    head, body = _body(post)
    body = body.translate(_HALF).replace('"', "“").replace(" ", "  ")
    return head + body


def trailer(post: str) -> str | None:
    return post.rstrip() + "\n" + _TRAILER + "\n"


def lead(post: str) -> str | None:
    head, body = _body(post)
    return head + _LEAD + "\n" + body


def boiler(post: str) -> str | None:
    head, body = _body(post)
    return head + _HEADER + "\n" + body.rstrip() + "\n" + _FOOTER + "\n"


def cut(post: str, text_chars: int) -> str | None:
    """Remove the longest paragraph that is at most ``MAX_CUT`` of the text (None: no such)."""
    candidates = [
        match
        for match in _PARAGRAPH.finditer(post)
        if len(match.group()) - 7 <= MAX_CUT * text_chars
    ]
    if not candidates:
        return None
    longest = max(candidates, key=lambda match: len(match.group()))
    return post[: longest.start()] + post[longest.end() :]


def no_images(post: str) -> str | None:
    stripped = re.sub(r"<img\b[^>]*>", "", post)
    return None if stripped == post else stripped


VARIANTS: dict[str, Callable[[str], str | None]] = {
    "title": retitle,
    "typography": typography,
    "trailer": trailer,
    "lead": lead,
    "images": no_images,
    "boiler": boiler,
}


@dataclass(frozen=True)
class Labelled:
    """One document of the set: its story (the label), how it was made, the parsed article."""

    story: int
    kind: str
    article: zakerclean.Article


def labelled_set(corpus: Path) -> Iterator[Labelled]:
    """Every story of the corpus and its variants, story by story."""
    story = 0
    for path in sorted(corpus.glob("*/*.md")):
        if path.name == "README.md":
            continue
        post = path.read_text(encoding="utf-8")
        original = zakerclean.parse(post)
        if original.char_count < MIN_CHARS:
            continue
        yield Labelled(story, "original", original)
        variants = {name: make(post) for name, make in VARIANTS.items()}
        variants["cut"] = cut(post, original.char_count)
        for kind, text in variants.items():
            if text is not None:
                yield Labelled(story, kind, zakerclean.parse(text))
        story += 1


@dataclass(frozen=True)
class Score:
    documents: int
    stories: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    seconds: float
    missed: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0


def _pairs(groups: list[list[int]]) -> set[tuple[int, int]]:
    return {pair for group in groups for pair in itertools.combinations(sorted(group), 2)}


def score(documents: list[Labelled], threshold: float = 0.8) -> Score:
    """Pairwise precision and recall of ``find_duplicates`` over the labelled documents."""
    zakerclean.dedup.DuplicateIndex()  # imports datasketch (and scipy) outside the timing
    start = time.perf_counter()
    groups = zakerclean.find_duplicates((d.article for d in documents), threshold=threshold)
    seconds = time.perf_counter() - start
    predicted = _pairs([[g.original, *g.duplicates] for g in groups])  # type: ignore[list-item]
    stories: dict[int, list[int]] = {}
    for position, document in enumerate(documents):
        stories.setdefault(document.story, []).append(position)
    truth = _pairs(list(stories.values()))
    grouped = {position for pair in predicted for position in pair}
    missed = tuple(
        f"story {d.story} {d.kind}"
        for i, d in enumerate(documents)
        if d.kind != "original" and i not in grouped
    )
    return Score(
        len(documents),
        len(stories),
        len(truth),
        len(predicted),
        len(predicted & truth),
        seconds,
        missed,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--threshold", type=float, default=0.8)
    args = parser.parse_args(argv)
    documents = list(labelled_set(args.corpus))
    result = score(documents, args.threshold)
    kinds = sorted({d.kind for d in documents})
    counts = ", ".join(f"{k} {sum(d.kind == k for d in documents)}" for k in kinds)
    print(f"{result.documents} documents, {result.stories} stories ({counts})")
    print(
        f"threshold {args.threshold}: precision {result.precision:.3f}, recall {result.recall:.3f}"
    )
    print(
        f"pairs: {result.true_pairs} true, {result.predicted_pairs} predicted, "
        f"{result.correct_pairs} correct"
    )
    print(
        f"find_duplicates: {result.seconds:.3f} s, {result.documents / result.seconds:,.0f} docs/s"
    )
    for line in result.missed:
        print("  missed:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
