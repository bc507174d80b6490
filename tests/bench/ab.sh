#!/usr/bin/env bash
# Interleaved A/B of one dlkit benchmark (issue #15's method): runs A B B A (x rounds) in one sitting
# and prints each run's samples/s, wall and CPU ms per step and the load average, then each side's
# mean. On a shared machine compare CPU ms per step, and only within one sitting.
# Usage: tests/bench/ab.sh WORKLOAD [--a-env "VAR=v ..."] [--b-env "VAR=v ..."] [--a-dist DIR]
#            [--b-dist DIR] [--rounds N] [--threads N]
#   WORKLOAD: mlp | lenet5 (training, batch 128) | resnet50-b1 | resnet50-b8 | resnet50-b64 |
#             lenet5-b1 | lenet5-b64 (inference)
#   --a-env/--b-env: environment for that side (e.g. TF_ONEDNN_ASSUME_FROZEN_WEIGHTS=1, or
#                    DLKIT_JAVA_OPTS=-Ddlkit.interOpThreads=-1); --a-dist/--b-dist: a distribution
#                    folder per side (default tests/target/dlkit; copy it away before rebuilding
#                    to compare two builds).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
what="${1:-}"; shift || true
a_env=""; b_env=""; a_dist="$root/tests/target/dlkit"; b_dist="$a_dist"; rounds=1; threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --a-env) a_env="$2"; shift 2 ;;
    --b-env) b_env="$2"; shift 2 ;;
    --a-dist) a_dist="$2"; shift 2 ;;
    --b-dist) b_dist="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "error: unknown option $1; see the usage at the top of $0" >&2; exit 2 ;;
  esac
done
m="$root/samples/models"
infer() { echo "bench infer --arch resnet50 --input 224x224x3 --classes 1000 --batch-size $1 --steps $2 --warmup $3"; }
case "$what" in
  mlp) args="bench train --model $m/mlp.yaml --batch-size 128 --steps 300 --warmup 20" ;;
  lenet5) args="bench train --model $m/lenet5.yaml --batch-size 128 --steps 300 --warmup 20" ;;
  resnet50-b1) args="$(infer 1 20 2)" ;;
  resnet50-b8) args="$(infer 8 10 2)" ;;
  resnet50-b64) args="$(infer 64 3 1)" ;;
  lenet5-b1) args="bench infer --model $m/lenet5.yaml --batch-size 1 --steps 2000 --warmup 50" ;;
  lenet5-b64) args="bench infer --model $m/lenet5.yaml --batch-size 64 --steps 300 --warmup 50" ;;
  *) echo "error: unknown workload '$what'; use mlp, lenet5, resnet50-b1|b8|b64 or lenet5-b1|b64" >&2; exit 2 ;;
esac
for d in "$a_dist" "$b_dist"; do
  [ -x "$d/bin/dlkit" ] || { echo "error: $d/bin/dlkit not found; build with mvn -o -pl tests -am package -DskipTests" >&2; exit 2; }
done
results="$(mktemp)"; trap 'rm -f "$results"' EXIT
one() {  # side env dist
  local json
  # shellcheck disable=SC2086
  json=$(env $2 "$3/bin/dlkit" --threads "$threads" -q --format json $args --peak 1 2>/dev/null)
  /usr/bin/python3 - "$1" "${2:-(none)}" "$json" >>"$results" <<'PY'
import json, sys
d = json.loads(sys.argv[3]); load = open("/proc/loadavg").read().split()[0]
print(sys.argv[1], d["samples_per_s"], d["ms_per_step"], d.get("cpu_ms_per_step", -1), load, sys.argv[2], sep="\t")
PY
  tail -n 1 "$results" | awk -F'\t' '{printf "%s %9.1f samples/s %9.3f ms/step  CPU %8.3f ms/step  load %s  env %s\n", $1, $2, $3, $4, $5, $6}'
}
for _ in $(seq "$rounds"); do one A "$a_env" "$a_dist"; one B "$b_env" "$b_dist"; one B "$b_env" "$b_dist"; one A "$a_env" "$a_dist"; done
awk -F'\t' '{n[$1]++; s[$1]+=$2; w[$1]+=$3; c[$1]+=$4}
  END {for (k in n) printf "%s mean of %d: %9.1f samples/s %9.3f ms/step  CPU %8.3f ms/step\n", k, n[k], s[k]/n[k], w[k]/n[k], c[k]/n[k]}' "$results" | sort
