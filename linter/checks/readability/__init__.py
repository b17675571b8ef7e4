"""Readability: sentence and paragraph lengths, subheadings, openers, passive voice and
the Flesch scores, all read from one ``TextStats`` per document (``_stats``)."""
