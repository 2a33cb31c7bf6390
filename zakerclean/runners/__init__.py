"""Runners: the command line, the batch process pool and the Dask recipe, built on the public
verbs.  Only ``ZakerCleanError`` is bad input here; any other exception is a library bug."""
