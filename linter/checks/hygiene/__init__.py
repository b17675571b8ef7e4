"""Hygiene kinds: slips editing leaves in the text (doubled words, mojibake, stray
marks, placeholder text, runs of blank lines or spaces) and the suppression-comment
markers the engine reports through."""
