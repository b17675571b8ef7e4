#!/bin/sh
# Output-unchanged check for refactors: record the tool's outputs over the benchmark
# corpus and the samples once, then compare a later tree's outputs with them byte for byte.
#   benchmarks/compare_outputs.sh record DIR    # before the change
#   benchmarks/compare_outputs.sh compare DIR   # after: "same" or "DIFFERENT" per output
# Run from the repository root, with ../shared/corpus/bench beside it.
set -u
MODE=${1:?record or compare}
REF=${2:?a directory for the reference outputs}
OUT=$(mktemp -d)
PY=${PYTHON:-.venv/bin/python}
CORPUS=../shared/corpus/bench
$PY -m linter check $CORPUS --format text > "$OUT/check.txt" 2>/dev/null
$PY -m linter check $CORPUS --format sarif > "$OUT/check.sarif" 2>/dev/null
$PY -m linter check samples --format json > "$OUT/samples.json" 2>/dev/null
$PY -m linter check samples --format text > "$OUT/samples.txt" 2>/dev/null
$PY -m linter check samples --format sarif > "$OUT/samples.sarif" 2>/dev/null
$PY -m linter audit $CORPUS -j 2 --format json > "$OUT/audit.json" 2>/dev/null
if [ "$MODE" = record ]; then
  mkdir -p "$REF" && cp "$OUT"/* "$REF"/ && echo "recorded in $REF"
  exit 0
fi
rc=0
for f in check.txt check.sarif samples.json samples.txt samples.sarif audit.json; do
  if cmp -s "$OUT/$f" "$REF/$f"; then echo "same $f"; else echo "DIFFERENT $f ($OUT/$f)"; rc=1; fi
done
exit $rc
