"""Shrink a failing candidate to a small one that still fails (delta debugging, ddmin-style).

``shrink(candidate, still_fails)`` removes chunks, then single characters, while
``still_fails`` stays true; used by hand on findings of ``browser_run.py`` and the property
test, whose failure messages print the shrunk input.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["shrink"]


def shrink(candidate: str, still_fails: Callable[[str], bool], budget: int = 4000) -> str:
    """The smallest variant of ``candidate`` found within ``budget`` calls that still fails."""
    current = candidate
    size = max(1, len(current) // 2)
    calls = 0
    while size >= 1 and calls < budget:
        start = 0
        changed = False
        while start < len(current) and calls < budget:
            trial = current[:start] + current[start + size :]
            calls += 1
            if trial and still_fails(trial):
                current = trial
                changed = True
            else:
                start += size
        if not changed:
            size //= 2
    return current
