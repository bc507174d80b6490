#!/usr/bin/env bash
# Data-parallel training on Spark against single-process training: the MLP on the full
# Fashion-MNIST (FashionMnistIT's recipe: Adam 1e-3, batch 128, 2 epochs), trained in one process
# (--engine local), and with --engine spark on 1 and 2 workers (local[N]); prints each run's test
# accuracy, samples/s (training only), wall and CPU seconds, and the load average.
# The issue's bar: 2 workers within 0.5 points of single-process accuracy in the same epochs.
# --runs picks among local, spark-1-worker, spark-2-workers (local[N]: the workers in the driver's JVM)
# and spark-2-cluster (local-cluster[2,1,2048]: two executor JVMs, weights broadcast and sent back
# serialized, as on a cluster); default: the first three.
# Usage: tests/bench/spark_train.sh [--seeds "1 2"] [--epochs N] [--average-every K] [--threads N]
#          [--runs "local spark-2-workers spark-2-cluster"]
# DLKIT=path/to/bin/dlkit runs an already built Spark distribution (default: plugins/spark's,
# built by `mvn -o -pl plugins/spark -am package -DskipTests`).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${DLKIT_SHARED:-$root/../shared}"
fashion="$shared/data/digits/fashion-mnist"
dlkit="${DLKIT:-$root/plugins/spark/target/dlkit-spark/bin/dlkit}"
seeds="1"; epochs=2; every=""; threads=2; runs="local spark-1-worker spark-2-workers"
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) seeds="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --average-every) every="--average-every $2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "error: unknown option $1; use --seeds, --epochs, --average-every, --threads or --runs" >&2; exit 2 ;;
  esac
done
[ -d "$fashion" ] || { echo "error: $fashion not found; set DLKIT_SHARED" >&2; exit 2; }
[ -x "$dlkit" ] || { echo "error: $dlkit not built; run mvn -o -pl plugins/spark -am package -DskipTests" >&2; exit 2; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
# local-cluster's executors take Spark's jars from $SPARK_HOME/jars: the distribution's lib/spark.
mkdir -p "$tmp/spark-home"
ln -s "$(cd "$(dirname "$dlkit")/../lib/spark" && pwd)" "$tmp/spark-home/jars"

run() {  # label seed engine-options...
  local label="$1" seed="$2"; shift 2
  local out="$tmp/$label-$seed" load
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  # local-cluster's executor JVMs are children of the driver: /usr/bin/time counts their CPU too.
  SPARK_HOME="$tmp/spark-home" SPARK_SCALA_VERSION=2.13 \
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$dlkit" --threads "$threads" --seed "$seed" -q \
    --format json train --model "$root/samples/models/mlp.yaml" \
    --data "$fashion/train-images-idx3-ubyte.gz" --test "$fashion/t10k-images-idx3-ubyte.gz" \
    --epochs "$epochs" --batch-size 128 --optimizer adam --lr 1e-3 --out "$out" "$@" > "$tmp/json"
  /usr/bin/python3 - "$label" "$seed" "$tmp/json" "$tmp/time" "$load" "$out/metrics.csv" <<'PY'
import csv, json, sys
label, seed, result, times, load, metrics = sys.argv[1:]
r = json.load(open(result))
wall, user, sys_ = (float(x) for x in open(times).read().split()[-3:])
# Each epoch's samples/s: the first includes building the workers (and starting executors).
epochs = "/".join(f"{float(row['samples_per_s']):.0f}" for row in csv.DictReader(open(metrics)))
print(f"{label:<18} seed={seed} test_accuracy={r['test_accuracy']:.4f} "
      f"train_samples/s={r['samples_per_s']:.0f} (epochs {epochs}) train_s={r['seconds']:.1f} "
      f"wall_s={wall:.1f} cpu_s={user + sys_:.1f} load_before={load}")
PY
}

echo "dlkit spark_train: MLP on Fashion-MNIST, $epochs epochs, --threads $threads, ${every:-default averaging}"
for seed in $seeds; do
  for r in $runs; do
    case "$r" in
      local) run "local" "$seed" ;;
      spark-1-worker) run "$r" "$seed" --engine spark --workers 1 $every ;;
      spark-2-workers) run "$r" "$seed" --engine spark --workers 2 $every ;;
      spark-2-cluster) run "$r" "$seed" --engine spark --workers 2 --master 'local-cluster[2,1,2048]' $every ;;
      *) echo "error: unknown run $r" >&2; exit 2 ;;
    esac
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
