"""Claim extraction for the contradiction rules (CT001-CT005).

A claim is a small, typed statement found in one sentence of the article body: a
quantity ("tuition is $4,200 a year"), a comparison ("managers earn more than
administrators"), a stance ("neither is better"), a sameness ("A is the same as B") or a
polarity ("a degree is not required for entry-level roles"). Each claim carries a *key*
(subject, dimension, scope) and a *value*; two claims can only contradict when their keys
are equal, so checks group claims by key and compare within a group, never all pairs.

Extraction is pattern-based over sentence text on the default blank pipeline: regexes plus
the small lexicon in ``data/ct_lexicon.yaml``. It is deliberately narrow. A claim is only
taken when its subject is explicit (no pronouns), it is not a question, not hedged ("may",
"often", "some"...) and not conditional ("if", "for example"...), because a contradiction
rule that guesses is worse than none. Scope (years, "in the US", past tense) is part of the
key, so "in 2022" and "in 2024" never meet.

Cost: every regex is anchored on a lexicon word and run once per sentence, so extraction
is O(n) in article length; grouping is a dict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import chain
from typing import Any

import yaml

from linter.checks.base import Hit, block_hit, related_at
from linter.model import FAQ_QUESTION, HEADING, QUOTE, Document, Sentence


@cache
def lexicon() -> dict[str, Any]:
    """The shipped lexicon, loaded once (by libyaml when PyYAML has it: a tenth of the
    time of the Python loader, for the same data)."""
    text = (resources.files("linter") / "data" / "ct_lexicon.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@dataclass(slots=True)
class Claim:
    """One claim: where it is, what it is about (``key``) and what it says (``value``)."""

    sentence: Sentence
    start: int  # offsets in sentence.block.text
    end: int
    key: tuple[Any, ...]
    value: Any
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.sentence.block.text[self.start : self.end]


# --- shared word handling -----------------------------------------------------------------


def _split(text: str) -> list[str]:
    return text.split()


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DETERMINERS = _set("a an the this that these those its our your their his her my any each every")
_PRONOUNS = _set(
    "it they this that these those he she we you i which who what there one both "
    "either neither them something everything anything nothing someone everyone"
)
# Words that end a noun phrase when scanning backwards from a verb.
_BREAK = _set(
    "is are was were be been being has have had do does did and or but than for of in "
    "on at to by from with that which who while because if when as so also not no yet "
    "then where although though since after before into over under about between "
    "among per via whereas can could may might will would should must"
)
_NEUTRAL_MODIFIERS = _set("annual yearly total overall current estimated full")
_WORD = r"[A-Za-z][\w'’-]*"
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        _split(
            "zero one two three four five six seven eight nine ten eleven "
            "twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        )
    )
}
_NUM = r"(?:\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
# The first characters a ``_NUM`` can start with. Put before ``_NUM`` in a pattern that
# is searched through every sentence, it fails most word starts with one test instead
# of one per alternative (four times faster); under re.I it folds case as they do.
_NUM_START = r"(?=[\d" + "".join(sorted({w[0] for w in _NUMBER_WORDS})) + "])"


def number(text: str) -> float | None:
    """A number written in digits or as a word (one to twenty)."""
    text = text.lower().replace(",", "")
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    try:
        return float(text)
    except ValueError:
        return None


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def phrase_key(text: str) -> tuple[str, ...]:
    """A noun phrase folded for comparison: lower case, no determiners, singular."""
    words = re.findall(r"[\w'’-]+", text.lower().replace("’", "'"))
    return tuple(_singular(w) for w in words if w not in _DETERMINERS)


def words_before(text: str, end: int, limit: int = 5) -> tuple[int, list[str]]:
    """The noun phrase that ends at ``end``: up to ``limit`` words back to a break word."""
    out: list[str] = []
    start = end
    for match in reversed(list(re.finditer(r"[\w'’-]+|[^\w\s]", text[:end]))):
        word = match.group()
        lower = word.lower()
        if not re.match(r"[\w'’-]", word) or lower in _BREAK or len(out) >= limit:
            break
        if lower in _DETERMINERS:
            start = match.start()  # a determiner opens the noun phrase: in the span, not the key
            break
        out.insert(0, word)
        start = match.start()
    return start, out


def _terms(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, any case; the longest of them where several fit."""
    parts = sorted(
        ((w, re.escape(w).replace(r"\ ", r"\s+")) for w in words),
        key=lambda pair: len(pair[1]),
        reverse=True,
    )
    if all(w[:1].isascii() and w[:1].isalnum() for w, _ in parts):
        body = _by_first_letter(parts)
    else:
        body = "|".join(part for _, part in parts)
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.I)


def _by_first_letter(parts: list[tuple[str, str]]) -> str:
    """``(word, regex)`` alternatives grouped under their first letter: "a(?:lmost|bout)".

    The pattern is tried at every word start of every sentence; one test of the first
    letter then rules out a whole group instead of one alternative at a time. Groups
    start with different letters (ASCII, whatever their case), so no two can match at
    one place, and each keeps its order: the match is the one the flat list finds.
    """
    groups: dict[str, list[str]] = {}
    for word, part in parts:
        groups.setdefault(word[0].lower(), []).append(part[1:])  # ASCII: escaped as itself
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


@cache
def _hedge_re() -> re.Pattern[str]:
    return _terms(lexicon()["hedges"])


@cache
def _condition_re() -> re.Pattern[str]:
    return _terms(lexicon()["conditions"])


def hedged(text: str) -> bool:
    """True if ``text`` softens its claim ("may", "often", "some"...)."""
    return bool(_hedge_re().search(text))


def conditional(text: str) -> bool:
    """True if ``text`` states its claim under a condition or as an example."""
    return bool(_condition_re().search(text))


_YEAR = re.compile(r"\b(?:19|20)\d{2}s?\b")
_PLACE = re.compile(
    r"\b(?:in|across|throughout|within|outside)\s+(?:the\s+)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)"
)
_PAST = re.compile(
    r"\b(?:was|were|used to|had been|previously|formerly|last year|ago|once|originally)\b", re.I
)
_FUTURE = re.compile(r"\b(?:will|would|going to|next year|soon|planned|plans to)\b", re.I)


def scope(text: str) -> tuple[Any, ...]:
    """Years, places and tense of a sentence: claims with different scopes never meet."""
    years = frozenset(y.lower() for y in _YEAR.findall(text))
    places = frozenset(p.lower() for p in _PLACE.findall(text))
    tense = "past" if _PAST.search(text) else "future" if _FUTURE.search(text) else "present"
    return (years, places, tense)


