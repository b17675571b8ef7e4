"""Which sentences the polarity reader has parsed: only those that could meet another.

A polarity clash takes two claims with one thing and one predicate, so a sentence is
worth a parse only when another sentence of the page could make the other claim. Before
any parse each sentence gets a surface signature from the tables the reader itself uses
(``_polarity_read``): the predicate *groups* its words can stand for ("requires",
"mandatory" and "optional" all stand for "required"; "no", "none" and "there is" for
whether a thing exists; a currency figure for a charge) and the Snowball stems of its
content words near the word naming it, where the thing claimed about must be named.
Each group carries the sign its word gives ("optional": required, -1; a price: not
free), left open (0) when a negation sits just before it: two claims clash only when
their signs differ, so "breakfast is included" twice needs no parse. A sentence is
chosen when a (group, stem) of it occurs with another sign in another sentence, or an
FAQ answer read as a statement, or when it speaks of the page's topic ("everything",
"this cake") and its group occurs elsewhere with another sign; sentences with the fewest
possible partners are parsed first, so a page's parse budget goes to likely pairs before
the claims a page repeats in every paragraph. A sentence is a candidate when any word of
the reader's tables names a group (so every WordNet antonym pair, "accessible" /
"inaccessible", is seen) or a frame of ``_polarity_forms`` has its surface cue
(``_SURFACE``). Pronoun subjects make no claim (the reader skips them), so they need no
wildcard. Over-approximate on purpose: the gate may let through a sentence that gives
no claim, never drop one that would meet another.

Cost: a cached look-up a word and one regex scan a sentence; on the benchmark corpus
the polarity candidates fall from 739,000 characters to 297,000 before the budget.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache

from linter.checks.contradiction._words import lexicon
from linter.lexicon import SIGNATURE_WORD, STOP_WORDS, concept_stem, spacy_stop_words
from linter.model import Document, Sentence

# Whether a thing exists or an event is held is read from words with a sign: "no fee",
# "none", "without a deposit" deny; "there is a fee", a currency figure ("a $95 fee") or
# an event verb ("exams are held") assert. Two denials never clash, so a denial is
# parsed only when an assertion shares a content word with it, and the other way round.
DENIED = "exists-"
ASSERTED = "exists+"
_DENY_WORDS = frozenset({"no", "none"})
_THERE_IS = re.compile(r"\bthere(?:\s+is|\s+are|'s|\s+will\s+be)\s+(?!no\b|not\b)", re.I)
_CURRENCY = re.compile(r"[$£€¥]\s?\d|\d\s?(?:usd|eur|gbp|dollars?|pounds?|euros?)\b", re.I)
_MUST = re.compile(r"\b(?:must|(?:have|has|had|need|needs)\s+to)\b", re.I)
_TOPIC = re.compile(r"\b(?:everything|all|every|each|this|these)\b", re.I)
# "covers one vehicle" / "covers any vehicle" (``read_limit``): the limit's object is
# among the next two words.
_LIMIT = re.compile(r"\b(?:one|single|1|any|every|unlimited)\s+(\w+)(?:\s+(\w+))?", re.I)
# Frames of ``_polarity_forms``: "has no X" (not included / supported), "works with X",
# a price ("costs $5": not free), a permission or prohibition ("you can take X",
# "should not take X": allowed), "put X in the dishwasher" (``_PLACED_IN``: W-safe).
_HAS_NO = re.compile(r"\b(?:has|have|had)\s+no\b|\b(?:doesn't|does\s+not|don't|do\s+not)\s+have\b")
_WORKS_WITH = re.compile(r"\bworks?\s+with\b")
_MAY = re.compile(r"\byou\s+(?:can|may)\b")
_MAY_NOT = re.compile(
    r"\b(?:should|must|can|may)\s+(?:not|never)\b"
    r"|\b(?:shouldn't|mustn't|can't|cannot|don't|do\s+not|never)\s+(?!have\b)\w+"
)
_PLACED_IN = re.compile(
    r"\b(?:put|place|pop|throw|run|go|goes|wash|use)\b[^.;:]{0,40}?\b(?:in|into)\s+"
    r"(?:the\s+|a\s+|your\s+)?([a-z]+)"
)
# (frame, group, sign, whether the frame says its own sign, so a negation near it
# changes nothing: "has no X" is already a denial; how many words before and after it
# may name the thing: a modal's verb and object follow it, a price sits by its noun).
_NEAR, _AFTER = (4, 4), (0, 4)
_SURFACE = (
    (_THERE_IS, ASSERTED, 0, True, _NEAR),
    (_CURRENCY, ASSERTED, 0, True, _NEAR),
    (_CURRENCY, "free", -1, False, _NEAR),  # a price: not free, not included
    (_CURRENCY, "included", -1, False, _NEAR),
    (_MUST, "required", 1, False, _AFTER),
    (_HAS_NO, "included", -1, True, _AFTER),
    (_HAS_NO, "supported", -1, True, _AFTER),
    (_WORKS_WITH, "supported", 1, False, _AFTER),
    (_MAY, "allowed", 1, True, _AFTER),
    (_MAY_NOT, "allowed", -1, True, _AFTER),
    (re.compile(r"\bthere(?:'s|\s+is|\s+are)\s+no\b"), "available", -1, True, _AFTER),
    (re.compile(r"\bcom(?:e|es|ing)\s+with\b"), "included", 1, False, _AFTER),
)
# Words of the triggers above that never name the thing claimed about.
_NOT_THINGS = frozenset({"must", "without", "never", "said", "says", "new", "use", "used"})
_OFFLINE = frozenset({"offline", "online", "online-only"})
_ONE = frozenset({"one", "single", "1"})
_NEGATIVE_PREFIXES = frozenset({"non", "un", "in", "not"})
# A negation word ("not", "never", "isn't") leaves the sign of a predicate word up to
# NEGATION_REACH words after it open ("is not usually required", "never put it in"),
# and of one just before it ("requires no experience", "needs nothing").
NEGATION_REACH = 4
_NEGATION = re.compile(r"not|no|never|none|nor|neither|nothing|nobody|without|cannot|\w+n['’]t")


# A group as the gate keys it: the predicate and the sign a word gives it ("optional":
# required, -1), 0 when the word alone does not say ("charged", a price).
Group = tuple[str, int]


@cache
def _groups() -> tuple[dict[str, frozenset[Group]], dict[str, frozenset[Group]]]:
    """(exact word -> predicate groups, Snowball stem of a verb -> predicate groups):
    adjectives and phrases by their spelling ("webbed" is no "web"), verbs by stem
    ("requires", "required" and "require" are one); each group with the word's sign."""
    from linter.checks.contradiction._polarity_read import _adjectives

    lex = lexicon()
    words: dict[str, set[Group]] = {}
    verbs: dict[str, set[Group]] = {}

    def add(table: dict[str, set[Group]], text: str, group: str, sign: int, stem: bool) -> None:
        """A word, or a phrase's last content word ("open source": "source"); a
        hyphenated word also by its head ("water-soluble": "soluble", not "water")."""
        found = SIGNATURE_WORD.findall(text.lower())
        content = [w for w in found if w not in STOP_WORDS]
        if not content or any(_NEGATION.fullmatch(w) for w in found):
            return  # "not included": the negation rule reads it from "not" and "included"
        word = content[-1]
        for part in {word, word.rsplit("-", 1)[-1]}:
            key = concept_stem(part) if stem else part
            table.setdefault(key, set()).add((group, sign))

    for word, (group, sign) in _adjectives().items():
        add(words, word, group, sign, stem=False)
    for phrase, (group, sign) in lex["polarity_phrases"].items():
        add(words, phrase, group, sign, stem=False)
    for word in lex["polarity_extra_words"]:
        add(words, word, "included", -1, stem=False)
    add(words, "free", "free", 1, stem=False)
    add(words, "contains", "contains", 1, stem=False)
    for word in _OFFLINE:
        add(words, word, "offline", 0, stem=False)
    for lemma, (group, sign) in lex["polarity_verbs"].items():
        add(verbs, lemma, group, sign, stem=True)
    # "sold / charged separately": the extra words name it ("separately", "extra"); the
    # verbs alone ("sold", "bought") say nothing of inclusion
    for word in ("pay", "spend", "cost"):
        add(verbs, word, "free", -1, stem=True)
    add(verbs, "contain", "contains", 1, stem=True)
    for word in (*lex["event_verbs"], "place"):
        add(verbs, word, ASSERTED, 0, stem=True)
    for form, lemma in lex["irregular_verbs"].items():
        for group, sign in verbs.get(concept_stem(lemma), ()):
            add(words, form, group, sign, stem=False)
    freeze = lambda table: {k: frozenset(v) for k, v in table.items()}  # noqa: E731
    return freeze(words), freeze(verbs)


