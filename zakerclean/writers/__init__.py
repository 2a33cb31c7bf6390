"""Writers: everything that turns an ``Article`` (or a ``Failure``) into something else —
Markdown, a Hexo post, notebook HTML, records and DataFrames.  They read models; they never
clean."""
