#!/usr/bin/env bash
# Acceptance for dlkit's YOLO training (issue 10): a Tiny-YOLOv2 trained from scratch through the
# CLI on a generated synthetic-shapes set must reach mAP@0.5 >= 0.9 on a generated test set, and the
# k-means anchors of its labels must have a higher mean IoU than the default anchors.
# The network is Tiny-YOLOv2's layer stack (yolov2_tiny) scaled for the 128x128 shapes: input
# SIZE (default 160, a 5x5 grid) and WIDTH times the filters (default 0.25).
# Usage: tests/bench/yolo_shapes.sh [--train N] [--test N] [--epochs N] [--size S] [--width W]
#        [--batch-size B] [--threads T] [--min-map F]
# DLKIT=path/to/bin/dlkit runs an already built distribution instead of the launcher.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dlkit="${DLKIT:-$root/dlkit}"
train=2500; test=300; epochs=30; size=160; width=0.25; batch=32; threads=2; min_map=0.9
while [ $# -gt 0 ]; do
  case "$1" in
    --train) train="$2"; shift 2 ;;
    --test) test="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --width) width="$2"; shift 2 ;;
    --batch-size) batch="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --min-map) min_map="$2"; shift 2 ;;
    *) echo "error: unknown option $1" >&2; exit 2 ;;
  esac
done
work="${YOLO_WORK:-$(mktemp -d)}"
echo "work folder: $work (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
"$dlkit" -q --seed 1 detect shapes --out "$work/train" --count "$train"
"$dlkit" -q --seed 2 detect shapes --out "$work/test" --count "$test"
grid=$((size / 32))
anchors="$("$dlkit" -q --format json detect anchors --labels "$work/train/labels" --k 5 --grid "$grid")"
kmeans_iou="$(echo "$anchors" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["mean_iou"])')"
default_iou="$(echo "$anchors" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["default_mean_iou"])')"
echo "anchors: k-means mean IoU $kmeans_iou vs default $default_iou"
printf 'architecture: yolov2_tiny\ninput_size: %s\nwidth: %s\n' "$size" "$width" > "$work/yolov2-tiny.yaml"
start=$(date +%s); cpu0=$(awk '{print $14+$15+$16+$17}' /proc/self/stat 2>/dev/null || echo 0)
/usr/bin/time -f "train: %e s wall, %U s user CPU, %S s system CPU" \
  "$dlkit" --threads "$threads" --seed 1 detect train --data "$work/train" --model "$work/yolov2-tiny.yaml" \
    --anchors kmeans --epochs "$epochs" --batch-size "$batch" --out "$work/model"
"$dlkit" -q --threads "$threads" --format json detect eval "$work/model" --data "$work/test" > "$work/eval.json"
map50="$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["map50"])' "$work/eval.json")"
map5095="$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["map50_95"])' "$work/eval.json")"
echo "yolov2_tiny ${size}x${size} width $width, $train training images, $epochs epochs: test mAP@0.5 $map50, mAP@[.5:.95] $map5095 ($test images)"
echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
ok=1
/usr/bin/python3 -c "import sys; sys.exit(0 if float('$map50') >= float('$min_map') else 1)" || { echo "FAIL: mAP@0.5 $map50 < $min_map"; ok=0; }
/usr/bin/python3 -c "import sys; sys.exit(0 if float('$kmeans_iou') > float('$default_iou') else 1)" || { echo "FAIL: k-means anchors not better than the defaults"; ok=0; }
[ "$ok" = 1 ] && echo "PASS" || exit 1
