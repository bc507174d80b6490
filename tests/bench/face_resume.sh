#!/usr/bin/env bash
# dlkit face train killed with kill -9 in the middle of a run, then --resume'd, against the same run
# uninterrupted: the final checkpoint's variables (weights, batch-norm averages, Adam's slots and
# counter) must be byte for byte the same, and so must metrics.csv (times aside) and the printed
# loss. Stand-in identities from the sample photos (`dlkit face identities`), one thread.
# Usage: tests/bench/face_resume.sh [--width W] [--epochs N] [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dlkit="${DLKIT:-$root/dlkit}"
shared="${DLKIT_SHARED:-$root/../shared}"
models="$shared/data/models/face-api"
width=0.25; epochs=4; out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --width) width="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    -*) echo "error: unknown option $1" >&2; exit 2 ;;
    *) out="$1"; shift ;;
  esac
done
out="${out:-$(mktemp -d /tmp/dlkit-face-resume.XXXXXX)}"
mkdir -p "$out"; cd "$out"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  out: $out  width $width  epochs $epochs"
[ -d ids ] || "$dlkit" -q --seed 1 face identities --models "$models" --per-identity 6 --out ids \
  "$shared"/data/images/faces/sample{1,2,3}.jpg 2>/dev/null
train=(--threads 1 --seed 7 face train --data ids --width "$width" --identities-per-batch 4
  --images-per-identity 3 --batches-per-epoch 4 --checkpoint-every 3)
rm -rf whole killed
"$dlkit" "${train[@]}" --out whole --epochs "$epochs" > whole.txt 2>/dev/null
"$dlkit" "${train[@]}" --out killed --epochs "$epochs" > /dev/null 2>&1 &
pid=$!
# kill it at a checkpoint in the middle of an epoch after the first (every 3 steps, 4 per epoch:
# step 6 is batch 2 of epoch 2), so that the resume restores a partly done epoch
state=killed/checkpoint/state.properties
while kill -0 "$pid" 2>/dev/null; do
  if grep -qs '^epoch=[1-9]' "$state" && grep -qs '^batch=[1-9]' "$state"; then
    kill -9 "$pid"; break
  fi
  sleep 0.1
done
wait "$pid" 2>/dev/null && { echo "the run ended before it could be killed; use more --epochs"; exit 1; }
echo "killed at the checkpoint of epoch $(sed -n 's/^epoch=//p' "$state") (done), batch $(sed -n 's/^batch=//p' "$state") of the next, step $(sed -n 's/^step=//p' "$state")"
"$dlkit" "${train[@]}" --out killed --epochs "$epochs" --resume > killed.txt 2>/dev/null
strip() { awk -F, 'NR==1{for(i=1;i<=NF;i++) if($i!~/second/) k[i]=1} {s=""; for(i=1;i<=NF;i++) if(k[i]) s=s $i ","; print s}' "$1"; }
same=yes
cmp -s whole/checkpoint/variables.data-00000-of-00001 killed/checkpoint/variables.data-00000-of-00001 \
  || { echo "checkpoint variables differ"; same=no; }
diff <(strip whole/metrics.csv) <(strip killed/metrics.csv) > /dev/null || { echo "metrics.csv differs"; same=no; }
echo "uninterrupted: $(grep '^loss:' whole.txt)   killed and resumed: $(grep '^loss:' killed.txt)"
echo "bit for bit: $same"
[ "$same" = yes ]
