"""The cleaning rules of SPEC §3, one module each.

:mod:`zakerclean.engine.pipeline` runs them in order.

Every rule is a pure function ``rule(root, ctx) -> int`` that edits the tree below ``root`` and
returns how many changes it made (counted into ``Article.report``).
"""
