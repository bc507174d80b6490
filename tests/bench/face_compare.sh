#!/usr/bin/env bash
# Faces embedded per second (SSD detection + 68 landmarks + alignment + 128-d descriptor) by
# `dlkit --threads 2 face bench` and by face-api itself in node with the tfjs wasm backend
# (face_embed.cjs), on the same photos, in one run, with CPU seconds beside the wall time (the
# machine may be shared). Usage: tests/bench/face_compare.sh [--iters I] [--warmup W] [IMG...]
# (default: ../shared/data/images/faces/sample1-3.jpg). Needs node and npm: @vladmandic/face-api
# 1.7.15, @tensorflow/tfjs(-backend-wasm) 4.22.0 and jpeg-js go into $FACE_BENCH_DIR (default
# /tmp/dlkit-face-bench), installed there by npm on first use, never into the repository.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dlkit="${DLKIT:-$root/dlkit}"
shared="${DLKIT_SHARED:-$root/../shared}"
models="$shared/data/models/face-api"
iters=5; warmup=1; imgs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --iters) iters="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    -*) echo "error: unknown option $1; use --iters I or --warmup W" >&2; exit 2 ;;
    *) imgs+=("$1"); shift ;;
  esac
done
[ ${#imgs[@]} -gt 0 ] || imgs=("$shared"/data/images/faces/sample{1,2,3}.jpg)
command -v node >/dev/null && command -v npm >/dev/null || {
  echo "error: node and npm are needed for the face-api side; install Node.js" >&2; exit 4; }
nodedir="${FACE_BENCH_DIR:-/tmp/dlkit-face-bench}"
case "$nodedir" in "$root"|"$root"/*) echo "error: FACE_BENCH_DIR must be outside the repository" >&2; exit 2 ;; esac
if [ ! -d "$nodedir/node_modules/@vladmandic/face-api" ] || [ ! -d "$nodedir/node_modules/@tensorflow/tfjs-backend-wasm" ]; then
  echo "installing @vladmandic/face-api@1.7.15 and the tfjs wasm backend into $nodedir ..." >&2
  mkdir -p "$nodedir"
  (cd "$nodedir" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund @vladmandic/face-api@1.7.15 @tensorflow/tfjs@4.22.0 \
       @tensorflow/tfjs-backend-wasm@4.22.0 jpeg-js >&2)
fi
field() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s.trim().split('\n').pop())['$1']))"; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)  photos: ${#imgs[@]}  warmup $warmup  iters $iters"
d=$("$dlkit" --threads 2 -q --format json face bench --models "$models" --warmup "$warmup" --iters "$iters" "${imgs[@]}" 2>/dev/null | tail -1)
n=$(NODE_PATH="$nodedir/node_modules" node "$root/tests/bench/face_embed.cjs" "$models" "$warmup" "$iters" "${imgs[@]}" 2>/dev/null | tail -1)
printf 'dlkit (2 threads):       %s faces in %6.2f s, %6.2f CPU s: %6.2f faces/s\n' \
  "$(echo "$d" | field faces)" "$(echo "$d" | field seconds)" "$(echo "$d" | field cpu_seconds)" "$(echo "$d" | field faces_per_s)"
printf 'face-api wasm (threads %s): %s faces in %6.2f s, %6.2f CPU s: %6.2f faces/s\n' \
  "$(echo "$n" | field threads)" "$(echo "$n" | field faces)" "$(echo "$n" | field seconds)" "$(echo "$n" | field cpu_seconds)" "$(echo "$n" | field faces_per_s)"
node -e "const d=$d, n=$n; console.log('ratio dlkit/face-api: ' + (d.faces_per_s/n.faces_per_s).toFixed(2) + 'x faces/s, ' + ((n.cpu_seconds/n.faces)/(d.cpu_seconds/d.faces)).toFixed(2) + 'x less CPU per face')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
