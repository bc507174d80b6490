#!/usr/bin/env bash
# word2vec skip-gram with negative sampling: dlkit vs the original C tool (npm word2vec@1.1.5, built
# from its src/ with its own makefile) vs gensim (Debian python3-gensim), same corpus and settings,
# in one run. Prints words/s (wall and CPU time, each whole process: reading the corpus, building the
# vocabulary, training, writing the vectors), the ratios, and analogy accuracy on questions-words.txt
# (dlkit's eval-analogy on all three vector files; the C tool's compute-accuracy on its own file).
#
# Usage: tests/bench/word2vec_compare.sh [--threads N] [--iter N] [--keep DIR]
# Needs: a C compiler (apt-get install -y build-essential), npm, python3-gensim, and the packaged
# distribution (mvn -o -q -pl tests -am package -DskipTests). Data: ../shared/data/text (sotu/*.txt
# + moby-dick.txt, about 2 M words; analogy/questions-words.txt).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${DLKIT_SHARED:-$root/../shared}"
threads=2; iter=5; keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --iter) iter="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "error: unknown option $1; use --threads N, --iter N or --keep DIR" >&2; exit 2 ;;
  esac
done
dlkit="$root/tests/target/dlkit/bin/dlkit"
text="$shared/data/text"
questions="$text/analogy/questions-words.txt"
[ -x "$dlkit" ] || { echo "error: $dlkit not found; build it: mvn -o -q -pl tests -am package -DskipTests" >&2; exit 2; }
[ -f "$questions" ] || { echo "error: $questions not found; set DLKIT_SHARED" >&2; exit 2; }
command -v cc >/dev/null || { echo "error: no C compiler; apt-get install -y build-essential" >&2; exit 4; }
/usr/bin/python3 -c 'import gensim' 2>/dev/null || { echo "error: gensim missing; apt-get install -y python3-gensim" >&2; exit 4; }

work="${keep:-$(mktemp -d)}"; mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
cd "$work"

# The original tool, built as its makefile says (-O3 -march=native -funroll-loops).
if [ ! -x package/src/word2vec ]; then
  npm pack --silent word2vec@1.1.5 >/dev/null
  tar xzf word2vec-1.1.5.tgz
  make -s -C package/src word2vec compute-accuracy >/dev/null
fi

# One corpus for all three: lowercased, letters and apostrophes only, a line per input line.
cat "$text"/sotu/*.txt "$text/moby-dick.txt" | tr '[:upper:]' '[:lower:]' \
  | sed -e "s/[^a-z' ]/ /g" -e 's/  */ /g' -e 's/^ //' -e 's/ $//' | grep -v '^$' > corpus.txt
words=$(wc -w < corpus.txt)
echo "corpus: $words words, $(wc -l < corpus.txt) lines; skip-gram dim 100 window 5 negative 5" \
     "sample 1e-3 min-count 5 iter $iter threads $threads; machine load: $(cut -d' ' -f1-3 /proc/loadavg)"

timed() {  # name command...: runs it under /usr/bin/time -v, keeps wall and CPU seconds
  local name="$1"; shift
  /usr/bin/time -v -o "$name.time" "$@" > "$name.log" 2>&1 || { cat "$name.log" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$name.time")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$name.time")
  echo "$name $wall $cpu" >> times.txt
}
: > times.txt
timed dlkit "$dlkit" --threads "$threads" --seed 1 embed train --text corpus.txt --method skipgram \
  --dim 100 --window 5 --negative 5 --sample 1e-3 --min-count 5 --iter "$iter" --out dlkit.bin --overwrite
timed c package/src/word2vec -train corpus.txt -output c.bin -binary 1 -cbow 0 -size 100 -window 5 \
  -negative 5 -hs 0 -sample 1e-3 -min-count 5 -iter "$iter" -threads "$threads" -alpha 0.025
timed gensim /usr/bin/python3 -c "
import sys
from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence
m = Word2Vec(LineSentence('corpus.txt'), sg=1, hs=0, vector_size=100, window=5, negative=5,
             sample=1e-3, min_count=5, epochs=$iter, workers=$threads, alpha=0.025, seed=1)
m.wv.save_word2vec_format('gensim.bin', binary=True)
"

accuracy() {  # vectors file: overall accuracy (%) by dlkit eval-analogy
  "$dlkit" -q --format json embed eval-analogy "$questions" --vectors "$1" \
    | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(round(100*d['total']['accuracy'],2))"
}
c_accuracy=$(package/src/compute-accuracy c.bin 30000 < "$questions" 2>&1 | awk '/Total accuracy/ {a=$3} END {print a+0}')

printf '\n%-7s %10s %8s %10s %14s %14s %9s\n' tool wall_s cpu_s words/s words/cpu-s ratio_wall ratio_cpu
read -r _ dw dc < <(grep '^dlkit ' times.txt)
while read -r name wall cpu; do
  printf '%-7s %10.1f %8.1f %10.0f %14.0f %13.2fx %8.2fx\n' "$name" "$wall" "$cpu" \
    "$(echo "$iter*$words/$wall" | bc -l)" "$(echo "$iter*$words/$cpu" | bc -l)" \
    "$(echo "$wall/$dw" | bc -l)" "$(echo "$cpu/$dc" | bc -l)"
done < times.txt
echo "(ratio = dlkit's throughput / the tool's: above 1 means dlkit is faster)"
echo
for name in dlkit c gensim; do
  echo "analogy accuracy ($name vectors, dlkit eval-analogy): $(accuracy "$name.bin")%"
done
echo "analogy accuracy (c vectors, C compute-accuracy):      ${c_accuracy}%"
grep -hE 'words_per_second|arithmetic' dlkit.log | sed 's/^/dlkit training only: /' || true