def claim_sentences(doc: Document) -> Iterator[Sentence]:
    """Body sentences that can carry a claim: no questions, no pull quotes."""
    for sentence in doc.sentences:
        if sentence.block.kind in (QUOTE, FAQ_QUESTION):
            continue
        text = sentence.text.rstrip()
        if text.endswith("?") or len(text) < 8:
            continue
        yield sentence


_FRONTED = re.compile(
    r"^\s*(?:(?:and|but|so|yet|still|however|also)\s+)?((?:in|at|for|among|during|within|across|"
    r"outside|under|on|by|after|before|over|until|with)\s+[^,]{1,60}),",
    re.I,
)
_CONNECTIVES = frozenset(
    {
        "in practice", "in fact", "in short", "in general", "in other words", "on the other hand",
        "in addition", "in the end", "by contrast", "in contrast", "at the same time", "on top of that",
        "in reality", "after all", "for now", "in truth", "on balance", "by comparison", "in comparison",
        "later on", "for the record",
    }
)  # fmt: skip
_TRAILING = re.compile(
    r"\s+((?:in|at|for|among|during|within|across|on|over|after|before|until|by|with|to)\s+"
    r"[^,.;:!?()]{1,40})"
)


def fronted(text: str, left: int, start: int) -> tuple[str, ...]:
    """A phrase put in front of the claim ("In small clinics, ..."): it limits the claim,
    so it is part of the key. Connectives such as "On the other hand," are not."""
    m = _FRONTED.match(text[left:start])
    if m is None:
        return ()
    phrase = " ".join(m.group(1).lower().split())
    return () if phrase in _CONNECTIVES else phrase_key(phrase)


def trailing(text: str, end: int, right: int) -> tuple[str, ...]:
    """A prepositional phrase right after the claim ("... in large hospitals")."""
    m = _TRAILING.match(text, end, right)
    if m is None:
        return ()
    return phrase_key(_COMP_END.sub("", m.group(1)))


