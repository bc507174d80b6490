#!/usr/bin/env bash
# Data-parallel training on Spark against single-process training: the MLP on the full
# Fashion-MNIST (FashionMnistIT's recipe: Adam 1e-3, batch 128, 2 epochs), trained in one process
# (--engine local), and with --engine spark on 1 and 2 workers (local[N]); prints each run's test
# accuracy, samples/s (training only), wall and CPU seconds, and the load average.
# The issue's bar: 2 workers within 0.5 points of single-process accuracy in the same epochs.
# Usage: tests/bench/spark_train.sh [--seeds "1 2"] [--epochs N] [--average-every K] [--threads N]
# DLKIT=path/to/bin/dlkit runs an already built Spark distribution (default: plugins/spark's,
# built by `mvn -o -pl plugins/spark -am package -DskipTests`).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${DLKIT_SHARED:-$root/../shared}"
fashion="$shared/data/digits/fashion-mnist"
dlkit="${DLKIT:-$root/plugins/spark/target/dlkit-spark/bin/dlkit}"
seeds="1"; epochs=2; every=""; threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) seeds="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --average-every) every="--average-every $2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "error: unknown option $1; use --seeds, --epochs, --average-every or --threads" >&2; exit 2 ;;
  esac
done
[ -d "$fashion" ] || { echo "error: $fashion not found; set DLKIT_SHARED" >&2; exit 2; }
[ -x "$dlkit" ] || { echo "error: $dlkit not built; run mvn -o -pl plugins/spark -am package -DskipTests" >&2; exit 2; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

run() {  # label seed engine-options...
  local label="$1" seed="$2"; shift 2
  local out="$tmp/$label-$seed" load
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$dlkit" --threads "$threads" --seed "$seed" -q \
    --format json train --model "$root/samples/models/mlp.yaml" \
    --data "$fashion/train-images-idx3-ubyte.gz" --test "$fashion/t10k-images-idx3-ubyte.gz" \
    --epochs "$epochs" --batch-size 128 --optimizer adam --lr 1e-3 --out "$out" "$@" > "$tmp/json"
  /usr/bin/python3 - "$label" "$seed" "$tmp/json" "$tmp/time" "$load" <<'PY'
import json, sys
label, seed, result, times, load = sys.argv[1:]
r = json.load(open(result))
wall, user, sys_ = (float(x) for x in open(times).read().split()[-3:])
print(f"{label:<18} seed={seed} test_accuracy={r['test_accuracy']:.4f} "
      f"train_samples/s={r['samples_per_s']:.0f} train_s={r['seconds']:.1f} "
      f"wall_s={wall:.1f} cpu_s={user + sys_:.1f} load_before={load}")
PY
}

echo "dlkit spark_train: MLP on Fashion-MNIST, $epochs epochs, --threads $threads, ${every:-default averaging}"
for seed in $seeds; do
  run "local" "$seed"
  run "spark-1-worker" "$seed" --engine spark --workers 1 $every
  run "spark-2-workers" "$seed" --engine spark --workers 2 $every
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
