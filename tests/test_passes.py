"""Rules declared once: the pass list owns switching and reporting, options and CLI flags share
the passes' names, and the docs' options table is generated from the code."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

import zakerclean
from zakerclean.engine.pipeline import PASSES, RULE_ORDER, TITLE_PASSES
from zakerclean.options import OPTION_HELP, SWITCHES, CleanOptions
from zakerclean.runners.cli import _options, build_parser

DOCS = Path(__file__).resolve().parent.parent / "docs"
#: Switches that are not (yet) a pass of their own, and why.
NOT_A_PASS = {
    "typography": "the group switch of rule 9",
    "decode_redirects": "a parameter of the links pass",
    "hide_referrer": "a parameter of the attributes pass (a fixed attribute, not a rule)",
    "captions": "inside the structure pass (its captions sub-pass must always clear its marks)",
    "boilerplate": "inside the boilerplate pass (scripts, styles and comments always go)",
}


def options_table() -> str:
    """The options table of docs/api.md, as the code defines it."""
    rows = ["| option | default | meaning |", "| --- | --- | --- |"]
    defaults = CleanOptions()
    for name, text in OPTION_HELP.items():
        escaped = text.replace("|", "\\|").replace("<", "&lt;")
        rows.append(f"| `{name}` | `{getattr(defaults, name)!r}` | {escaped} |")
    return "\n".join(rows) + "\n"


def test_every_switchable_pass_is_an_option_of_the_same_name() -> None:
    for step in (*PASSES, *TITLE_PASSES):
        if step.switchable:
            assert step.name in SWITCHES, step.name
        if step.group is not None:
            assert step.group in SWITCHES, step.group


def test_every_switch_is_a_pass_or_says_why_not() -> None:
    names = {step.name for step in (*PASSES, *TITLE_PASSES) if step.switchable}
    assert set(SWITCHES) - names == set(NOT_A_PASS)


def test_the_report_order_holds_every_pass_once() -> None:
    assert len(RULE_ORDER) == len(set(RULE_ORDER))
    names = {step.name for step in (*PASSES, *TITLE_PASSES)}
    assert names | {"depth", "sanitize"} == set(RULE_ORDER)


@pytest.mark.parametrize("name", [step.name for step in PASSES if step.switchable])
def test_the_pipeline_switches_a_pass_off(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pass switched off is never called: the switch lives in the pipeline, not the rule."""
    from zakerclean.engine import pipeline

    def must_not_run(*args: object) -> int:
        raise AssertionError(f"{name} ran while switched off")

    swapped = tuple(
        dataclasses.replace(step, rule=must_not_run) if step.name == name else step
        for step in PASSES
    )
    monkeypatch.setattr(pipeline, "PASSES", swapped)
    zakerclean.clean_html(
        '<p>他 " 一直想开 " 的会 ( 测试 ) 10 月</p>', options=CleanOptions(**{name: False})
    )


def test_typography_off_switches_every_rule_9_pass_off() -> None:
    off = CleanOptions(typography=False, cjk_parentheses=True, cjk_spacing=True)
    assert [step.name for step in PASSES if step.runs(off)] == [
        step.name for step in PASSES if step.group != "typography"
    ]
    assert not any(step.runs(off) for step in TITLE_PASSES)


def test_cli_flags_are_generated_from_the_options() -> None:
    parser = build_parser()
    help_text = parser._subparsers._group_actions[0].choices["clean"].format_help()  # type: ignore[union-attr]
    for field in dataclasses.fields(CleanOptions):
        flag = field.metadata.get("flag", "--" + field.name.replace("_", "-"))
        assert flag in help_text, flag
        if field.name in SWITCHES:
            assert "--no-" + field.name.replace("_", "-") in help_text
    # no flag given: exactly the library's defaults (nothing copied that could drift)
    assert _options(parser.parse_args(["clean", "x"])) == CleanOptions()
    args = parser.parse_args(
        ["clean", "x", "--no-quotes", "--cjk-spacing", "--proxy", "https://p/?"]
    )
    assert _options(args) == CleanOptions(
        quotes=False,
        cjk_spacing=True,
        proxies=(*CleanOptions().proxies, "https://p/?"),
    )


def test_docs_api_options_table_is_generated_from_the_code() -> None:
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    table = options_table()
    assert table in text, "docs/api.md options table is stale; expected:\n" + table


def test_every_option_is_in_docs_api_and_cli_docs() -> None:
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    cli = (DOCS / "cli.md").read_text(encoding="utf-8")
    for field in dataclasses.fields(CleanOptions):
        assert f"`{field.name}`" in api
        flag = field.metadata.get("flag", "--" + field.name.replace("_", "-"))
        assert re.search(re.escape(flag) + r"\b", cli), flag