_CLAUSE_SEPARATOR = re.compile(
    r";|:\s|\s[–—]\s|,\s+(?:but|while|whereas|although|though|yet|which|so|and|because|since)\b"
    r"|\bwhile\b"
)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: between separators such as ";" or ", but"."""
    left = 0
    for m in _CLAUSE_SEPARATOR.finditer(text, 0, start):
        left = m.end()
    m = _CLAUSE_SEPARATOR.search(text, end)
    return left, m.start() if m else len(text)


# --- CT002: quantities ----------------------------------------------------------------------

_MONEY_VALUE = (
    r"(?P<cur>[$€£])\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<mult>k|K|m|M|bn|million|billion|thousand)\b)?"
    r"|(?P<num2>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<mult2>k|thousand|million|billion)?\s?"
    r"(?P<cur2>dollars|USD|euros|EUR|pounds|GBP)\b"
)
_PERCENT_VALUE = r"(?P<pnum>\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)"
_APPROX = (
    r"(?P<approx>about|around|roughly|approximately|nearly|almost|close\s+to|just\s+over|"
    r"just\s+under|over|under|more\s+than|less\s+than|at\s+least|up\s+to|below|above|"
    r"an\s+average\s+of|on\s+average)?\s*"
)
_PER = (
    r"(?P<per>\s+(?:a|per|an|each)\s+(?:year|month|semester|credit(?:\s+hour)?|hour|week|term|"
    r"course|quarter|day|class|unit|student|person|user|seat)\b|\s+(?:annually|monthly|yearly|"
    r"weekly|hourly|/\s?(?:yr|year|mo|month|hr|hour)\b))?"
)
_TRAIL = r"(?P<trail>\s+(?:for|at|in|to)\s+" + _WORD + r"(?:\s+" + _WORD + r"){0,3})?"
_LINK = (
    r"(?P<link>\s+(?:is|are|was|were|of|costs?|runs?|totals?|averages?|stands\s+at|comes\s+to|sits\s+at|"
    r"starts\s+at|amounts\s+to|equals)\s+|:\s*|\s+=\s+|\s+(?:is|are)\s+set\s+at\s+)"
)


def _money(m: re.Match[str], prefix: str = "") -> tuple[str, float] | None:
    g = m.groupdict()
    num = g.get(prefix + "num") or g.get(prefix + "num2")
    if num is None:
        return None
    value = float(num.replace(",", ""))
    mult = (g.get(prefix + "mult") or g.get(prefix + "mult2") or "").lower()
    value *= {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}.get(
        mult, 1
    )
    cur = g.get(prefix + "cur") or g.get(prefix + "cur2") or ""
    cur = {"dollars": "$", "usd": "$", "euros": "€", "eur": "€", "pounds": "£", "gbp": "£"}.get(
        cur.lower(), cur
    )
    return cur, value


def _range_of(low: float, high: float, approx: str | None) -> tuple[float, float]:
    """The interval a value stands for, widened by what its qualifier allows."""
    a = " ".join((approx or "").lower().split())
    if a in ("over", "more than", "at least", "above", "just over"):
        return low, float("inf")
    if a in ("under", "less than", "up to", "below", "just under"):
        return 0.0, high
    return low, high


@cache
def _money_re() -> re.Pattern[str]:
    dims = "|".join(sorted(lexicon()["money_dimensions"], key=len, reverse=True))
    value = _MONEY_VALUE
    second = value.replace("?P<", "?P<b_")
    return re.compile(
        r"(?<![\w-])(?P<dim>" + dims + r")(?P<qual>\s+(?:for|of|at|in)\s+" + _WORD
        + r"(?:\s+" + _WORD + r"){0,3}?)?" + _LINK + _APPROX + r"(?:" + value + r")"
        + r"(?:\s?(?:-|–|—|to)\s?(?:" + second + r"))?" + _PER + _TRAIL,
        re.I,
    )  # fmt: skip


@cache
def _percent_re() -> re.Pattern[str]:
    dims = "|".join(lexicon()["percent_dimensions"])
    return re.compile(
        r"(?<![\w-])(?P<dim>" + dims + r")(?P<qual>\s+(?:for|of|at|on)\s+" + _WORD
        + r"(?:\s+" + _WORD + r"){0,3}?)?" + _LINK + _APPROX + _PERCENT_VALUE
        + r"(?:\s?(?:-|–|—|to)\s?(?P<pnum2>\d+(?:\.\d+)?)\s?(?:%|percent\b))?" + _TRAIL,
        re.I,
    )  # fmt: skip


_COUNT_NOUNS = (
    r"(?P<cnoun>course|class|module|credit(?:\s+hour)?|unit|lesson|project|exam|semester|term)s?"
)
_DURATION_HINT = re.compile(
    r"\b"
    + _NUM_START
    + _NUM
    + r"(?:\s*(?:-|–|to)\s*"
    + _NUM
    + r")?[- ](?:day|week|month|year)s?\b",
    re.I,
)
_COUNT_HINT = re.compile(
    r"\b"
    + _NUM_START
    + _NUM
    + r"[- ](?:(?:core|required|elective|online|total)\s+)?"
    + _COUNT_NOUNS.replace("?P<cnoun>", "?:")
    + r"\b",
    re.I,
)
_CURRENCY_WORD = re.compile(r"dollars|USD|euros|EUR|pounds|GBP")
_PERCENT_WORD = re.compile(r"per\s?cent", re.I)
# A word each match of a hint pattern contains (``_DURATION_HINT``, ``_COUNT_HINT``),
# tested in the lowered sentence before the pattern runs: most sentences have none.
_DURATION_WORDS = ("day", "week", "month", "year")
_COUNT_WORDS = (
    "course", "class", "module", "credit", "unit", "lesson", "project", "exam", "semester",
    "term",
)  # fmt: skip
# Under re.I "ı" and "İ" match "i" and "ſ" matches "s", which lowering does not produce
# ("K", the Kelvin sign, lowers to "k" as re.I folds it): text with them gets no pre-test.
_ODD_FOLDS = ("\u0130", "\u0131", "\u017f")
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4, "year": 365.0}


@cache
def _duration_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    subjects = "|".join(lexicon()["duration_subjects"])
    num = _NUM
    unit = r"(?P<unit>day|week|month|year)s?"
    takes = re.compile(
        r"(?<![\w-])(?P<det>the|this|our|that|your)\s+(?P<mods>(?:" + _WORD + r"\s+){0,3}?)"
        r"(?P<subj>" + subjects + r")(?!\s+(?:" + subjects + r")\b)(?P<qual>\s+(?:for|in|at)\s+" + _WORD
        + r"(?:\s+" + _WORD + r"){0,2}?)?\s+(?:takes|lasts|runs(?:\s+for)?|is|spans)\s+"
        + _APPROX + r"(?P<n>" + num + r")(?:\s*(?:-|–|to)\s*(?P<n2>" + num + r"))?\s+"
        + unit + r"\b(?P<trail>\s+(?:full[- ]time|part[- ]time|online|in\s+person|on\s+campus)\b|"
        r"\s+(?:for|at|in|of|with)\s+" + _WORD + r"(?:\s+" + _WORD + r"){0,3})?",
        re.I,
    )  # fmt: skip
    adjectival = re.compile(
        r"(?<![\w-])(?P<det>the|this|our|that|your)\s+(?P<n>" + num + r")(?:\s*(?:-|–|to)\s*"
        r"(?P<n2>" + num + r"))?[- ]" + unit + r"(?:[- ]long)?\s+(?P<mods>(?:" + _WORD
        + r"\s+){0,2}?)(?P<subj>" + subjects + r")\b(?!\s+(?:" + subjects + r")\b)",
        re.I,
    )  # fmt: skip
    return takes, adjectival


@cache
def _count_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "The program requires 60 credits", "the 90-credit program": how many parts a
    programme has, keyed by what is counted."""
    subjects = "|".join(lexicon()["duration_subjects"])
    has = re.compile(
        r"(?<![\w-])(?P<det>the|this|our|that|your)\s+(?P<mods>(?:" + _WORD + r"\s+){0,3}?)"
        r"(?P<subj>" + subjects + r")(?!\s+(?:" + subjects + r")\b)\s+(?:has|includes|requires|"
        r"consists\s+of|is\s+made\s+up\s+of|covers|comprises)\s+" + _APPROX + r"(?P<n>" + _NUM
        + r")\s+(?:(?:core|required|elective|online|total)\s+)?" + _COUNT_NOUNS + r"\b",
        re.I,
    )  # fmt: skip
    adjectival = re.compile(
        r"(?<![\w-])(?P<det>the|this|our|that|your)\s+(?P<n>" + _NUM + r")[- ]" + _COUNT_NOUNS
        + r"\s+(?P<mods>(?:" + _WORD + r"\s+){0,2}?)(?P<subj>" + subjects + r")\b(?!\s+(?:"
        + subjects + r")\b)",
        re.I,
    )  # fmt: skip
    return has, adjectival


_CHANGE = re.compile(
    r"\b(?:increase[sd]?|rise|rises|rose|risen|grew|grow|grows|growth|drop(?:s|ped)?|fell|fall|"
    r"falls|cut|cuts|raised|raise|lowered|reduced|up\s+from|down\s+from|compared\s+(?:to|with)|"
    r"than|instead\s+of|versus|vs\.?|previously|used\s+to|went\s+from|from\s+\S*\d\S*\s+to|discount|"
    r"discounted|save|saving|savings|extra|additional|plus|respectively|range|ranges|ranging|"
    r"varies|vary|between)\b",
    re.I,
)


def _subject_key(text: str, dim_start: int) -> tuple[str, ...] | None:
    """The words that say whose attribute it is: "Harvard's", "in-state", "median"."""
    _, before = words_before(text, dim_start, 3)
    words = [w for w in before if w.lower() not in _NEUTRAL_MODIFIERS]
    key = phrase_key(" ".join(words))
    if any(w in _PRONOUNS - {"one", "both"} for w in key):
        return None
    return key


def _value_hints(text: str) -> tuple[bool, bool, bool, bool]:
    """Whether ``text`` may hold a money, percentage, duration or count value."""
    lowered = text.lower()
    pretest = not any(c in text for c in _ODD_FOLDS)
    money = any(c in text for c in "$€£") or bool(_CURRENCY_WORD.search(text))
    percent = "%" in text or ("cent" in lowered and bool(_PERCENT_WORD.search(text)))
    duration = (not pretest or any(w in lowered for w in _DURATION_WORDS)) and bool(
        _DURATION_HINT.search(text)
    )
    count = (not pretest or any(w in lowered for w in _COUNT_WORDS)) and bool(
        _COUNT_HINT.search(text)
    )
    return money, percent, duration, count


