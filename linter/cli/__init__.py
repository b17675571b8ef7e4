"""The ``contentlint`` command: parse options, call the engine, pick a reporter.

Kept thin on purpose: everything it does can be done from Python without it. Heavy
modules (spaCy, lxml, textstat) are imported only when a command needs them, so
``contentlint --version`` and ``contentlint rules`` answer at once.

One module per command (``check``, ``audit``, ``history``; ``rules`` holds ``rules``,
``explain`` and ``init``); ``options`` declares the options, ``common`` and
``destinations`` hold what several commands do.
"""

from __future__ import annotations

import click

from linter import __version__
from linter.cli.audit import audit
from linter.cli.check import check
from linter.cli.history import history
from linter.cli.rules import explain, init, list_rules
from linter.cli.serve import serve


class _Commands(click.Group):
    """The command group, exiting 130 on Ctrl-C (as shells report SIGINT) with one line,
    where click would print "Aborted!" and exit 1. ``audit`` handles its own Ctrl-C
    first, to write the reports of the pages done."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("contentlint: interrupted", err=True)
            ctx.exit(130)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="contentlint")
def main() -> None:
    """Lint articles (HTML, Markdown or plain text): boilerplate, FAQ, contradictions,
    readability, on-page SEO and hygiene, each finding at its exact line and column."""


for _command in (check, audit, init, list_rules, explain, history, serve):
    main.add_command(_command)
