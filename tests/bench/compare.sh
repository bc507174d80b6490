#!/usr/bin/env bash
# Side-by-side training/inference throughput of dlkit and PyTorch on this machine, in one run.
# Usage: tests/bench/compare.sh [mlp|lenet5|resnet50|infer|lstm|all] [--threads N] [--steps S]
#   mlp, lenet5: training samples/s, batch 128 (torch_train.py)
#   lstm:        character LSTM language model training tokens/s, batch 128, hidden 256, embedding 64,
#                seq 64, Adam, clip-norm 5, on Moby Dick (dlkit: 'rnn train' for 2 epochs of S/2
#                batches, the second, warm epoch timed), with each side's CPU seconds
#   resnet50:    inference images/s, batch 8, 224x224x3, evaluation mode (torch_infer.py)
#   infer:       inference at batch 1 and 64 against torch.no_grad(): LeNet-5 (torch_profile.py
#                --mode infer) and ResNet-50 (torch_infer.py), and LeNet-5 at batch 1 with one thread
#                on both sides
#   all:         all of the above but lstm
# dlkit's inference rows run the frozen copy with the batch norms folded (bench infer
# --frozen-weights), the path predict, eval and classify take from 50 batches on; the time to make
# it is shown as freeze_ms. --no-frozen measures the graph with variables instead.
# First measures the machine's matmul peak (dlkit bench gemm); every dlkit row shows its GFLOP/s and
# share of that peak. dlkit's rows also show CPU ms per step (steadier than wall time on a loaded machine).
# Both sides are timed warm: PyTorch after 20 (training) or 5 (inference) steps, dlkit after 600
# training steps and 300 LeNet-5 inference runs, by which the JVM has compiled the Java side of a
# step (the MLP runs about 4% slower after 200 steps of warm-up, 6% after 20).
# Needs Debian's PyTorch (apt-get install python3-torch python3-torchvision) and ../shared/bench
# (the peer scripts) and ../shared/data (Fashion-MNIST for the PyTorch side).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${DLKIT_SHARED:-$root/../shared}"
what="${1:-mlp}"; shift || true
threads=2; steps=300; frozen=--frozen-weights
while [ $# -gt 0 ]; do
  case "$1" in
    --no-frozen) frozen=""; shift ;;
    --threads) threads="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    *) echo "error: unknown option $1; use --threads N, --steps S or --no-frozen" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import torch' 2>/dev/null || {
  echo "error: PyTorch is missing; install it with apt-get install python3-torch python3-torchvision" >&2; exit 4; }
# Debian's PyTorch calls the system BLAS; with the reference BLAS (no OpenBLAS installed) it is 5-10x
# slower on dense layers, which would flatter dlkit. Measure against PyTorch at its best.
if ! update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null | grep -q '^Value: .*openblas'; then
  echo "error: PyTorch would use the reference BLAS; install OpenBLAS first: apt-get install libopenblas0-pthread" >&2
  exit 4
fi
[ -f "$shared/bench/torch_train.py" ] || { echo "error: $shared/bench/torch_train.py not found; set DLKIT_SHARED" >&2; exit 2; }

json_field() { /usr/bin/python3 -c "import json,sys; print(json.loads(sys.stdin.read())['$1'])"; }
ratio() { /usr/bin/python3 -c "print($1/$2)"; }

# The launcher builds the distribution if sources changed; after that call the distribution itself,
# so that an edit during the (long) run cannot start a rebuild in the middle of it.
peak=$("$root/dlkit" --threads "$threads" -q --format json bench gemm | json_field peak_gflops_per_s)
dlkit() { "$root/tests/target/dlkit/bin/dlkit" "$@"; }
printf 'matmul peak (dlkit bench gemm, threads=%s): %.1f GFLOP/s   load average: %s\n' "$threads" "$peak" "$(cut -d' ' -f1-3 /proc/loadavg)"

dlkit_row() {  # json: prints "GFLOP/s x, y% of peak, cpu z ms/step[, frozen in f ms]"
  printf '%s GFLOP/s = %.0f%% of peak, %s CPU ms/step%s' "$(echo "$1" | json_field gflops_per_s)" \
    "$(/usr/bin/python3 -c "print(100*$(echo "$1" | json_field share_of_peak))")" "$(echo "$1" | json_field cpu_ms_per_step)" \
    "$(echo "$1" | /usr/bin/python3 -c "import json,sys; d=json.loads(sys.stdin.read()); print(', frozen in %d ms' % d['freeze_ms'] if 'freeze_ms' in d else '')")"
}

compare_train() {  # name model-file
  local name="$1" model="$2"
  local torch dl t d
  torch=$(cd "$shared/bench" && /usr/bin/python3 torch_train.py "$name" --threads "$threads" --batch 128 --steps "$steps")
  dl=$(dlkit --threads "$threads" -q --format json bench train --model "$model" --batch-size 128 --steps "$steps" --warmup 600 --peak "$peak")
  t=$(echo "$torch" | json_field samples_per_s)
  d=$(echo "$dl" | json_field samples_per_s)
  printf '%-8s train threads=%s batch=128 steps=%s  pytorch %9.1f samples/s  dlkit %9.1f samples/s  ratio dlkit/pytorch %.2fx  (dlkit %s)\n' \
    "$name" "$threads" "$steps" "$t" "$d" "$(ratio "$d" "$t")" "$(dlkit_row "$dl")"
}

