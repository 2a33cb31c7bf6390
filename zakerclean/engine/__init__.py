"""The engine: the declared passes over one tree, and building the ``Article`` from a document."""
