"""How well the editor's app places findings on the words they are about.

For every page of the corpus (and the project's samples) this runs what ``POST
/v1/review`` runs in a worker and counts, for the findings that point at a span (not at
the whole page):

- placed: the review puts them on a block of the document (else the app lists them under
  "Whole document" only);
- exact: the placed words are the finding's own excerpt (white space folded), so the
  highlight covers what the message talks about; on_element_text: the finding points at
  an element's markup (a link, a heading, a meta tag) and the highlight is its text.

It prints the totals, the rules with unplaced or inexact findings, and a few examples of
each, to read by hand.

    python benchmarks/review_placement.py [--corpus ../shared/corpus/bench] [--examples 5]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from linter.serve.inputs import DocumentInput  # noqa: E402
from linter.serve.job import Checker, ServeSettings  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bench"
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")


def fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def same_words(placed: str, excerpt: str) -> str:
    """ "exact" when the placed words are the excerpt (which reports cut with "…" when
    long); "element" when the excerpt is an element's markup and the words are its text
    (a link's, a heading's, a meta tag's content); else "inexact"."""
    placed, excerpt = fold(placed), fold(excerpt)
    cut = excerpt.endswith("…")
    body = excerpt[:-1].rstrip() if cut else excerpt
    if placed == body or (cut and placed.startswith(body)):
        return "exact"
    text = fold(_TAG.sub("", body))
    if (
        excerpt.startswith("<")
        and placed
        and (placed == text or (cut and placed.startswith(text)) or placed[:40] in body)
    ):
        return "element"
    return "inexact"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--examples", type=int, default=5)
    args = parser.parse_args()
    paths = sorted(p for p in (REPO / "samples").iterdir() if p.is_file())
    if args.corpus.is_dir():
        paths += sorted(args.corpus.glob("*.html"))
    checker = Checker(ServeSettings(start=str(REPO)))
    # Findings of rules that judge the whole page sit at a representative spot; the app
    # lists them under "Whole document", so only span findings are counted here.
    whole_page = {rule.code for rule in checker.catalogue if rule.anchor == "document"}
    totals: Counter[str] = Counter()
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        review = checker.review(DocumentInput(path.read_bytes(), path.name))
        blocks = review["document"]["blocks"]
        for finding in review["findings"]:
            if finding["code"] in whole_page or finding["excerpt"] == "":
                continue
            totals["span"] += 1
            code = finding["code"]
            by_rule[code]["span"] += 1
            if finding["block"] is None:
                outcome = "unplaced"
            else:
                words = blocks[finding["block"]]["text"][finding["start"] : finding["end"]]
                outcome = same_words(words, finding["excerpt"])
                if outcome == "inexact":
                    note = f"{path.name}:{finding['line']} {code} {words[:60]!r} vs {finding['excerpt'][:60]!r}"
                    examples[f"inexact {code}"].append(note)
            if outcome == "unplaced":
                examples[f"unplaced {code}"].append(
                    f"{path.name}:{finding['line']} {finding['excerpt'][:70]!r}"
                )
            totals[outcome] += 1
            by_rule[code][outcome] += 1
    span = totals["span"] or 1
    print(json.dumps({
        "pages": len(paths),
        "span_findings": totals["span"],
        "placed": round((totals["exact"] + totals["element"] + totals["inexact"]) / span, 4),
        "exact": round(totals["exact"] / span, 4),
        "on_element_text": totals["element"],
        "unplaced": totals["unplaced"],
        "inexact": totals["inexact"],
    }))  # fmt: skip
    for code, counts in sorted(by_rule.items()):
        if counts["unplaced"] or counts["inexact"]:
            print(f"  {code}: {dict(counts)}")
    for key, notes in sorted(examples.items()):
        for note in notes[: args.examples]:
            print(f"  [{key}] {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
