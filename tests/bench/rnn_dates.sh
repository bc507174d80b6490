#!/usr/bin/env bash
# Acceptance for the encoder-decoder: human-written dates to ISO. Generates training pairs (seed 1)
# and a separate test set (seed 2) with 'dlkit rnn dates', trains 'rnn seq2seq-train', then prints the
# exact-match accuracy of greedy decoding on the test set and of beam search (width 3) on its first
# 200 pairs. The issue asks for >= 95% exact match.
# Usage: tests/bench/rnn_dates.sh [--train N] [--test N] [--epochs E]   (DLKIT_BIN overrides the launcher)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dl="${DLKIT_BIN:-$root/dlkit}"
train=20000; test=1000; epochs=10
while [ $# -gt 0 ]; do
  case "$1" in
    --train) train="$2"; shift 2 ;;
    --test) test="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    *) echo "error: unknown option $1; use --train N, --test N or --epochs E" >&2; exit 2 ;;
  esac
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$dl" -q --seed 1 rnn dates --n "$train" >"$tmp/train.tsv"
"$dl" -q --seed 2 rnn dates --n "$test" >"$tmp/test.tsv"
head -200 "$tmp/test.tsv" >"$tmp/test200.tsv"
start=$(date +%s)
"$dl" -q rnn seq2seq-train --pairs "$tmp/train.tsv" --epochs "$epochs" --out "$tmp/model" >"$tmp/train.out" 2>&1 \
  || { cat "$tmp/train.out" >&2; exit 1; }
echo "trained $train pairs, $epochs epochs in $(( $(date +%s) - start )) s: $(grep -E '^(val_loss|val_bits_per_char):' "$tmp/train.out" | tr '\n' ' ')"
echo "greedy test set ($test pairs): $("$dl" -q rnn translate "$tmp/model" --pairs "$tmp/test.tsv" | tail -1)"
echo "beam 3 (first 200 pairs): $("$dl" -q rnn translate "$tmp/model" --beam 3 --pairs "$tmp/test200.tsv" | tail -1)"
"$dl" -q rnn translate "$tmp/model" "3 May 1979"
"$dl" -q rnn translate "$tmp/model" "05/03/79"
"$dl" -q rnn translate "$tmp/model" --beam 3 "Thursday, May 3rd 1979"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
