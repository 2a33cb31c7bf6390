"""Rule 7's fixed ``referrerpolicy="no-referrer"`` on ``img``/``video`` (issue 16): on by
default, switchable, never copied from the input, allowed by both sanitizers as exactly that
value, shown in ``html`` and in the notebook display, harmless to Markdown."""

from __future__ import annotations

import pytest

import zakerclean
from zakerclean import CleanOptions, clean_html
from zakerclean.dom import allowed_attribute
from zakerclean.rules.sanitize import sanitize
from zakerclean.runners.cli import build_parser

SANITIZERS = ["nh3", "bleach"]
POLICY = ' referrerpolicy="no-referrer"'


@pytest.mark.parametrize("sanitizer", SANITIZERS)
def test_images_and_videos_get_the_policy_by_default(sanitizer: str) -> None:
    options = CleanOptions(sanitizer=sanitizer)  # type: ignore[arg-type]
    html = (
        '<p>字<img src="https://h.example/a.jpg"></p>'
        '<video src="https://h.example/v.mp4" poster="https://h.example/p.jpg" controls></video>'
        '<p><a href="https://h.example/">链接</a></p>'
    )
    out = clean_html(html, options=options)
    assert out == (
        f'<p>字<img src="https://h.example/a.jpg"{POLICY}></p>\n'
        f"<figure><video controls{'' if sanitizer == 'bleach' else chr(61) + chr(34) * 2} "
        f'src="https://h.example/v.mp4" poster="https://h.example/p.jpg"{POLICY}></video></figure>\n'
        '<p><a href="https://h.example/">链接</a></p>'
    )
    assert clean_html(out, options=options) == out


@pytest.mark.parametrize("sanitizer", SANITIZERS)
@pytest.mark.parametrize("value", ["unsafe-url", "origin", "no-referrer-when-downgrade", "", "x"])
def test_the_input_value_is_never_copied(sanitizer: str, value: str) -> None:
    options = CleanOptions(sanitizer=sanitizer)  # type: ignore[arg-type]
    out = clean_html(
        f'<p>字<img src="https://h.example/a.jpg" referrerpolicy="{value}"></p>', options=options
    )
    assert out == f'<p>字<img src="https://h.example/a.jpg"{POLICY}></p>'
    off = clean_html(
        f'<p>字<img src="https://h.example/a.jpg" referrerpolicy="{value}"></p>',
        options=options.replace(hide_referrer=False),
    )
    assert off == '<p>字<img src="https://h.example/a.jpg"></p>'


def test_switched_off_nothing_is_added_and_no_input_policy_survives() -> None:
    options = CleanOptions(hide_referrer=False)
    article = zakerclean.parse(
        '<p>字<img src="https://h.example/a.jpg" referrerpolicy="no-referrer"></p>'
        '<video src="https://h.example/v.mp4" referrerpolicy="no-referrer"></video>',
        options=options,
    )
    assert "referrerpolicy" not in article.html
    assert clean_html(article.html, options=options) == article.html


def test_other_tags_never_carry_it() -> None:
    out = clean_html(
        '<p referrerpolicy="no-referrer"><a href="https://h.example/" referrerpolicy="no-referrer">'
        "链接</a></p>"
    )
    assert out == '<p><a href="https://h.example/">链接</a></p>'


@pytest.mark.parametrize("sanitizer", SANITIZERS)
def test_sanitizers_allow_exactly_that_value_on_img_and_video(sanitizer: str) -> None:
    html = (
        '<img src="https://h/a"{p}><img src="https://h/b" referrerpolicy="unsafe-url">'
        '<video src="https://h/v"{p}></video><p{p}>x</p><a href="https://h/"{p}>l</a>'
    ).replace("{p}", POLICY)
    assert sanitize(html, sanitizer) == (
        f'<img src="https://h/a"{POLICY}><img src="https://h/b">'
        f'<video src="https://h/v"{POLICY}></video><p>x</p><a href="https://h/">l</a>'
    )
    assert allowed_attribute("img", "referrerpolicy", "no-referrer")
    assert not allowed_attribute("img", "referrerpolicy", "origin")


def test_the_notebook_display_and_image_display_carry_it() -> None:
    article = zakerclean.parse(
        '<p>字</p><p><img src="https://h.example/a.jpg" width="100" height="50"></p>'
    )
    assert POLICY in article.html
    assert POLICY in article._repr_html_()
    assert POLICY in article.images[0]._repr_html_()


def test_markdown_is_not_touched_by_the_attribute() -> None:
    article = zakerclean.parse('<p>字<img src="https://h.example/a.jpg" alt="图"></p>')
    assert "![图](https://h.example/a.jpg)" in article.to_markdown()
    assert "referrerpolicy" not in article.to_markdown()


def test_command_line_flag_is_generated() -> None:
    parser = build_parser()
    args = parser.parse_args(["clean", "--no-hide-referrer", "x.md"])
    assert args.hide_referrer is False
