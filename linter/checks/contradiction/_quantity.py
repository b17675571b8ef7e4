"""CT002: quantity claims (money, percentages, programme lengths and parts, event years).

Each value is read by a pattern anchored on a lexicon word ("tuition", "rate", "program")
and normalised: money to one currency sign and a number ($85k = 85,000 dollars), lengths
to days, ranges to an interval widened by "over" or "up to". A claim's key is (dimension,
unit, subject, qualifiers, per-period, trailing phrase, fronted phrase, scope); founding
and birth years of a named subject are keyed by (subject, event). Sentences that describe
a change, an example or a condition, or hold several values of a kind, give no claim.
Two values clash when their intervals are further apart than ``tolerance`` (relative) or,
for percentages, ``percent_points``; years clash when they differ.

Cost: O(n) in article length (one regex pass per sentence, a dict of groups, at most a
handful of earlier values compared per claim).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import chain

from linter.checks.contradiction._clauses import (
    claim_sentences,
    clause_bounds,
    conditional,
    fronted,
    hedged,
    scope,
)
from linter.checks.contradiction._pairing import Claim
from linter.checks.contradiction._words import (
    BREAK,
    NEUTRAL_MODIFIERS,
    NUM,
    NUM_START,
    PRONOUNS,
    lexicon,
    number,
    phrase_key,
    singular,
    words_before,
)
from linter.lexicon import CLAIM_WORD as WORD
from linter.model import Document, Sentence

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
_TRAIL = r"(?P<trail>\s+(?:for|at|in|to)\s+" + WORD + r"(?:\s+" + WORD + r"){0,3})?"
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
        r"(?<![\w-])(?P<dim>" + dims + r")(?P<qual>\s+(?:for|of|at|in)\s+" + WORD
        + r"(?:\s+" + WORD + r"){0,3}?)?" + _LINK + _APPROX + r"(?:" + value + r")"
        + r"(?:\s?(?:-|–|—|to)\s?(?:" + second + r"))?" + _PER + _TRAIL,
        re.I,
    )  # fmt: skip


@cache
def _percent_re() -> re.Pattern[str]:
    dims = "|".join(lexicon()["percent_dimensions"])
    return re.compile(
        r"(?<![\w-])(?P<dim>" + dims + r")(?P<qual>\s+(?:for|of|at|on)\s+" + WORD
        + r"(?:\s+" + WORD + r"){0,3}?)?" + _LINK + _APPROX + _PERCENT_VALUE
        + r"(?:\s?(?:-|–|—|to)\s?(?P<pnum2>\d+(?:\.\d+)?)\s?(?:%|percent\b))?" + _TRAIL,
        re.I,
    )  # fmt: skip


_COUNT_NOUNS = (
    r"(?P<cnoun>course|class|module|credit(?:\s+hour)?|unit|lesson|project|exam|semester|term)s?"
)
_DURATION_HINT = re.compile(
    r"\b" + NUM_START + NUM + r"(?:\s*(?:-|–|to)\s*" + NUM + r")?[- ](?:day|week|month|year)s?\b",
    re.I,
)
_COUNT_HINT = re.compile(
    r"\b"
    + NUM_START
    + NUM
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
    num = NUM
    unit = r"(?P<unit>day|week|month|year)s?"
    takes = re.compile(
        r"(?<![\w-])(?P<det>the|this|our|that|your)\s+(?P<mods>(?:" + WORD + r"\s+){0,3}?)"
        r"(?P<subj>" + subjects + r")(?!\s+(?:" + subjects + r")\b)(?P<qual>\s+(?:for|in|at)\s+" + WORD
        + r"(?:\s+" + WORD + r"){0,2}?)?\s+(?:takes|lasts|runs(?:\s+for)?|is|spans)\s+"
        + _APPROX + r"(?P<n>" + num + r")(?:\s*(?:-|–|to)\s*(?P<n2>" + num + r"))?\s+"
        + unit + r"\b(?P<trail>\s+(?:full[- ]time|part[- ]time|online|in\s+person|on\s+campus)\b|"
        r"\s+(?:for|at|in|of|with)\s+" + WORD + r"(?:\s+" + WORD + r"){0,3})?",
        re.I,
    )  # fmt: skip
    adjectival = re.compile(
        r"(?<![\w-])(?P<det>the|this|our|that|your)\s+(?P<n>" + num + r")(?:\s*(?:-|–|to)\s*"
        r"(?P<n2>" + num + r"))?[- ]" + unit + r"(?:[- ]long)?\s+(?P<mods>(?:" + WORD
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
        r"(?<![\w-])(?P<det>the|this|our|that|your)\s+(?P<mods>(?:" + WORD + r"\s+){0,3}?)"
        r"(?P<subj>" + subjects + r")(?!\s+(?:" + subjects + r")\b)\s+(?:has|includes|requires|"
        r"consists\s+of|is\s+made\s+up\s+of|covers|comprises)\s+" + _APPROX + r"(?P<n>" + NUM
        + r")\s+(?:(?:core|required|elective|online|total)\s+)?" + _COUNT_NOUNS + r"\b",
        re.I,
    )  # fmt: skip
    adjectival = re.compile(
        r"(?<![\w-])(?P<det>the|this|our|that|your)\s+(?P<n>" + NUM + r")[- ]" + _COUNT_NOUNS
        + r"\s+(?P<mods>(?:" + WORD + r"\s+){0,2}?)(?P<subj>" + subjects + r")\b(?!\s+(?:"
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
    words = [w for w in before if w.lower() not in NEUTRAL_MODIFIERS]
    key = phrase_key(" ".join(words))
    if any(w in PRONOUNS - {"one", "both"} for w in key):
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
            if not subject or subject[0] in PRONOUNS or subject[0] in BREAK:
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
    return len(re.findall(r"\b" + NUM + r"[- ](?:day|week|month|year)s?\b", text, re.I))


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
        dim = f"count:{singular(g['subj'].lower())}:{noun}"
    else:
        factor = _UNIT_DAYS[g["unit"].lower()]
        n, n2 = number(g["n"]), number(g["n2"]) if g.get("n2") else None
        if n is None:
            return None
        unit, low = "days", n * factor
        high = n2 * factor if n2 is not None else low
        dim = "duration:" + singular(g["subj"].lower())
    if high < low:
        return None
    programme = kind in ("duration", "count")
    dim_start = m.start("subj") if programme else m.start("dim")
    if programme:
        subject = phrase_key(
            " ".join(w for w in (g.get("mods") or "").split() if w.lower() not in NEUTRAL_MODIFIERS)
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


FIGURES = ("quantity", "year")  # the first item of the key of every claim of this module


def figure_claims(doc: Document) -> Iterator[Claim]:
    """Quantity and year claims, in document order."""
    claims = chain(quantity_claims(doc), year_claims(doc))
    return iter(sorted(claims, key=lambda c: (c.sentence.block.index, c.start)))


def figures_clash(a: Claim, b: Claim, tolerance: float, points: float) -> bool:
    """Whether two figures of one key cannot both hold: years when they differ (a year is
    exact: no rounding), percentages when more than ``points`` apart (they are rounded in
    points, not in relative terms: 12 % and 13 % are rounding, 92 % and 88 % are two
    different figures), other values when more than ``tolerance`` (relative) apart."""
    if a.key[0] == "year":
        return a.value != b.value
    if a.key[2] == "%":
        return quantities_conflict(a.value, b.value, 0.0, slack=points)
    return quantities_conflict(a.value, b.value, tolerance)