def quantity_claims(doc: Document) -> Iterator[Claim]:
    """Money, percentage and duration claims with the subject and scope they hold for."""
    money_re, percent_re = _money_re(), _percent_re()
    takes_re, adjectival_re = _duration_res()
    for sentence in claim_sentences(doc):
        text = sentence.text
        money, percent, duration, count = _value_hints(text)
        if not (money or percent or duration or count) or hedged_value_sentence(text):
            continue
        found: list[tuple[re.Match[str], str]] = []
        if money:
            found += [(m, "money") for m in money_re.finditer(text)]
        if percent:
            found += [(m, "percent") for m in percent_re.finditer(text)]
        if duration:
            found += [(m, "duration") for m in takes_re.finditer(text)]
            found += [(m, "duration") for m in adjectival_re.finditer(text)]
        if count:
            found += [
                (m, "count") for m in chain.from_iterable(r.finditer(text) for r in _count_res())
            ]
        for m, kind in found:
            claim = _quantity_claim(sentence, text, m, kind)
            if claim is not None:
                yield claim


_EVENT_YEAR = re.compile(
    r"(?P<subj>\b[A-Z][\w&.'’-]*(?:\s+(?:of\s+)?[A-Z][\w&.'’-]*){0,3})(?:,)?\s+(?:was|were)\s+"
    r"(?:first\s+|originally\s+)?(?P<event>founded|established|launched|born|built|opened|"
    r"incorporated|formed)\s+in\s+(?P<year>(?:1[5-9]|20)\d{2})\b"
)
_EVENTS = {"founded": "founded", "established": "founded", "incorporated": "founded",
           "formed": "founded", "launched": "launched", "born": "born", "built": "built",
           "opened": "opened"}  # fmt: skip


def year_claims(doc: Document) -> Iterator[Claim]:
    """ "Acme was founded in 1998": key (named subject, event), value the year. Only named
    (capitalised) subjects, so "the company" in two sections never meets."""
    for sentence in claim_sentences(doc):
        text = sentence.text
        if "was" not in text and "were" not in text:
            continue
        for m in _EVENT_YEAR.finditer(text):
            subject = phrase_key(m.group("subj"))
            if not subject or subject[0] in _PRONOUNS or subject[0] in _BREAK:
                continue
            left, right = clause_bounds(text, m.start(), m.end())
            clause = text[left:right]
            if hedged(clause) or conditional(clause):
                continue
            year = float(m.group("year"))
            key = ("year", _EVENTS[m.group("event")], subject, fronted(text, left, m.start()))
            base = sentence.start
            yield Claim(sentence, base + m.start(), base + m.end(), key, (year, year))


def hedged_value_sentence(text: str) -> bool:
    """Sentences whose numbers are examples, conditions or changes over time."""
    return conditional(text) or bool(_CHANGE.search(text))


def _count_values(text: str, kind: str) -> int:
    if kind == "money":
        return len(re.findall(r"[$€£]\s?\d|\d\s?(?:dollars|USD|euros|EUR|pounds)\b", text))
    if kind == "percent":
        return len(re.findall(r"\d\s?(?:%|percent\b|per\s+cent\b)", text, re.I))
    if kind == "count":
        return len(_COUNT_HINT.findall(text))
    return len(re.findall(r"\b" + _NUM + r"[- ](?:day|week|month|year)s?\b", text, re.I))


def _quantity_claim(sentence: Sentence, text: str, m: re.Match[str], kind: str) -> Claim | None:
    g = m.groupdict()
    ranged = bool(g.get("b_num") or g.get("b_num2") or g.get("pnum2") or g.get("n2"))
    # One value (or one range) of the kind per sentence, or the sentence lists several
    # values for several things and we cannot tell which is whose.
    if _count_values(text, kind) > (2 if ranged else 1):
        return None
    if kind == "money":
        first = _money(m)
        if first is None:
            return None
        unit, low = first
        high = low
        if ranged:
            second = _money(m, "b_")
            if second is None or (second[0] and second[0] != unit):
                return None
            high = second[1]
        dim = lexicon()["money_dimensions"][m.group("dim").lower()]
    elif kind == "percent":
        unit, low = "%", float(g["pnum"])
        high = float(g["pnum2"]) if g.get("pnum2") else low
        dim = m.group("dim").lower()
    elif kind == "count":
        n = number(g["n"])
        if n is None:
            return None
        unit, low, high = "count", n, n
        noun = " ".join(g["cnoun"].lower().split())
        dim = f"count:{_singular(g['subj'].lower())}:{noun}"
    else:
        factor = _UNIT_DAYS[g["unit"].lower()]
        n, n2 = number(g["n"]), number(g["n2"]) if g.get("n2") else None
        if n is None:
            return None
        unit, low = "days", n * factor
        high = n2 * factor if n2 is not None else low
        dim = "duration:" + _singular(g["subj"].lower())
    if high < low:
        return None
    programme = kind in ("duration", "count")
    dim_start = m.start("subj") if programme else m.start("dim")
    if programme:
        subject = phrase_key(
            " ".join(
                w for w in (g.get("mods") or "").split() if w.lower() not in _NEUTRAL_MODIFIERS
            )
        )
    else:
        subject = _subject_key(text, dim_start)
    if subject is None:
        return None
    qual = phrase_key(g.get("qual") or "")
    per = " ".join((g.get("per") or "").lower().split())
    per = re.sub(r"^(?:a|an|per|each)\s+", "", per).replace("annually", "year")
    per = per.replace("yearly", "year").replace("monthly", "month")
    trail = phrase_key(g.get("trail") or "")
    if trail and trail[0] == "to":
        trail = ()  # "to complete", "to finish": not a qualifier of the value
    low, high = _range_of(low, high, g.get("approx"))
    approx = bool(g.get("approx"))
    start = m.start() if programme else words_before(text, dim_start, 3)[0]
    left, _ = clause_bounds(text, m.start(), m.end())
    key = (
        "quantity",
        dim,
        unit,
        subject,
        qual,
        per,
        trail,
        fronted(text, left, start),
        scope(text),
    )
    base = sentence.start
    return Claim(sentence, base + start, base + m.end(), key, (low, high), {"approx": approx})


