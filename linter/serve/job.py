"""What a worker process does with one request: check, review or fix a document.

A worker loads the config and the rule catalogue once (``Checker``) and builds an
engine per set of request options, kept in a small cache, so the spaCy pipeline and the
rules are loaded once per worker and never shared between processes. Nothing here
writes to disk: fixed text goes back to the client.
"""

from __future__ import annotations

import copy
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linter.config import (
    ConfigError,
    Selection,
    apply_overrides,
    config_selection,
    resolve_selection,
)
from linter.engine import Engine
from linter.model import Severity
from linter.read import ReadError, read_bytes
from linter.read.decode import decode
from linter.report import Report, make_printable
from linter.report.json import payload as report_payload
from linter.rulepack import RuleError
from linter.runner import FileResult, result_for
from linter.serve.errors import ApiError
from linter.serve.inputs import DocumentInput
from linter.serve.review import build_review, finding_ids

ENGINES = 8  # engines a worker keeps for different request options


@dataclass(frozen=True)
class ServeSettings:
    """Where the server finds its config: ``--config``, else the nearest to ``start``."""

    config_path: str | None = None
    start: str | None = None
    model: str | None = None  # --model: the spaCy pipeline (None: the config's or blank)


def load_config(settings: ServeSettings):
    """The config and the whole catalogue, as ``check`` finds them (raises ConfigError)."""
    from linter.config import discover, load_config_file
    from linter.rulepack import load_rules

    if settings.config_path:
        config = load_config_file(Path(settings.config_path))
    else:
        config = discover(Path(settings.start) if settings.start else None)
    if settings.model:
        config.settings["nlp.model"] = settings.model
    try:
        catalogue = load_rules(config.rule_packs)
    except RuleError as error:
        raise ConfigError(str(error)) from None
    return config, catalogue


class Checker:
    """One worker's config, catalogue and engines."""

    def __init__(self, settings: ServeSettings) -> None:
        self.config, self.catalogue = load_config(settings)
        self.fail_on = self.config.fail_on or Severity.ERROR
        self._engines: OrderedDict[tuple[Any, ...], Engine] = OrderedDict()

    def warm(self) -> None:
        """Load the pipeline and the readers before the first request needs them."""
        self.check(DocumentInput(b"<h1>Ready</h1><p>The server is ready.</p>", "warm.html"))

    def engine(self, inp: DocumentInput) -> Engine:
        key = inp.settings_key()
        if key in self._engines:
            self._engines.move_to_end(key)
            return self._engines[key]
        config = copy.deepcopy(self.config)
        if inp.keyphrase:
            config.settings["seo.keyphrase"] = inp.keyphrase
        if inp.questions:
            config.settings["faq.questions"] = list(inp.questions)
        request = Selection(select=inp.select, ignore=inp.ignore, where="request", options=False)
        try:
            rules = resolve_selection(self.catalogue, [config_selection(config), request])
            rules = apply_overrides(rules, config, self.catalogue)
        except (ConfigError, RuleError) as error:
            raise ApiError(400, "unknown_rule", str(error)) from None
        model = config.settings.get("nlp.model") or None
        engine = Engine(rules, known=self.catalogue, model=model)
        self._engines[key] = engine
        if len(self._engines) > ENGINES:
            self._engines.popitem(last=False)
        return engine

    def _read(self, inp: DocumentInput):
        try:
            return read_bytes(inp.data, inp.filename, inp.format)
        except ReadError as error:
            raise ApiError(422, "unreadable", f"{inp.filename}: {error}") from None

    def _report(self, result: FileResult, engine: Engine) -> dict[str, Any]:
        report = Report(files=[result], fail_on=self.fail_on, rules=engine.reporting)
        make_printable(report)
        return report_payload(report)

    def _checked(self, inp: DocumentInput):
        engine = self.engine(inp)
        doc = self._read(inp)
        return engine, doc, result_for(inp.filename, doc, engine)

    def check(self, inp: DocumentInput) -> dict[str, Any]:
        """The JSON report, as ``contentlint check --format json`` writes it."""
        engine, _, result = self._checked(inp)
        return self._report(result, engine)

    def review(self, inp: DocumentInput) -> dict[str, Any]:
        """The report with the document's blocks and each finding placed in them."""
        engine, doc, result = self._checked(inp)
        return build_review(doc, result, engine, self._report(result, engine))

    def fix(self, inp: DocumentInput) -> dict[str, Any]:
        """The fixed text of the chosen safe fixes (every safe one when none is named)."""
        from linter.fix import fix_bytes

        engine = self.engine(inp)
        doc = self._read(inp)
        if doc.format == "docx":
            raise ApiError(
                422,
                "not_fixable",
                "Word documents are not rewritten: apply the suggested fixes in Word",
            )
        wanted = None if inp.ids is None else set(inp.ids)
        missing: list[str] = []

        def choose(result: FileResult):
            found = finding_ids(result)
            missing.extend(i for i in sorted(wanted or ()) if i not in found)
            return [found[i] for i in sorted(wanted or ()) if i in found]

        outcome = fix_bytes(
            inp.data, inp.filename, engine, doc.format, None if wanted is None else choose
        )
        notes = [outcome.note] if outcome.note else []
        if missing:
            notes.append(
                f"{len(missing)} of the findings named are not in this text "
                "(it changed since it was checked): check it again"
            )
        if outcome.result.error and outcome.fixed is None:
            notes.append(outcome.result.error)
        fixed = outcome.fixed if outcome.fixed is not None else inp.data
        text, _ = decode(fixed, is_html=doc.format == "html")
        after = DocumentInput(
            fixed, inp.filename, doc.format, inp.select, inp.ignore, inp.keyphrase, inp.questions
        )
        return {
            "text": text,
            "filename": inp.filename,
            "applied": outcome.applied,
            "notes": notes,
            "review": self.review(after),
        }

    def run(self, action: str, inp: DocumentInput) -> dict[str, Any]:
        if action not in ("check", "review", "fix"):
            raise ApiError(404, "not_found", f"no action {action!r}")
        return getattr(self, action)(inp)