compare_infer() {  # torchvision-name dlkit-architecture [batch [iters]]
  local name="$1" arch="$2" batch="${3:-8}" iters="${4:-${INFER_ITERS:-10}}"
  local torch dl t d
  torch=$(cd "$shared/bench" && /usr/bin/python3 torch_infer.py "$name" --threads "$threads" --batch "$batch" --iters "$iters")
  dl=$(dlkit --threads "$threads" -q --format json bench infer --arch "$arch" --input 224x224x3 --classes 1000 --batch-size "$batch" --steps "$iters" --warmup 2 --peak "$peak" $frozen)
  t=$(echo "$torch" | json_field images_per_s)
  d=$(echo "$dl" | json_field samples_per_s)
  printf '%-8s infer threads=%s batch=%s 224x224 iters=%s  torchvision %7.2f images/s  dlkit %7.2f images/s  ratio dlkit/torchvision %.2fx  (dlkit %s)\n' \
    "$name" "$threads" "$batch" "$iters" "$t" "$d" "$(ratio "$d" "$t")" "$(dlkit_row "$dl")"
}

compare_infer_lenet5() {  # batch iters [threads]
  local batch="$1" iters="$2" threads="${3:-$threads}"
  local torch dl t d
  torch=$(/usr/bin/python3 "$root/tests/bench/torch_profile.py" lenet5 --mode infer --threads "$threads" --batch "$batch" --steps "$iters" --timing-only)
  dl=$(dlkit --threads "$threads" -q --format json bench infer --model "$root/samples/models/lenet5.yaml" --batch-size "$batch" --steps "$iters" --warmup 300 --peak "$peak" $frozen)
  t=$(echo "$torch" | json_field samples_per_s)
  d=$(echo "$dl" | json_field samples_per_s)
  printf '%-8s infer threads=%s batch=%s iters=%s  pytorch no_grad %9.1f samples/s  dlkit %9.1f samples/s  ratio dlkit/pytorch %.2fx  (dlkit %s)\n' \
    "lenet5" "$threads" "$batch" "$iters" "$t" "$d" "$(ratio "$d" "$t")" "$(dlkit_row "$dl")"
}

compare_inference() {
  compare_infer_lenet5 1 2000; compare_infer_lenet5 64 300
  # one input at a time on one thread, both sides (dlkit then runs every op in the calling thread)
  compare_infer_lenet5 1 2000 1
  compare_infer resnet50 resnet50 1 20; compare_infer resnet50 resnet50 64 3
}

compare_lm() {
  local dl_bin="${DLKIT_BIN:-$root/tests/target/dlkit/bin/dlkit}"
  local lm_steps=$(( steps / 2 )) tmp torch t d tcpu dcpu
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' RETURN
  /usr/bin/python3 -c "import sys; t=open(sys.argv[1],encoding='utf-8').read(); open(sys.argv[2],'w',encoding='utf-8').write(t[:$lm_steps*128*64+1])" \
    "$shared/data/text/moby-dick.txt" "$tmp/moby.txt"
  local t0 t1 t2
  times >"$tmp/t0"
  torch=$(cd "$shared/bench" && /usr/bin/python3 torch_train.py lstm --threads "$threads" --batch 128 --steps "$lm_steps")
  times >"$tmp/t1"
  t0=$(cpu_seconds "$tmp/t0"); t1=$(cpu_seconds "$tmp/t1")
  tcpu=$(/usr/bin/python3 -c "print(round($t1-$t0,1))")
  "$dl_bin" --threads "$threads" -q rnn train --text "$tmp/moby.txt" --layers 1 --hidden 256 --embedding 64 \
    --seq 64 --batch 128 --clip 5 --epochs 2 --val-fraction 0 --out "$tmp/run" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  times >"$tmp/t2"
  t2=$(cpu_seconds "$tmp/t2"); dcpu=$(/usr/bin/python3 -c "print(round($t2-$t1,1))")
  t=$(echo "$torch" | json_field tokens_per_s)
  d=$(/usr/bin/python3 -c "import json; print(json.load(open('$tmp/run/metrics.json'))[-1]['samples_per_s']*64)")
  printf 'lstm     threads=%s batch=128 seq=64 steps=%s  pytorch %9.1f tokens/s (%ss CPU)  dlkit %9.1f tokens/s (%ss CPU, 2 epochs incl. build)  ratio dlkit/pytorch %.2fx  load %s\n' \
    "$threads" "$lm_steps" "$t" "$tcpu" "$d" "$dcpu" "$(/usr/bin/python3 -c "print($d/$t)")" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# user + system CPU seconds of this shell's finished children ('times' must run in this shell, not in
# a $(...) subshell, whose own children start from zero)
cpu_seconds() { awk 'NR == 2 { split($1,a,"m"); split($2,b,"m"); print a[1]*60+a[2]+b[1]*60+b[2] }' "$1"; }

case "$what" in
  mlp) compare_train mlp "$root/samples/models/mlp.yaml" ;;
  lenet5) compare_train lenet5 "$root/samples/models/lenet5.yaml" ;;
  resnet50) compare_infer resnet50 resnet50 ;;
  infer) compare_inference ;;
  lstm) compare_lm ;;
  all) compare_train mlp "$root/samples/models/mlp.yaml"; compare_train lenet5 "$root/samples/models/lenet5.yaml"
       compare_infer resnet50 resnet50; compare_inference ;;
  *) echo "error: unknown workload '$what'; use mlp, lenet5, resnet50, infer, lstm or all" >&2; exit 2 ;;
esac