# How far (in words) the thing claimed about may sit from the word that names the
# predicate: a clause's subject or object is rarely further from its predicate word.
# A denial of existence names its thing next to it ("no setup fee", "Setup fee: none"),
# a charge next to its figure ("a $95 annual fee", "fees of $95").
WINDOW = 8
_REACH: defaultdict[str, tuple[int, int]] = defaultdict(
    lambda: (WINDOW, WINDOW), {DENIED: (3, 3), ASSERTED: (4, 4)}
)


# A key of a sentence: (predicate group, content stem, sign).
Key = tuple[str, str, int]


@lru_cache(maxsize=4096)  # the gate asks twice of a sentence: is it cued, whom can it meet
def signature(text: str) -> tuple[frozenset[Group], frozenset[Key]]:
    """((predicate group, sign) pairs, (group, content stem, sign) keys) of a sentence's
    words: each group pairs with the content words near the word naming it (``_REACH``,
    or the frame's own reach). A negation up to ``NEGATION_REACH`` words before a
    predicate word, or two after it, leaves its sign open (0); otherwise it keeps the
    sign its word has ("optional" says required -1)."""
    low = text.lower()
    found = [(m.start(), m.group()) for m in SIGNATURE_WORD.finditer(low)]
    starts = [start for start, _ in found]
    stems: list[str | None] = []
    # (word index, group, sign, whether the sign is the frame's own, reach or None)
    at: list[tuple[int, str, int, bool, tuple[int, int] | None]] = []
    for i, (_, word) in enumerate(found):
        named, stem = _word(word)
        at.extend((i, group, sign, False, None) for group, sign in named)
        stems.append(stem)
    if _any_surface().search(low):  # one scan decides whether the frames need a look
        for pattern, group, sign, own, near in (*_SURFACE, (_a_charge(), "free", -1, False, _NEAR)):
            at.extend(
                (bisect_right(starts, m.start()) - 1, group, sign, own, near)
                for m in pattern.finditer(low)
            )
        for m in _PLACED_IN.finditer(low):  # "never put it in the oven": oven-safe
            at.append((bisect_right(starts, m.start()) - 1, f"{m.group(1)}-safe", 1, False, None))
    if any(e[1] == "required" for e in at) and not {s for s in stems if s}.isdisjoint(
        _online_stems()
    ):
        at.extend((e[0], "offline", 0, False, None) for e in list(at) if e[1] == "required")
    for m in _LIMIT.finditer(low):
        i = bisect_right(starts, m.start())
        sign = 1 if m.group(0).split()[0].lower() in _ONE else -1
        at.extend((i, f"limit {concept_stem(w)}", sign, False, None) for w in m.groups() if w)
    negations = [i for i, (_, word) in enumerate(found) if _NEGATION.fullmatch(word)]
    keys = set()
    groups = set()
    for i, group, sign, own, near in at:
        if not own and any(i - NEGATION_REACH <= j <= i + 2 for j in negations):
            sign = 0
        before, after = near or _REACH[group]
        groups.add((group, sign))
        keys.update((group, s, sign) for s in stems[max(0, i - before) : i + after + 1] if s)
    return frozenset(groups), frozenset(keys)


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> tuple[tuple[Group, ...], str | None]:
    """(the predicate groups a lower-case word names, with their signs; its content stem
    or None): cached, since every sentence of a page is looked at and words recur."""
    named: list[Group] = [(DENIED, 0)] if word in _DENY_WORDS else []
    if word in spacy_stop_words() or word in _NOT_THINGS:
        return tuple(named), None
    by_word, by_stem = _groups()
    parts = (word, *word.split("-")) if "-" in word else (word,)
    # "non-toxic", "un-safe": the head after the prefix says the opposite
    flip = -1 if len(parts) > 2 and parts[1] in _NEGATIVE_PREFIXES else 1
    for n, part in enumerate((word, parts[-1]) if len(parts) > 1 else (word,)):
        turn = flip if n > 0 else 1
        for group, sign in (*by_word.get(part, ()), *by_stem.get(concept_stem(part), ())):
            named.append((group, sign * turn))
    if "-" in word and parts[-1] in ("free", "safe"):
        named.append(("contains", -1) if parts[-1] == "free" else (word, 1))
    # a word that names a predicate is not the thing the claim is about
    own = [g for g, _ in named if g != DENIED]
    return tuple(named), None if own else concept_stem(word)


