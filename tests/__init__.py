"""The test suite. A regular package (not a namespace one) so that ``python -m tests.fuzz.run``
finds this directory: textstat 0.7 installs a top-level ``tests`` package of its own."""
