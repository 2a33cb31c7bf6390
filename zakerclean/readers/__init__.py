"""Readers: one module per input shape, each turning raw input into one typed ``Document``.

Data flows one way (``docs/decisions.md``): readers → document → engine → model → writers.
A reader never cleans HTML and never builds an ``Article``; it only finds the body and the
metadata of its shape and says what it had to recover (``Document.warnings``).
"""
