"""Every ``ZakerCleanError`` crosses ``pickle`` and a process pool unchanged (SPEC §6, issue 15).

The subclasses are found by walking ``ZakerCleanError.__subclasses__()``, and each is built from
its own ``__init__`` signature, so a new error class is covered without touching this file.
"""

from __future__ import annotations

import pickle
import typing
from concurrent.futures import ProcessPoolExecutor
from inspect import Parameter, signature

import pytest

import zakerclean
from zakerclean import CleanOptions, ZakerCleanError
from zakerclean import errors as errors_module


def all_error_types() -> list[type[ZakerCleanError]]:
    """``ZakerCleanError`` and every subclass, however deep, in a stable order."""
    found: list[type[ZakerCleanError]] = []
    pending = [ZakerCleanError]
    while pending:
        kind = pending.pop()
        if kind not in found:
            found.append(kind)
            pending.extend(kind.__subclasses__())
    return sorted(found, key=lambda kind: kind.__qualname__)


def sample_value(name: str, annotation: object, index: int) -> object:
    """A value of the annotated type that shows if it is lost or changed on the way."""
    options = typing.get_args(annotation) or (annotation,)
    if int in options:
        return 40 + index
    return f"{name} №{index}: 'quoted' and “full-width”"


def build(kind: type[ZakerCleanError]) -> ZakerCleanError:
    """An instance of ``kind`` with every ``__init__`` parameter given a distinct value."""
    hints = typing.get_type_hints(kind.__init__)
    positional: list[object] = []
    keywords: dict[str, object] = {}
    parameters = list(signature(kind.__init__).parameters.values())[1:]  # without self
    for index, parameter in enumerate(parameters):
        if parameter.kind in (Parameter.VAR_POSITIONAL, Parameter.VAR_KEYWORD):
            continue
        value = sample_value(parameter.name, hints.get(parameter.name, str), index)
        if parameter.kind is Parameter.KEYWORD_ONLY:
            keywords[parameter.name] = value
        else:
            positional.append(value)
    return kind(*positional, **keywords)


def fields(error: BaseException) -> dict[str, object]:
    return dict(vars(error))


ERROR_TYPES = all_error_types()


def test_the_walk_finds_the_known_errors() -> None:
    names = {kind.__name__ for kind in ERROR_TYPES}
    assert names >= set(errors_module.__all__)


@pytest.mark.parametrize("kind", ERROR_TYPES, ids=lambda kind: kind.__name__)
def test_pickle_round_trip_keeps_type_message_and_fields(kind: type[ZakerCleanError]) -> None:
    error = build(kind)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        copy = pickle.loads(pickle.dumps(error, protocol=protocol))
        assert type(copy) is kind
        assert str(copy) == str(error)
        assert copy.args == error.args
        assert fields(copy) == fields(error)


@pytest.mark.parametrize("kind", ERROR_TYPES, ids=lambda kind: kind.__name__)
def test_notes_survive_pickling(kind: type[ZakerCleanError]) -> None:
    error = build(kind)
    error.__notes__ = ["in file a.md"]  # what add_note() sets, on every Python we support
    assert pickle.loads(pickle.dumps(error)).__notes__ == ["in file a.md"]


def raise_in_worker(error: ZakerCleanError) -> None:
    """Run in a pool worker: the error is pickled there and back."""
    raise error


def parse_too_large_in_worker(text: str) -> zakerclean.Article:
    return zakerclean.parse(text, options=CleanOptions(max_bytes=10))


@pytest.fixture(scope="module")
def pool() -> typing.Iterator[ProcessPoolExecutor]:
    with ProcessPoolExecutor(max_workers=1) as executor:
        yield executor


@pytest.mark.parametrize("kind", ERROR_TYPES, ids=lambda kind: kind.__name__)
def test_errors_cross_a_process_pool(
    kind: type[ZakerCleanError], pool: ProcessPoolExecutor
) -> None:
    error = build(kind)
    with pytest.raises(kind) as caught:
        pool.submit(raise_in_worker, error).result(timeout=60)
    assert type(caught.value) is kind
    assert str(caught.value) == str(error)
    assert fields(caught.value) == fields(error)


def test_input_too_large_in_a_worker_does_not_break_the_pool(pool: ProcessPoolExecutor) -> None:
    """Before issue 15 this unpickled as ``InputTooLargeError(message)`` → TypeError →
    ``BrokenProcessPool``, and every later task of the pool failed too."""
    with pytest.raises(zakerclean.InputTooLargeError, match="over the limit of 10 bytes") as caught:
        pool.submit(parse_too_large_in_worker, "<p>" + "字" * 50 + "</p>").result(timeout=60)
    assert caught.value.limit == 10
    assert pool.submit(zakerclean.clean_html, "<p>still working</p>").result(timeout=60) == (
        "<p>still working</p>"
    )


def test_front_matter_error_message_is_not_prefixed_twice(pool: ProcessPoolExecutor) -> None:
    with pytest.raises(zakerclean.FrontMatterError) as caught:
        pool.submit(zakerclean.parse, "---\ntitle: [unclosed\n---\n<p>x</p>").result(timeout=60)
    message = str(caught.value)
    assert message.count("front matter") == 1
    assert caught.value.line is not None


def test_yaml_error_names_where_the_bracket_opened_and_quotes_it() -> None:
    with pytest.raises(zakerclean.FrontMatterError) as caught:
        zakerclean.parse("---\ntitle: 标题\ntags: [a, b\n---\n<p>正文</p>")
    error = caught.value
    assert (error.line, error.column) == (4, 1)  # where PyYAML noticed
    assert "`[` opened at line 3, column 7; not closed at line 4" in str(error)
    assert str(error).endswith("\n  tags: [a, b\n        ^")
    shown = zakerclean.Failure.from_exception("post.md", error)._repr_html_()
    assert "<code>\xa0\xa0tags:\xa0[a,\xa0b<br>" in shown.replace("&nbsp;", "\xa0")
    assert "\xa0" * 8 + "^</code>" in shown.replace("&nbsp;", "\xa0")
