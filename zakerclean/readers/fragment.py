"""Bare HTML fragments (SPEC §2): anything that is no other shape is an HTML body with no
metadata — an RSS description pasted on its own, a saved ``<div>``, a whole page of another
site."""

from __future__ import annotations

from .document import Document

__all__ = ["read_fragment"]


def read_fragment(text: str) -> Document:
    """``text`` as a document with a body and nothing else."""
    return Document(body=text, kind="fragment")
