"""Batch audits: many pages on every core, then the findings only a whole site shows.

``paths`` picks the pages, ``run`` runs the template pass and the lint pass on worker
processes, ``watchdog`` stops a page that goes over the time limit, ``site`` runs the
site rules (their kinds and the facts they read of each page are in
``linter.checks.site``), ``progress`` draws the bar, ``summary`` the closing summary.
"""
