#!/usr/bin/env bash
# dlkit batch on a real Spark standalone cluster on this machine: a Master and 2 Workers (1 core,
# 1.5 GB each), every one its own JVM, each executor a JVM the Worker launches; the submission is
# the one of docs/spark.md ("On a cluster"): the add-on's distribution shipped as
# --archives dlkit-spark.tgz#dlkit, nothing installed on the workers but Spark.
# Checks: the executors started dlkit's plugin host from the shipped archive, each input appears
# once (the corrupt file as an error row), the detections equal `dlkit detect --format json`
# (1e-4). Prints wall and CPU seconds (driver + master + workers + executors) and the load.
# With --compare-local also runs `batch detect --engine local` on the same images.
# Needs the Spark distribution: mvn -o -pl plugins/spark -am package -DskipTests
# Usage: tests/bench/spark_cluster.sh [--images 40] [--compare-local] [--keep]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dist="${DLKIT_SPARK_DIST:-$root/plugins/spark/target/dlkit-spark}"
images=40
compare=0
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --images) images="$2"; shift 2 ;;
    --compare-local) compare=1; shift ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--images N] [--compare-local] [--keep]" >&2; exit 2 ;;
  esac
done
[ -x "$dist/bin/dlkit" ] || { echo "no $dist; build it: mvn -o -pl plugins/spark -am package -DskipTests" >&2; exit 2; }
shared="${DLKIT_SHARED:-$root/../shared}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done
  wait 2> /dev/null || true
  if [ "$keep" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
cd "$work"
jvm_opts="$(cat "$dist/lib/spark/jvm.options")"
# shellcheck disable=SC2086
javacpp="${DLKIT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dlkit}/javacpp"

# The cluster's Spark: a Spark home whose jars/ is Spark 3.5.8 (the add-on's lib/spark without the
# add-on, plus the jars of lib/ that Spark itself needs). No dlkit, no TensorFlow: they are shipped.
mkdir -p spark/jars
for j in "$dist"/lib/spark/*.jar; do [ "$(basename "$j")" = dlkit-spark.jar ] || ln -s "$j" spark/jars/; done
for j in "$dist"/lib/{jackson-core,jackson-databind,jackson-annotations,slf4j-api,slf4j-simple,jsr305,guava,failureaccess}-*.jar; do
  ln -s "$j" spark/jars/
done
mkdir local
# SPARK_LOCAL_DIRS: the executors' fetched archives and scratch space go under $work too.
export SPARK_HOME="$work/spark" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$work/local"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
master="spark://127.0.0.1:$port"
log_info=-Dorg.slf4j.simpleLogger.defaultLogLevel=info
# shellcheck disable=SC2086
java $jvm_opts -Xmx256m $log_info -cp "spark/jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port 0 > master.log 2>&1 &
pids+=($!)
for i in 1 2; do
  # shellcheck disable=SC2086
  java $jvm_opts -Xmx256m $log_info -cp "spark/jars/*" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --webui-port 0 --cores 1 --memory 1536m --work-dir "$work/worker$i" "$master" > "worker$i.log" 2>&1 &
  pids+=($!)
done
for i in 1 2; do
  for _ in $(seq 120); do grep -q "Successfully registered with master" "worker$i.log" && break; sleep 1; done
  grep -q "Successfully registered with master" "worker$i.log" || { tail -20 "worker$i.log" >&2; echo "worker $i did not register" >&2; exit 1; }
done
echo "cluster: $master, 2 workers x 1 core, 1536 MB (pids ${pids[*]})"

# The inputs: copies of the shared photos and the samples, and one corrupt file.
mkdir imgs
mapfile -t photos < <(ls "$shared"/data/images/*.{jpg,png} "$root"/samples/images/*.{jpg,png} 2> /dev/null | sort)
for ((i = 0; i < images; i++)); do
  src="${photos[$((i % ${#photos[@]}))]}"
  cp "$src" "imgs/$(printf %03d "$i")-$(basename "$src")"
done
printf 'not an image' > imgs/zz-corrupt.jpg
echo "images: $images + 1 corrupt ($(du -sh imgs | cut -f1)), cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# What is shipped: the distribution and a model store (models pulled beforehand; here an empty one,
# detect's NanoDet is inside the distribution).
/usr/bin/time -f "%e s wall, %U s user" -o tar.txt tar -C "$dist" -czf dlkit-spark.tgz bin lib plugins models
mkdir -p models/none && tar -C models -czf dlkit-models.tgz none
echo "dlkit-spark.tgz: $(du -h dlkit-spark.tgz | cut -f1) ($(cat tar.txt))"

# cpu_ticks PID...: user + system + reaped children's CPU ticks of the processes (proc(5) fields 14-17)
cpu_ticks() { for p in "$@"; do awk '{ print $14 + $15 + $16 + $17 }' "/proc/$p/stat"; done | paste -sd+ | bc; }
before="$(cpu_ticks "${pids[@]}")"
# The documented submission; bin/spark-submit runs this class with --driver-class-path and
# --driver-java-options on the JVM's command line, so they are given to java here.
# shellcheck disable=SC2086
/usr/bin/time -f "%e %U %S" -o driver.txt \
  java $jvm_opts -Ddlkit.home="$dist" -Dorg.bytedeco.javacpp.cachedir="$javacpp" \
  -cp "$dist/lib/*:$dist/lib/spark/*" org.apache.spark.deploy.SparkSubmit \
  --master "$master" --deploy-mode client \
  --class io.dlkit.cli.Main \
  --executor-memory 1g \
  --archives dlkit-spark.tgz#dlkit,dlkit-models.tgz#dlkit-models \
  --conf spark.executor.extraClassPath='./dlkit/lib/*:./dlkit/lib/spark/*' \
  --conf spark.executor.extraJavaOptions="-Ddlkit.home=./dlkit -Dorg.bytedeco.javacpp.cachedir=$javacpp" \
  --conf spark.executorEnv.DLKIT_MODELS=./dlkit-models \
  --conf spark.executorEnv.DLKIT_OFFLINE=1 \
  --conf spark.executorEnv.TF_CPP_MIN_LOG_LEVEL=2 \
  "$dist/lib/spark/dlkit-spark.jar" \
  batch detect --engine spark --input imgs --output out.parquet --jsonl > driver.out 2> driver.err \
  || { tail -40 driver.err >&2; echo "the submission failed" >&2; exit 1; }
sleep 2 # the workers reap their executors
after="$(cpu_ticks "${pids[@]}")"
read -r wall user sys < driver.txt
hz="$(getconf CLK_TCK)"
cluster_cpu="$(echo "($after - $before) / $hz" | bc -l)"
total_cpu="$(echo "$user + $sys + $cluster_cpu" | bc -l)"
grep "^batch detect:" driver.err
printf "cluster run: wall %.1f s, cpu %.1f s (driver %.1f + master, workers and executors %.1f), %.2f images/s, load %s\n" \
  "$wall" "$total_cpu" "$(echo "$user + $sys" | bc)" "$cluster_cpu" "$(echo "($images + 1) / $wall" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"

# The executors: separate JVMs that started dlkit's plugin host from the shipped archive.
mapfile -t logs < <(ls worker*/app-*/*/stderr)
started="$(cat "${logs[@]}" | grep -c "dlkit executor: started the plugin host from" || true)"
echo "executor logs: ${#logs[@]}; plugin host started in $started of them:"
grep -h "dlkit executor:" "${logs[@]}" | sed 's/^/    /'
[ "$started" -ge 1 ] || { echo "FAIL: no executor started the plugin host" >&2; exit 1; }

# The one-by-one command on the same images, and the comparison.
"$dist/bin/dlkit" --format json detect imgs --out annotated -q > detect.jsonl 2> detect.err || true
python3 - "$images" << 'EOF'
import glob, json, sys
rows = [json.loads(l) for f in sorted(glob.glob("out.jsonl/part-*")) for l in open(f)]
ids = [r["id"] for r in rows]
expected_ids = sorted(glob.glob("imgs/*"))
assert sorted(ids) == expected_ids, f"ids differ: {len(ids)} rows, {len(set(ids))} distinct, {len(expected_ids)} inputs"
errors = {r["id"]: r["error"] for r in rows if r["error"]}
assert list(errors) == ["imgs/zz-corrupt.jpg"], errors
one = {d["file"]: d for d in (json.loads(l) for l in open("detect.jsonl") if l.startswith("{"))}
worst, boxes = 0.0, 0
for r in rows:
    if r["error"]:
        continue
    got, exp = r["output"], one[r["id"]]
    assert (got["width"], got["height"]) == (exp["width"], exp["height"]), r["id"]
    a, b = got["detections"], exp["detections"]
    assert len(a) == len(b), (r["id"], len(a), len(b))
    for x, y in zip(a, b):
        assert x["class_id"] == y["class_id"], r["id"]
        for k in ("x1", "y1", "x2", "y2"):
            worst = max(worst, abs(x["box"][k] - y["box"][k]))
        worst = max(worst, abs(x["score"] - y["score"]))
        boxes += 1
assert worst <= 1e-4, worst
print(f"checked: {len(rows)} rows, each input once, 1 error row ({errors['imgs/zz-corrupt.jpg']}),"
      f" {boxes} detections equal to dlkit detect (max difference {worst:.2e})")
EOF

if [ "$compare" = 1 ]; then
  rm -rf local.parquet
  /usr/bin/time -f "%e %U %S" -o local.txt "$dist/bin/dlkit" batch detect --input imgs --output local.parquet 2> local.err
  read -r lwall luser lsys < local.txt
  grep "^batch detect:" local.err
  printf "local engine: wall %.1f s, cpu %.1f s, %.2f images/s, load %s\n" "$lwall" "$(echo "$luser + $lsys" | bc)" \
    "$(echo "($images + 1) / $lwall" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
  printf "cluster vs local: wall %+.1f%%, cpu %+.1f%%\n" "$(echo "100 * ($wall / $lwall - 1)" | bc -l)" \
    "$(echo "100 * ($total_cpu / ($luser + $lsys) - 1)" | bc -l)"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
