"""contentlint: a content linter and SEO quality tool for articles."""

__version__ = "0.1.0"