def quantities_conflict(
    a: tuple[float, float], b: tuple[float, float], tolerance: float, slack: float = 0.0
) -> bool:
    """True if no value of ``a`` is within ``tolerance`` (relative) or ``slack`` (absolute)
    of a value of ``b``."""
    (alow, ahigh), (blow, bhigh) = a, b
    if ahigh < blow:
        gap_low, gap_high = ahigh, blow
    elif bhigh < alow:
        gap_low, gap_high = bhigh, alow
    else:
        return False  # the ranges overlap
    gap = gap_high - gap_low
    return gap > slack and gap > tolerance * max(gap_high, 1e-9)


# --- parse-based confirmation (trained pipeline only) ----------------------------------------
#
# With a trained pipeline (``nlp.model``) each sentence has tags and a dependency parse.
# The checks below may only *reject* a claim the patterns found: on the blank pipeline
# they are never run, so that path is unchanged.

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_NP_INNER_DEPS = frozenset(
    {"compound", "amod", "nmod", "conj", "appos", "poss", "nummod", "quantmod"}
)
_CONDITION_MARKS = frozenset(
    {"if", "unless", "when", "whenever", "once", "until", "whether", "assuming", "provided"}
)
_NOUNISH = frozenset({"NOUN", "PROPN", "NUM", "X"})


def parsed(sentence: Sentence) -> bool:
    """True if the sentence comes from a trained pipeline with tags and a parse."""
    span = getattr(sentence, "span", None)
    if span is None:
        return False
    doc = span.doc
    return bool(doc.has_annotation("DEP") and doc.has_annotation("TAG"))


def _tokens_in(sentence: Sentence, start: int, end: int) -> list[Any]:
    """Tokens of the sentence whose first character is in ``text[start:end]`` (offsets in
    the sentence text)."""
    lo, hi = sentence.start + start, sentence.start + end
    return [t for t in sentence.span if lo <= sentence.token_offset(t) < hi and not t.is_space]


def _head_word(tokens: list[Any]) -> Any | None:
    """The last noun of a phrase (its head in English), else its last word."""
    words = [t for t in tokens if not t.is_punct]
    nouns = [t for t in words if t.pos_ in _NOUNISH]
    return (nouns or words or [None])[-1]


def _conditional_clause(token: Any) -> bool:
    """True if ``token`` or a clause above it is introduced by "if", "unless", "when"...,
    or is a restrictive "where"/"when" relative clause."""
    for node in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in node.children):
            return True
        if node.dep_ == "advcl" and any(c.lower_ in _CONDITION_MARKS for c in node.lefts):
            return True
        # "hospitals where nurses earn more than doctors": a restriction, not an assertion
        if node.dep_ == "relcl" and any(
            c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in node.lefts
        ):
            return True
    return False


def _subject_predicate(
    sentence: Sentence, s_start: int, s_end: int, p_start: int, p_end: int
) -> Any | None:
    """The predicate token whose grammatical subject is the phrase ``text[s_start:s_end]``,
    if the parse agrees that the phrase is the subject of a word in ``text[p_start:p_end]``;
    else None (the patterns took the wrong noun phrase for the subject)."""
    head = _head_word(_tokens_in(sentence, s_start, s_end))
    if head is None:
        return None
    node = head
    while node.dep_ in _NP_INNER_DEPS and node.head is not node:
        node = node.head
    if node.dep_ not in _SUBJECT_DEPS:
        return None
    predicate = node.head
    lo, hi = sentence.start + p_start, sentence.start + p_end
    if not lo <= sentence.token_offset(predicate) < hi:
        # the copula or auxiliary may be the head ("is", "are") or the adjective may be
        return None
    if _conditional_clause(predicate):
        return None
    return predicate


def _negated(predicate: Any, lo: int, hi: int, sentence: Sentence) -> bool:
    """True if a ``neg`` dependent ("not", "n't", "never") hangs on the predicate or on a
    word of the predicate phrase (``lo``-``hi`` in the sentence text)."""
    words = [predicate, *_tokens_in(sentence, lo, hi)]
    return any(c.dep_ == "neg" for w in words for c in w.children)


def comparative_parse_ok(
    sentence: Sentence, a_start: int, m: re.Match[str], b_start: int, b_end: int
) -> bool:
    """A comparative claim holds up in the parse: A is the subject of the compared verb or
    adjective, the comparison is a comparative (JJR/RBR or "more/less" + adjective) and B
    hangs on "than"."""
    predicate = _subject_predicate(sentence, a_start, m.start() + 1, m.start(), m.end())
    if predicate is None:
        return False
    tokens = _tokens_in(sentence, m.start(), m.end())
    if not any(t.tag_ in ("JJR", "RBR") for t in tokens):
        return False
    than = next((t for t in tokens if t.lower_ == "than"), None)
    b_head = _head_word(_tokens_in(sentence, b_start, b_end))
    if than is None or b_head is None:
        return False
    return than in b_head.ancestors or than in b_head.head.children or than in b_head.children


def subject_parse_ok(
    sentence: Sentence, s_start: int, m: re.Match[str], negated: bool | None = None
) -> bool:
    """A "subject + predicate" claim holds up in the parse: the subject phrase is the
    grammatical subject of the matched predicate, outside a conditional clause, and, when
    ``negated`` is given, the parse has (or lacks) a negation on that predicate."""
    predicate = _subject_predicate(sentence, s_start, m.start() + 1, m.start(), m.end())
    if predicate is None:
        return False
    return negated is None or _negated(predicate, m.start(), m.end(), sentence) == negated


# --- CT003: comparatives --------------------------------------------------------------------


@cache
def _comparative_res() -> list[tuple[re.Pattern[str], str]]:
    c = lexicon()["comparatives"]
    verbs = "|".join(c["verbs"])
    nouns = "|".join(c["nouns"])
    up_down = "|".join(c["up"] + c["down"])
    adjs = "|".join(c["adjectives"])
    more_adjs = "|".join(c["more_adjectives"])
    intensifier = r"(?:(?:much|far|significantly|considerably|slightly|somewhat|a\s+bit|a\s+lot|substantially)\s+)?"
    be = r"(?:is|are|was|were|'s|’s)"
    return [
        (re.compile(r"\s(?P<verb>" + verbs + r")\s+" + intensifier + r"(?P<dir>more|less)"
                    r"(?:\s+money)?\s+than\s", re.I), "verb"),
        (re.compile(r"\s(?:has|have|had|offers?|commands?|earns?|gets?|brings?|pays?)\s+"
                    r"(?:a\s+|an\s+)?" + intensifier + r"(?P<dir>" + up_down + r")\s+(?P<noun>"
                    + nouns + r")\s+than\s", re.I), "noun"),
        (re.compile(r"\s" + be + r"\s+" + intensifier + r"(?P<adj>" + adjs + r")\s+than\s", re.I),
         "adj"),
        (re.compile(r"\s" + be + r"\s+" + intensifier + r"(?P<dir>more|less)\s+(?P<madj>"
                    + more_adjs + r")\s+than\s", re.I), "more_adj"),
    ]  # fmt: skip


