"""Source profiles: every corpus source finds its profile; unknown sources get the generic one."""

from __future__ import annotations

import pytest

from zakerclean.profiles import GENERIC, PROFILES, profile_for


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("ZAKER", "ZAKER"),
        ("cnBeta", "cnBeta"),
        ("IT 之家", "IT 之家"),
        ("IT之家", "IT 之家"),
        ("快科技（原驱动之家）", "快科技"),
        ("36kr", "36kr"),
        ("掘金", "掘金"),
        ("开源中国", "开源中国"),
    ],
)
def test_known_sources_find_their_profile(source: str, name: str) -> None:
    assert profile_for(source).name == name


@pytest.mark.parametrize("source", [None, "", "某个新网站"])
def test_unknown_sources_get_the_generic_profile(source: str | None) -> None:
    assert profile_for(source) is GENERIC


def test_profile_names_are_unique() -> None:
    names = [profile.name for profile in PROFILES]
    assert len(names) == len(set(names))
