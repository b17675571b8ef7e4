"""CT004: the article's picks and neutral stances on its own question, and sameness claims.

The question is the article's compared pair ("A vs B", ``_entities.compared``, with its
short forms) or, in a title like "Should You Take the Counteroffer?", yes or no. Only
sentences holding a verdict word (``_CUE``) are read. A *neutral stance* ("neither is
better", "no clear winner", "a toss-up", "can't pick a winner", "no single right
answer", "it depends on your goals") says no side wins. A *pick* names the chosen option
and, where said, the rejected one: a label ("our pick: A", "our answer is no"), a
recommendation ("we'd go with A", "we recommend A over B", "we'd steer most readers
toward A"), an imperative ("use A", "start with A", "skip A and go straight to B",
"always book through A, never through B"), or a verdict on a subject ("A is the better
choice", "A is the one to buy", "A is the clear winner", "A beats B", "A wins"). A pick
is firm unless hedged ("may", "could", "probably"), negated, inside a quotation or
reported speech, or under a condition; "usually" and "in most cases" are firm.

Each stance carries a *scope*: the audience or setting it is said for ("for families",
"if you edit in Final Cut"), as content stems minus the title's own topic ("for weight
loss" in "Which Is Better for Weight Loss?") and minus the default audience ("most
readers", "the typical reader", "right now"). Stances meet only when their scopes meet
(both empty, or mostly the same words), so "for commuters" never meets "for families"
and a scoped pick never meets "it depends". Met stances clash when one is neutral and
the other a pick of a side, when they pick different sides, or (no side known) when one
chooses what the other rejects.

Sameness claims ("A is (not) the same as B", ``_sameness``) are keyed by the pair of names and clash
when one denies what the other asserts; "not exactly the same" is a nuance.

Cost: a regex per sentence. The trained parse (``parse_sentences``, shared cache,
``stance`` budget) is asked only for sentences with an imperative after a comma, to
tell ", use PostgreSQL" (a clause with no subject) from a subject's verb; the
segmentation's own parse, when it has one, confirms the subject of "A is the better
choice".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from linter.checks.contradiction._clauses import (
    claim_sentences,
    clause_bounds,
)
from linter.checks.contradiction._entities import Pair, _same_stem, compared, stems, wordnet
from linter.checks.contradiction._pairing import Claim, short
from linter.checks.contradiction._parse import parse_sentences, parsed, subject_parse_ok
from linter.checks.contradiction._sameness import sameness_claims
from linter.checks.contradiction._words import PRONOUNS, phrase_key, words_before
from linter.lexicon import wordset
from linter.model import QUOTE, Document, Sentence

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
    r"(?:pick|recommendation|choice|verdict|vote|winner|answer|tip|suggestion)"
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
_IMPERATIVE = re.compile(
    r"(?:^|[:;]\s*|,\s+)(?:(?:always|just|simply|so|then|instead)\s+)?(?P<v>use|choose|pick|buy|"
    r"get|book|go\s+with|go\s+for|opt\s+for|stick\s+with|start\s+with|adopt|skip)\s+"
    r"(?:(?:straight|directly)\s+(?=\w+\s))?" + _NP,
    re.I,
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


@dataclass(frozen=True, slots=True)
class Stance:
    """What a stance says: neutral, or a pick (``side`` of the question when known, the
    stems of the chosen and rejected options), for whom (``scope``)."""

    neutral: bool
    side: str | None
    chosen: frozenset[str]
    rejected: frozenset[str]
    scope: frozenset[str]
    said: str  # the verdict in an editor's words


@dataclass(slots=True)
class _Question:
    pair: Pair | None
    asked: frozenset[str]  # a yes/no title's stems ("take", "counteroffer")
    topic: frozenset[str]  # the title's stems: its purpose and audience

    def side(self, text: str) -> str | None:
        if self.pair is not None:
            side = self.pair.side(text)
            return None if side is None else self.pair.names[side].lstrip("# ").strip()
        low = text.strip().lower()
        answer = re.match(r"(?:a\s+)?(?:firm\s+|clear\s+)?(yes|no)\b", low)
        if self.asked and answer is not None:
            return answer.group(1)
        if self.asked and any(_same_stem(w, a) for w in _content(text) for a in self.asked):
            return "yes"
        return None

    @property
    def known(self) -> bool:
        return self.pair is not None or bool(self.asked)


def _question(doc: Document) -> _Question:
    def read() -> _Question:
        pair = compared(doc)
        title = doc.title or next((b.text for b in doc.headings() if b.level == 1), "")
        asked: frozenset[str] = frozenset()
        m = _YES_NO_TITLE.match(title.lstrip("# "))
        if pair is None and m is not None:
            asked = frozenset(w for w in _content(m.group("q")) if len(w) > 3)
        return _Question(pair, asked, pair.topic if pair is not None else stems(title))

    return doc.memo("contradiction.stance_question", read)


def _content(text: str) -> frozenset[str]:
    return frozenset(
        s for s in stems(text) if s not in _SCOPE_FILLER and len(s) > 2 and not s.isdigit()
    )


def _scope_words(text: str, question: _Question) -> frozenset[str]:
    """The audience or setting a phrase names, as stems, less the title's own topic and
    the article's default audience ("most readers", "right now")."""
    text = _DEFAULT_SCOPE.sub(" ", text)
    words = _content(text)
    return frozenset(w for w in words if not any(_same_stem(w, t) for t in question.topic))


