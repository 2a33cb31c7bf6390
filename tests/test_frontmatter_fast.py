"""The front matter fast path reads exactly what PyYAML reads, or leaves the text to PyYAML.

:func:`zakerclean.frontmatter._simple_mapping` must never give a different value (type,
key order, text) from ``yaml.load`` with the same loader: checked on every corpus post, on
hand-written hostile YAML and on a few thousand seeded mutations of the real front matters.
"""

from __future__ import annotations

import random

import pytest
import yaml

from zakerclean.errors import FrontMatterError
from zakerclean.readers.frontmatter import (
    _Loader,
    _recover_title,
    _simple_mapping,
    load_front_matter,
    split_front_matter,
)

from .conftest import EXAMPLES, corpus_posts


def _front_matters() -> list[str]:
    texts = []
    for path in [*corpus_posts(), *sorted(EXAMPLES.glob("*.md"))]:
        split = split_front_matter(path.read_text(encoding="utf-8"))
        if split is not None:
            texts.append(_recover_title(split[0], split[2])[0])
    return texts


FRONT_MATTERS = _front_matters()


def _yaml(text: str) -> object:
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        return "<error>"


def _agrees(text: str) -> bool:
    """The fast path declines, or gives what PyYAML gives (repr: types and key order too)."""
    fast = _simple_mapping(text)
    return fast is None or repr(fast) == repr(_yaml(text))


def test_corpus_front_matter_takes_the_fast_path_and_agrees() -> None:
    fast = [text for text in FRONT_MATTERS if _simple_mapping(text) is not None]
    assert all(_agrees(text) for text in FRONT_MATTERS)
    assert len(fast) >= 0.8 * len(FRONT_MATTERS)


HOSTILE = [
    "title: 'a''b'\nx: ''''\n",
    "title: 'a'' b' c'\n",
    "title: 'unclosed\n",
    'title: "a\\tb"\n',
    'title: "say "hi""\n',
    "title: plain: colon\n",
    "title: hash #comment\n",
    "title: a#b\n",
    "comments: false\nflag: Yes\nother: on\nodd: tRUE\nn: n\ny: y\n",
    "nothing: ~\nnull2: null\nNULL3: NULL\nempty:\n",
    "n1: 12\nn2: -0\nn3: +7\nn4: 012\nn5: 0x1F\nn6: 1_000\nn7: 1:20\nn8: 1.5\nn9: .inf\n",
    "date: 2021-08-27 22:07:28\nday: 2021-08-27\n",
    "date: Fri, 27 Aug 2021 22:07:28 GMT\n",
    "categories:\n - 新媒体\n - ZAKER\n - channel\n",
    "categories:\n- a\n- b\n",
    "categories:\n  - a\n - b\n",
    "categories: x\n - a\n",
    "categories:\n - a: b\n",
    "categories:\n - - a\n",
    "categories:\n -\n",
    "categories: [a, b]\n",
    "tags: {}\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: | \n  block\n",
    "a: >\n  folded\n",
    "a: b\n  continued\n",
    "? complex\n: key\n",
    "a: b\n...\n",
    "a: b\n---\nc: d\n",
    "%YAML 1.1\n---\na: b\n",
    "# comment\na: b\n",
    "a: b # trailing\n",
    "a: b\na: c\n",
    "true: x\n",
    "1: x\n",
    "<<: x\n",
    "=: x\n",
    "a: =\n",
    "a: <<\n",
    "a: -1x\n",
    "a: -\n",
    "a: @x\n",
    "a: `x`\n",
    "a: %x\n",
    "a: x:\n",
    "a:b\n",
    " a: b\n",
    "a :b\n",
    "a: \u3000全角\u3000\n",
    "a: b\u00a0\n",
    "a: line\u2028break\n",
    "a: nel\x85x\n",
    "a: bom\ufeff\n",
    "a: bell\x07\n",
    "a: b\r\nc: d\r\n",
    "a:\tb\n",
    "a: 'x'  \n",
    "a:    spaced   out  \n",
    "a: [x\n",
    "a: x, y\n",
    "a: {x}\n",
    "a: ,x\n",
    "a: x]\n",
    "a: 'x' y\n",
    "\n\n   \n",
    "",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_yaml_agrees(text: str) -> None:
    assert _agrees(text)


def test_anchors_are_still_refused_and_errors_unchanged() -> None:
    with pytest.raises(FrontMatterError, match="anchors and aliases"):
        load_front_matter("a: &x 1\nb: *x\n", 2)
    with pytest.raises(FrontMatterError) as error:
        load_front_matter("title: ok\nbad: [x\n", 2)
    assert error.value.line is not None


_TRICKY = [
    "'", '"', "#", ":", ": ", " #", "-", " - ", "&", "*", "!", "|", ">", "%", "@", "`", "{",
    "}", "[", "]", ",", "?", " ", "\n", "\n - ", "\n  ", "~", "yes", "No", "0x1", "1:2",
    ".inf", "012", "2021-01-01", "null", "\\", "''", "\t", "=", "<<", "y", "1",
]  # fmt: skip


def test_seeded_mutations_agree() -> None:
    rng = random.Random(20261203)
    checked = 0
    for text in FRONT_MATTERS:
        for _ in range(40):
            mutated = text
            for _ in range(rng.randint(1, 3)):
                at = rng.randrange(len(mutated) + 1)
                mutated = mutated[:at] + rng.choice(_TRICKY) + mutated[at:]
            assert _agrees(mutated), mutated
            checked += 1
    assert checked >= 40 * len(FRONT_MATTERS) > 0


def test_front_matter_path_unchanged() -> None:
    """What load_front_matter returns is what it returned through PyYAML alone."""
    for text in FRONT_MATTERS:
        data, _ = load_front_matter(text, 2)
        expected = _yaml(text)
        assert isinstance(expected, dict)
        assert list(data) == list(expected)
