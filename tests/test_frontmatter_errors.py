"""Front matter errors, exactly: the message, where the problem starts, the quoted line with
its caret, and ``line``/``column`` in the whole input (SPEC §2, §6).

``tests/test_frontmatter.py`` checks that bad YAML is refused with a position; here each part
of the message is pinned, and the helper that writes it is tested on PyYAML errors built by
hand (no mark, a problem without context, a start that is not a bracket, a huge line).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
import yaml
from yaml.error import Mark, MarkedYAMLError

import zakerclean
from zakerclean.errors import FrontMatterError
from zakerclean.readers import frontmatter


def refused(text: str) -> FrontMatterError:
    with pytest.raises(FrontMatterError) as caught:
        zakerclean.parse(text)
    return caught.value


CASES = [
    (
        "---\ntitle: t\ncategories: [a, b\nauthor: x\n---\n<p>x</p>",
        "`[` opened at line 3, column 13; not closed at line 4: while parsing a flow sequence: "
        "did not find expected ',' or ']'\n  categories: [a, b\n              ^",
        (4, 7),
    ),
    (
        "---\ntitle: t\nmeta: {a: 1\nauthor: x\n---\n<p>x</p>",
        "`{` opened at line 3, column 7; not closed at line 4: while parsing a flow mapping: "
        "did not find expected ',' or '}'\n  meta: {a: 1\n        ^",
        (4, 7),
    ),
    (
        "---\ntitle: t\n  bad: indent\n---\n<p>x</p>",
        "mapping values are not allowed in this context\n    bad: indent\n       ^",
        (3, 6),
    ),
    (
        "---\ntitle: t\nx: @foo\n---\n<p>x</p>",
        "while scanning for the next token: found character that cannot start any token"
        "\n  x: @foo\n     ^",
        (3, 4),
    ),
    (
        "---\ntitle: t\n- a\n---\n<p>x</p>",
        "started at line 2, column 1; not closed at line 3: while parsing a block mapping: "
        "did not find expected key\n  title: t\n  ^",
        (3, 1),
    ),
    (  # blank lines before the fence move every line number
        "\n\n---\ntitle: t\n  bad: indent\n---\n<p>x</p>",
        "mapping values are not allowed in this context\n    bad: indent\n       ^",
        (5, 6),
    ),
    (  # a line too long to quote is left out, the position stays
        "---\ntitle: t\ncategories: [" + "a" * 300 + "\n---\n",
        "`[` opened at line 3, column 13; not closed at line 4: while parsing a flow sequence: "
        "did not find expected ',' or ']'",
        (4, 1),
    ),
]


@pytest.mark.parametrize(("text", "problem", "where"), CASES)
def test_bad_yaml_is_refused_with_this_exact_message(
    text: str, problem: str, where: tuple[int, int]
) -> None:
    error = refused(text)
    assert error.problem == problem
    assert (error.line, error.column) == where
    assert str(error) == f"front matter at line {where[0]}, column {where[1]}: {problem}"


def marked(
    problem: str | None,
    context: str | None = None,
    start: tuple[int, int] | None = None,
    at: tuple[int, int] | None = None,
) -> MarkedYAMLError:
    def mark(position: tuple[int, int] | None) -> Mark | None:
        return None if position is None else Mark("<yaml>", 0, position[0], position[1], "", 0)

    return MarkedYAMLError(context, mark(start), problem, mark(at))


YAML = "title: t\ncategories: [a\nauthor: 'x\n"


def test_an_error_without_a_mark_is_its_first_line() -> None:
    error = frontmatter._error_from_yaml(yaml.YAMLError("first\nsecond"), 2, YAML)
    assert (error.problem, error.line, error.column) == ("first", None, None)


def test_an_error_with_a_problem_mark_and_nothing_else() -> None:
    error = yaml.YAMLError("ignored")
    error.problem_mark = Mark("<yaml>", 0, 0, 6, "", 0)  # type: ignore[attr-defined]
    got = frontmatter._error_from_yaml(error, 1, YAML)
    assert got.problem == "ignored\n  title: t\n        ^"
    assert (got.line, got.column) == (1, 7)


def test_a_problem_without_context_or_start() -> None:
    error = frontmatter._error_from_yaml(marked("it broke", at=(1, 4)), 2, YAML)
    assert error.problem == "it broke\n  categories: [a\n      ^"
    assert (error.line, error.column) == (3, 5)


def test_a_start_at_the_same_place_is_not_named_twice() -> None:
    error = frontmatter._error_from_yaml(marked("p", "c", start=(1, 12), at=(1, 12)), 1, YAML)
    assert error.problem == "c: p\n  categories: [a\n              ^"
    assert (error.line, error.column) == (2, 13)


@pytest.mark.parametrize(
    ("start", "what"),
    [((1, 12), "`[` opened"), ((2, 8), "`'` opened"), ((0, 0), "started")],
)
def test_where_the_problem_started_is_named_and_quoted(start: tuple[int, int], what: str) -> None:
    error = frontmatter._error_from_yaml(marked("p", "c", start=start, at=(3, 0)), 10, YAML)
    line = YAML.splitlines()[start[0]]
    assert error.problem == (
        f"{what} at line {10 + start[0]}, column {start[1] + 1}; not closed at line 13: c: p"
        f"\n  {line}\n  {' ' * start[1]}^"
    )
    assert (error.line, error.column) == (13, 1)  # where PyYAML noticed it


def test_only_the_context_mark_is_enough() -> None:
    error = frontmatter._error_from_yaml(marked("p", "c", start=(1, 0)), 1, YAML)
    assert error.problem == "c: p\n  categories: [a\n  ^"
    assert (error.line, error.column) == (2, 1)


def test_a_problem_mark_past_the_text_quotes_nothing() -> None:
    error = frontmatter._error_from_yaml(marked("end", at=(9, 0)), 1, YAML)
    assert (error.problem, error.line) == ("end", 10)


@pytest.mark.parametrize(("index", "line"), [(0, "title: t"), (2, "author: 'x"), (3, ""), (-1, "")])
def test_line_of(index: int, line: str) -> None:
    assert frontmatter._line_of(YAML, index) == line


@pytest.mark.parametrize(
    ("line", "column", "quoted"),
    [
        ("abc", 0, "\n  abc\n  ^"),
        ("abc", 2, "\n  abc\n    ^"),
        ("", 0, ""),
        ("x" * 200, 0, "\n  " + "x" * 200 + "\n  ^"),
        ("x" * 201, 0, ""),
    ],
)
def test_caret(line: str, column: int, quoted: str) -> None:
    assert frontmatter._caret(line, column) == quoted


@pytest.mark.parametrize(
    ("value", "read"),
    [
        ("2021-04-17", date(2021, 4, 17)),
        ("2021-04-17 17:10:46", datetime(2021, 4, 17, 17, 10, 46)),
        ("2021-13-45", "2021-13-45"),  # looks like a timestamp, is none: kept as text
        ("2021-02-30 10:00", "2021-02-30 10:00"),
    ],
)
def test_timestamps_that_are_no_dates_stay_text(value: str, read: object) -> None:
    assert yaml.load(f"d: {value}", Loader=frontmatter._FrontMatterLoader) == {"d": read}


def test_anchors_are_refused_where_they_are() -> None:
    error = refused("---\ntitle: t\nx: &a 1\ny: *a\n---\n<p>x</p>")
    assert error.problem == "YAML anchors and aliases are not accepted (found 'a')"
    assert (error.line, error.column) == (3, 4)


def test_a_front_matter_that_is_no_mapping() -> None:
    error = refused("---\n- a\n- b\n---\n<p>x</p>")
    assert error.problem == "front matter must be a YAML mapping of keys to values, got a list"
    assert (error.line, error.column) == (2, 1)
