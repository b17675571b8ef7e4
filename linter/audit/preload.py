"""Imported once by the audit's fork server: everything a worker needs, loaded once.

Audit workers are forked from a small server process instead of from the command's own
process (see ``linter.audit.run``). The server imports this module before its first
fork, so every worker starts with spaCy's blank pipeline, every check module, lxml and
numpy already in memory, shared with the other workers until written to.
"""

from __future__ import annotations

import gc

from linter.checks import available_kinds, load_kind
from linter.checks.contradiction._entities import wordnet
from linter.checks.site import _facts, _minhash, _template  # noqa: F401  (to be shared)
from linter.nlp import pipeline, trained
from linter.read import html  # noqa: F401

for _kind in sorted(available_kinds()):
    load_kind(_kind)
pipeline()
# The contradiction readers' trained parse and word tables: loaded here once, not inside
# each worker's first page (where a second of loading counts against the page time limit).
trained()
wordnet()
# Out of the collector's reach: a worker's collections then never walk (and so never
# copy into its private memory) what it shares with the server. About 10 MB a worker.
gc.freeze()