_B_PHRASE = re.compile(r"(?:the\s+|a\s+|an\s+)?([\w'’-]+(?:\s+[\w'’-]+){0,4}?)(?=[,.;:!?)]|\s+(?:and|but|or|in|for|at|because|since|while|when|if|on|by|with|do|does|did|are|is|was|were|can|could|will|would|overall|today|now|ever|before|anymore)\b|$)")  # fmt: skip
_NOT_SUBJECTS = _set(
    "ever before expected usual average most others other anything everything anyone "
    "everyone last previous earlier"
)


def comparative_claims(doc: Document) -> Iterator[Claim]:
    """ "A earns more than B" claims: key (dimension, {A, B}), value +1/-1 for A over B."""
    c = lexicon()["comparatives"]
    up = set(c["up"])
    for sentence in claim_sentences(doc):
        text = sentence.text
        if " than " not in text.lower():
            continue
        for pattern, form in _comparative_res():
            for m in pattern.finditer(text):
                claim = _comparative(sentence, text, m, form, c, up)
                if claim is not None:
                    yield claim


def _comparative(
    sentence: Sentence, text: str, m: re.Match[str], form: str, c: dict[str, Any], up: set[str]
) -> Claim | None:
    g = m.groupdict()
    if form == "verb":
        dim = c["verbs"][g["verb"].lower()]
        direction = 1 if g["dir"].lower() == "more" else -1
    elif form == "noun":
        dim = c["nouns"][g["noun"].lower()]
        direction = 1 if g["dir"].lower() in up else -1
    elif form == "adj":
        dim, direction = c["adjectives"][g["adj"].lower()]
    else:
        dim, direction = c["more_adjectives"][g["madj"].lower()]
        direction *= 1 if g["dir"].lower() == "more" else -1
    left, right = clause_bounds(text, m.start(), m.end())
    a_start, a_words = words_before(text, m.start() + 1, 5)
    if a_start < left or not a_words:
        return None
    b_match = _B_PHRASE.match(text, m.end())
    if b_match is None or b_match.end() > right:
        return None
    a, b = phrase_key(" ".join(a_words)), phrase_key(b_match.group(1))
    if not a or not b or a == b:
        return None
    if (
        set(a) & _PRONOUNS
        or set(b) & (_PRONOUNS | _NOT_SUBJECTS)
        or b[0].isdigit()
        or b[0] in _BREAK
    ):
        return None
    clause = text[left:right]
    if hedged(clause) or conditional(clause) or re.search(r"\b(?:not|never|n't|no)\b", clause):
        return None
    if parsed(sentence) and not comparative_parse_ok(
        sentence, a_start, m, b_match.start(1), b_match.end(1)
    ):
        return None
    # "Hard" and "easy" adjectives are only about the same thing when the sentences compare
    # the same pair; the key is symmetric and the value records which side is ahead.
    first, second = sorted((a, b))
    value = direction if a == first else -direction
    base = sentence.start
    end = b_match.end()
    context = (fronted(text, left, a_start), trailing(text, end, right))
    key = ("comparative", dim, first, second, context, scope(text))
    return Claim(sentence, base + a_start, base + end, key, value)


# --- CT005: polarity ------------------------------------------------------------------------


@cache
def _polarity_re() -> re.Pattern[str]:
    preds = "|".join(sorted(lexicon()["predicates"], key=len, reverse=True))
    return re.compile(
        r"\s(?P<aux>is|are|isn't|aren't|isn’t|aren’t)\s+(?P<neg>not\s+|never\s+)?"
        r"(?P<adv>(?:strictly|legally|always|absolutely|actually|also|still|really|technically|"
        r"formally|officially)\s+)?(?P<pred>" + preds + r")(?![\w-])"
        r"(?P<comp>\s+(?:for|to|in|on|by|at|with|from|under)\s+[^,.;:!?()]{1,60})?",
        re.I,
    )  # fmt: skip


@cache
def _predicate_hint() -> re.Pattern[str]:
    """A cheap test that a sentence names a predicate at all, before the full pattern."""
    return _terms([*lexicon()["predicates"], "require", "requires", "need", "needs"])


_COMP_END = re.compile(
    r"\s+(?:and|but|or|because|since|although|though|so|which|who|while|as|unless|if|when|"
    r"even|yet)\b.*$",
    re.I,
)
_VERB_POLARITY = re.compile(
    r"\s(?P<neg>does\s+not\s+|doesn't\s+|doesn’t\s+|do\s+not\s+|don't\s+|don’t\s+|never\s+)?"
    r"(?P<verb>requires?|need|needs)\s+(?P<obj>(?:a|an|any|the)\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}?)"
    r"(?P<comp>\s+(?:to|for|in)\s+[^,.;:!?()]{1,50})?(?=[,.;:!?]|$)",
    re.I,
)


def polarity_claims(doc: Document) -> Iterator[Claim]:
    """ "X is (not) required for Y" claims: key (X, predicate, Y, scope), value +1/-1."""
    preds = lexicon()["predicates"]
    pol_re = _polarity_re()
    hint = _predicate_hint()
    for sentence in claim_sentences(doc):
        text = sentence.text
        if not hint.search(text) or re.search(r"\bnot\s+only\b", text, re.I):
            continue
        for m in pol_re.finditer(text):
            canon, sign = preds[m.group("pred").lower()]
            negated = bool(m.group("neg")) or "n't" in m.group("aux") or "n’t" in m.group("aux")
            claim = _polarity(
                sentence, text, m, ("be", canon), sign * (-1 if negated else 1), negated
            )
            if claim is not None:
                yield claim
        for m in _VERB_POLARITY.finditer(text):
            obj = phrase_key(m.group("obj"))
            if not obj or set(obj) & _PRONOUNS:
                continue
            sign = -1 if m.group("neg") else 1
            claim = _polarity(sentence, text, m, ("require", obj), sign, sign < 0)
            if claim is not None:
                yield claim


