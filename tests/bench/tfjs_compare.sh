#!/usr/bin/env bash
# Side-by-side inference throughput of a TF.js graph model: `dlkit bench infer --model NAME` versus
# the same model.json in node with @tensorflow/tfjs-backend-wasm (tfjs_infer.cjs), in one run, with
# the same threads, input size, batch of 1, warm-up and timed iterations. tfjs-wasm 4.22 runs one
# thread under node whatever setThreadsCount asks; the script then also times dlkit at that count.
# Usage: tests/bench/tfjs_compare.sh [centernet|nanodet|all] [--threads N] [--iters I] [--warmup W]
# Needs node and npm; the node packages go into $TFJS_BENCH_DIR (default /tmp/dlkit-tfjs-bench),
# installed there by npm on first use, never into the repository. The models come from
# ../shared/data/models/human (DLKIT_SHARED moves it) or else dlkit's model cache.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dlkit="${DLKIT:-$root/dlkit}"  # the source launcher; DLKIT=tests/target/dlkit/bin/dlkit skips its build check
shared="${DLKIT_SHARED:-$root/../shared}"
what="${1:-centernet}"; shift || true
threads=2; iters=20; warmup=3
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --iters) iters="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    *) echo "error: unknown option $1; use --threads N, --iters I or --warmup W" >&2; exit 2 ;;
  esac
done
command -v node >/dev/null && command -v npm >/dev/null || {
  echo "error: node and npm are needed for the TF.js side; install Node.js (e.g. apt-get install nodejs npm)" >&2; exit 4; }
nodedir="${TFJS_BENCH_DIR:-/tmp/dlkit-tfjs-bench}"
case "$nodedir" in "$root"|"$root"/*) echo "error: TFJS_BENCH_DIR must be outside the repository" >&2; exit 2 ;; esac
if [ ! -d "$nodedir/node_modules/@tensorflow/tfjs-backend-wasm" ] || [ ! -d "$nodedir/node_modules/@tensorflow/tfjs" ]; then
  echo "installing @tensorflow/tfjs@4.22.0 and @tensorflow/tfjs-backend-wasm@4.22.0 into $nodedir ..." >&2
  mkdir -p "$nodedir"
  (cd "$nodedir" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0 >&2)
fi

model_json() {  # name -> path of its model.json: the shared copy, else the cache
  local name="$1" cache="${DLKIT_MODELS:-$HOME/.cache/dlkit/models}"
  for f in "$shared/data/models/human/$name.json" "$cache/$name/$name.json"; do
    [ -f "$f" ] && { echo "$f"; return; }
  done
  echo "error: $name.json not found in $shared/data/models/human or $cache/$name; run dlkit models pull $name" >&2
  exit 2
}

json_field() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s)['$1']))"; }

dlkit_rate() {  # name threads -> dlkit images/s
  "$dlkit" --threads "$2" -q --format json bench infer --model "$1" --batch-size 1 --steps "$iters" \
    --warmup "$warmup" | json_field samples_per_s
}

compare() {  # name tfjs-input-shape
  local name="$1" shape="$2" json tj t tthreads d d1
  json="$(model_json "$name")"
  # dlkit reads the model from its cache: seed it from the same files (a no-op when already intact)
  "$dlkit" -q models import "$(dirname "$json")" --name "$name" >/dev/null
  d=$(dlkit_rate "$name" "$threads")
  tj=$(NODE_PATH="$nodedir/node_modules" node "$root/tests/bench/tfjs_infer.cjs" "$json" "$shape" "$threads" "$warmup" "$iters")
  t=$(echo "$tj" | json_field images_per_s)
  tthreads=$(echo "$tj" | json_field threads)
  printf '%-10s %s batch=1 warmup=%s iters=%s  tfjs-wasm (asked %s threads, ran %s) %7.2f images/s  dlkit (%s threads) %7.2f images/s  ratio dlkit/tfjs-wasm %.2fx\n' \
    "$name" "$shape" "$warmup" "$iters" "$threads" "$tthreads" "$t" "$threads" "$d" "$(node -e "console.log(($d/$t).toFixed(2))")"
  if [ "$tthreads" != "$threads" ]; then
    # tfjs-backend-wasm 4.22 never multi-threads under node (flags_wasm.js: WASM_HAS_MULTITHREAD_SUPPORT
    # is false when IS_NODE, tfjs issue 3830), so also compare at the threads it really used.
    d1=$(dlkit_rate "$name" "$tthreads")
    printf '%-10s %s batch=1 warmup=%s iters=%s  same thread count: tfjs-wasm (%s) %7.2f images/s  dlkit (%s) %7.2f images/s  ratio %.2fx\n' \
      "$name" "$shape" "$warmup" "$iters" "$tthreads" "$t" "$tthreads" "$d1" "$(node -e "console.log(($d1/$t).toFixed(2))")"
  fi
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)"
case "$what" in
  centernet) compare centernet 512x512x3 ;;
  nanodet) compare nanodet 3x416x416 ;;
  all) compare centernet 512x512x3; compare nanodet 3x416x416 ;;
  *) echo "error: unknown model '$what'; use centernet, nanodet or all" >&2; exit 2 ;;
esac
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
