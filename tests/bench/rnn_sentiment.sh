#!/usr/bin/env bash
# Sentiment with 'dlkit rnn classify-train' (LSTM over word embeddings) on the three UCI sources in
# ../shared/data/text/sentiment: each source on a random 80/20 split, the three pooled on 80/20, and
# trained on two sources (80/20 of them for validation) then tested on the third.
# Usage: tests/bench/rnn_sentiment.sh [--seed N]   (DLKIT_BIN overrides the launcher)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${DLKIT_SHARED:-$root/../shared}"
dl="${DLKIT_BIN:-$root/dlkit}"
seed=42
[ "${1:-}" = "--seed" ] && seed="$2"
d="$shared/data/text/sentiment"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
field() { grep -E "^$1: " "$2" | head -1 | awk '{print $2}'; }
run() {  # label, args...
  local label="$1"; shift
  local f="$tmp/${label//[^a-z0-9]/_}"
  "$dl" -q --seed "$seed" rnn classify-train "$@" --out "$f" >"$f.out" 2>"$f.err" \
    || { cat "$f.err" >&2; exit 1; }
  local test; test=$(field test_accuracy "$f.out" || true)
  printf '%-28s val_accuracy %s%s\n' "$label" "$(field val_accuracy "$f.out")" \
    "${test:+  test_accuracy $test}"
}
for s in imdb yelp amazon; do run "$s-80/20" --data "$d/$s.json"; done
run "pooled-80/20" --data "$d/imdb.json" --data "$d/yelp.json" --data "$d/amazon.json"
run "yelp+amazon->imdb" --data "$d/yelp.json" --data "$d/amazon.json" --test "$d/imdb.json"
run "imdb+amazon->yelp" --data "$d/imdb.json" --data "$d/amazon.json" --test "$d/yelp.json"
run "imdb+yelp->amazon" --data "$d/imdb.json" --data "$d/yelp.json" --test "$d/amazon.json"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
