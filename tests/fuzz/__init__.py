"""A fuzzing harness for contentlint: generated and mutated inputs checked against the
invariants every input must keep (see README.md in this directory).

``python -m tests.fuzz.run --help`` runs it; ``tests/test_fuzz_smoke.py`` runs a small
fixed-seed budget in the test suite.
"""