def _audience(phrase: str) -> bool:
    """True if a scope phrase names whom or where a stance holds: a condition ("if you
    edit in Final Cut"), a setting ("in small clinics") or people ("for families"), not
    a purpose ("for a new Django project")."""
    low = phrase.lower()
    if not re.match(r"\s*(?:for|as)\b", low):
        return True
    head = re.split(r"\s(?:with|who|whose|that|which|in|on|at|from|of)\s", low + " ")[0]
    words = re.findall(r"[a-z]+", head)
    if not words:
        return False
    last = words[-1]
    persons = wordnet().persons | {"someone", "anyone", "everyone", "people", "folks"}
    return last in persons or last.removesuffix("s") in persons or last[:-3] + "y" in persons


def _scopes_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) * 2 >= len(a | b)


def stance_clash(a: Claim, b: Claim) -> bool:
    """True if two stances on the article's question cannot both hold."""
    if a.key[0] != "stance":
        return bool(a.value != b.value)
    x, y = a.value, b.value
    if not _scopes_meet(x.scope, y.scope) or (x.neutral and y.neutral):
        return False
    if x.neutral or y.neutral:
        return (y if x.neutral else x).side is not None
    if x.side is not None and y.side is not None:
        return bool(x.side != y.side)
    return bool(x.chosen & y.rejected or y.chosen & x.rejected)


def stance_claims(doc: Document) -> Iterator[Claim]:
    """Neutral stances and picks on the article's question, and sameness claims."""
    question = _question(doc)
    chosen = list(_stance_sentences(doc))
    # The parse only settles an imperative after a comma (", use PostgreSQL" against
    # "..., use of"): just those sentences are parsed.
    cues = [s for s in chosen if _CUE.search(s.text) and _COMMA_IMPERATIVE.search(s.text)]
    parses = parse_sentences(doc, cues, "stance") if cues else {}
    for sentence in chosen:
        text = sentence.text
        if _CUE.search(text):
            parse = parses.get((sentence.block.index, sentence.start))
            claim = _neutral(doc, sentence, question) if question.known else None
            claim = claim or _pick(sentence, question, parse)
            if claim is not None:
                yield claim
        if re.search(
            r"same|identical|interchangeable|different\s+from|distinct\s+from", text, re.I
        ):
            yield from sameness_claims(sentence, text)


def _stance_sentences(doc: Document) -> Iterator[Sentence]:
    """Claim sentences, and those of a block quote that quotes no one: a Markdown
    callout ("> The bottom line: ...") is the article's own voice."""
    for sentence in doc.sentences:
        text = sentence.text.rstrip()
        if sentence.block.kind != QUOTE:
            if id(sentence) in _claim_set(doc):
                yield sentence
        elif (
            len(text) >= 8 and not text.endswith("?") and not _REPORTED.search(sentence.block.text)
        ):
            yield sentence


