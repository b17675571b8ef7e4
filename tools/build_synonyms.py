"""Build ``linter/data/wordnet_senses.txt`` from the WordNet 3.0 dict files.

FAQ coverage (``linter/checks/faq/_coverage.py``) needs to know that "cheap" and
"inexpensive", "kids" and "children", "terrier" and "dog" can mean the same thing. WordNet
knows, but its rare senses join unrelated words ("pay" ~ "give"), so the table keeps only
what is safe enough to match on:

- common words only: single-word lemmas that WordNet's sense-tagged corpus has seen
  (tag count > 0), at most ``MAX_SENSES`` senses in all (very polysemous words such as
  "take" or "run" match by their stem alone);
- each word's first ``TOP_SENSES`` senses (WordNet lists senses by frequency);
- derivationally related forms of those senses ("expensive" ~ "expense");
- for nouns, up to ``HYPERNYM_DEPTH`` broader senses ("terrier" -> "dog"), kept apart:
  a query word is covered by an FAQ word of a broader sense, never the reverse.

Output, keyed by ``concept_stem`` so the linter does no stemming at load time:

    s STEM ID ID ...      the senses of the words with that stem
    h ID PARENT ...       broader senses of a noun sense
    p STEM v|a|r          a stem that is mostly a verb, adjective or adverb

IDs are renumbered in base 36 to keep the file small. Run from the repository root:

    python tools/build_synonyms.py [--wordnet /tmp/wn/x/usr/share/wordnet]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from linter.lexicon import STOP_WORDS, concept_stem  # noqa: E402

OUT = REPO / "linter" / "data" / "wordnet_senses.txt"
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
TOP_SENSES = 2
MAX_SENSES = 10
HYPERNYM_DEPTH = 3
WORD = re.compile(r"[a-z]{3,}")

HEADER = """\
# Senses of common English words for FAQ coverage, built by tools/build_synonyms.py from
# WordNet 3.0 (see LICENSE-WordNet.txt beside this file). "s STEM ID..." lists the senses
# of the words with that Snowball stem; "h ID PARENT..." the broader senses of a noun sense;
# "p STEM v|a|r" the part of speech a stem mostly has when it is not a noun.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
"""


TAGGED: dict[str, dict[str, int]] = defaultdict(dict)


def read_index(folder: Path, pos: str) -> dict[str, list[str]]:
    """Common single-word lemmas -> their synset keys, most frequent sense first.

    Also notes in ``TAGGED`` how often each lemma was seen in each part of speech."""
    senses: dict[str, list[str]] = {}
    for line in (folder / f"index.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        lemma, count = parts[0], int(parts[2])
        pointers = int(parts[3])
        tagged = int(parts[5 + pointers])
        offsets = parts[6 + pointers :]
        if not WORD.fullmatch(lemma) or lemma in STOP_WORDS:
            continue
        TAGGED[lemma][POS_CODE[pos]] = tagged
        if tagged == 0 or count > MAX_SENSES:
            continue
        senses[lemma] = [f"{o}{POS_CODE[pos]}" for o in offsets[:TOP_SENSES]]
    return senses


POS_CODE = POS


def read_data(folder: Path, pos: str) -> dict[str, tuple[list[str], list[str], list[tuple]]]:
    """Synset key -> (its words, its hypernym keys, its derivation links)."""
    synsets: dict[str, tuple[list[str], list[str], list[tuple]]] = {}
    for line in (folder / f"data.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split(" | ", 1)[0].split()
        key = parts[0] + POS_CODE[pos]
        count = int(parts[3], 16)
        words = [parts[4 + 2 * i].lower() for i in range(count)]
        at = 4 + 2 * count
        hypernyms: list[str] = []
        derived: list[tuple] = []
        for i in range(int(parts[at])):
            symbol, offset, target_pos, source_target = parts[at + 1 + 4 * i : at + 5 + 4 * i]
            target_pos = "a" if target_pos == "s" else target_pos
            if symbol in ("@", "@i") and pos == "noun":
                hypernyms.append(offset + target_pos)
            elif symbol == "+":
                derived.append(
                    (int(source_target[:2], 16), offset + target_pos, int(source_target[2:], 16))
                )
        synsets[key] = (
            words,
            hypernyms,
            [(words[s - 1] if s else "", k, t) for s, k, t in derived],
        )
    return synsets


def _derived(index, synsets, senses_of) -> None:
    """Derivationally related words join the sense they derive from."""
    for lemma, keys in index.items():
        senses_of[lemma].update(keys)
        for key in keys:
            for source, target, number in synsets[key][2]:
                # "expensive" (adj) -> "expense" (noun): that one related word (not the
                # rest of its synset) joins this sense
                word = synsets[target][0][number - 1] if number else ""
                if source == lemma and word in index:
                    senses_of[word].add(key)


def _irregular(folder: Path, senses_of) -> None:
    """Irregular forms Snowball leaves alone ("children", "mice") share their senses."""
    for pos in POS:
        for line in (folder / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
            form, *bases = line.split()
            for base in bases:
                if WORD.fullmatch(form) and base in senses_of:
                    senses_of.setdefault(form, set()).update(senses_of[base])


def _broader(senses_of, synsets) -> dict[str, list[str]]:
    broader: dict[str, list[str]] = {}
    for keys in senses_of.values():
        for key in keys:
            if key.endswith("n"):
                chain, frontier = [], [key]
                for _ in range(HYPERNYM_DEPTH):
                    frontier = [h for f in frontier for h in synsets[f][1]]
                    chain += frontier
                if chain:
                    broader[key] = chain
    return broader


def build(folder: Path) -> tuple[dict[str, set[str]], dict[str, list[str]]]:
    index: dict[str, list[str]] = {}
    senses_of: dict[str, set[str]] = defaultdict(set)
    synsets: dict[str, tuple[list[str], list[str], list[tuple]]] = {}
    for pos in POS:
        synsets.update(read_data(folder, pos))
        for lemma, keys in read_index(folder, pos).items():
            index.setdefault(lemma, [])
            index[lemma] += keys
    _derived(index, synsets, senses_of)
    # a sense no other word shares is useless for matching (the stem already matches)
    users: dict[str, int] = defaultdict(int)
    for keys in senses_of.values():
        for key in keys:
            users[key] += 1
    kept = {k for k, n in users.items() if n > 1}
    broader = _broader(senses_of, synsets)
    _irregular(folder, senses_of)
    needed = kept | set(broader) | {h for chain in broader.values() for h in chain}
    by_stem: dict[str, set[str]] = defaultdict(set)
    for lemma, keys in senses_of.items():
        useful = {k for k in keys if k in needed}
        if useful:
            by_stem[concept_stem(lemma)] |= useful
    return by_stem, broader


def base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def write(by_stem: dict[str, set[str]], broader: dict[str, list[str]], out: Path) -> None:
    used = {k for keys in by_stem.values() for k in keys}
    names: dict[str, str] = {}

    def name(key: str) -> str:
        if key not in names:
            names[key] = base36(len(names))
        return names[key]

    lines = [HEADER.rstrip("\n")]
    seen: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for lemma, counts in TAGGED.items():
        for pos, count in counts.items():
            seen[concept_stem(lemma)][pos] += count
    for stem, counts in sorted(seen.items()):
        kind = max(counts, key=lambda p: counts[p])
        if counts[kind] and kind != "n":  # nouns are the default
            lines.append(f"p {stem} {kind}")
    for stem in sorted(by_stem):
        lines.append("s " + stem + " " + " ".join(name(k) for k in sorted(by_stem[stem])))
    for key in sorted(broader):
        chain = [h for h in broader[key] if h in used]
        if key in used and chain:
            lines.append("h " + name(key) + " " + " ".join(name(h) for h in chain))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/tmp/wn/x/usr/share/wordnet"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    by_stem, broader = build(args.wordnet)
    write(by_stem, broader, args.out)
    print(f"{args.out}: {len(by_stem)} stems, {args.out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
