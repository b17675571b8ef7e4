"""CT004 phrasings built from the ``stance`` section of the lexicon, for ``_stance``.

Picks and neutral stances come in open classes of phrasing, so the patterns here are
made from word lists rather than written out one by one:

- a *verdict predicate* on a subject: "A remains our top recommendation", "A gets our
  nod", "A came out on top", "A edges it", and a relative clause of choosing: "A is the
  database we'd reach for", "the app we'd tell most people to use" (``choice_verbs``);
- a *bare label*: "The winner: A", "Best overall: A", "Verdict: A" (``bare_labels``);
- a *draw*: "call it a draw", "it's a toss-up", "too close to call"; "neither tool comes
  out ahead" (``neither_verbs``); "both are equally good first pans"; "it depends
  (entirely) on how/what/your ..." (the reader's situation, not "on the weather");
- whether an FAQ answer's question is the article's question at all: "Which is cheaper
  to insure? It depends on your postcode." answers a question of cost, not of which to
  choose (a comparative adjective other than better/best, or "how much/long/many").

Cost: the patterns are compiled once per process (``cache``); a search per sentence.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from linter.checks.contradiction._entities import _base, stems, wordnet
from linter.checks.contradiction._words import lexicon
from linter.lexicon import wordset


def _alternation(words: list[str]) -> str:
    """Longest first, spaces as any run of white space, "'" as either apostrophe."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        escaped = re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
        out.append(escaped)
    return "(?:" + "|".join(out) + ")"


@cache
def _lex() -> dict[str, list[str]]:
    return lexicon()["stance"]


@cache
def choice_verbs() -> str:
    return _alternation(_lex()["choice_verbs"])


@cache
def imperative_verbs() -> str:
    return _alternation(_lex()["imperative_verbs"])


@cache
def verdict_nouns() -> str:
    return _alternation(_lex()["verdict_nouns"])


@cache
def label_fillers() -> frozenset[str]:
    """Stems of a lead-in label's words that narrow nothing ("our final verdict")."""
    return frozenset(stems(" ".join(_lex()["label_fillers"])))


@cache
def verdict_predicate() -> str:
    """Alternatives (each starting with white space) that make a subject the pick."""
    idioms = "|".join(i.replace(" ", r"\s+").replace("'", "['’]") for i in _lex()["award_idioms"])
    chooser = (
        r"(?:the|our|my)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:that\s+|which\s+)?(?:we|i)"
        r"(?:['’]d|\s+would|['’]ll|\s+will|\s+still|\s+always)?\s+(?:\w+\s+){0,4}?"
        + choice_verbs()
        + r"\b"
    )
    return (
        rf"\s(?:{idioms})\b"
        rf"|\s(?:is|are|remains|remain|was)\s+(?:(?:still|clearly|easily|simply)\s+)?{chooser}"
    )


@cache
def bare_label() -> re.Pattern[str]:
    return re.compile(
        r"^\s*(?:\W\s*)?" + _alternation(_lex()["bare_labels"]) + r"\s*[:–—-]\s+(?:the\s+)?"
        r"(?P<c>(?!(?:it|neither|both|no|none|there|that|this)\b)[\w'’.$-]+(?:\s+[\w'’.$-]+){0,5})",
        re.I,
    )


