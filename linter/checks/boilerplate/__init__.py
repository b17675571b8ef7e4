"""Boilerplate kinds: text a broken template or a copy-paste leaves in the body (title
phrases pasted into sentences, a run-in title, repeated phrases and passages).
``_phrases`` finds the title phrases they share."""
