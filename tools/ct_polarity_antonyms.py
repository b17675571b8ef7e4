"""Build ``linter/data/ct_polarity_antonyms.txt`` from WordNet 3.0 (CT005's antonym table).

CT005 folds a predicate and its antonym into one claim with opposite signs ("legal" /
"illegal", "available" / "unavailable"). The pairs come from WordNet's direct antonym
pointers ("!") between adjective senses, kept only where one word is the other with a
negative prefix (un-, in-, im-, il-, ir-, non-, dis-, a-): such pairs are binary
(a thing is accessible or it is not), while gradable pairs such as "cheap" / "expensive"
are comparisons, read by CT003, and make no polarity claim.

    python tools/ct_polarity_antonyms.py [/tmp/wn/x/usr/share/wordnet]

WordNet 3.0 (c) 2006 Princeton University; its licence (reproduced at the top of the
output) allows use and redistribution with the notice.
"""

from __future__ import annotations

import sys
from pathlib import Path

PREFIXES = ("un", "in", "im", "il", "ir", "non-", "non", "dis", "a")
NOTICE = """\
# CT005 antonym pairs: "word antonym" per line, derived from WordNet 3.0 by
# tools/ct_polarity_antonyms.py (adjective antonym pointers whose words differ by a
# negative prefix, or -ful / -less). The first word of a line is the positive one; a
# line of three ("dangerous safe -1") is a synonym of one side of a pair.
#
# WordNet Release 3.0. This software and database is being provided to you, the
# LICENSEE, by Princeton University under the following license. By obtaining, using
# and/or copying this software and database, you agree that you have read, understood,
# and will comply with these terms and conditions.: Permission to use, copy, modify and
# distribute this software and database and its documentation for any purpose and
# without fee or royalty is hereby granted, provided that you agree to comply with the
# following copyright notice and statements, including the disclaimer, and that the
# same appear on ALL copies of the software, database and documentation, including
# modifications that you make for internal use or for distribution. WordNet 3.0
# Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND
# DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
# WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS FOR
# ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
# DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
# OTHER RIGHTS. The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software and/or database.
# Title to copyright in this software and any associated documentation shall at all
# times remain with Princeton University and LICENSEE agrees to preserve same.
"""


def _synsets(path: Path) -> dict[str, list[tuple[list[str], list[tuple[str, int]]]]]:
    """offset -> (words, antonym pointers as (target offset, target word number))."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split(" | ")[0].split()
        offset, n_words = fields[0], int(fields[3], 16)
        words = [fields[4 + 2 * i].split("(")[0].lower() for i in range(n_words)]
        at = 4 + 2 * n_words
        n_ptr = int(fields[at])
        ptrs = []
        for i in range(n_ptr):
            sym, target, _pos, srcdst = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            if sym == "!":
                ptrs.append((int(srcdst[:2], 16), target, int(srcdst[2:], 16)))
            elif sym == "&":
                similar.setdefault(offset, []).append(target)
        out[offset] = (words, ptrs)
    return out


similar: dict[str, list[str]] = {}  # offset -> its similar-to (satellite) synsets


def _opposite(pos: str, neg: str) -> bool:
    """ "toxic" / "nontoxic", "harmful" / "harmless"."""
    return any(neg == p + pos for p in PREFIXES) or (
        pos.endswith("ful") and neg == pos[:-3] + "less"
    )


def synonyms(wordnet: Path) -> list[tuple[str, str, int]]:
    """(word, positive word of its pair, sign) for the satellite words of a pair that are
    themselves a prefixed pair across its two sides ("poisonous" is similar to "toxic"
    and "nonpoisonous" to "nontoxic"): they say the same as the pair. Other synonyms of
    a side (synset members, lone satellites) are left out: a many-sense adjective's
    synonyms ("autonomous" for "free") would make claims the page never meant. A word
    that would take two readings is left out too."""
    synsets = _synsets(wordnet / "data.adj")
    direct = set(pairs(wordnet))
    seen: dict[str, set[tuple[str, int]]] = {}
    for offset, (words, ptrs) in synsets.items():
        for src, target, dst in ptrs:
            word = words[src - 1] if src else None
            other = synsets[target][0][dst - 1] if dst else None
            if (word, other) not in direct:
                continue  # each pair once, from its positive side
            plus = [w for s in similar.get(offset, []) for w in synsets[s][0]]
            minus = [w for s in similar.get(target, []) for w in synsets[s][0]]
            for a in plus:
                for b in minus:
                    if _opposite(a, b) or _opposite(b, a):
                        seen.setdefault(a, set()).add((word, 1))
                        seen.setdefault(b, set()).add((word, -1))
    paired = {w for pair in direct for w in pair}
    return sorted(
        (w, *next(iter(r)))
        for w, r in seen.items()
        if len(r) == 1 and w not in paired and "_" not in w
    )


def pairs(wordnet: Path) -> list[tuple[str, str]]:
    synsets = _synsets(wordnet / "data.adj")
    found = set()
    for words, ptrs in synsets.values():
        for src, target, dst in ptrs:
            word = words[src - 1] if src else None
            other_words = synsets[target][0]
            other = other_words[dst - 1] if dst else None
            if not word or not other or "_" in word + other:
                continue
            for pos, neg in ((word, other), (other, word)):
                if _opposite(pos, neg):
                    found.add((pos, neg))
    return sorted(found)


def main() -> None:
    wordnet = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/wn/x/usr/share/wordnet")
    out = Path(__file__).resolve().parents[1] / "linter" / "data" / "ct_polarity_antonyms.txt"
    rows = pairs(wordnet)
    same = synonyms(wordnet)
    text = "".join(f"{a} {b}\n" for a, b in rows) + "".join(f"{w} {p} {s}\n" for w, p, s in same)
    out.write_text(NOTICE + text, encoding="utf-8")
    print(f"{len(rows)} pairs, {len(same)} synonyms -> {out}")


if __name__ == "__main__":
    main()
