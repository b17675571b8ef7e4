"""Values as written in prose, read and normalised for CT002.

``values(text)`` finds every figure with its unit in a sentence and gives it as a
``Value``: an interval in a base unit of its dimension, the precision it was written with,
the qualifier in front ("about", "up to") and the period or unit it is per.

- money: "$68k", "€1,200", "85,000 dollars", "$1.2 million"; the currency is the unit,
  so dollars never meet euros;
- percentages in digits or words: "4.35%", "four and a quarter percent", "4 point 6 percent";
- measures converted to one base unit per dimension (``_UNITS``): durations to days
  ("nine and a half hours", "90-day", "6 months"), mass to kilograms (kg, g, lb, oz),
  distance to kilometres (km, miles), area to square feet, energy to kcal (calories,
  kJ), battery charge to mAh;
- head counts: "40 people", "65 employees", "a 120-person team", "the 200-strong company";
  programme parts: "60 credits", "the 90-credit program";
- numbers in words up to the thousands, with "and a half", "and a quarter", "point six";
- ranges ("10 to 12 years", "55-60", "€450 to €700") become the interval they name;
- per-period: "per semester", "a month", "annually" are normalised to a year where the
  factor is known (``PER_YEAR``); any other "per X" (a coat, a bar) is kept as written.

Cost: one regex pass over the sentence text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_UNITS: dict[str, tuple[str, float]] = {
    # duration, in days
    "minute": ("duration", 1 / 1440), "min": ("duration", 1 / 1440),
    "hour": ("duration", 1 / 24), "hr": ("duration", 1 / 24), "day": ("duration", 1.0),
    "night": ("duration", 1.0), "week": ("duration", 7.0), "month": ("duration", 30.4),
    "year": ("duration", 365.0), "semester": ("duration", 182.5),
    # mass, in kilograms
    "kg": ("mass", 1.0), "kilogram": ("mass", 1.0), "kilo": ("mass", 1.0), "g": ("mass", 0.001),
    "gram": ("mass", 0.001), "lb": ("mass", 0.45359), "pound": ("mass", 0.45359),
    "oz": ("mass", 0.02835), "ounce": ("mass", 0.02835), "mg": ("mass", 1e-6),
    "milligram": ("mass", 1e-6),
    # distance, in kilometres
    "km": ("distance", 1.0), "kilometre": ("distance", 1.0), "kilometer": ("distance", 1.0),
    "mile": ("distance", 1.60934), "mi": ("distance", 1.60934),
    # area, in square feet
    "sq ft": ("area", 1.0), "square foot": ("area", 1.0), "square feet": ("area", 1.0),
    "ft²": ("area", 1.0), "sq m": ("area", 10.7639), "square metre": ("area", 10.7639),
    "square meter": ("area", 10.7639), "m²": ("area", 10.7639),
    # energy, in kcal
    "kcal": ("energy", 1.0), "calorie": ("energy", 1.0), "cal": ("energy", 1.0),
    "kj": ("energy", 0.239),
    # battery charge, in mAh
    "mah": ("charge", 1.0), "ah": ("charge", 1000.0), "wh": ("energy_wh", 1.0),
    # head counts and programme parts
    "people": ("count:people", 1.0), "person": ("count:people", 1.0),
    "employee": ("count:people", 1.0), "staff": ("count:people", 1.0),
    "worker": ("count:people", 1.0), "strong": ("count:people", 1.0),
    "credit": ("count:credit", 1.0), "credit hour": ("count:credit", 1.0),
    "course": ("count:course", 1.0), "module": ("count:module", 1.0),
    "class": ("count:course", 1.0), "lesson": ("count:lesson", 1.0),
}  # fmt: skip

# How many of a period make a year: values per such a period are compared per year.
PER_YEAR = {"year": 1.0, "semester": 2.0, "month": 12.0, "week": 52.0, "day": 365.0}
_PERIOD_WORDS = {
    "annually": "year", "yearly": "year", "annual": "year", "monthly": "month",
    "weekly": "week", "daily": "day", "nightly": "night", "hourly": "hour",
    "yr": "year", "mo": "month", "hr": "hour",
}  # fmt: skip


def _split(text: str) -> list[str]:
    return text.split()


_SMALL = _split(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = _split("twenty thirty forty fifty sixty seventy eighty ninety")
WORD_NUMBERS: dict[str, float] = {w: float(i) for i, w in enumerate(_SMALL)}
WORD_NUMBERS.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS)})
WORD_NUMBERS.update({"a dozen": 12.0, "dozen": 12.0, "half": 0.5, "a half": 0.5})
_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_FRACTIONS = {"a half": 0.5, "one half": 0.5, "a quarter": 0.25, "three quarters": 0.75}

_WORD = r"(?:" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
_DIGIT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = (
    _WORD + r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"(?:\s+(?:hundred|thousand|million)(?:\s+and\s+" + _WORD + r")?)?"
    r"(?:\s+and\s+(?:a\s+half|a\s+quarter|three\s+quarters)|\s+point(?:\s+" + _WORD + r")+)?"
)
NUMBER = r"(?:" + _DIGIT + r"|" + _WORDNUM + r")"
_MULT = r"(?:\s?(?P<{0}>k|K|m|M|bn|million|billion|thousand)\b)?"
_CURRENCY = {"$": "$", "€": "€", "£": "£", "dollars": "$", "dollar": "$", "usd": "$",
             "euros": "€", "euro": "€", "eur": "€", "gbp": "£"}  # fmt: skip
_APPROX = (
    r"(?:(?P<approx>about|around|roughly|approximately|nearly|almost|close\s+to|some|just\s+over|"
    r"just\s+under|over|under|more\s+than|less\s+than|at\s+least|at\s+most|up\s+to|below|above|"
    r"as\s+much\s+as|as\s+many\s+as|no\s+more\s+than|upwards\s+of|an\s+estimated|an?\s+average\s+of)"
    r"\s+)?"
)
_RANGE = r"\s?(?:-|–|—|to|and)\s?"
# Short unit names that take a plural "s" ("days", "nights"), unlike "kg" or "lb".
_PLURAL_SHORT = frozenset({"day", "min", "kilo", "cal"})
_UNIT_WORDS = sorted(
    {u for u in _UNITS}
    | {u + "s" for u in _UNITS if u[-1] not in "sg" and (len(u) > 3 or u in _PLURAL_SHORT)}
    | {"hrs", "mins", "lbs", "kilos", "calories", "kcals", "classes", "people"},
    key=len, reverse=True,
)  # fmt: skip
_PER = (
    r"(?P<per>\s*/\s*(?:yr|year|mo|month|hr|hour|day|week)\b|\s+(?:annually|yearly|monthly|weekly|"
    r"daily|nightly|hourly)\b|\s+(?:a|an|per|each|every)\s+(?:year|month|week|day|night|semester|"
    r"hour)\b|\s+(?:per|each|every|a)\s+(?!(?:year|month|week|day|night|semester|hour)\b)"
    r"(?:(?:per|a|an)\s+)?(?P<perx>[A-Za-z][\w-]*))?"
)


@dataclass(frozen=True, slots=True)
class Value:
    """One figure of a sentence: ``text[start:end]`` (its unit and per-phrase included)."""

    start: int
    end: int
    dim: str  # "money:$", "percent", "duration", "mass", "count:people"...
    low: float
    high: float
    step: float  # the precision it was written with (0.01 for "4.35")
    approx: str  # "", "about", "max" (up to) or "min" (at least)
    per: str  # "", "year" (normalised) or another per-unit noun ("coat", "bar")
    compound: bool  # "90-day", "120-person": the value modifies the noun after it


@cache
def _value_re() -> re.Pattern[str]:
    units = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in _UNIT_WORDS)
    money = (
        r"(?P<cur>[$€£])\s?(?P<n1>" + _DIGIT + r")" + _MULT.format("m1")
        + r"(?:" + _RANGE + r"[$€£]?\s?(?P<n2>" + _DIGIT + r")" + _MULT.format("m2") + r")?"
        + r"|(?P<n3>" + NUMBER + r")" + _MULT.format("m3")
        + r"\s(?P<cur2>dollars?|euros?|USD|EUR|GBP)\b"
    )  # fmt: skip
    percent = (
        r"(?P<p1>" + NUMBER + r")(?:\s?%|\s+per\s?cent\b)?(?:" + _RANGE + r"(?P<p2>" + NUMBER
        + r"))?(?:\s?%|\s+per\s?cent\b)"
    )  # fmt: skip
    measure = (
        r"(?P<u1>" + NUMBER + r")(?:" + _RANGE + r"(?P<u2>" + NUMBER + r"))?(?P<sep>[\s-]?)"
        r"(?P<unit>" + units + r")(?![\w²])(?P<long>-long|-strong)?"
    )
    return re.compile(
        r"(?<![\w.,$€£-])" + _APPROX + r"(?:" + money + r"|" + percent + r"|" + measure + r")"
        + _PER,
        re.I,
    )  # fmt: skip


def word_number(text: str) -> float | None:
    """ "nine and a half" = 9.5, "four point six" = 4.6, "twenty-five" = 25, "1,200" = 1200."""
    t = " ".join(text.lower().replace(",", "").split())
    try:
        return float(t)
    except ValueError:
        pass
    frac = 0.0
    for name, part in _FRACTIONS.items():
        if t.endswith(" and " + name):
            t, frac = t[: -len(name) - 5], part
            break
    if " point " in t:
        whole, _, decimals = t.partition(" point ")
        digits = [WORD_NUMBERS.get(w) for w in decimals.split()]
        if any(d is None or d > 9 for d in digits):
            return None
        head = word_number(whole)
        return None if head is None else head + float("0." + "".join(str(int(d)) for d in digits))  # type: ignore[arg-type]
    total, current = 0.0, 0.0
    for w in re.split(r"[\s-]+", t.replace(" and ", " ")):
        if w in ("a", ""):
            continue
        if w in WORD_NUMBERS:
            current += WORD_NUMBERS[w]
        elif w in _SCALES:
            current = max(current, 1.0) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, current = total + current, 0.0
        else:
            return None
    return total + current + frac


def _step(text: str, value: float) -> float:
    """The precision of a written figure: 0.01 for "4.35", 1 for "12" and for words."""
    digits = text.replace(",", "")
    if re.fullmatch(r"\d+\.\d+", digits):
        return 10.0 ** -len(digits.split(".")[1])
    if re.fullmatch(r"\d+", digits):
        return 1.0
    decimals = len(f"{value:.6f}".rstrip("0").split(".")[1])
    return 10.0**-decimals if decimals else 1.0


def _scale(mult: str | None) -> float:
    m = (mult or "").lower()
    return {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}.get(
        m, 1.0
    )


def _unit_of(word: str) -> tuple[str, float] | None:
    w = " ".join(word.lower().split())
    if w in _UNITS:
        return _UNITS[w]
    for cut in ("es", "s"):
        if w.endswith(cut) and w[: -len(cut)] in _UNITS:
            return _UNITS[w[: -len(cut)]]
    return _UNITS["lb"] if w == "lbs" else None


def _figures(g: dict[str, str | None]) -> tuple[str, list[tuple[str, float]]] | None:
    """The dimension and the (written, normalised) numbers of a match."""
    if g["n1"] or g["n3"]:
        cur = _CURRENCY[(g["cur"] or g["cur2"] or "").lower()]
        out = []
        for num, mult in ((g["n1"] or g["n3"], g["m1"] or g["m3"]), (g["n2"], g["m2"] or g["m1"])):
            if num:
                n = word_number(num)
                if n is None:
                    return None
                out.append((num, n * _scale(mult)))
        return "money:" + cur, out
    if g["p1"]:
        nums = [(x, word_number(x)) for x in (g["p1"], g["p2"]) if x]
        return "percent", [(x, n) for x, n in nums if n is not None]
    unit = _unit_of(g["unit"] or "")
    if unit is None:
        return None
    nums = [(x, word_number(x)) for x in (g["u1"], g["u2"]) if x]
    return unit[0], [(x, n * unit[1]) for x, n in nums if n is not None]


def _approx(word: str | None) -> str:
    a = " ".join((word or "").lower().split())
    if a in ("up to", "at most", "under", "less than", "below", "no more than", "just under"):
        return "max"
    if a in ("over", "more than", "at least", "above", "upwards of", "just over"):
        return "min"
    if a in ("as much as", "as many as"):
        return "max"
    return "about" if a else ""


def _per(g: dict[str, str | None]) -> str:
    per = " ".join((g["per"] or "").lower().replace("/", " ").split())
    if not per:
        return ""
    last = per.split()[-1]
    return _PERIOD_WORDS.get(last, last if g["perx"] is None else re.sub(r"s$", "", last))


def values(text: str) -> list[Value]:
    """Every figure of ``text`` with its unit, normalised (see the module docstring)."""
    out = []
    for m in _value_re().finditer(text):
        g = m.groupdict()
        found = _figures(g)
        if found is None or not found[1]:
            continue
        dim, nums = found
        if dim == "percent" and not re.search(r"%|cent", m.group(), re.I):
            continue
        low, high = nums[0][1], nums[-1][1]
        if high < low:
            if dim.startswith("money") or high <= 0:
                continue
            low, high = high, low
        step = max(_step(x, n) for x, n in nums) if dim == "percent" else 1.0
        per = _per(g)
        if per in PER_YEAR and not dim.startswith(("duration",)) and per != "year":
            low, high, per = low * PER_YEAR[per], high * PER_YEAR[per], "year"
        compound = bool(g.get("sep") == "-" or g.get("long"))
        out.append(
            Value(m.start(), m.end(), dim, low, high, step, _approx(g["approx"]), per, compound)
        )
    return out


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
