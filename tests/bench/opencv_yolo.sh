#!/usr/bin/env bash
# OpenCV cross-check of dlkit's Darknet export (issue 10): a Tiny-YOLOv2 (pjreddie's
# yolov2-tiny-voc.cfg, fresh weights with random batch-norm statistics) exported by dlkit to
# .cfg + .weights is read by OpenCV's cv2.dnn.readNetFromDarknet; both run the same 416x416 image
# and the outputs must agree (max abs difference < 1e-3 after the same decoding); then the batch-1
# speed of both, same run, same thread count. Says so and exits 0 where OpenCV is not installed
# (Debian: apt-get install python3-opencv).
# Usage: tests/bench/opencv_yolo.sh [--threads N] [--runs N]
# DLKIT=path/to/bin/dlkit runs an already built distribution instead of the launcher.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dlkit="${DLKIT:-$root/dlkit}"
shared="${DLKIT_SHARED:-$root/../shared}"
threads=2; runs=20
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "error: unknown option $1" >&2; exit 2 ;;
  esac
done
if ! /usr/bin/python3 -c 'import cv2, numpy' 2>/dev/null; then
  echo "OpenCV (python3-opencv) is not installed: the cross-check is skipped (apt-get install python3-opencv)"
  exit 0
fi
cfg="$shared/data/models/darknet/yolov2-tiny-voc.cfg"
photo="$shared/data/images/dog.jpg"
[ -f "$cfg" ] || { echo "error: $cfg not found; set DLKIT_SHARED" >&2; exit 2; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
py="$root/tests/bench/opencv_yolo.py"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 -c "import cv2,sys; cv2.imwrite(sys.argv[2], cv2.resize(cv2.imread(sys.argv[1]), (416, 416)))" "$photo" "$tmp/dog416.png"
"$dlkit" -q detect import "$cfg" --names "$shared/data/models/darknet/voc.names" --out "$tmp/fresh"
"$dlkit" -q detect export "$tmp/fresh" --out "$tmp/fresh-export"
/usr/bin/python3 "$py" perturb "$tmp/fresh-export.cfg" "$tmp/fresh-export.weights" "$tmp/tiny.weights"
cp "$tmp/fresh-export.cfg" "$tmp/tiny.cfg"
"$dlkit" -q detect import "$tmp/tiny.cfg" "$tmp/tiny.weights" --out "$tmp/model"
"$dlkit" -q detect export "$tmp/model" --out "$tmp/again"
cmp -s "$tmp/tiny.weights" "$tmp/again.weights" && echo "round trip: dlkit's re-export of the imported .weights is byte-identical" \
  || echo "round trip: re-exported .weights differ in bytes (float rounding of the variance conversion)"
"$dlkit" --threads "$threads" -q detect forward "$tmp/model" "$tmp/dog416.png" --out "$tmp/dlkit.npy" --repeat "$runs"
/usr/bin/python3 "$py" compare "$tmp/tiny.cfg" "$tmp/tiny.weights" "$tmp/dog416.png" "$tmp/dlkit.npy" "$threads" "$runs"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