@cache
def _any_surface() -> re.Pattern[str]:
    """Whether any frame of ``_SURFACE``, a charge or a placing can match: one pattern."""
    patterns = [p.pattern for p, *_ in _SURFACE] + [_a_charge().pattern, _PLACED_IN.pattern]
    return re.compile("|".join(f"(?:{p})" for p in dict.fromkeys(patterns)), re.I)


@cache
def _a_charge() -> re.Pattern[str]:
    """ "a 3% fee", "an extra cleaning charge" (not "no fee"): a charge put on something."""
    nouns = "|".join(re.escape(n) for n in lexicon()["polarity_charge_nouns"])
    return re.compile(rf"\ban?\s+(?:\S+\s+){{0,3}}?(?:{nouns})s?\b")


@cache
def _online_stems() -> frozenset[str]:
    return frozenset(concept_stem(w) for w in lexicon()["polarity_online_objects"])


def partners_of(texts: list[str], partners: Iterable[str] = ()) -> list[int | None]:
    """For each of ``texts``: how many other texts (``texts`` or ``partners``, statements
    that are parsed anyway) it could meet, on its rarest (predicate group, content stem)
    key with the other sign (or an unknown one), or on a predicate group when it speaks
    of the page's topic; None when it can meet none (a denial of existence meets only an
    assertion, and the other way round). The fewer, the likelier a real pair: a page's
    parse budget goes to those first."""
    signatures = [signature(text) for text in texts]
    keys: Counter[Key] = Counter()
    group_count: Counter[Group] = Counter()
    # a statement repeated word for word (a template's) cannot answer itself: one count
    distinct = {text: sig for text, sig in zip(texts, signatures, strict=True)}
    distinct.update((text, signature(text)) for text in partners if text not in distinct)
    for groups, own in distinct.values():
        keys.update(own)
        group_count.update(groups)
    out: list[int | None] = []
    for text, (groups, own) in zip(texts, signatures, strict=True):
        counts = [keys[other] - (other in own) for key in own for other in _partner_keys(key)]
        if _TOPIC.search(text) is not None:
            partner_groups = [
                (g, sg) for group, sign in groups for g, _, sg in _partner_keys((group, "", sign))
            ]
            counts += [group_count[g] - (g in groups) for g in partner_groups]
        met = [count for count in counts if count >= 1]
        out.append(min(met) if met else None)
    return out