def _claim_set(doc: Document) -> set[int]:
    return doc.memo("contradiction.stance_claim_set", lambda: {id(s) for s in claim_sentences(doc)})


def _question_of(doc: Document, sentence: Sentence) -> str:
    q = sentence.block.answers
    if q is not None and 0 <= q < len(doc.blocks):
        return doc.blocks[q].text
    return ""


def _neutral(doc: Document, sentence: Sentence, question: _Question) -> Claim | None:
    text = sentence.text
    m = _NEUTRAL.search(text)
    if m is None and _IT_DEPENDS.search(text):  # noqa: SIM102
        if re.search(r"\b(?:better|best|which|should\s+i)\b", _question_of(doc, sentence), re.I):
            m = _IT_DEPENDS.search(text)
    if m is None or _REPORTED.search(text[: m.start()]):
        return None
    lead = _SCOPE_LEAD.match(text)
    where = frozenset()
    if lead is not None and lead.end() <= m.start() and _audience(lead.group().rstrip(",:")):
        where = _scope_words(lead.group("s"), question)
    base = sentence.start
    stance = Stance(True, None, frozenset(), frozenset(), where, "")
    return Claim(sentence, base + m.start(), base + m.end(), ("stance",), stance, _args(stance))


def _args(stance: Stance) -> dict[str, Any]:
    """The message's words: "{verdict}" here, "line N {other_says}" for the earlier one."""
    if stance.neutral:
        return {"args": {"verdict": "no side wins", "says": "says no side wins"}}
    return {"args": {"verdict": f"the pick is {stance.said}", "says": f"picks {stance.said}"}}


def _firm(text: str, left: int, start: int) -> bool:
    """True if nothing before the verdict in its clause hedges, negates or reports it."""
    lead = _SCOPE_LEAD.match(text)
    if lead is not None and left < lead.end() <= start:
        left = lead.end()  # "For someone who has never owned a dog, ...": the audience
    before = text[left:start]
    if _HEDGE.search(before) or _NEGATION.search(before) or _REPORTED.search(text):
        return False
    return not re.search(r"^\s*(?:unless|whether|once)\b", before, re.I)


def _pick(sentence: Sentence, question: _Question, parse: Any) -> Claim | None:
    text = sentence.text
    found = _labelled(text) or _recommended(text) or _imperative(text, parse)
    if found is None:
        found = _subject_verdict(sentence, text)
    if found is None:
        return None
    start, end, chosen, rejected, tail = found
    end = start + len(text[start:end].rstrip(" .,;:!"))
    left, _ = clause_bounds(text, start, end)
    if not _firm(text, min(left, start), start):
        return None
    side = question.side(chosen) if chosen else None
    other = question.side(rejected) if rejected else None
    if side is None and other is not None and question.pair is not None:
        names = question.pair.names
        side = names[1] if other == names[0] else names[0]
    elif side is not None and other == side:
        return None
    if side is None and question.known and not (chosen and rejected):
        return None
    lead = _SCOPE_LEAD.match(text)
    parts = [lead.group().rstrip(",:")] if lead and lead.start("s") < start else []
    parts += [t.group() for t in _SCOPE_TAIL.finditer(tail)]
    scope_words = _scope_words(" ".join(p for p in parts if _audience(p)), question)
    said = side or short(chosen.strip(" .,;:"), 40) or f"not {short(rejected, 40)}"
    if side in ("yes", "no"):
        said = f"“{side}”"
    stance = Stance(False, side, _content(chosen), _content(rejected), scope_words, said)
    base = sentence.start
    return Claim(sentence, base + start, base + end, ("stance",), stance, _args(stance))


Found = tuple[int, int, str, str, str]  # start, end, chosen, rejected, scope text after


