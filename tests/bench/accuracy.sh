#!/usr/bin/env bash
# Accuracy spread of dlkit's LeNet-5 recipe over seeds, beside PyTorch's with the same recipe.
# The pass/fail thresholds in LeNet5IT sit below the minimum this script measures; the head-to-head
# with PyTorch (mean over seeds) lives here, not in a test.
# Usage: tests/bench/accuracy.sh [fashion|mnist10k|all] [--seeds "1 2 3"] [--threads N] [--no-torch]
# DLKIT=path/to/bin/dlkit runs an already built distribution instead of the launcher.
# Needs ../shared/data/digits; the PyTorch side needs Debian's python3-torch (skipped, saying so,
# without it).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${DLKIT_SHARED:-$root/../shared}"
digits="$shared/data/digits"
what="${1:-all}"; shift || true
seeds="1 2 3 4 5"; threads=2; torch=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) seeds="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --no-torch) torch=0; shift ;;
    *) echo "error: unknown option $1; use --seeds \"1 2\", --threads N or --no-torch" >&2; exit 2 ;;
  esac
done
[ -d "$digits" ] || { echo "error: $digits not found; set DLKIT_SHARED" >&2; exit 2; }
if [ "$torch" = 1 ] && ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "note: PyTorch missing (apt-get install python3-torch); dlkit side only" >&2; torch=0
fi
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

stats() {  # label values...
  /usr/bin/python3 - "$@" <<'PY'
import sys, statistics as s
label, xs = sys.argv[1], [float(v) for v in sys.argv[2:]]
print(f"{label:<28} n={len(xs)} mean={s.mean(xs):.4f} min={min(xs):.4f} max={max(xs):.4f}"
      + (f" sd={s.stdev(xs):.4f}" if len(xs) > 1 else ""))
PY
}

run_set() {  # name train test
  local name="$1" train="$2" test="$3" accs=() taccs=() seed acc
  for seed in $seeds; do
    acc=$("${DLKIT:-$root/dlkit}" --threads "$threads" --seed "$seed" -q --format json train \
      --model "$root/samples/models/lenet5.yaml" --data "$train" --test "$test" --epochs 10 \
      --batch-size 128 --optimizer adam --lr 1e-3 --out "$tmp/$name-$seed" \
      | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["test_accuracy"])')
    echo "dlkit   lenet5 $name seed=$seed test_accuracy=$acc" >&2
    accs+=("$acc")
    if [ "$torch" = 1 ]; then
      acc=$(/usr/bin/python3 "$root/tests/bench/torch_lenet5_accuracy.py" --train "$train" \
        --test "$test" --seed "$seed" --threads "$threads")
      echo "pytorch lenet5 $name seed=$seed test_accuracy=$acc" >&2
      taccs+=("$acc")
    fi
  done
  stats "dlkit lenet5 $name" "${accs[@]}"
  [ "$torch" = 1 ] && stats "pytorch lenet5 $name" "${taccs[@]}"
  return 0
}

f="$digits/fashion-mnist"; m="$digits/mnist-10k/images-idx3-ubyte.gz"
case "$what" in
  fashion) run_set fashion "$f/train-images-idx3-ubyte.gz" "$f/t10k-images-idx3-ubyte.gz" ;;
  mnist10k) run_set mnist10k "$m@0:8000" "$m@8000:10000" ;;
  all) run_set mnist10k "$m@0:8000" "$m@8000:10000"
       run_set fashion "$f/train-images-idx3-ubyte.gz" "$f/t10k-images-idx3-ubyte.gz" ;;
  *) echo "error: unknown set '$what'; use fashion, mnist10k or all" >&2; exit 2 ;;
esac
