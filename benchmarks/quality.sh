#!/usr/bin/env bash
# benchmarks/quality.sh [EVALUATE OPTIONS]   (run from the repository root)
#
# Builds each document of examples/ alone (one `whereas build` per document, as a user
# building that one file would) into a temporary store, one named graph per document,
# then scores every document against its gold in examples/gold/ with `whereas evaluate`.
# Prints one line per document and the means (--summary); other options go to
# `whereas evaluate` instead, e.g. --json for the whole report, --min-f1 0.6.
#
#   benchmarks/quality.sh                       # the table in the README's "How well"
#   benchmarks/quality.sh --json > quality.json && python benchmarks/raise_floors.py quality.json
set -euo pipefail
cli=.venv/bin/whereas; [ -x "$cli" ] || cli=$(command -v whereas) || { echo "no whereas: pip install -e . first" >&2; exit 1; }
[ -d examples/gold ] || { echo "run from the repository root (no examples/gold here)" >&2; exit 1; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
golds=()
for doc in examples/*.txt examples/*.html examples/*.pdf; do
  [ -f "$doc" ] || continue
  name=$(basename "$doc"); gold=examples/gold/${name%.*}.json
  [ -f "$gold" ] || continue
  "$cli" build "$doc" --store "$out/store" --no-validate --no-progress >"$out/build.log" 2>&1 \
    || { echo "$doc: build failed:" >&2; cat "$out/build.log" >&2; exit 1; }
  golds+=("$gold")
done
[ $# -gt 0 ] || set -- --summary
"$cli" evaluate "$out/store" "${golds[@]}" "$@"