@cache
def neutral_more() -> re.Pattern[str]:
    lex = _lex()
    draw = _alternation(lex["draw_nouns"])
    neither = "|".join(v.replace(" ", r"\s+") for v in lex["neither_verbs"])
    equal = _alternation(lex["equal_words"])
    adverbs = _alternation(lex["depends_adverbs"])
    return re.compile(
        rf"\b(?:it['’]s|it\s+is|call\s+it|that['’]s|this\s+is|it\s+was|it\s+ends?\s+(?:up\s+)?(?:as\s+)?)"
        rf"\s+(?:(?:basically|essentially|really|honestly|pretty\s+much|more\s+or\s+less|"
        rf"effectively|practically|close\s+to)\s+)?(?:a\s+|an\s+)?(?:\w+\s+)?{draw}\b"
        rf"|\btoo\s+close\s+to\s+call\b|\bcan['’]t\s+go\s+wrong\s+with\s+either\b"
        rf"|\bneither\b(?:\s+[\w'’-]+){{0,4}}?\s+(?:really\s+|clearly\s+)?(?:{neither})\b"
        rf"|\b(?:both|the\s+two|either)\s+(?:[\w-]+\s+){{0,2}}?(?:are|is|makes?|would\s+be)\s+"
        rf"(?:\w+\s+)?(?:equally|just\s+as)\s+{equal}\b"
        rf"|(?:^|(?<=[:;,–—]\s))(?:it|the\s+answer|that)\s+(?:{adverbs}\s+)?depends(?=\s+"
        rf"(?:{adverbs}\s+)?on\s+(?:you|your|what|how|who|which|whether|where|when)\b)",
        re.I,
    )


_OTHER_QUESTION = re.compile(
    r"\bhow\s+(?:much|long|many|often|far|fast|big|heavy|soon)\b|\b(?:cost|costs|price|"
    r"insure|insurance|warranty|weigh|weight)\b|\b(?:more|less)\s+(?!than)\w+",
    re.I,
)


def other_question(question: str) -> bool:
    """True if an FAQ question asks about something other than which option to choose:
    a figure ("how much"), a comparative other than better/best ("cheaper to insure")."""
    if _OTHER_QUESTION.search(question):
        return True
    scales = wordnet().scales
    for word in re.findall(r"\b[a-z]+(?:er|ier)\b", question.lower()):
        if word in ("better", "other", "either", "whether", "rather", "ever", "over"):
            continue
        if _base(word) in scales or word in scales:
            return True
    return False


# The patterns the stance reader (``_stance``) reads picks and neutral stances with.
_CUE = re.compile(
    r"\b(?:pick|recommend\w*|go(?:ing)?\s+with|go\s+for|steer|suggest\w*|beats?|wins|winner|"
    r"better|best|smart\w*|right|choice|option|skip|depends|toss[\s-]up|neither|verdict|"
    r"answer|use|choose|book|start\s+with|stick\s+with|opt\s+for|one\s+to|\w+\s+to\s+(?:buy|learn))\b",
    re.I,
)
_NEUTRAL = re.compile(
    r"\bneither\b(?:\s+[\w'’-]+){0,6}?\s+(?:is|are|makes?)\s+(?:(?:automatically|necessarily|"
    r"inherently|objectively|universally|simply|always|really|clearly)\s+)?(?:the\s+|an?\s+)?"
    r"(?:better|best|superior)\b"
    r"|\bno\s+(?:one\s+)?(?:option|path|choice|approach|one)\s+is\s+(?:(?:automatically|"
    r"necessarily|inherently|objectively|universally)\s+)?better\b"
    r"|\bthere\s+is\s+no\s+(?:single\s+|clear\s+|one\s+|universal\s+|outright\s+)?(?:winner|best\s+"
    r"(?:option|choice|path)|better\s+(?:option|choice|path|one))\b"
    r"|\bno\s+(?:single\s+|one\s+|clear\s+)?(?:right|correct|best)\s+answer\b"
    r"|\bno\s+clear\s+winner\b|\btoss[\s-]up\b"
    r"|\b(?:can(?:no|')t|can’t|cannot)\s+(?:pick|name|call|declare)\s+(?:a|one|an\s+outright)\s+winner\b"
    r"|\bone\s+is\s+not\s+(?:necessarily\s+|automatically\s+)?better\s+than\s+the\s+other\b"
    r"|\b(?:both|the\s+two)\s+are\s+equally\s+(?:good|valid|strong)\b"
    r"|\b(?:answer|verdict|choice)\s+(?:is\s+(?:that\s+)?|really\s+)?(?:it\s+)?depends\b"
    r"|\bit\s+(?:really\s+|all\s+)?depends\s+on\s+(?:you\b|your\b|what\s+you|how\s+you|who\s+you)",
    re.I,
)
_IT_DEPENDS = re.compile(r"^\s*(?:it|the\s+answer)\s+depends\b", re.I)
# A phrase after a choosing word: up to the clause's end or a word that starts a reason,
# a rejection or a scope.
_NP = r"(?P<c>(?!(?:not|no|to|that|it|this)\b)[\w'’.$-]+(?:\s+(?!(?:for|because|since|if|over|rather|instead|than|and|but|so|as|in|when|unless|never|not|or|at|on)\b)[\w'’.$-]+){0,6})"
_REJECT = re.compile(
    r"\b(?:over|rather\s+than|instead\s+of|not|never)\s+(?:through\s+|with\s+|to\s+)?"
    r"(?P<r>[\w'’.$-]+(?:\s+(?!(?:for|because|since|if|and|but|so|when|unless)\b)[\w'’.$-]+){0,5})",
    re.I,
)
_LABEL = re.compile(
    r"\b(?:our|my)\s+(?:(?:top|final|overall|clear|first|main|best|one|short|honest)\s+)*"
    r"(?:pick|recommendation|choice|verdict|vote|winner|answer|tip|suggestion|advice|award|"
    r"favou?rite|call|bet)"
    r"(?:\s+for\s+(?P<for>[^:.;]{1,60}?))?\s*(?::|\bis\b|\bgoes\s+to\b)\s*(?:the\s+)?(?:(?P<yn>(?:a\s+)?(?:firm\s+)?(?:yes|no))\b|"
    + _NP
    + ")",
    re.I,
)
_RECOMMEND = re.compile(
    r"\b(?:we|i)(?:['’]d|\s+would|\s+strongly|\s+still)?\s+(?:strongly\s+|still\s+|always\s+)?"
    r"(?:recommend|suggest|go\s+with|choose|pick|advise|vote\s+for|lean\s+towards?|"
    r"steer\s+(?:[\w'’-]+\s+){0,3}?towards?|point\s+(?:[\w'’-]+\s+){0,3}?towards?)\s+"
    r"(?:(?:\w+ing)\s+(?!(?:for|in|at)\b))?" + _NP,
    re.I,
)


