#!/usr/bin/env bash
# Spark's overhead on batch detection: the whole `dlkit batch detect --engine spark --master local[2]`
# against the single-process `--engine local` and against `dlkit detect DIR`, on the same 200
# images (copies of ../shared/data/images and samples/images), whole processes, in one run.
# Prints wall and CPU seconds, images/s, Spark's overhead ratio and the load average.
# Needs the Spark distribution: mvn -o -pl plugins/spark -am package -DskipTests
# Usage: tests/bench/spark_batch.sh [--images 200] [--repeat 1]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dist="${DLKIT_SPARK_DIST:-$root/plugins/spark/target/dlkit-spark}"
images=200
repeat=1
while [ $# -gt 0 ]; do
  case "$1" in
    --images) images="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    *) echo "usage: $0 [--images N] [--repeat R]" >&2; exit 2 ;;
  esac
done
[ -x "$dist/bin/dlkit" ] || { echo "no $dist; build it: mvn -o -pl plugins/spark -am package -DskipTests" >&2; exit 2; }
shared="${DLKIT_SHARED:-$root/../shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/imgs"
mapfile -t photos < <(ls "$shared"/data/images/*.{jpg,png} "$root"/samples/images/*.{jpg,png} 2>/dev/null | sort)
for ((i = 0; i < images; i++)); do
  src="${photos[$((i % ${#photos[@]}))]}"
  cp "$src" "$work/imgs/$(printf %03d "$i")-$(basename "$src")"
done
cd "$work"
echo "images: $images ($(du -sh imgs | cut -f1)), cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# run NAME CMD...: whole-process wall and CPU seconds (user + sys, children included)
run() {
  local name="$1"; shift
  rm -rf out.parquet annotated
  /usr/bin/time -f "%e %U %S" -o t.txt "$@" > /dev/null 2> err.txt || { cat err.txt >&2; exit 1; }
  read -r wall user sys < t.txt
  local cpu; cpu=$(echo "$user + $sys" | bc)
  printf "%-34s wall %6.1f s  cpu %6.1f s  %5.2f images/s  load %s\n" "$name" "$wall" "$cpu" \
    "$(echo "$images / $wall" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
  grep -h "^batch detect:" err.txt | sed 's/^/    /' || true
  echo "$name $wall $cpu" >> times.txt
}
for ((r = 0; r < repeat; r++)); do
  run "dlkit detect DIR (one by one)" "$dist/bin/dlkit" --format json detect imgs --out annotated -q
  run "batch detect --engine local" "$dist/bin/dlkit" batch detect --input imgs --output out.parquet
  run "batch detect --engine spark local[2]" "$dist/bin/dlkit" batch detect --input imgs --output out.parquet --engine spark --master 'local[2]'
done
awk -v n="$images" '
  { split($0, a, " "); key = ($0 ~ /spark/) ? "spark" : ($0 ~ /local/) ? "local" : "detect";
    w[key] += $(NF-1); c[key] += $NF; k[key]++ }
  END {
    for (x in w) { w[x] /= k[x]; c[x] /= k[x] }
    printf "mean: detect %.1f s (%.1f cpu), local %.1f s (%.1f cpu), spark %.1f s (%.1f cpu)\n", w["detect"], c["detect"], w["local"], c["local"], w["spark"], c["spark"]
    printf "spark overhead vs local: wall %+.1f%%, cpu %+.1f%%; vs detect: wall %+.1f%%, cpu %+.1f%%\n",
      100 * (w["spark"] / w["local"] - 1), 100 * (c["spark"] / c["local"] - 1),
      100 * (w["spark"] / w["detect"] - 1), 100 * (c["spark"] / c["detect"] - 1)
  }' times.txt
# Fixed costs (JVM, plugins, model load; Spark's session and job set-up): the same on one image.
mkdir one && cp "$(ls imgs/* | head -1)" one/
rm -f times.txt
run "1 image: batch detect --engine local" "$dist/bin/dlkit" batch detect --input one --output out.parquet
run "1 image: batch detect --engine spark" "$dist/bin/dlkit" batch detect --input one --output out.parquet --engine spark --master 'local[2]'
awk '{ key = ($0 ~ /spark/) ? "spark" : "local"; w[key] = $(NF-1); c[key] = $NF }
  END { printf "fixed cost: local %.1f s (%.1f cpu), spark %.1f s (%.1f cpu): Spark adds %.1f cpu s once per run\n",
        w["local"], c["local"], w["spark"], c["spark"], c["spark"] - c["local"] }' times.txt
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
