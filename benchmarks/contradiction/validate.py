"""Check the contradiction and FAQ-coverage benchmark files.

Usage: python benchmarks/contradiction/validate.py

Loads dev.yaml, heldout.yaml and faq_coverage.yaml from this folder, checks
their schema, that every expected `later`/`earlier` substring occurs exactly
once in its case's text, that ids are unique, and prints counts per kind and
split. Exits 1 when anything is wrong.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KINDS = (
    "comparative",
    "quantity",
    "stance",
    "polarity",
    "count_promise",
    "faq_answer",
    "lookalike",
)
MINIMUM = {
    "comparative": 16,
    "quantity": 16,
    "stance": 14,
    "polarity": 14,
    "count_promise": 12,
    "faq_answer": 14,
    "lookalike": 50,
}
FORMATS = ("markdown", "html")
CASE_KEYS = {"id", "kind", "domain", "format", "text", "expect", "note"}
SPLITS = ("dev", "heldout")
MIN_LINES, MAX_LINES = 6, 25
MIN_FAQ_PAIRS = 40


def load(name: str):
    with open(HERE / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def check_fields(case: dict, where: str, errors: list[str], warnings: list[str]) -> None:
    """Keys, kind, id prefix, format, domain and note."""
    allowed = CASE_KEYS | ({"category"} if case.get("kind") == "lookalike" else set())
    missing = CASE_KEYS - case.keys()
    if missing:
        errors.append(f"{where}: missing keys {sorted(missing)}")
    extra = case.keys() - allowed
    if extra:
        errors.append(f"{where}: unexpected keys {sorted(extra)}")
    kind = case.get("kind")
    if kind not in KINDS:
        errors.append(f"{where}: kind {kind!r} is not one of {KINDS}")
    if not str(case.get("id", "")).startswith(f"{kind}-"):
        warnings.append(f"{where}: id does not start with its kind")
    if case.get("format") not in FORMATS:
        errors.append(f"{where}: format {case.get('format')!r} is not one of {FORMATS}")
    for key in ("domain", "note"):
        if not isinstance(case.get(key), str) or not case.get(key).strip():
            errors.append(f"{where}: {key} must be a non-empty string")


def check_pair_substrings(
    text: str, pair, where: str, errors: list[str], warnings: list[str]
) -> None:
    """One expected pair: both substrings occur exactly once, later after earlier."""
    if not isinstance(pair, dict) or set(pair) != {"later", "earlier"}:
        errors.append(f"{where} must have exactly the keys later and earlier")
        return
    offsets = {}
    for role in ("later", "earlier"):
        sub = pair[role]
        if not isinstance(sub, str) or not sub:
            errors.append(f"{where}.{role} must be a non-empty string")
            continue
        count = text.count(sub)
        if count != 1:
            errors.append(f"{where}.{role} {sub!r} occurs {count} times in the text")
            continue
        if "\n" in sub:
            warnings.append(f"{where}.{role} spans lines")
        offsets[role] = text.index(sub)
    if len(offsets) < 2:
        return
    if offsets["later"] <= offsets["earlier"]:
        errors.append(f"{where}: later does not come after earlier")
    elif text.count("\n", 0, offsets["later"]) == text.count("\n", 0, offsets["earlier"]):
        warnings.append(f"{where}: later and earlier are on the same line")


def check_expect(case: dict, where: str, errors: list[str], warnings: list[str]) -> None:
    """Look-alikes: empty expect and a category; others: valid pairs."""
    expect = case.get("expect")
    if not isinstance(expect, list):
        errors.append(f"{where}: expect must be a list")
        return
    if case.get("kind") == "lookalike":
        if expect:
            errors.append(f"{where}: a look-alike must have an empty expect list")
        if not isinstance(case.get("category"), str) or not case["category"].strip():
            errors.append(f"{where}: a look-alike needs a category")
        return
    if not expect:
        errors.append(f"{where}: a contradiction case needs at least one expected pair")
    for i, pair in enumerate(expect):
        check_pair_substrings(case["text"], pair, f"{where}: expect[{i}]", errors, warnings)


def check_case(case, split: str, errors: list[str], warnings: list[str]) -> None:
    where = f"{split}:{case.get('id', '?') if isinstance(case, dict) else '?'}"
    if not isinstance(case, dict):
        errors.append(f"{where}: a case must be a mapping")
        return
    check_fields(case, where, errors, warnings)
    text = case.get("text")
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: text must be a non-empty string")
        return
    n_lines = len(text.rstrip("\n").split("\n"))
    if not MIN_LINES <= n_lines <= MAX_LINES:
        errors.append(f"{where}: text has {n_lines} lines, expected {MIN_LINES}-{MAX_LINES}")
    if any(line != line.rstrip() for line in text.split("\n")):
        warnings.append(f"{where}: trailing whitespace in text")
    check_expect(case, where, errors, warnings)


def check_pair(pair, errors: list[str]) -> None:
    where = f"faq_coverage:{pair.get('id', '?') if isinstance(pair, dict) else '?'}"
    if not isinstance(pair, dict):
        errors.append(f"{where}: a pair must be a mapping")
        return
    keys = {"id", "split", "faq", "question", "covered", "note"}
    if set(pair) != keys:
        errors.append(f"{where}: keys must be {sorted(keys)}, got {sorted(pair)}")
    if pair.get("split") not in SPLITS:
        errors.append(f"{where}: split must be one of {SPLITS}")
    if not isinstance(pair.get("covered"), bool):
        errors.append(f"{where}: covered must be true or false")
    for key in ("question", "note"):
        if not isinstance(pair.get(key), str) or not pair.get(key).strip():
            errors.append(f"{where}: {key} must be a non-empty string")
    faq = pair.get("faq")
    if not isinstance(faq, list) or not faq:
        errors.append(f"{where}: faq must be a non-empty list")
        return
    for i, entry in enumerate(faq):
        if (
            not isinstance(entry, dict)
            or set(entry) != {"q", "a"}
            or not all(isinstance(entry[k], str) and entry[k].strip() for k in ("q", "a"))
        ):
            errors.append(f"{where}: faq[{i}] must have non-empty q and a")


def print_counts(counts, categories, cov_counts, errors: list[str]) -> None:
    print(f"{'kind':<15}{'dev':>6}{'heldout':>9}{'total':>7}{'min':>6}")
    for kind in KINDS:
        d, h = counts["dev"][kind], counts["heldout"][kind]
        flag = ""
        if d + h < MINIMUM[kind]:
            flag = "  BELOW MINIMUM"
            errors.append(f"{kind}: {d + h} cases, fewer than {MINIMUM[kind]}")
        print(f"{kind:<15}{d:>6}{h:>9}{d + h:>7}{MINIMUM[kind]:>6}{flag}")
    d, h = sum(counts["dev"].values()), sum(counts["heldout"].values())
    print(f"{'all':<15}{d:>6}{h:>9}{d + h:>7}")
    print("look-alike categories: " + ", ".join(f"{c} {n}" for c, n in sorted(categories.items())))
    print("FAQ coverage pairs:")
    for split in SPLITS:
        print(
            f"  {split:<8} covered {cov_counts[(split, True)]:>3}  not covered {cov_counts[(split, False)]:>3}"
        )


def main() -> int:
    errors: list[str] = []
    warnings: list[str] = []
    ids: collections.Counter[str] = collections.Counter()
    counts: dict[str, collections.Counter[str]] = {s: collections.Counter() for s in SPLITS}
    categories: collections.Counter[str] = collections.Counter()
    for split in SPLITS:
        cases = load(f"{split}.yaml")
        if not isinstance(cases, list):
            errors.append(f"{split}.yaml: must be a list of cases")
            continue
        for case in cases:
            check_case(case, split, errors, warnings)
            if isinstance(case, dict):
                ids[str(case.get("id"))] += 1
                counts[split][case.get("kind")] += 1
                if case.get("kind") == "lookalike":
                    categories[case.get("category")] += 1
    pairs = load("faq_coverage.yaml")
    cov_counts: collections.Counter[tuple[str, bool]] = collections.Counter()
    if not isinstance(pairs, list):
        errors.append("faq_coverage.yaml: must be a list of pairs")
        pairs = []
    for pair in pairs:
        check_pair(pair, errors)
        if isinstance(pair, dict):
            ids[str(pair.get("id"))] += 1
            cov_counts[(pair.get("split"), pair.get("covered"))] += 1
    errors += [f"id {ident!r} is used {n} times" for ident, n in ids.items() if n > 1]
    if len(pairs) < MIN_FAQ_PAIRS:
        errors.append(f"faq_coverage: {len(pairs)} pairs, fewer than {MIN_FAQ_PAIRS}")
    print_counts(counts, categories, cov_counts, errors)
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
