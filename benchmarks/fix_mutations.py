"""Mutation run for ``--fix`` and exact positions: does any input make a fix damage a file?

Takes the first PAGES corpus pages and a few Markdown and plain-text files written here,
mutates each (byte flips, truncation, a BOM or NUL inserted, tab indentation, CR-only and
CRLF line ends, a leading BOM), and for every variant checks that

* every safe fix's span holds exactly the flagged text (``linter.fixspan``), and in
  Markdown and text every finding's source span reads as its excerpt;
* ``--fix`` run twice changes nothing the second time (idempotent);
* the fixed file has the structure of the original (``linter.structure``).

It prints one line per problem and the counts at the end; the counts are in the README.

    python benchmarks/fix_mutations.py [--corpus ../shared/corpus/bench] [--pages 200]
        [--mutations 80]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import tempfile
import traceback
from collections import Counter
from pathlib import Path

from linter.config import discover, select_rules
from linter.engine import Engine
from linter.fix import fix_file
from linter.fixspan import flagged_text_at
from linter.model import Document, Finding
from linter.read import read_bytes
from linter.read.decode import decode
from linter.rulepack import load_rules
from linter.structure import signature

MD = [
    "---\ntitle: A note on the the plan\ndescription: Short  text for the page.\n---\n\n# Notes on the plan\n\nIntro paragraph with enough words to be a normal paragraph here and the the end.\n\n- Item one\n\tthe the quick brown fox jumps over the dog.\n- Item two with a  space run\n\n\n\n## Next heading\n\nOne **the** the two and *a* a three.\n\nSee [the](https://example.com) the docs and `code code` here.\n\n> A quote with the the doubled word.\n>\tand a tab the the line.\n\n| a | b |\n|---|---|\n| the the | x \\| y |\n\nCafÃ© is mojibake and the the end.\n",
    "# Title\n\n1. First item\n\n\tcontinued with the the double.\n2. Second  item  here\n   * nested the the item\n   \t* deeper the the item\n\nParagraph with a hard break  \nand the the next line.\n\nEscaped \\*the\\* the star and &amp; the the entity.\n\n    indented  code  block the the\n\n```\nfenced the the\n```\n",
    "Setext heading the the\n===\n\nText with <span>the</span> the inline html and ![the](i.png) the image.\n\n* a\n\n\n\n* b the the\n\n[ref]: https://example.com\n\nA [the][ref] the reference.\n",
]
TXT = [
    "A Short Note\n\nThe plan  was simple and the the team liked it.\n\n\n\nSecond paragraph here\twith a tab and the the word.\n",
    "Title Of The Piece The first sentence runs in.\n\nBody text with CafÃ© and  spaces and the the repeat.\n",
]


def mutations(data: bytes, rng: random.Random, count: int) -> list[tuple[str, bytes]]:
    """``data`` and ``count`` mutated copies, each named by its kind of damage."""
    out = [("orig", data)]
    kinds = ["flip", "trunc", "bom", "nul", "tab", "cr", "crlf", "bomstart"]
    for n in range(count):
        kind = kinds[n % len(kinds)]
        b = bytearray(data)
        if kind == "flip" and b:
            for _ in range(rng.randint(1, 3)):
                i = rng.randrange(len(b))
                b[i] ^= 1 << rng.randrange(8)
        elif kind == "trunc" and b:
            b = b[: rng.randrange(len(b))]
        elif kind == "bom":
            i = rng.randrange(len(b) + 1)
            b[i:i] = b"\xef\xbb\xbf"
        elif kind == "nul":
            i = rng.randrange(len(b) + 1)
            b[i:i] = b"\x00"
        elif kind == "tab":
            lines = bytes(b).split(b"\n")
            for _ in range(3):
                j = rng.randrange(len(lines))
                lines[j] = b"\t" + lines[j].lstrip(b" ")
            b = bytearray(b"\n".join(lines))
        elif kind == "cr":
            b = bytearray(bytes(b).replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
        elif kind == "crlf":
            b = bytearray(bytes(b).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
        elif kind == "bomstart":
            b[0:0] = b"\xef\xbb\xbf"
        out.append((kind, bytes(b)))
    return out


_MD_MARKUP = re.compile(r"[*_`\[\]()<>!\\|#>~]")


def position_errors(doc: Document, findings: list[Finding], fmt: str) -> list[str]:
    """Findings whose source span does not read as their excerpt."""
    errors = []
    for f in findings:
        if f.fix is not None and f.code in ("HY001", "HY003", "HY004", "HY006"):
            if not flagged_text_at(doc.source, f, fmt):
                errors.append(
                    f"{f.code} {f.line}:{f.column} {doc.source[f.start : f.end]!r} != {f.excerpt!r}"
                )
            continue
        if fmt == "html" or not f.excerpt.strip() or f.excerpt.endswith("…"):
            continue
        if f.code.startswith(("SEO", "FAQ", "CT", "RD")):
            continue  # page-level anchors, not text spans
        span = doc.source[f.start : f.end]
        words = f.excerpt.split()
        flat = (
            " ".join(_MD_MARKUP.sub(" ", span).split())
            if fmt == "markdown"
            else " ".join(span.split())
        )
        want = (
            " ".join(_MD_MARKUP.sub(" ", f.excerpt).split())
            if fmt == "markdown"
            else " ".join(words)
        )
        if flat.replace(" ", "") != want.replace(" ", "") and not (
            words
            and span.lstrip().startswith(words[0][:1])
            and span.rstrip().endswith(words[-1][-1:])
        ):
            errors.append(f"{f.code} {f.line}:{f.column} {span[:60]!r} != {f.excerpt[:60]!r}")
    return errors


REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--mutations", type=int, default=80, help="variants of each seed")
    options = parser.parse_args()
    corpus, pages, per = options.corpus, options.pages, options.mutations
    rules = load_rules(discover().rule_packs)
    full = Engine(rules)
    safe = Engine(select_rules(rules, ["HY001", "HY003", "HY004", "HY006"], []))
    seeds: list[tuple[str, bytes]] = [(f"s{i}.md", t.encode()) for i, t in enumerate(MD)]
    seeds += [(f"s{i}.txt", t.encode()) for i, t in enumerate(TXT)]
    # Past the 8 KB the binary sniff reads, so NUL and stray bytes reach the readers.
    seeds += [
        ("big.md", ("\n\n".join(MD) * 4).encode()),
        ("big.txt", ("\n\n".join(TXT) * 40).encode()),
    ]
    html = sorted(corpus.glob("*.html"))[:pages] if corpus.is_dir() else []
    rng = random.Random(7)
    counts: Counter[str] = Counter()
    tmp = Path(tempfile.mkdtemp(prefix="mutate-"))
    try:
        for name, data in seeds + [(p.name, p.read_bytes()) for p in html]:
            ext = Path(name).suffix
            fmt = {".md": "markdown", ".txt": "text", ".html": "html"}[ext]
            n = per if ext != ".html" else 2
            for kind, variant in mutations(data, rng, n):
                counts["inputs"] += 1
                try:
                    doc = read_bytes(variant, name, fmt)
                except Exception as error:
                    counts["read errors (" + type(error).__name__ + ")"] += 1
                    continue
                checked = full.check(doc)
                counts["rule crashes"] += len(checked.errors)
                for e in checked.errors:
                    print("RULE", name, kind, e[:200])
                counts["findings"] += len(checked.findings)
                for err in position_errors(doc, checked.findings, fmt):
                    counts["position errors"] += 1
                    print("POS", name, kind, err)
                path = tmp / ("m" + ext)
                path.write_bytes(variant)
                try:
                    first = fix_file(str(path), safe, fmt)
                    after = path.read_bytes()
                    second = fix_file(str(path), safe, fmt)
                except Exception:
                    counts["fix crashes"] += 1
                    print("FIXCRASH", name, kind, traceback.format_exc()[-300:])
                    continue
                counts["fixes applied"] += first.applied
                if first.note:
                    counts["notes"] += 1
                    print("NOTE", name, kind, first.note[:160])
                    if "structure" in first.note:
                        counts["structure guard stops"] += 1
                    if "not at that place" in first.note:
                        counts["span guard stops"] += 1
                        print("SPAN", name, kind, first.note[:200])
                if second.applied or path.read_bytes() != after:
                    counts["not idempotent"] += 1
                    print("IDEMP", name, kind, second.applied, second.note)
                if after != variant:
                    old, _ = decode(variant, is_html=fmt == "html")
                    new, _ = decode(after, is_html=fmt == "html")
                    if signature(old, fmt) != signature(new, fmt):
                        counts["structure changed"] += 1
                        print("STRUCT", name, kind)
    finally:
        shutil.rmtree(tmp)
    for key, value in sorted(counts.items()):
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
