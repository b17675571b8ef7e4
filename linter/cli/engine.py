"""``audit --engine`` and ``--scheduler``: where an audit's pages run.

``local`` (the default) is the process pool of ``linter.audit.run``; ``dask`` runs them
on a Dask cluster (``linter.audit.dask_engine``): the scheduler at ``--scheduler`` (or
``[audit] scheduler`` in the config), else a local cluster of ``--jobs`` workers.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import click

from linter.cli.common import UserError


def engine_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The two options, as parameters ``engine`` and ``scheduler``."""
    command = click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Run the pages on the Dask scheduler at ADDRESS (tcp://host:8786); implies"
        " --engine dask.",
    )(command)
    return click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        help="Where the pages run: local worker processes (default), or a Dask cluster"
        " (a local one without --scheduler). Dask needs: pip install 'contentlint[dask]'.",
    )(command)


def chosen_engine(engine: str | None, scheduler: str | None, config: Any) -> tuple[str, str | None]:
    """The engine and scheduler address: the command line's, else the config's
    (``[audit]``); a scheduler address implies dask unless ``--engine local`` says not."""
    if engine == "local":
        if scheduler:
            raise UserError("--scheduler runs the audit on Dask: drop --engine local")
        return "local", None
    if scheduler:
        return "dask", scheduler
    engine = engine or config.audit_engine or ("dask" if config.audit_scheduler else "local")
    return engine, config.audit_scheduler if engine == "dask" else None


@contextlib.contextmanager
def open_engine(engine: str, scheduler: str | None, workers: int) -> Iterator[Any]:
    """``None`` for the local engine, else an open ``DaskPool`` (closed on leaving:
    a local cluster's worker processes end with it). Its problems are one line, exit 2."""
    if engine == "local":
        yield None
        return
    from linter.audit.dask_engine import DaskPool, EngineError

    try:
        with DaskPool(workers, scheduler) as pool:
            yield pool
    except EngineError as error:
        raise UserError(str(error)) from None