@cache
def _imperative_re() -> re.Pattern[str]:
    """An imperative of choosing at a clause's start: the verbs above and the lexicon's."""
    return re.compile(
        r"(?:^|[:;]\s*|,\s+)(?:(?:always|just|simply|so|then|instead)\s+)?(?P<v>use|choose|"
        r"pick|buy|get|book|go\s+with|go\s+for|opt\s+for|stick\s+with|start\s+with|adopt|skip|"
        + imperative_verbs()
        + r")\s+(?:(?:straight|directly)\s+(?=\w+\s))?"
        + _NP,
        re.I,
    )


@cache
def _more_verdict() -> re.Pattern[str]:
    """A subject made the pick by the lexicon's predicates ("A gets our nod", "A is the
    database we'd reach for", "A remains our top recommendation")."""
    nouns = verdict_nouns()
    return re.compile(
        verdict_predicate()
        + r"|\s(?:is|are|remains?)\s+(?:(?:clearly|definitely|simply|still|now)\s+)?(?:the|our)\s+"
        r"(?:(?:clear|obvious|outright|overall|top|best|first|final|main|go-to)\s+)*"
        + nouns
        + r"\b(?!\s+(?:to|than)\b)",
        re.I,
    )


@lru_cache(maxsize=4096)  # asked twice of each claim sentence (``stance_claims``)
def _cued(text: str) -> bool:
    """Whether ``text`` holds a cue of a stance: four pattern searches over it."""
    return bool(
        _CUE.search(text)
        or _more_verdict().search(text)
        or neutral_more().search(text)
        or bare_label().search(text)
    )