def _polarity(
    sentence: Sentence,
    text: str,
    m: re.Match[str],
    predicate: tuple[Any, ...],
    value: int,
    negated: bool,
) -> Claim | None:
    left, right = clause_bounds(text, m.start(), m.end())
    s_start, s_words = words_before(text, m.start() + 1, 5)
    if not s_words or s_start < left:
        return None
    subject = phrase_key(" ".join(s_words))
    if not subject or set(subject) & _PRONOUNS:
        return None
    clause = text[left:right]
    if hedged(clause) or conditional(clause):
        return None
    if parsed(sentence) and not subject_parse_ok(sentence, s_start, m, negated):
        return None
    comp_text = _COMP_END.sub("", m.group("comp") or "")
    comp = phrase_key(comp_text)
    end = m.start("comp") + len(comp_text) if m.group("comp") else m.end()
    if m.group("comp") is None:
        end = m.end()
    base = sentence.start
    key = ("polarity", subject, predicate, comp, fronted(text, left, s_start), scope(text))
    return Claim(sentence, base + s_start, base + end, key, value)


# --- CT004: stance and sameness -------------------------------------------------------------

_NEUTRAL = re.compile(
    r"\bneither\b(?:\s+[\w'’-]+){0,6}?\s+(?:is|are)\s+(?:(?:automatically|necessarily|inherently|"
    r"objectively|universally|simply|always|really|clearly)\s+)?(?:the\s+)?(?:better|best|superior)\b"
    r"|\bno\s+(?:one\s+)?(?:option|path|choice|approach|one)\s+is\s+(?:(?:automatically|"
    r"necessarily|inherently|objectively|universally)\s+)?better\b"
    r"|\bthere\s+is\s+no\s+(?:single\s+|clear\s+|one\s+|universal\s+|outright\s+)?(?:winner|best\s+"
    r"(?:option|choice|path)|better\s+(?:option|choice|path|one))\b"
    r"|\bone\s+is\s+not\s+(?:necessarily\s+|automatically\s+)?better\s+than\s+the\s+other\b"
    r"|\b(?:both|the\s+two)\s+are\s+equally\s+(?:good|valid|strong)\b",
    re.I,
)
_IT_DEPENDS = re.compile(r"^\s*(?:it|the\s+answer)\s+depends\b", re.I)
_VERDICT = re.compile(
    r"\s(?:is|remains)\s+(?:(?:clearly|definitely|simply|always|obviously|undoubtedly)\s+)?"
    r"(?P<the>the\s+)?(?P<what>better|best|superior|smarter|right)\s*(?P<noun>(?:first\s+)?(?:choice|"
    r"option|path|step|fit|pick|bet|route|one|starting\s+point)\b)?"
    # "better paid", "better suited to": an attribute, not a verdict
    r"(?(noun)|(?(the)|(?=\s*(?:[.,;!]|$|overall\b|than\b))))",
    re.I,
)
_SAME = re.compile(
    r"\s(?P<aux>is|are|isn't|aren't|isn’t|aren’t)\s+(?P<neg>not\s+)?(?P<adv>(?:exactly|basically|"
    r"essentially|really|quite|always|simply|just|necessarily|entirely|completely|actually)\s+)?"
    r"(?:the\s+same\s+(?:thing\s+)?as|identical\s+to|interchangeable\s+with|different\s+from|"
    r"distinct\s+from)\s+(?P<b>[\w'’-]+(?:\s+[\w'’-]+){0,4}?)(?=[,.;:!?]|\s+(?:and|but|or|because|in|for)\b|$)",
    re.I,
)


def comparison_pair(doc: Document) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The two things the article compares, from a title or H1 like "A vs B" or "A or B"."""
    candidates = [doc.title or ""] + [b.text for b in doc.headings() if b.level == 1]
    for text in candidates:
        text = re.split(r"[:?|–—]|\s-\s", text)[0]
        m = re.match(r"\s*(.+?)\s+(?:vs\.?|versus|or)\s+(.+?)\s*$", text, re.I)
        if m:
            a, b = phrase_key(m.group(1)), phrase_key(m.group(2))
            if a and b and a != b and len(a) <= 5 and len(b) <= 5:
                return a, b
    return None


def side_of(words: tuple[str, ...], pair: tuple[tuple[str, ...], tuple[str, ...]]) -> int | None:
    """0 or 1 if ``words`` names one side of ``pair`` by a word the other side lacks."""
    a, b = pair
    hits = [bool(set(words) & (set(a) - set(b))), bool(set(words) & (set(b) - set(a)))]
    if hits[0] != hits[1]:
        return 0 if hits[0] else 1
    return None


def _question_of(doc: Document, sentence: Sentence) -> str:
    q = sentence.block.attrs.get("question")
    if isinstance(q, int) and 0 <= q < len(doc.blocks):
        return doc.blocks[q].text
    return ""


def stance_claims(doc: Document) -> Iterator[Claim]:
    """Neutral stances ("neither is better") and verdicts ("A is the better choice") on the
    article's own comparison, plus sameness claims ("A is (not) the same as B")."""
    pair = comparison_pair(doc)
    for sentence in claim_sentences(doc):
        text = sentence.text
        base = sentence.start
        low = text.lower()
        if pair is not None and ("better" in low or "best" in low or "depends" in low
                                 or "superior" in low or "smarter" in low or "right" in low):  # fmt: skip
            m = _NEUTRAL.search(text)
            if m is None and _IT_DEPENDS.search(text):
                question = _question_of(doc, sentence)
                if re.search(r"\b(?:better|best|which|should\s+i)\b", question, re.I):
                    m = _IT_DEPENDS.search(text)
            if m is not None:
                yield Claim(sentence, base + m.start(), base + m.end(), ("stance", pair), 0)
            else:
                yield from _verdicts(sentence, text, pair)
        if re.search(r"same|identical|interchangeable|different\s+from|distinct\s+from", low):
            yield from _sameness(sentence, text)


_SCOPED_REST = re.compile(
    r"\b(?:for|at|in|on|when|if|with|among|during|to|as|because|since|unless)\b", re.I
)


