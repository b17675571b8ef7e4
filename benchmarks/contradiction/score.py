"""Score contentlint's contradiction (CT) and FAQ-coverage (FQ012) rules on this set.

Usage (from the repository root):

    PYTHONPATH=$PWD python benchmarks/contradiction/score.py [--split dev|heldout|all]
                                                            [--verbose] [--model NAME]

Contradictions: every case of the split is written to a temp file (.md or .html) and
all of them are checked in ONE ``python -m linter check DIR --format json`` run. Only
findings whose code starts with ``CT`` count. A contradiction case is found when a CT
finding sits on the line of its ``later`` or its ``earlier`` substring; its CT findings
on other lines are counted as "extra". Every CT finding on a look-alike is a false
positive. A second, looser count ("+rel") also accepts a finding whose ``related``
locations (the other statement a CT finding cites) include one of those lines: CT001,
for one, reports on the first item of a list and cites the promise as related.

FAQ coverage: for each FAQ of faq_coverage.yaml, a Markdown page with that FAQ is
checked with ``--questions FILE`` (the split's questions asked of that FAQ). FQ012
reports each question the FAQ does not answer, so a question counts as predicted
"covered" when no FQ012 finding names it.

The held-out split is for final judging: tune on dev.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
KINDS = ("comparative", "quantity", "stance", "polarity", "count_promise", "faq_answer")
SUFFIX = {"markdown": ".md", "html": ".html"}


def load_cases(split: str) -> list[dict]:
    splits = ("dev", "heldout") if split == "all" else (split,)
    cases = []
    for name in splits:
        with open(HERE / f"{name}.yaml", encoding="utf-8") as fh:
            cases += yaml.safe_load(fh)
    return cases


def line_of(text: str, sub: str) -> int:
    """1-based line on which the (unique) substring starts."""
    return text.count("\n", 0, text.index(sub)) + 1


def run_linter(paths: list[str], extra: list[str]) -> dict:
    """One ``python -m linter check`` run over ``paths``; its parsed JSON report."""
    cmd = [
        sys.executable,
        "-m",
        "linter",
        "check",
        *paths,
        "--format",
        "json",
        "--exit-zero",
        *extra,
    ]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO)
    if proc.returncode != 0:
        sys.exit(f"linter failed (exit {proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    return json.loads(proc.stdout)


def model_args(model: str | None) -> list[str]:
    return ["--model", model] if model else []


def lines_of(finding: dict) -> set[int]:
    """The finding's line and the lines of its related locations."""
    return {finding["line"]} | {r["line"] for r in finding.get("related") or [] if "line" in r}


def quote_lines(text: str, lines: set[int], indent: str = "      ") -> str:
    rows = text.split("\n")
    return "\n".join(f"{indent}{n:>3}| {rows[n - 1]}" for n in sorted(lines) if 0 < n <= len(rows))


def ct_findings(cases: list[dict], model: str | None) -> dict[str, list[dict]]:
    """CT findings per case id, from one linter run over all cases."""
    with tempfile.TemporaryDirectory(prefix="ct-bench-") as tmp:
        id_of = {}
        for case in cases:
            name = case["id"] + SUFFIX[case["format"]]
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as fh:
                fh.write(case["text"])
            id_of[name] = case["id"]
        report = run_linter([tmp], ["--select", "CT*", *model_args(model)])
    for f in report.get("files", []):
        if f.get("error"):
            print(f"file error: {f['path']}: {f['error']}")
    by_id: dict[str, list[dict]] = collections.defaultdict(list)
    for f in report.get("findings", []):
        if str(f.get("code", "")).startswith("CT"):
            by_id[id_of[os.path.basename(f["path"])]].append(f)
    return by_id


class Tally:
    """Per-kind counts and the cases to show with --verbose."""

    def __init__(self) -> None:
        self.found: collections.Counter[str] = collections.Counter()
        self.found_rel: collections.Counter[str] = collections.Counter()
        self.total: collections.Counter[str] = collections.Counter()
        self.extra: collections.Counter[str] = collections.Counter()
        self.misses: list[tuple[dict, set[int], list[dict]]] = []
        self.extras: list[tuple[dict, list[dict]]] = []
        self.fps: list[tuple[dict, list[dict]]] = []
        self.lookalikes = 0

    def add(self, case: dict, findings: list[dict]) -> None:
        if case["kind"] == "lookalike":
            self.lookalikes += 1
            if findings:
                self.fps.append((case, findings))
            return
        kind, text = case["kind"], case["text"]
        self.total[kind] += 1
        target = {line_of(text, p[s]) for p in case["expect"] for s in ("later", "earlier")}
        hit = any(f["line"] in target for f in findings)
        others = [f for f in findings if f["line"] not in target]
        self.found[kind] += hit
        self.found_rel[kind] += any(lines_of(f) & target for f in findings)
        self.extra[kind] += len(others)
        if not hit:
            self.misses.append((case, target, findings))
        if others:
            self.extras.append((case, others))

    def print_table(self, split: str, n_cases: int) -> None:
        print(f"Contradictions ({split}: {n_cases} cases)")
        print(
            f"  {'kind':<15}{'found':>7}{'total':>7}{'recall':>8}{'extra':>7}{'+rel':>7}{'recall':>8}"
        )

        def row(name: str, f: int, t: int, x: int, fr: int) -> None:
            r = f"{f / t:.2f}" if t else "-"
            rr = f"{fr / t:.2f}" if t else "-"
            print(f"  {name:<15}{f:>7}{t:>7}{r:>8}{x:>7}{fr:>7}{rr:>8}")

        for kind in KINDS:
            row(kind, self.found[kind], self.total[kind], self.extra[kind], self.found_rel[kind])
        row(
            "all",
            sum(self.found.values()),
            sum(self.total.values()),
            sum(self.extra.values()),
            sum(self.found_rel.values()),
        )
        n_fp = sum(len(f) for _, f in self.fps)
        ids = ", ".join(c["id"] for c, _ in self.fps)
        print(
            f"  look-alikes: {n_fp} false positive finding(s) on {len(self.fps)} of "
            f"{self.lookalikes} cases" + (f": {ids}" if ids else "")
        )
        cats = collections.Counter(c.get("category", "?") for c, _ in self.fps)
        if cats:
            print(
                "  false positives by category: "
                + ", ".join(f"{c} {n}" for c, n in sorted(cats.items()))
            )

    def print_details(self) -> None:
        for case, target, findings in self.misses:
            print(f"\nMISS {case['id']} ({case['kind']}): {case['note']}")
            print_findings(findings)
            print(quote_lines(case["text"], target))
        for case, findings in self.fps:
            print(f"\nFALSE POSITIVE {case['id']} ({case.get('category')}): {case['note']}")
            print_findings(findings)
            print(quote_lines(case["text"], {f["line"] for f in findings}))
        for case, findings in self.extras:
            print(f"\nEXTRA {case['id']} ({case['kind']})")
            print_findings(findings)
            print(quote_lines(case["text"], {f["line"] for f in findings}))