_COMMA_IMPERATIVE = re.compile(
    r",\s+(?:(?:always|just|simply|so|then|instead)\s+)?(?:use|choose|pick|buy|get|book|go|opt|"
    r"stick|start|adopt|skip)\b",
    re.I,
)
_SKIP_THEN = re.compile(
    r"\s*and\s+(?:go\s+(?:straight\s+|directly\s+)?(?:to|with|for)|choose|pick|get|buy|use|"
    r"start\s+with)\s+(?:the\s+|a\s+)?" + _NP,
    re.I,
)
_SUBJECT_VERDICT = re.compile(
    r"\s(?:is|are|remains)\s+(?:(?:clearly|definitely|simply|always|obviously|undoubtedly|"
    r"usually|still|now)\s+)?(?:the|our|your)\s+(?:(?:clear|obvious|outright|overall|top|better|"
    r"best|smarter|smart|right|safer|wiser|first)\s+)*(?:winner|pick|choice|option|bet|path|move|"
    r"one\s+to\s+\w+|way\s+to\s+go|\w+\s+to\s+(?:buy|learn|choose|get|pick|use|start\s+with))\b"
    r"|\s(?:is|are|remains)\s+(?:(?:clearly|definitely|simply|always|obviously|undoubtedly|"
    r"usually|still)\s+)?(?P<the>the\s+)?(?:better|best|superior|smarter)\s*(?P<noun>(?!(?:than|for|in|at|on|with|to|overall)\b)(?:first\s+)?[a-z]+\b)?"
    r"(?(noun)|(?(the)|(?=\s*(?:[.,;!]|$|overall\b|than\b))))"
    r"|\s(?:beats?|trumps?|wins\b|comes\s+out\s+(?:on\s+top|ahead))",
    re.I,
)
_BEATS = re.compile(
    r"\s(?:beats?|trumps?)\s+(?:the\s+|a\s+)?" + _NP.replace("?P<c>", "?P<r>"), re.I
)
_HEDGE = re.compile(
    r"\b(?:might|may|could|can|perhaps|probably|possibly|arguably|likely|maybe|tend\w*|"
    r"sometimes|often)\b",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|never|no)\b|n['’]t\b", re.I)
_REPORTED = re.compile(
    r"[\"“”]|\b(?:says?|said|insists?|argues?|claims?|thinks?|believes?|according\s+to)\b", re.I
)
_SCOPE_LEAD = re.compile(r"^\s*(?:for|if|when|unless|as)\s+(?P<s>[^,:;]{1,80})[,:]", re.I)
_SCOPE_TAIL = re.compile(
    r"\b(?:for|if|when|unless|in|at|on|among|during|with|as)\s+(?P<s>[^,:;.]{1,80})", re.I
)
_DEFAULT_SCOPE = re.compile(
    r"\bmost\s+[\w'’-]+|\b(?:almost|nearly|virtually)\s+(?:every|any)\w*|\b(?:the\s+)?(?:typical|average)\s+[\w'’-]+|\beveryone\b|\banyone\b|"
    r"\b(?:right\s+)?now\b|\btoday\b|\bthis\s+[\w'’-]+|\bthese\s+[\w'’-]+|\bthe\s+moment\b|"
    r"\bthe\s+long\s+run\b|\bgeneral\b|\bthe\s+end\b|\bshort\b|\b(?:the|their|your|its|an?|"
    r"first|next|\d+|two|three|four|five|few)\s+(?:[\w-]+\s+){0,2}(?:years?|months?|weeks?|days?|"
    r"semesters?)\b",
    re.I,
)
# Words a scope may hold that name no audience or setting of its own.
_SCOPE_FILLER = wordset(
    "a an the you your yours we our us i me my it its they them their this that these those "
    "who whom which what someone somebody person people reader readers user users one ones "
    "is are was were be been has have had do does did can could will would want wants need "
    "needs never ever just only already really still also very all any some many more less "
    "of to in on at by from with about into than then so if when as for get got"
)
_YES_NO_TITLE = re.compile(
    r"^\s*(?:should|can|do|does|is|are|will|would)\s+(?:you|i|we)\s+(?P<q>[^?:]+)", re.I
)
