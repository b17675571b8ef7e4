"""Allow ``python -m linter``."""

from linter.cli import main

if __name__ == "__main__":  # audit workers import the main module again: run nothing then
    main()
