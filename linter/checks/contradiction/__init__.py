"""Contradiction rules (CT001-CT005): claims an article makes twice that cannot both hold.

Claims are read by patterns over sentence text and the lexicon in
``data/ct_lexicon.yaml``; a trained pipeline's parse can only reject one. ``ct_claim_conflict``
pairs the claims of one kind (CT002-CT005), each kind read by its own private module
(``_comparative``, ``_polarity``, ``_quantity``, ``_stance``); ``ct_count_promise`` (CT001)
checks a promised number of items. The other private modules hold what they share: the
lexicon and word folding (``_words``), the clause around a claim (``_clauses``), the parse
check (``_parse``) and how claims meet and are reported (``_pairing``).
"""
