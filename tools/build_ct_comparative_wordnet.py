"""Build ``linter/data/ct_wordnet.tsv``, the word knowledge of the comparative (CT003) and
stance (CT004) readers, from the WordNet 3.0 dict files.

Usage: python tools/build_ct_comparative_wordnet.py [WORDNET_DICT_DIR]
(default /usr/share/wordnet, as Debian's wordnet-base installs it).

Three tables, one word a line, single words only, the first senses only (the ones prose
means; WordNet orders senses by frequency):

- ``a WORD SCALE:DIR ...``: an adjective (or an adverb, through the adjective it is
  derived from) and the scales it lies on. A scale is a pair of antonymous head
  adjectives ("fast" / "slow"), named by the smaller synset offset; DIR is +1 on the
  side of that synset and -1 on its antonym's; satellites ("speedy", "quick") inherit
  their head's place. "Cheaper" and "more expensive" thus meet on one scale, turned.
- ``v WORD ID ...`` and ``n WORD ID ...``: the synsets of a common verb or noun's first
  senses (words of WordNet's sense-tagged corpus),
  so that "absorbed" and "digests", or "reply" and "response", are found to be one
  event or thing when they share one.
- ``d WORD SCALE:DIR ...``: a common noun and the scales of the adjectives WordNet derives
  from its first senses ("noise" -> "noisy", "dust" -> "dusty"), so that "makes less
  noise" meets "is quieter" and "kicks up less dust" meets "the less dusty".
- ``p WORD``: nouns whose first or second sense is a person or a group ("commuters", "families"):
  a "for ..." phrase naming them limits a verdict to an audience.

The output carries WordNet's licence notice, which allows redistribution with it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SENSES = 3
OUT = Path(__file__).resolve().parent.parent / "linter" / "data" / "ct_wordnet.tsv"
NOTICE = """\
# Derived from WordNet 3.0 by tools/build_ct_comparative_wordnet.py (do not edit by hand).
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT
# LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
# ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED
# SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,
# COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in advertising or
# publicity pertaining to distribution of the software and/or database. Title to
# copyright in this software, database and any associated documentation shall at all
# times remain with Princeton University and LICENSEE agrees to preserve same.
"""
_WORD = re.compile(r"^[a-z][a-z-]*$")
PERSON_OR_GROUP = {"14", "18"}  # lexicographer files noun.group, noun.person


def index(path: Path, tagged_only: bool = False, senses: int = SENSES) -> dict[str, list[int]]:
    """word -> its first synsets; ``tagged_only``: words seen in WordNet's sense-tagged
    corpus (the common ones), which keeps the noun and verb tables small."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        word, n_ptr = parts[0], int(parts[3])
        if _WORD.match(word) and not (tagged_only and parts[5 + n_ptr] == "0"):
            out[word] = [int(x) for x in parts[6 + n_ptr :]][:senses]
    return out


def data(path: Path) -> dict[int, tuple[str, str, list[tuple[str, int, str]]]]:
    """offset -> (lex file number, synset type, pointers (symbol, offset, pos))."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split(" | ")[0].split()
        offset, lexfile, kind, n_words = int(parts[0]), parts[1], parts[2], int(parts[3], 16)
        i = 4 + 2 * n_words
        n_ptr = int(parts[i])
        ptrs = [(parts[i + 1 + 4 * k], int(parts[i + 2 + 4 * k]), parts[i + 3 + 4 * k])
                for k in range(n_ptr)]  # fmt: skip
        out[offset] = (lexfile, kind, ptrs)
    return out


def scales_of(offset: int, adj: dict) -> set[str]:
    """The scales an adjective synset lies on: its own antonym pair, or its head's."""
    _lex, kind, ptrs = adj[offset]
    heads = [offset] if kind == "a" else [o for s, o, p in ptrs if s == "&" and p in "as"]
    out = set()
    for head in heads:
        for sym, other, _pos in adj[head][2]:
            if sym == "!":
                low = min(head, other)
                out.add(f"{low}:{1 if head == low else -1}")
    return out


def linked_rows(tag: str, words: dict, synsets: dict, symbol: str, adj: dict) -> list[str]:
    """``tag`` rows: each word and the scales of the adjectives its senses point to with
    ``symbol`` (an adverb's "\\" to its adjective; a noun's "+" to the adjectives
    derived from it: "more noise" is "noisier" whatever noise is meant)."""
    rows = []
    for word, offsets in sorted(words.items()):
        scales = set()
        for o in offsets:
            for sym, other, pos in synsets[o][2]:
                if sym == symbol and pos in "as":
                    scales |= scales_of(other, adj)
        if scales:
            rows.append(f"{tag}\t{word}\t{' '.join(sorted(scales))}")
    return rows


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    adj, adv = data(root / "data.adj"), data(root / "data.adv")
    noun = data(root / "data.noun")
    rows = []
    for word, offsets in sorted(index(root / "index.adj").items()):
        scales = set().union(*(scales_of(o, adj) for o in offsets))
        if scales:
            rows.append(f"a\t{word}\t{' '.join(sorted(scales))}")
    rows += linked_rows("r", index(root / "index.adv"), adv, "\\", adj)
    for word, offsets in sorted(index(root / "index.verb", True).items()):
        rows.append(f"v\t{word}\t{' '.join(map(str, offsets))}")
    for word, offsets in sorted(index(root / "index.noun", True).items()):
        rows.append(f"n\t{word}\t{' '.join(map(str, offsets))}")
    rows += linked_rows("d", index(root / "index.noun", True, 99), noun, "+", adj)
    for word, offsets in sorted(index(root / "index.noun").items()):
        if any(noun[o][0] in PERSON_OR_GROUP for o in offsets[:2]):
            rows.append(f"p\t{word}")
    OUT.write_text(NOTICE + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