def print_findings(findings: list[dict]) -> None:
    for f in findings:
        rel = sorted(lines_of(f) - {f["line"]})
        also = f" (related line {', '.join(map(str, rel))})" if rel else ""
        print(f"    {f['code']} line {f['line']}:{f['column']}{also}: {f['message']}")


def score_contradictions(
    split: str, verbose: bool, model: str | None, path: str | None = None
) -> None:
    if path:
        with open(path, encoding="utf-8") as fh:
            cases = yaml.safe_load(fh)
        split = os.path.basename(path)
    else:
        cases = load_cases(split)
    by_id = ct_findings(cases, model)
    tally = Tally()
    for case in cases:
        tally.add(case, by_id.get(case["id"], []))
    tally.print_table(split, len(cases))
    if verbose:
        tally.print_details()


def faq_page(faq: list[dict]) -> str:
    parts = [
        "# Help centre",
        "",
        "Answers to the questions we hear most often.",
        "",
        "## Frequently Asked Questions",
        "",
    ]
    for entry in faq:
        parts += [f"### {entry['q']}", entry["a"], ""]
    return "\n".join(parts)


def norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def score_coverage(split: str, verbose: bool, model: str | None) -> None:
    with open(HERE / "faq_coverage.yaml", encoding="utf-8") as fh:
        pairs = [p for p in yaml.safe_load(fh) if split == "all" or p["split"] == split]
    groups: dict[str, list[dict]] = collections.defaultdict(list)
    for p in pairs:
        groups[json.dumps(p["faq"], sort_keys=True)].append(p)

    def run_group(key_pairs: tuple[str, list[dict]]) -> dict[str, bool]:
        _key, group = key_pairs
        with tempfile.TemporaryDirectory(prefix="fq-bench-") as tmp:
            page = os.path.join(tmp, "faq.md")
            with open(page, "w", encoding="utf-8") as fh:
                fh.write(faq_page(group[0]["faq"]))
            qfile = os.path.join(tmp, "questions.txt")
            with open(qfile, "w", encoding="utf-8") as fh:
                fh.write("\n".join(p["question"] for p in group) + "\n")
            report = run_linter(
                [page], ["--questions", qfile, "--select", "FQ012", *model_args(model)]
            )
        messages = [
            norm(f["message"]) for f in report.get("findings", []) if f.get("code") == "FQ012"
        ]
        return {p["id"]: not any(norm(p["question"]) in m for m in messages) for p in group}

    predicted: dict[str, bool] = {}
    with ThreadPoolExecutor(max_workers=4) as pool:
        for result in pool.map(run_group, groups.items()):
            predicted.update(result)

    tp = sum(1 for p in pairs if p["covered"] and predicted[p["id"]])
    fn = sum(1 for p in pairs if p["covered"] and not predicted[p["id"]])
    tn = sum(1 for p in pairs if not p["covered"] and not predicted[p["id"]])
    fp = sum(1 for p in pairs if not p["covered"] and predicted[p["id"]])
    acc = (tp + tn) / len(pairs) if pairs else 0.0
    print(f"\nFAQ coverage ({split}: {len(pairs)} pairs, {len(groups)} FAQs)")
    print(f"  covered questions seen as covered:         {tp}/{tp + fn}")
    print(f"  uncovered questions reported (FQ012):      {tn}/{tn + fp}")
    print(f"  accuracy {acc:.2f}")
    wrong = [p for p in pairs if predicted[p["id"]] != p["covered"]]
    if wrong:
        print(
            "  wrong: "
            + ", ".join(
                f"{p['id']}({'missed cover' if p['covered'] else 'false cover'})" for p in wrong
            )
        )
    if verbose:
        for p in wrong:
            label = (
                "COVERED, reported as not covered"
                if p["covered"]
                else "NOT COVERED, passed as covered"
            )
            print(f"\n{label} {p['id']}: {p['question']!r}\n    {p['note']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    ap.add_argument("--verbose", action="store_true", help="show each miss and false positive")
    ap.add_argument("--model", help="spaCy pipeline passed through to the linter's --model")
    ap.add_argument("--file", help="score the cases of this YAML file instead (no FAQ coverage)")
    args = ap.parse_args()
    score_contradictions(args.split, args.verbose, args.model, args.file)
    if args.file:
        return
    score_coverage(args.split, args.verbose, args.model)


if __name__ == "__main__":
    main()
