#!/usr/bin/env bash
# `dlkit detect DIR --out OUT` on the default model (NanoDet, bundled) over N photos (default 100)
# versus the same model.json in node with @tensorflow/tfjs-backend-wasm doing the same per-image work
# (detect_tfjs.cjs: jpeg-js decode, bilinear stretch to 416x416, graph, NanoDet decoding, per-class
# NMS, boxes back to pixels; it draws and writes nothing, dlkit also draws and writes annotated
# JPEGs). Both whole processes are timed in one run on the same photos: wall and CPU seconds,
# images/s, the ratios dlkit/tfjs-wasm, dlkit's peak RSS, the load average. Exits 0.
# The photos are JPEG copies of ../shared/data/images/*.jpg at several sizes, made in a temporary
# folder (removed at the end unless --keep), never in the repository.
# Usage: tests/bench/detect_compare.sh [--images N] [--threads T] [--keep]
# Needs node and npm; the node packages go into $TFJS_BENCH_DIR (default /tmp/dlkit-tfjs-bench),
# installed there by npm on first use. DLKIT overrides the distribution (default
# tests/target/dlkit/bin/dlkit, built by `mvn -o -q -pl tests -am package -DskipTests` if absent).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dlkit="${DLKIT:-$root/tests/target/dlkit/bin/dlkit}"
shared="${DLKIT_SHARED:-$root/../shared}"
images=100; threads=""; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --images) images="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "error: unknown option $1; use --images N, --threads T or --keep" >&2; exit 2 ;;
  esac
done
command -v node >/dev/null && command -v npm >/dev/null || {
  echo "error: node and npm are needed for the TF.js side; install Node.js (e.g. apt-get install nodejs npm)" >&2; exit 4; }
nodedir="${TFJS_BENCH_DIR:-/tmp/dlkit-tfjs-bench}"
case "$nodedir" in "$root"|"$root"/*) echo "error: TFJS_BENCH_DIR must be outside the repository" >&2; exit 2 ;; esac
if [ ! -d "$nodedir/node_modules/@tensorflow/tfjs-backend-wasm" ] || [ ! -d "$nodedir/node_modules/jpeg-js" ]; then
  echo "installing @tensorflow/tfjs@4.22.0, @tensorflow/tfjs-backend-wasm@4.22.0 and jpeg-js@0.4.4 into $nodedir ..." >&2
  mkdir -p "$nodedir"
  (cd "$nodedir" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0 jpeg-js@0.4.4 >&2)
fi
export NODE_PATH="$nodedir/node_modules"
if [ ! -x "$dlkit" ]; then
  echo "building the distribution (mvn -o -q -pl tests -am package -DskipTests) ..." >&2
  (cd "$root" && mvn -o -q -B -pl tests -am package -DskipTests >&2)
fi
model="$root/samples/models/nanodet/nanodet.json"
[ -f "$model" ] || { echo "error: $model not found; run from a dlkit checkout" >&2; exit 2; }

work="$(mktemp -d /tmp/dlkit-detbench.XXXXXX)"
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
node "$root/tests/bench/detect_tfjs.cjs" make "$shared/data/images" "$work/photos" "$images"
echo "photos: $images JPEGs in $work/photos, $(du -sh "$work/photos" | cut -f1), sizes $(ls "$work/photos" \
  | sed 's/.*-\([0-9]*x[0-9]*\)\.jpg/\1/' | sort -t x -k1,1n | sed -n '1p;$p' | paste -sd- -)"

timed() {  # FILE cmd... -> cmd's stdout; FILE gets "wall user sys maxrss_kb"
  local file="$1"; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %U %S %M' -o "$file" "$@"
  else  # bash's own clock: no peak RSS
    local TIMEFORMAT='%R %U %S n/a'
    { time "$@" 2>&3 ; } 3>&2 2>"$file"
  fi
}
calc() { node -e "console.log($1)"; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)"
dlkit_args=(--format json); [ -n "$threads" ] && dlkit_args+=(--threads "$threads")
timed "$work/dlkit.time" "$dlkit" "${dlkit_args[@]}" detect "$work/photos" --out "$work/out" \
  >"$work/dlkit.jsonl" 2>"$work/dlkit.err" || { cat "$work/dlkit.err" >&2; exit 1; }
load_mid="$(cut -d' ' -f1-3 /proc/loadavg)"
timed "$work/tfjs.time" node "$root/tests/bench/detect_tfjs.cjs" detect "$model" "$work/photos" \
  >"$work/tfjs.json"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (between the runs: $load_mid)"

read -r dw du ds drss < <(tail -n1 "$work/dlkit.time")
read -r tw tu ts trss < <(tail -n1 "$work/tfjs.time")
dcpu=$(calc "($du+$ds).toFixed(2)"); tcpu=$(calc "($tu+$ts).toFixed(2)")
dthreads=$(grep -o 'threads [^ |]*' "$work/dlkit.err" | head -n1 || true)
dsteady=$(grep -o '([0-9.]* img/s)' "$work/dlkit.err" | tail -n1 | tr -d '()' || true)
tj="$(cat "$work/tfjs.json")"
field() { node -e "console.log(JSON.parse(process.argv[1])['$1'])" "$tj"; }
tsteady=$(calc "$(field images_per_s).toFixed(2)")
agree=$(node -e '
  const fs = require("fs"), path = require("path");
  const t = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).counts;
  let same = 0, dn = 0, n = 0;
  for (const l of fs.readFileSync(process.argv[2], "utf8").split("\n")) {
    if (!l.startsWith("{")) continue;
    const j = JSON.parse(l); n++; dn += j.detections.length;
    if (t[path.basename(j.file)] === j.detections.length) same++;
  }
  console.log(`dlkit ${dn} boxes on ${n} images, tfjs ${Object.values(t).reduce((a, b) => a + b, 0)}; same box count on ${same}/${n} images`);
' "$work/tfjs.json" "$work/dlkit.jsonl")

printf 'dlkit detect (%s)     : wall %6.2f s  %6.2f images/s | CPU %6.2f s  %6.2f images/CPU-s | peak RSS %s MB | in-loop %s\n' \
  "${dthreads:-threads ?}" "$dw" "$(calc "$images/$dw")" "$dcpu" "$(calc "$images/$dcpu")" \
  "$( [ "$drss" = n/a ] && echo n/a || calc "($drss/1024).toFixed(0)")" "${dsteady:-n/a}"
printf 'node tfjs-wasm (threads %s): wall %6.2f s  %6.2f images/s | CPU %6.2f s  %6.2f images/CPU-s | peak RSS %s MB | in-loop %s images/s\n' \
  "$(field threads)" "$tw" "$(calc "$images/$tw")" "$tcpu" "$(calc "$images/$tcpu")" \
  "$( [ "$trss" = n/a ] && echo n/a || calc "($trss/1024).toFixed(0)")" "$tsteady"
echo "ratio dlkit/tfjs-wasm: wall $(calc "($tw/$dw).toFixed(2)")x  CPU $(calc "($tcpu/$dcpu).toFixed(2)")x  (whole processes, $images photos; target 2x)"
echo "detections: $agree"
