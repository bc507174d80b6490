#!/usr/bin/env bash
# The averaged-vector sentiment model's held-out accuracy on the UCI sentences (imdb + yelp +
# amazon, 3,000 sentences, 20% held out) over several seeds (each seed: a different split and
# initialisation). The vectors: skip-gram trained on the sentences' own text (lowercased; no labels
# used), dim 100, window 10, min-count 1, 50 passes. Fails if any seed is below 70%.
#
# Usage: tests/bench/sentiment_accuracy.sh [--seeds "1 2 3 4 5"] [--model average|lstm]
# Needs the packaged distribution (mvn -o -q -pl tests -am package -DskipTests) and ../shared/data.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${DLKIT_SHARED:-$root/../shared}"
seeds="1 2 3 4 5"; model=average
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) seeds="$2"; shift 2 ;;
    --model) model="$2"; shift 2 ;;
    *) echo "error: unknown option $1; use --seeds \"1 2 3\" or --model average|lstm" >&2; exit 2 ;;
  esac
done
dlkit="$root/tests/target/dlkit/bin/dlkit"
s="$shared/data/text/sentiment"
[ -x "$dlkit" ] || { echo "error: $dlkit not found; build it: mvn -o -q -pl tests -am package -DskipTests" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work"
/usr/bin/python3 - "$s" > sentences.txt <<'PY'
import json, sys
for f in ("imdb", "yelp", "amazon"):
    for e in json.load(open(f"{sys.argv[1]}/{f}.json")):
        if e.get("class") is not None and e["text"].strip():
            print(e["text"].lower())
PY
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$dlkit" -q --threads 2 --seed 1 embed train --text sentences.txt --method skipgram --dim 100 \
  --window 10 --min-count 1 --iter 50 --out s.bin > /dev/null
fail=0
for seed in $seeds; do
  acc=$("$dlkit" -q --seed "$seed" --format json embed sentiment-train --data "$s/imdb.json,$s/yelp.json,$s/amazon.json" \
        --vectors s.bin --model "$model" --out "m$seed" | grep '"test_accuracy"' | tr -dc '0-9.')
  echo "seed $seed: held-out accuracy $acc"
  awk -v a="$acc" 'BEGIN { exit !(a < 0.70) }' && fail=1
done
[ "$fail" = 0 ] || { echo "FAIL: a seed is below 70%" >&2; exit 1; }
echo "ok: every seed >= 70%"