def _verdicts(
    sentence: Sentence, text: str, pair: tuple[tuple[str, ...], tuple[str, ...]]
) -> Iterator[Claim]:
    for m in _VERDICT.finditer(text):
        if m.group("what").lower() == "right" and not m.group("noun"):
            continue
        left, right = clause_bounds(text, m.start(), m.end())
        s_start, s_words = words_before(text, m.start() + 1, 5)
        if not s_words or s_start < left:
            continue
        side = side_of(phrase_key(" ".join(s_words)), pair)
        clause = text[left:right]
        if side is None or hedged(clause) or conditional(clause):
            continue
        # "better for students who...", "better in small clinics": a verdict for some
        # readers or settings, which is what "it depends" allows.
        if _SCOPED_REST.search(text, m.end(), right):
            continue
        if re.search(r"\bnot\b|n't|n’t", text[left : m.start()] + m.group(), re.I):
            continue
        if parsed(sentence) and not subject_parse_ok(sentence, s_start, m):
            continue
        base = sentence.start
        end = base + m.start() + len(m.group().rstrip())
        yield Claim(sentence, base + s_start, end, ("stance", pair), side + 1)


def _sameness(sentence: Sentence, text: str) -> Iterator[Claim]:
    for m in _SAME.finditer(text):
        left, right = clause_bounds(text, m.start(), m.end())
        s_start, s_words = words_before(text, m.start() + 1, 5)
        if not s_words or s_start < left:
            continue
        a, b = phrase_key(" ".join(s_words)), phrase_key(m.group("b"))
        if not a or not b or a == b or set(a) & _PRONOUNS or set(b) & _PRONOUNS:
            continue
        adv = (m.group("adv") or "").strip().lower()
        if adv in ("exactly", "quite", "always", "necessarily", "entirely", "completely", "just"):
            continue  # "not exactly the same" is a nuance, not a denial
        clause = text[left:right]
        if hedged(clause) or conditional(clause):
            continue
        negated = bool(m.group("neg")) or "n't" in m.group("aux") or "n’t" in m.group("aux")
        if parsed(sentence) and not subject_parse_ok(sentence, s_start, m, negated):
            continue
        same = "same" in m.group() or "identical" in m.group() or "interchangeable" in m.group()
        value = 1 if same != negated else -1
        first, second = sorted((a, b))
        base = sentence.start
        end = m.start("b") + len(m.group("b").rstrip())
        yield Claim(
            sentence, base + s_start, base + end, ("same", first, second, scope(text)), value
        )


# --- comparing claims -----------------------------------------------------------------------


def short(text: str, limit: int = 90) -> str:
    """A claim as quoted in a message: white space folded, at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_ENTITY_HEADING = re.compile(r"^\s*(?:#\s?|no\.\s?)?\d{1,2}\s*[.):]\s*\S")
_LISTICLE_HEADING = re.compile(r"^\s*(?:the\s+)?(?:top\s+)?\d{1,2}\s+[A-Za-z]", re.I)


def entity_sections(doc: Document) -> dict[int, int]:
    """Block index -> index of the listicle entry it belongs to ("3. Le Wagon").

    In "5 Best Bootcamps", "the program takes 12 weeks" under one entry and "the program
    takes 16 weeks" under the next are about different bootcamps. A numbered heading, or
    a heading directly under a "N things" heading, opens an entry; claims in different
    entries (or one in an entry, one outside) never meet.
    """
    out: dict[int, int] = {}
    stack: list[tuple[int, int, bool]] = []  # (level, heading index, is entry)
    current: int | None = None
    for block in doc.blocks:
        if block.kind == HEADING:
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            parent_is_listicle = (
                bool(stack) and _LISTICLE_HEADING.match(doc.blocks[stack[-1][1]].text) is not None
            )
            is_entry = bool(_ENTITY_HEADING.match(block.text)) or parent_is_listicle
            stack.append((block.level, block.index, is_entry))
            entries = [index for _, index, entry in stack if entry]
            current = entries[-1] if entries else None
            continue
        if current is not None:
            out[block.index] = current
    return out


def _mentions(words: set[str], pair: tuple[tuple[str, ...], tuple[str, ...]]) -> str | None:
    a, b = set(pair[0]) - set(pair[1]), set(pair[1]) - set(pair[0])
    hits = (bool(words & a), bool(words & b))
    return {(True, False): "a", (False, True): "b", (True, True): "both"}.get(hits)


def side_topics(doc: Document) -> dict[int, str | None]:
    """Block index -> the side of the compared pair its heading or FAQ question is about.

    In "Administration vs Management", "the average salary is $85,000" under "Administration
    Salary" and "$104,000" under "Management Salary" are about different jobs. A sentence
    that names one side is about that side; otherwise its nearest heading (or its FAQ
    question) decides, and claims about different sides, or about a side and nothing in
    particular, never meet.
    """
    pair = comparison_pair(doc)
    if pair is None:
        return {}
    out: dict[int, str | None] = {}
    current: str | None = None
    for block in doc.blocks:
        words = set(phrase_key(block.text))
        if block.kind in (HEADING, FAQ_QUESTION):
            current = _mentions(words, pair)
            continue
        q = block.attrs.get("question")
        if isinstance(q, int) and 0 <= q < len(doc.blocks):
            out[block.index] = _mentions(set(phrase_key(doc.blocks[q].text)), pair)
        else:
            out[block.index] = current
    return out


def conflicts(
    doc: Document,
    claims: Iterator[Claim],
    clash: Any,
    keep: int = 8,
    by_side: bool = False,
) -> Iterator[Hit]:
    """Hits on each claim that clashes with an earlier claim of its group.

    Claims are grouped by key, so only claims about the same subject, dimension and scope
    meet. Each group keeps at most ``keep`` earlier claims with distinct values, which
    bounds the work per claim: the whole pass is O(n) in the number of claims. A later
    claim is reported once, against the first earlier claim it clashes with.
    """
    groups: dict[Any, list[Claim]] = {}
    sections = entity_sections(doc)
    pair = comparison_pair(doc) if by_side else None
    topics = side_topics(doc) if pair else {}
    for claim in claims:
        index = claim.sentence.block.index
        side = None
        if pair is not None:
            side = _mentions(set(phrase_key(claim.sentence.text)), pair) or topics.get(index)
        group = groups.setdefault((claim.key, sections.get(index), side), [])
        for earlier in group:
            if earlier.sentence is claim.sentence or not clash(earlier, claim):
                continue
            related = related_at(doc, earlier.sentence.block, earlier.start, earlier.end)
            hit = block_hit(
                claim.sentence.block,
                claim.start,
                claim.end,
                line=related.line,
                earlier=short(earlier.text),
            )
            hit.related.append(related)
            yield hit
            break
        if len(group) < keep and all(e.value != claim.value for e in group):
            group.append(claim)
