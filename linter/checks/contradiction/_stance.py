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
from linter.checks.contradiction._entities import (
    Pair,
    _pair_from,
    _same_stem,
    compared,
    stems,
    wordnet,
)
from linter.checks.contradiction._pairing import Claim, short
from linter.checks.contradiction._parse import parse_sentences, parsed, subject_parse_ok
from linter.checks.contradiction._sameness import sameness_claims
from linter.checks.contradiction._stance_forms import (
    _BEATS,
    _COMMA_IMPERATIVE,
    _DEFAULT_SCOPE,
    _HEDGE,
    _IT_DEPENDS,
    _LABEL,
    _NEGATION,
    _NEUTRAL,
    _RECOMMEND,
    _REJECT,
    _REPORTED,
    _SCOPE_FILLER,
    _SCOPE_LEAD,
    _SCOPE_TAIL,
    _SKIP_THEN,
    _SUBJECT_VERDICT,
    _YES_NO_TITLE,
    _cued,
    _imperative_re,
    _more_verdict,
    bare_label,
    label_fillers,
    neutral_more,
    other_question,
)
from linter.checks.contradiction._words import PRONOUNS, phrase_key, words_before
from linter.model import QUOTE, Document, Sentence


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
        for part in re.split(r"[:|–—]", title)[1:] if pair is None else ():
            pair = pair or _pair_from(part)  # "Your First Skillet: Cast Iron or Nonstick?"
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


def _label_scope(text: str, start: int, question: _Question) -> frozenset[str]:
    """What a lead-in label before the stance narrows it to: "Best value: it's a draw"
    is about value; "Our pick:", "Verdict:", "A vs. B:" narrow nothing."""
    head = text[:start]
    colon = max(head.rfind(":"), head.rfind("."))
    if colon < 0 or len(head[:colon].split()) > 5:
        return frozenset()
    label = re.sub(r"[*_#]", " ", head[:colon])
    if re.search(r"\b(?:our|my|we|i)\b", label, re.I):
        return frozenset()  # "Our top tip:", "We'd say:": the article's verdict label
    words = _scope_words(label, question)
    return frozenset(w for w in words if w not in label_fillers() and question.side(w) is None)


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
    cues = [s for s in chosen if _cued(s.text) and _COMMA_IMPERATIVE.search(s.text)]
    parses = parse_sentences(doc, cues, "stance") if cues else {}
    previous = {id(b): a.text for a, b in zip(doc.sentences, doc.sentences[1:], strict=False)}
    for sentence in chosen:
        text = sentence.text
        if _cued(text):
            parse = parses.get((sentence.block.index, sentence.start))
            before = previous.get(id(sentence), "")
            claim = _neutral(doc, sentence, question, before) if question.known else None
            claim = claim or _pick(sentence, question, parse, before)
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


def _neutral(
    doc: Document, sentence: Sentence, question: _Question, before: str = ""
) -> Claim | None:
    text = sentence.text
    m = _NEUTRAL.search(text) or neutral_more().search(text)
    asked = _question_of(doc, sentence) or (before if before.rstrip().endswith("?") else "")
    if m is None and _IT_DEPENDS.search(text):  # noqa: SIM102
        if re.search(r"\b(?:better|best|which|should\s+i)\b", asked, re.I):
            m = _IT_DEPENDS.search(text)
    if m is None or _REPORTED.search(text[: m.start()]) or other_question(asked):
        return None  # an FAQ answer to "Which is cheaper to insure?" is no verdict
    lead = _SCOPE_LEAD.match(text)
    where = frozenset()
    if lead is not None and lead.end() <= m.start() and _audience(lead.group().rstrip(",:")):
        where = _scope_words(lead.group("s"), question)
    where |= _label_scope(text, m.start(), question)
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


def _pick(sentence: Sentence, question: _Question, parse: Any, before: str = "") -> Claim | None:
    """The first reading of the sentence that names a pick ("Our advice is simple: A
    beats B" is read past its label, which names nothing)."""
    text = sentence.text
    readings = (
        lambda: _labelled(text),
        lambda: _bare(text),
        lambda: _recommended(text),
        lambda: _imperative(text, parse),
        lambda: _subject_verdict(sentence, text, question, before),
    )
    for read in readings:
        found = read()
        claim = _pick_claim(sentence, question, found) if found is not None else None
        if claim is not None:
            return claim
    return None


def _pick_claim(sentence: Sentence, question: _Question, found: Found) -> Claim | None:
    text = sentence.text
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
    scope_words |= _label_scope(text, start, question)
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
    scoped = f"for {m.group('for')} " if m.group("for") else ""  # "our pick for seniors is A"
    return m.start(), m.end("c"), m.group("c"), rejected, scoped + rest


def _bare(text: str) -> Found | None:
    """A label with no "our": "The winner: A", "Best overall: A" (a heading or lead-in)."""
    m = bare_label().search(text)
    if m is None:
        return None
    rejected, _, rest = _after(text, m, "c")
    return m.start("c"), m.end("c"), m.group("c"), rejected, rest


def _recommended(text: str) -> Found | None:
    m = _RECOMMEND.search(text)
    if m is None:
        return None
    rejected, _, rest = _after(text, m, "c")
    return m.start(), m.end("c"), m.group("c"), rejected, rest


def _imperative(text: str, parse: Any) -> Found | None:
    for m in _imperative_re().finditer(text):
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


def _verdicts(text: str) -> list[re.Match[str]]:
    found = list(_SUBJECT_VERDICT.finditer(text)) + list(_more_verdict().finditer(text))
    return sorted(found, key=lambda m: m.start())


def _resolve(subject: str, before: str, question: _Question) -> str:
    """ "It is the car we'd buy" after "The Verano Hybrid, hands down.": the side the
    sentence before names, when the subject is a bare "it" / "this one"."""
    words = set(phrase_key(subject))
    if not words or not words <= {"it", "this", "that", "one"} or question.pair is None:
        return subject
    side = question.side(before)
    return side if side is not None else subject


def _subject_verdict(
    sentence: Sentence, text: str, question: _Question, before: str = ""
) -> Found | None:
    for m in _verdicts(text):
        noun = m.groupdict().get("noun")
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
        subject = _resolve(text[s_start : m.start()], before, question)
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
