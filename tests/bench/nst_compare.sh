#!/usr/bin/env bash
# Neural style transfer speed, dlkit vs PyTorch, in one run: seconds per Adam iteration at SIZExSIZE
# with VGG-19 (random weights; block4_conv2 content, block1_conv1..block5_conv1 style) in
# `dlkit style --model DIR` and in torch_nst.py (torchvision's vgg19, the same costs and Adam),
# both on THREADS threads; then dlkit with its default loss network (mobilenet_v2), and optionally a
# big photo made at several scales. Wall and process CPU seconds are printed: on a loaded machine
# compare the CPU figures.
# Usage: tests/bench/nst_compare.sh [--size 512] [--iterations 10] [--threads 2] [--big]
#   --big also runs a 2000x1500 photo (chelsea upscaled) with --iterations 100 and reports its time
#   and peak memory.
# Needs Debian's PyTorch (apt-get install python3-torch python3-torchvision python3-numpy), OpenBLAS,
# the packaged distribution (mvn -o -pl tests -am package -DskipTests) and ../shared/data.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${DLKIT_SHARED:-$root/../shared}"
dlkit="${DLKIT:-$root/tests/target/dlkit/bin/dlkit}"
size=512; iterations=10; threads=2; big=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --iterations) iterations="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --big) big=1; shift ;;
    *) echo "error: unknown option $1; use --size, --iterations, --threads or --big" >&2; exit 2 ;;
  esac
done
[ -x "$dlkit" ] || { echo "error: $dlkit not found; run mvn -o -pl tests -am package -DskipTests" >&2; exit 2; }
/usr/bin/python3 -c 'import torch, torchvision, numpy' 2>/dev/null || {
  echo "error: install python3-torch python3-torchvision python3-numpy" >&2; exit 4; }
export OPENBLAS_NUM_THREADS=1
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export DLKIT_MODELS="$work/models"

# Two SIZExSIZE PNGs (content: noise, style: stripes) written without PIL.
/usr/bin/python3 - "$work" "$size" <<'PY'
import sys, zlib, struct, numpy as np
work, n = sys.argv[1], int(sys.argv[2])
def png(path, a):
    raw = b"".join(b"\x00" + row.tobytes() for row in a)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    ihdr = struct.pack(">IIBBBBB", a.shape[1], a.shape[0], 8, 2, 0, 0, 0)
    open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
r = np.random.RandomState(0)
png(f"{work}/content.png", r.randint(0, 256, (n, n, 3), dtype=np.uint8))
y, x = np.mgrid[0:n, 0:n]
png(f"{work}/style.png", np.stack([(np.sin((x + y) / 7) * 127 + 128).astype(np.uint8)] * 3, -1))
# 8 random 32x32 images to build VGG-19's variables with one training step
np.savez(f"{work}/tiny.npz", x=r.rand(8, 32, 32, 3).astype("float32"), y=np.arange(8) % 2)
PY

# VGG-19's convolutions (Keras names) with random weights, a global-pooling top instead of the
# 4096-unit classifier so that any image size runs
"$dlkit" -q zoo export vgg19 --input 32x32x3 > "$work/vgg19.yaml"
/usr/bin/python3 - "$work/vgg19.yaml" <<'PY'
import sys
p = sys.argv[1]
lines = open(p).read().splitlines()
cut = lines.index("- type: flatten")
top = ["- type: global_avg_pool", "  name: gap", "- type: dense", "  name: predictions",
       "  units: 2", "  activation: softmax"]
open(p, "w").write("\n".join(lines[:cut] + top) + "\n")
PY
"$dlkit" -q --threads "$threads" train --model "$work/vgg19.yaml" --data "$work/tiny.npz" \
  --epochs 1 --batch-size 8 --optimizer adam --lr 0.001 --out "$work/vgg19" > /dev/null

field() { sed -n "s/^$1: //p" | head -1; }
run_dlkit() {  # model out extra-args...
  local model="$1" out="$2"; shift 2
  "$dlkit" --threads "$threads" style --content "$work/content.png" --style "$work/style.png" \
    --out "$work/$out" --size "$size" --iterations "$iterations" --model "$model" "$@" 2>/dev/null
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
torch=$(/usr/bin/python3 "$root/tests/bench/torch_nst.py" --size "$size" --iterations "$iterations" --threads "$threads")
t_wall=$(echo "$torch" | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['seconds_per_iteration'])")
t_cpu=$(echo "$torch" | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['cpu_seconds_per_iteration'])")
# random weights give Gram matrices ~1e6: --style-weight as StyleVgg19IT balances them
dl=$(run_dlkit "$work/vgg19" vgg.png --style-weight 0.0001)
d_wall=$(echo "$dl" | field seconds_per_iteration)
d_cpu=$(echo "$dl" | field cpu_seconds_per_iteration)
ratio() { /usr/bin/python3 -c "print(f'{$1 / $2:.2f}')"; }
printf 'vgg19 %sx%s threads=%s iterations=%s  pytorch %.3f s/it (cpu %.3f)  dlkit %.3f s/it (cpu %.3f)  speed dlkit/pytorch: wall %sx, cpu %sx\n' \
  "$size" "$size" "$threads" "$iterations" "$t_wall" "$t_cpu" "$d_wall" "$d_cpu" "$(ratio "$t_wall" "$d_wall")" "$(ratio "$t_cpu" "$d_cpu")"

if [ -d "$shared/data/models/nsfwjs/mobilenet_v2" ]; then
  "$dlkit" -q models import "$shared/data/models/nsfwjs/mobilenet_v2" --name mobilenet_v2 > /dev/null
else
  "$dlkit" -q models pull mobilenet_v2 > /dev/null
fi
mb=$(run_dlkit mobilenet_v2 mobilenet.png)
printf 'mobilenet_v2 %sx%s threads=%s iterations=%s  dlkit %s s/it (cpu %s), peak %s MiB\n' "$size" "$size" "$threads" \
  "$iterations" "$(echo "$mb" | field seconds_per_iteration)" "$(echo "$mb" | field cpu_seconds_per_iteration)" \
  "$(echo "$mb" | field peak_memory_mib)"

if [ "$big" = 1 ]; then
  /usr/bin/python3 - "$shared/data/images/chelsea.png" "$work/big.png" <<'PY'
import sys, torch, torchvision
from torchvision.io import read_image, write_png
img = read_image(sys.argv[1])[:3]
big = torch.nn.functional.interpolate(img[None].float(), size=(1500, 2000), mode="bicubic", align_corners=False)
write_png(big[0].clamp(0, 255).to(torch.uint8), sys.argv[2])
PY
  start=$(date +%s)
  out=$("$dlkit" --threads "$threads" style --content "$work/big.png" --style "$shared/data/images/starry_night.jpg" \
    --out "$work/big-out.png" --size 2000 --iterations 100 2>/dev/null)
  printf 'mobilenet_v2 2000x1500 multi-scale, --iterations 100: %s s wall, optimisation %s s, peak %s MiB\n' \
    "$(( $(date +%s) - start ))" "$(echo "$out" | field seconds)" "$(echo "$out" | field peak_memory_mib)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
