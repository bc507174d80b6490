#!/usr/bin/env bash
# The three detection methods of the notes on the synthetic shapes (issue 10): YOLO (a trained
# model folder, e.g. yolo_shapes.sh's), the convolutional sliding window and R-CNN-style
# selective-search proposals, both scoring windows with one small CNN classifier trained through
# `dlkit train` on `dlkit detect crops` of the same training set. Prints mAP@0.5, mAP@[.5:.95] and
# images/s of each on one generated test set, same run.
# Usage: tests/bench/detect_methods.sh --work DIR --yolo MODEL_DIR [--test N] [--threads T]
#   DIR must hold train/ (images/ + labels/), as yolo_shapes.sh leaves it in YOLO_WORK.
# DLKIT=path/to/bin/dlkit runs an already built distribution instead of the launcher.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dlkit="${DLKIT:-$root/dlkit}"
work=""; yolo=""; test=100; threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work="$2"; shift 2 ;;
    --yolo) yolo="$2"; shift 2 ;;
    --test) test="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "error: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -d "$work/train/labels" ] && [ -d "$yolo" ] || { echo "error: give --work DIR (with train/) and --yolo MODEL_DIR" >&2; exit 2; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$dlkit" -q --seed 3 detect shapes --out "$work/methods-test" --count "$test" --overwrite
"$dlkit" -q --seed 1 detect crops --data "$work/train" --out "$work/crops" --size 32 --background 2 --overwrite
cat > "$work/classifier.yaml" <<'YAML'
input_shape: [32, 32, 3]
layers:
  - {type: conv2d, filters: 16, kernel_size: 3, padding: same, activation: relu}
  - {type: max_pool, pool_size: 2}
  - {type: conv2d, filters: 32, kernel_size: 3, padding: same, activation: relu}
  - {type: max_pool, pool_size: 2}
  - {type: flatten}
  - {type: dense, units: 64, activation: relu}
  - {type: dense, units: 4, activation: softmax}
YAML
"$dlkit" -q --threads "$threads" --seed 1 train --data "$work/crops" --model "$work/classifier.yaml" \
  --epochs 10 --batch-size 32 --optimizer adam --lr 0.002 --val-split 0.1 --out "$work/classifier" --overwrite \
  | grep -E "^(val_accuracy|accuracy)" || true
report() {  # name json
  /usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[2])); print("%-16s mAP@0.5 %.4f  mAP@[.5:.95] %.4f  %.2f images/s" % (sys.argv[1], d["map50"], d["map50_95"], d["images_per_s"]))' "$1" "$2"
}
"$dlkit" -q --threads "$threads" --format json detect eval "$yolo" --data "$work/methods-test" --out "$work/ev-yolo" --overwrite > "$work/yolo.json"
"$dlkit" -q --threads "$threads" --format json detect eval "$work/classifier" --method sliding-window --conf 0.05 --data "$work/methods-test" --out "$work/ev-sw" --overwrite > "$work/sw.json"
"$dlkit" -q --threads "$threads" --format json detect eval "$work/classifier" --method rcnn --conf 0.05 --data "$work/methods-test" --out "$work/ev-rcnn" --overwrite > "$work/rcnn.json"
echo "$test test images, $threads threads:"
report yolo "$work/yolo.json"
report sliding-window "$work/sw.json"
report rcnn "$work/rcnn.json"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
