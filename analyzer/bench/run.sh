#!/usr/bin/env bash
# Analyzer benchmark: analysis time next to the JDK's own `jfr summary` on the same large recording, in one run.
#
#   analyzer/bench/run.sh [RECORDING.jfr] [COPIES]
#
# Without RECORDING it records the demo application under the agent for 25 s (agent and demo jars must be
# installed: ./maven -B -q -pl agent,demo-app install -DskipTests). The large input is COPIES (default 150)
# copies of that recording's chunks in one file (a JFR file is a sequence of self-contained chunks), i.e. a few
# hundred MB of real agent + JVM events. Each tool runs 3 times, alternating; the best time of each is compared.
# Also timed in each round: the jdk.jfr floor (JfrFloorBench: the same events streamed the same way on one thread
# with handlers that only count them, with --touch handlers that read what any analysis must: times, threads,
# each distinct stack's frames, the histogram text, and with --inflate also each histogram inflated, as any exact
# merge of the agent's compressed histograms must), i.e. what the JDK's own parser costs before any analysis.
# The analyzer's and the --inflate floor's CPU time is also printed by thread role: C2 and C1 JIT compiler threads,
# GC and VM threads, and the rest (reading, analysing): cpu_s= c2_s= c1_s= gc_vm_s= other_s=.
# Prints: size, jfr summary, floor and analyze wall and user-CPU seconds, their ratios, the analyzer's peak heap and
# max RSS. User CPU is printed because on a shared machine wall time also measures the neighbours.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$here/bin/find-jdk.sh"
oxidizer_find_jdk
JAVA="$JAVA_HOME/bin/java"
JFR="$JAVA_HOME/bin/jfr"
work=$(mktemp -d /tmp/oxidizer-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
src=${1:-}
copies=${2:-150}
cd "$here"
./maven -B -q -o -pl analyzer test-compile >/dev/null
./maven -B -q -o -pl analyzer dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
# A private copy of the classes: a build of the module running meanwhile must not swap them under a timed run.
cp -r analyzer/target/classes "$work/classes"
cp -r analyzer/target/test-classes "$work/test-classes"
cp="$work/classes:$work/test-classes:$(cat "$work/cp.txt")"
if [ -z "$src" ]; then
  agent=$(ls agent/target/oxidizer-agent-*.jar | grep -v original | head -1)
  demo=$(ls demo-app/target/oxidizer-demo-app-*.jar | head -1)
  src="$work/demo.jfr"
  "$JAVA" -javaagent:"$agent"=output="$src" -jar "$demo" --seconds 25 >/dev/null 2>&1
fi
big="$work/big.jfr"
for _ in $(seq "$copies"); do cat "$src"; done > "$big"
size_mb=$(( $(stat -c %s "$big") / 1048576 ))
best_summary=999999; best_analyze=999999; heap=0; rss_summary=0; rss_analyze=0
best_floor=999999; best_user_floor=999999; best_touch=999999; best_user_touch=999999; best_inflate=999999; best_user_inflate=999999
min() { echo "$1 $2" | awk '{print ($1<$2)?$1:$2}'; }
for round in 1 2 3; do
  /usr/bin/time -f "%e %M %U" -o "$work/t1" "$JFR" summary "$big" >/dev/null
  read -r s1 m1 u1 < "$work/t1"
  /usr/bin/time -f "%e %M %U" -o "$work/tf" "$JAVA" -cp "$cp" dev.oxidizer.analyzer.JfrFloorBench "$big" >/dev/null
  read -r sf mf uf < "$work/tf"
  /usr/bin/time -f "%e %M %U" -o "$work/tt" "$JAVA" -cp "$cp" dev.oxidizer.analyzer.JfrFloorBench --touch "$big" >/dev/null
  read -r st mt ut < "$work/tt"
  /usr/bin/time -f "%e %M %U" -o "$work/ti" "$JAVA" -cp "$cp" dev.oxidizer.analyzer.JfrFloorBench --inflate "$big" > "$work/outi"
  read -r si mi ui < "$work/ti"
  echo "round $round: jdk.jfr floor ${sf}s wall ${uf}s user, with --touch ${st}s wall ${ut}s user, with --inflate ${si}s wall ${ui}s user (one thread) [$(grep -o 'cpu_s.*' "$work/outi")]"
  best_floor=$(min "$sf" "$best_floor"); best_user_floor=$(min "$uf" "$best_user_floor")
  best_touch=$(min "$st" "$best_touch"); best_user_touch=$(min "$ut" "$best_user_touch")
  best_inflate=$(min "$si" "$best_inflate"); best_user_inflate=$(min "$ui" "$best_user_inflate")
  /usr/bin/time -f "%e %M %U" -o "$work/t2" "$JAVA" -cp "$cp" dev.oxidizer.analyzer.bench.AnalyzeBench "$big" > "$work/out"
  read -r s2 m2 u2 < "$work/t2"
  h=$(sed -n 's/.*peak_heap_mb=\([0-9]*\).*/\1/p' "$work/out")
  echo "round $round: jfr summary ${s1}s wall ${u1}s user (max RSS $((m1/1024)) MB), analyze ${s2}s wall ${u2}s user (max RSS $((m2/1024)) MB, peak heap ${h} MB) [$(grep -o 'cpu_s.*' "$work/out")]"
  best_user_summary=$(echo "$u1 ${best_user_summary:-999999}" | awk '{print ($1<$2)?$1:$2}')
  best_user_analyze=$(echo "$u2 ${best_user_analyze:-999999}" | awk '{print ($1<$2)?$1:$2}')
  best_summary=$(echo "$s1 $best_summary" | awk '{print ($1<$2)?$1:$2}')
  best_analyze=$(echo "$s2 $best_analyze" | awk '{print ($1<$2)?$1:$2}')
  heap=$h; rss_summary=$((m1/1024)); rss_analyze=$((m2/1024))
done
ratio=$(echo "$best_analyze $best_summary" | awk '{printf "%.2f", $1/$2}')
echo "input: ${size_mb} MB ($copies copies of $(basename "$src"))"
user_ratio=$(echo "$best_user_analyze $best_user_summary" | awk '{printf "%.2f", $1/$2}')
echo "jfr summary: ${best_summary} s   analyze: ${best_analyze} s   ratio analyze/summary: ${ratio}x (target <= 2x)"
echo "CPU time (user): jfr summary ${best_user_summary} s   analyze ${best_user_analyze} s   ratio ${user_ratio}x"
echo "jdk.jfr floor (one thread): ${best_floor} s wall ${best_user_floor} s user ($(echo "$best_user_floor $best_user_summary" | awk '{printf "%.2f", $1/$2}')x summary's CPU); with --touch ${best_touch} s wall ${best_user_touch} s user ($(echo "$best_user_touch $best_user_summary" | awk '{printf "%.2f", $1/$2}')x); with --inflate ${best_inflate} s wall ${best_user_inflate} s user ($(echo "$best_user_inflate $best_user_summary" | awk '{printf "%.2f", $1/$2}')x)"
echo "analyzer peak heap: ${heap} MB; max RSS: analyze ${rss_analyze} MB, jfr summary ${rss_summary} MB"
# Bounded memory: the same analysis must complete in a 64 MB heap.
/usr/bin/time -f "%e %M %U" -o "$work/t3" "$JAVA" -Xmx64m -cp "$cp" dev.oxidizer.analyzer.bench.AnalyzeBench "$big" > "$work/out3"
read -r s3 m3 u3 < "$work/t3"
echo "with -Xmx64m: analyze ${s3} s wall, ${u3} s user, max RSS $((m3/1024)) MB [$(cat "$work/out3")]"