def _partner_keys(key: Key) -> tuple[Key, ...]:
    """The keys a claim with ``key`` can clash with: the other sign or an unknown one."""
    group, stem, sign = key
    group = _OPPOSITE.get(group, group)
    if sign == 0:
        return (group, stem, 1), (group, stem, -1), (group, stem, 0)
    return (group, stem, -sign), (group, stem, 0)


_OPPOSITE = {DENIED: ASSERTED, ASSERTED: DENIED}


def polarity_chosen(doc: Document, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences of ``sentences`` that could meet another claim of the page, those
    with the fewest possible partners first (the parse budget is spent in this order):
    every sentence whose words name a predicate group and the FAQ answers read as
    statements are the possible partners (``partners_of``, once a document)."""
    rank = doc.memo("contradiction.polarity_gate", lambda: _ranked(doc))
    chosen = [s for s in sentences if (s.block.index, s.start) in rank]
    return sorted(chosen, key=lambda s: rank[(s.block.index, s.start)])


def _ranked(doc: Document) -> dict[tuple[int, int], tuple[int, int]]:
    """(block index, start) of each sentence worth parsing -> (partners, reading order)."""
    from linter.checks.contradiction._clauses import faq_resolved

    # any word of the reader's tables (WordNet's antonym pairs: "accessible" /
    # "inaccessible", "toxic" / "non-toxic") or a frame's cue
    cued = [s for s in doc.sentences if signature(s.text)[0]]
    if not cued:
        return {}
    statements = [statement for _, statement in faq_resolved(doc)]
    found = partners_of([s.text for s in cued], statements)
    return {
        (s.block.index, s.start): (n, order)
        for order, (s, n) in enumerate(zip(cued, found, strict=True))
        if n is not None
    }
