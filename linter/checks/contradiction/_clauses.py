"""What limits a claim: the sentences that may carry one, the clause around it, hedges and
conditions in that clause, and the scope (years, places, tense, phrases in front of or
after it) that becomes part of its key.

A claim is only taken when it is not a question, not hedged ("may", "often", "some"...)
and not conditional ("if", "for example"...), because a contradiction rule that guesses
is worse than none. Scope is part of the key, so "in 2022" and "in 2024" never meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from linter.checks.contradiction import _parse
from linter.checks.contradiction._words import lexicon, phrase_key, terms
from linter.model import FAQ_QUESTION, HEADING, QUOTE, Document, Sentence


@cache
def _hedge_re() -> re.Pattern[str]:
    return terms(lexicon()["hedges"])


@cache
def _condition_re() -> re.Pattern[str]:
    return terms(lexicon()["conditions"])


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
# Where a complement ends: a conjunction or a subordinate clause starts.
COMP_END = re.compile(
    r"\s+(?:and|but|or|because|since|although|though|so|which|who|while|as|unless|if|when|"
    r"even|yet)\b.*$",
    re.I,
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
    return phrase_key(COMP_END.sub("", m.group(1)))


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


# --- Claims from the parse (issue 13): hedges, conditions and scope of one predicate ---------

_MODAL_HEDGES = frozenset({"may", "might", "can", "could", "should", "would"})
_SUBJECT_HEDGES = frozenset({"some", "many", "most", "several", "few", "certain"})
# Marks of a clause that states a condition; "once" and "until" are mostly about time.
_CONDITION_MARKS = frozenset({"if", "unless", "whenever", "provided", "assuming", "whether"})


@cache
def _hedge_words() -> frozenset[str]:
    return frozenset(w for w in lexicon()["hedges"] if " " not in w)


def predicate_hedged(predicate: Any) -> bool:
    """True if the claim of ``predicate`` (a token of a parse) is softened by its own
    modal ("may be required"), an adverb on it ("is often optional", "not always"), or a
    determiner of its subject ("some roles"). A hedge in a reason or another clause
    ("..., largely because ...") does not count: it modifies that clause."""
    words = _hedge_words()
    for child in predicate.children:
        if child.dep_ == "aux" and child.lower_ in _MODAL_HEDGES:
            return True
        if child.dep_ in ("advmod", "npadvmod") and child.lower_ in words and not _as_many(child):
            return True
        if child.dep_ == "neg" and any(
            c.lower_ in ("always", "necessarily") for c in child.head.children
        ):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            d.dep_ in ("det", "amod", "nummod") and d.lower_ in _SUBJECT_HEDGES
            for d in child.children
        ):
            return True
        if child.dep_ in ("acomp", "attr", "oprd", "xcomp") and any(
            d.dep_ == "advmod" and d.lower_ in words for d in child.children
        ):
            return True
    return False


def _as_many(word: Any) -> bool:
    """ "as many as you like": no hedge, the opposite of a limit."""
    return word.i > 0 and word.nbor(-1).lower_ == "as" and word.lower_ in ("many", "much")


def predicate_conditional(predicate: Any) -> bool:
    """True if ``predicate`` or a clause it sits in holds only under a condition: an
    adverbial clause marked "if", "unless", "whenever"... or an "if" clause above it."""
    for node in (predicate, *predicate.ancestors):
        for child in node.children:
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in child.children
            ):
                return True
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in node.children):
            return True
    return False


_SPEECH = frozenset(
    {
        "say",
        "claim",
        "argue",
        "believe",
        "think",
        "report",
        "suggest",
        "insist",
        "tell",
        "complain",
        "feel",
        "warn",
        "assume",
        "reckon",
    }
)


def predicate_attributed(predicate: Any) -> bool:
    """True if the claim is someone's report ("some employers say a degree is required",
    "critics argue ..."): a clause under a verb of saying or thinking whose subject is not
    the article ("we")."""
    node = predicate
    while node.dep_ in ("ccomp", "conj") and node.head.i != node.i:
        node = node.head
        if node.lemma_ in _SPEECH and not any(
            c.dep_ == "nsubj" and c.lower_ == "we" for c in node.children
        ):
            return True
    return False


_PAST_AUX = frozenset({"was", "were", "had", "did", "used"})


def predicate_scope(predicate: Any, text: str) -> tuple[Any, ...]:
    """Years, places and tense of one predicate's clause, like ``scope`` of a sentence
    but read from the clause's own words: a "will" in another clause does not make the
    claim a future one."""
    clause = _clause_tokens(predicate)
    lo, hi = min(t.idx for t in clause), max(t.idx + len(t) for t in clause)
    years, places, _ = scope(text[lo:hi])
    auxes = {c.lower_ for c in predicate.children if c.dep_ in ("aux", "auxpass")}
    if predicate.lemma_ == "be" and predicate.dep_ != "aux":
        auxes.add(predicate.lower_)
    tense = "present"
    # a past-tense verb with its subject ("The fee rose"), not a fragment ("Footprint
    # sold separately", which the parser may tag VBD)
    has_subject = any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i < predicate.i - 1 for c in predicate.children
    )
    if auxes & _PAST_AUX or (predicate.tag_ == "VBD" and has_subject):
        tense = "past"
    elif auxes & {"will", "'ll", "shall"} or any(c.lower_ == "going" for c in predicate.children):
        tense = "future"
    return (years, places, tense)


def _clause_tokens(predicate: Any) -> list[Any]:
    """The predicate's subtree without the clauses that hang on it (they have their own
    subject or mark)."""
    skip = {"ccomp", "advcl", "conj", "relcl", "parataxis"}
    out = [predicate]
    stack = [c for c in predicate.children if c.dep_ not in skip]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in skip)
    return out


# --- FAQ answers read against their question ------------------------------------------------

_LEAD = re.compile(r"^\W*([A-Za-z][\w'’]*(?:\s+[A-Za-z][\w'’]*){0,2})")


@cache
def _answer_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def pattern(words: list[str]) -> re.Pattern[str]:
        alts = "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
        )
        return re.compile(r"^\W*(?:" + alts + r")(?![\w'’-])", re.I)

    lex = lexicon()
    return pattern(lex["faq_yes"]), pattern(lex["faq_no"])


def answer_sign(text: str) -> int:
    """+1 if an FAQ answer opens with yes ("Yes.", "Sure, ...", "It does: ..."), -1 if with
    no ("No, ...", "Nope.", "It doesn't"), 0 otherwise."""
    yes, no = _answer_words()
    text = _ANSWER_LEAD.sub("", text, count=1)  # "Unfortunately, no": the "no" answers
    if _BOTH.match(text):
        return 0
    if no.match(text) or _STRONG_NO.match(text):
        return -1
    return 1 if yes.match(text) else 0


# An attitude in front of the answer word ("Sadly, no", "Good news: yes"); hedges
# ("Generally, yes") are no attitude and keep the answer open.
_ANSWER_LEAD = re.compile(
    r"^\W*(?:unfortunately|sadly|happily|luckily|fortunately|thankfully|alas|honestly|"
    r"actually|well|in short|short answer|good news|bad news)\s*[,:—–-]+\s*",
    re.I,
)
# "Definitely not", "of course not": an emphatic no that opens like a yes.
_STRONG_NO = re.compile(
    r"^\W*(?:definitely|certainly|absolutely|of\s+course|surely|really|nope|sadly)\s+not\b",
    re.I,
)
_BOTH = re.compile(r"^\W*(?:yes\s+and\s+no|no\s+and\s+yes|it\s+depends)\b", re.I)


_POLAR = re.compile(
    r"^\s*(?P<aux>is|are|was|were|does|do|did|can|could|may|will|would|should|has|have|must)\s+"
    r"(?P<neg>n[o’']t\s+)?(?P<rest>.+?)\s*\?\s*$",
    re.I,
)
_GENERIC_READER = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "we": "you",
    "our": "your",
    "am": "are",
}


def _polar(question: str) -> tuple[str, list[str]] | None:
    """The auxiliary and the other words of a yes/no question, the reader ("I", "my")
    turned into the generic "you"; None for any other question."""
    m = _POLAR.match(question.strip().split("\n")[-1])
    if m is None:
        return None
    words = [_GENERIC_READER.get(w.lower(), w) for w in m.group("rest").split()]
    aux = m.group("aux").lower()
    return _ASKING.get(aux, aux), words


# "Could I pay in cash?" / "May I bring a dog?" ask whether one can: the answer says so.
_ASKING = {"could": "can", "may": "can"}


def _question_text(aux: str, words: list[str]) -> str:
    return " ".join([aux.capitalize(), *words]) + "?"


_SUBJECTS = ("nsubj", "nsubjpass", "expl", "npadvmod", "csubj")


def _parsed_cut(parse: Any) -> int | None:
    """Where the subject of a parsed question ends, in words after the auxiliary: the
    first subject (or the noun phrase a copula question leaves as "npadvmod": "Are the
    first 30 minutes free?") that starts right after the auxiliary."""
    subj = next((t for t in parse if t.dep_ in _SUBJECTS and t.i > 0), None)
    if subj is None or subj.left_edge.i != 1 or subj.right_edge.i >= len(parse) - 2:
        return None
    end = subj.right_edge.idx + len(subj.right_edge)
    return len(parse.text[:end].split()) - 1


def _declarative(question: str, sign: int, cut: int | None = None) -> str | None:
    """A yes/no question turned into the statement its answer makes: "Is breakfast
    included?" + no -> "breakfast is not included."; "Do I need a pass?" + yes -> "you do
    need a pass."; the reader ("I", "my") becomes the generic "you". ``cut`` is where the
    subject ends (from the question's parse); without it, a guess."""
    polar = _polar(question)
    if polar is None or not polar[1]:
        return None
    aux, words = polar
    if aux in ("do", "does", "did") and words[0].lower() in ("you", "they", "we"):
        aux = "do"
    if cut is None:
        cut = _subject_end(words)
    neg = " not" if sign < 0 else ""
    if aux == "will":
        aux = ""  # the generic reader's "will" is no future: "you (will) pay"
        neg = " do not" if sign < 0 else ""
    verb = f" {aux}{neg}" if aux else neg
    return " ".join(words[:cut]) + verb + " " + " ".join(words[cut:]) + "."


_NP_WORD = re.compile(
    r"^(?:the|a|an|your|their|its|his|her|this|these|that|those|any|there|"
    r"[A-Z][\w'’-]*|\w+(?:'s|’s))$"
)


def _subject_end(words: list[str]) -> int:
    """Where the subject of an inverted question ends: after "you", "there", "it", or a
    noun phrase of a determiner and its nouns (a guess the parse then checks)."""
    if not words:
        return 0
    if words[0].lower() in ("you", "it", "they", "there", "he", "she", "one", "everyone", "anyone"):
        return 1
    i = 0
    while i < len(words) - 1 and _NP_WORD.match(words[i]):
        i += 1
    # a determiner or name is followed by its noun: take one word more
    return min(i + 1, len(words) - 1) if i else 1


def faq_resolved(doc: Document) -> Iterator[tuple[Sentence, str]]:
    """(answer sentence, statement) for each answer that opens with yes or no to a yes/no
    question: an FAQ answer block, or the sentence right after a question in the same
    block ("**Is breakfast included?** No, ..." in Markdown). The question is read as
    the statement the answer makes ("Is breakfast included?" + "No, ..." -> "breakfast
    is not included."), with the reader as the generic "you"; the question's trained
    parse says where its subject ends ("Is shoe rental included?": "shoe rental").
    "Is there a minimum balance?" answered with an amount of money ("You'll need $500")
    is a yes. Readers of every kind can read the statement as a claim made at the
    answer's first sentence."""
    answered = list(_answered(doc))
    polars = [_polar(question) for _, question, _ in answered]
    texts = [_question_text(*p) for p in polars if p is not None and p[1]]
    parses = dict(zip(texts, _parse.parse_texts(doc, texts, "faq"), strict=True))
    for (sentence, question, sign), polar in zip(answered, polars, strict=True):
        if polar is None or not polar[1]:
            continue
        parse = parses.get(_question_text(*polar))
        cut = _parsed_cut(parse) if parse is not None else None
        statement = _declarative(question, sign, cut)
        if statement:
            yield sentence, statement


def _asked(doc: Document, block: Any) -> int | None:
    """The index of the question ``block`` answers: its FAQ question, or a heading that
    asks a question right above it ("<h3>Do I need a card?</h3><p>Yes, ...")."""
    if block.answers is not None:
        return block.answers if 0 <= block.answers < len(doc.blocks) else None
    before = doc.blocks[block.index - 1] if block.index > 0 else None
    if before is not None and before.kind == HEADING and before.text.rstrip().endswith("?"):
        return before.index
    return None


def _answered(doc: Document) -> Iterator[tuple[Sentence, str, int]]:
    """(answer sentence, question, sign) for each answer that opens with yes or no."""
    previous: Sentence | None = None
    seen: set[int] = set()
    for sentence in doc.sentences:
        block = sentence.block
        question = None
        asked = _asked(doc, block)
        if asked is not None and block.index not in seen:
            question = doc.blocks[asked].text
        elif (
            previous is not None
            and previous.block is block
            and previous.text.rstrip().endswith("?")
        ):
            question = previous.text
        seen.add(block.index)
        previous = sentence
        if question is None:
            continue
        sign = answer_sign(sentence.text)
        if sign == 0 and _THERE_IS.match(question) and _MONEY.search(sentence.text):
            sign = 0 if _DENIAL.search(sentence.text) else 1
        if sign:
            yield sentence, question, sign


_DENIAL = re.compile(r"\b(?:no|not|never|none)\b|n[’']t\b", re.I)
_THERE_IS = re.compile(r"^\W*(?:is|are)\s+there\b", re.I)
_MONEY = re.compile(r"[$£€¥]\s?\d")
