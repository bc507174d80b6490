#!/usr/bin/env bash
# The longer FaceNet / DeepFace acceptance run (the default suite's EncoderTrainingTest is its short
# version). No identity-labelled face set exists here, so stand-in identities are made from the
# sample photos: every face found is an identity, its images flips, small crops and colour jitters
# (`dlkit face identities`), a training set (seed 1) and a held-out set of other variations (seed
# 2). Then: face-api's recogniser on the held-out pairs (the reference), NN4-small2 trained with
# the semi-hard triplet loss (`face train --loss triplet`), evaluated on the held-out pairs after the
# first epoch and at the end (`face eval`: LFW-style k-fold accuracy, AUC, ROC PNG), and DeepFace
# heads (abs, chi-square) trained on pairs of the frozen encoders' descriptors.
# Usage: tests/bench/face_train.sh [--width W] [--epochs N] [--per-identity K] [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dlkit="${DLKIT:-$root/dlkit}"
shared="${DLKIT_SHARED:-$root/../shared}"
models="$shared/data/models/face-api"
width=1; epochs=15; per=20; out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --width) width="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --per-identity) per="$2"; shift 2 ;;
    -*) echo "error: unknown option $1" >&2; exit 2 ;;
    *) out="$1"; shift ;;
  esac
done
out="${out:-$(mktemp -d /tmp/dlkit-face-train.XXXXXX)}"
mkdir -p "$out"; cd "$out"
run() { "$dlkit" --threads 2 -q "$@" 2>/dev/null; }
ev() { run --format json face eval --models "$models" --overwrite "$@" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const r=JSON.parse(s.trim().split('\n').pop());console.log('  pairs '+r.pairs+' (skipped, no face: '+r.skipped_no_face+')  accuracy '+r.accuracy+' +- '+r.accuracy_std+'  AUC '+r.auc+'  best accuracy '+r.best_accuracy)})"; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  out: $out  width $width  epochs $epochs  images per identity $per"
faces=("$shared"/data/images/faces/sample{1,2,3}.jpg)
[ -d ids ] || run --seed 1 face identities --models "$models" --per-identity "$per" --out ids "${faces[@]}"
[ -d held ] || run --seed 2 face identities --models "$models" --per-identity 8 --out held "${faces[@]}"
echo "identities: $(ls ids | wc -l), train images: $(find ids -name '*.png' | wc -l), held-out images: $(find held -name '*.png' | wc -l)"
echo "face-api recogniser (pretrained) on the held-out pairs:"; ev --data held --roc roc-face-api.png
t0=$(date +%s)
run --overwrite face train --data ids --val held --out facenet --loss triplet --width "$width" --epochs 1 \
  --identities-per-batch 9 --images-per-identity 4 --batches-per-epoch 6 --lr 0.002 >/dev/null
echo "NN4-small2 (width $width) after 1 epoch:"; ev --data held --model facenet --roc roc-facenet-1.png
run face train --data ids --val held --out facenet --resume --epochs "$epochs" >/dev/null
echo "NN4-small2 after $epochs epochs ($(( $(date +%s) - t0 )) s of training):"; ev --data held --model facenet --roc roc-facenet.png
echo "  triplet loss per epoch: $(tail -n +2 facenet/metrics.csv | cut -d, -f3 | xargs printf '%.3f ' )"
echo "  val loss per epoch:     $(tail -n +2 facenet/metrics.csv | cut -d, -f4 | xargs printf '%.3f ' )"
for d in abs chi_square; do
  run --overwrite face train --data ids --out "head-$d" --loss pairs --encoder facenet --distance "$d" --epochs 10 --batches-per-epoch 20 >/dev/null
  echo "DeepFace head ($d) on the trained encoder:"; ev --data held --model "head-$d" --roc "roc-head-$d.png"
done
run --overwrite face train --models "$models" --data ids --out head-face-api --loss pairs --epochs 10 --batches-per-epoch 20 >/dev/null
echo "DeepFace head (abs) on face-api's descriptors:"; ev --data held --model head-face-api --roc roc-head-face-api.png
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
