"""Audit history: every ``contentlint audit --db FILE`` run kept in one SQLite file.

SEO staff audit the same site again and again and ask what changed since last time. Each
run is stored with its totals, its pages and its findings; a finding is recognised across
runs by the same fingerprint baselines and SARIF use (rule, portable path, flagged text
and a little context, never the line number), so text inserted above a known problem
does not make it "new". Identical fingerprints are counted as a multiset.

``db`` opens the database and migrates its schema, ``record`` stores a run, ``runs``
reads runs back and compares them, ``render`` puts them in words; this package's names
are what the command line uses.
"""

from linter.history.db import MIGRATIONS, HistoryError, NoEarlierRun, open_db
from linter.history.record import config_hash, record_run
from linter.history.render import render_comparison, render_runs
from linter.history.runs import Comparison, compare, list_runs, resolve_run, trend

__all__ = [
    "MIGRATIONS",
    "Comparison",
    "HistoryError",
    "NoEarlierRun",
    "compare",
    "config_hash",
    "list_runs",
    "open_db",
    "record_run",
    "render_comparison",
    "render_runs",
    "resolve_run",
    "trend",
]