def _after(text: str, m: re.Match[str], group: str) -> tuple[str, int, str]:
    """The rejected option after a chosen one ("over B", "never through B"), where it
    ends, and the clause's rest (its scope)."""
    end = m.end(group)
    stop_at = re.search(r"[;:.!?]|\bbecause\b|\bbut\b", text[end:])
    r = _REJECT.search(text, end, end + stop_at.start() if stop_at else len(text))
    rejected = r.group("r") if r else ""
    stop = r.end() if r else end
    rest = re.split(
        r"[;:.!?]|\s[–—]\s|,\s*(?:because|since|but|and|so|though|which)\b|\bbecause\b", text[stop:]
    )[0]
    return rejected, stop, rest


def _labelled(text: str) -> Found | None:
    m = _LABEL.search(text)
    if m is None:
        return None
    if m.group("yn"):
        rest = text[m.end("yn") :].split(".")[0]
        return m.start(), m.end("yn"), m.group("yn"), "", (m.group("for") or "") + rest
    if re.match(r"(?:use|choose|pick|buy|get|book|go|opt|stick|start|skip)\b", m.group("c"), re.I):
        return None  # an imperative: read as one
    rejected, _, rest = _after(text, m, "c")
    return m.start(), m.end("c"), m.group("c"), rejected, (m.group("for") or "") + " " + rest


def _recommended(text: str) -> Found | None:
    m = _RECOMMEND.search(text)
    if m is None:
        return None
    rejected, _, rest = _after(text, m, "c")
    return m.start(), m.end("c"), m.group("c"), rejected, rest


def _imperative(text: str, parse: Any) -> Found | None:
    for m in _IMPERATIVE.finditer(text):
        after_comma = text[: m.start()].rstrip().endswith(",") or text[m.start()] == ","
        if after_comma and (parse is None or not _imperative_in_parse(parse, m.start("v"))):
            continue
        if m.group("v").lower() == "skip":
            then = _SKIP_THEN.match(text, m.end("c"))
            if then is None:
                return m.start("v"), m.end("c"), "", m.group("c"), ""
            _, _, rest = _after(text, then, "c")
            return m.start("v"), then.end("c"), then.group("c"), m.group("c"), rest
        rejected, _, rest = _after(text, m, "c")
        return m.start("v"), m.end("c"), m.group("c"), rejected, rest
    return None


def _imperative_in_parse(parse: Any, offset: int) -> bool:
    """True if the verb at ``offset`` heads a clause with no subject (an imperative)."""
    verb = next((t for t in parse if t.idx == offset), None)
    if verb is None:
        return False
    if verb.tag_ not in ("VB", "VBP", "NN", "NNP"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)


def _subject_verdict(sentence: Sentence, text: str) -> Found | None:
    for m in _SUBJECT_VERDICT.finditer(text):
        noun = m.group("noun")
        if noun and noun.lower() in (
            "than",
            "at",
            "for",
            "in",
            "on",
            "with",
            "off",
            "suited",
            "paid",
        ):
            continue
        left, right = clause_bounds(text, m.start(), m.end())
        s_start, _ = words_before(text, m.start() + 1, 5)
        s_start = max(s_start, left)
        lead = text[left : m.start()]
        if len(lead.split()) <= 6 and not re.search(r"[,;:]", lead):
            s_start = left + len(lead) - len(lead.lstrip())  # "Leasing a car is ...": all of it
        subject = text[s_start : m.start()]
        if not subject.strip() or set(phrase_key(subject)) & PRONOUNS:
            continue
        scoped = _SCOPE_LEAD.match(text)
        lo = scoped.end() if scoped and left < scoped.end() <= m.start() else left
        if _HEDGE.search(text, lo, m.end()) or _NEGATION.search(text, lo, m.end()):
            continue
        if parsed(sentence) and not subject_parse_ok(sentence, s_start, m):
            continue
        rejected = ""
        b = _BEATS.match(text, m.start())
        end = m.start() + len(m.group().rstrip())
        if b is not None:
            rejected, end = b.group("r"), b.end("r")
        rest = re.split(
            r"[;:.!?]|,\s*(?:because|since|but|and|so|though|which)\b|\bbecause\b", text[end:right]
        )[0]
        than = re.match(r"\s*than\s+(?:the\s+|a\s+)?([^,;]*)", rest, re.I)
        if than is not None:
            rejected, rest = than.group(1), rest[than.end() :]
        return s_start, end, subject, rejected, rest
    return None
