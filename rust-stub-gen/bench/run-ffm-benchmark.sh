#!/usr/bin/env bash
# FFM overhead benchmark of the generated wrappers, side by side with hand-written minimal downcalls, one JMH run.
# Prints each pair's ratio (generated / hand-written; target <= 1.1) and critical vs non-critical for a trivial call.
# Usage: rust-stub-gen/bench/run-ffm-benchmark.sh [extra JMH options, e.g. -wi 2 -i 3]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$root/rust-stub-gen/target/ffm-bench"
cd "$root"
./maven -B -q -pl rust-stub-gen test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
. "$root/bin/find-jdk.sh"; oxidizer_find_jdk
cp="$root/rust-stub-gen/target/classes:$root/rust-stub-gen/target/test-classes:$(cat "$work/cp.txt")"
"$JAVA_HOME/bin/java" -cp "$cp" dev.oxidizer.stubgen.bench.PrepareBenchmark "$work" "$root/rust-stub-gen/target/test-classes"
src=$(find "$work"/bench_*/java/src/main/java -name '*.java'; find "$here/src" -name '*.java')
rm -rf "$work/classes"; mkdir -p "$work/classes"
proc=$(tr ':' '\n' < "$work/cp.txt" | grep -E 'jmh-(generator-annprocess|core)|jopt|commons-math3' | paste -sd:)
"$JAVA_HOME/bin/javac" -Xlint:all,-processing -Werror -d "$work/classes" -cp "$cp" -processorpath "$proc" $src
rm -f "$work/result.csv"
props=""
for c in bench_add_critical bench_add_arena bench_sum_critical bench_sum_arena; do
  props="$props -Doxidizer.$c.library=$work/$c/target/release/lib$c.so"
done
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" $props --enable-native-access=ALL-UNNAMED -cp "$work/classes:$cp" org.openjdk.jmh.Main \
  -jvmArgsAppend "$props --enable-native-access=ALL-UNNAMED" -rf csv -rff "$work/result.csv" "$@" 'FfmOverheadBenchmark' | tee "$work/jmh.txt" | grep -E '^(Benchmark|FfmOverhead)' || true
if [ ! -s "$work/result.csv" ]; then
  echo "run-ffm-benchmark: JMH produced no results (another JMH run holding /tmp/jmh.lock?); see $work/jmh.txt" >&2
  tail -5 "$work/jmh.txt" >&2
  exit 1
fi
awk -F, 'NR>1 { gsub(/"/,""); split($1,n,"."); s[n[length(n)]]=$5 } END {
  printf "\n%-40s %10s %10s %8s\n", "pair (generated vs hand-written)", "gen ns", "raw ns", "ratio";
  printf "%-40s %10.2f %10.2f %8.3f\n", "add, critical(false)", s["addGeneratedCritical"], s["addRawCritical"], s["addGeneratedCritical"]/s["addRawCritical"];
  printf "%-40s %10.2f %10.2f %8.3f\n", "add, no critical option", s["addGeneratedPlain"], s["addRawPlain"], s["addGeneratedPlain"]/s["addRawPlain"];
  printf "%-40s %10.2f %10.2f %8.3f\n", "sum 1000 doubles, critical heap segment", s["sumGeneratedCritical"], s["sumRawCritical"], s["sumGeneratedCritical"]/s["sumRawCritical"];
  printf "%-40s %10.2f %10.2f %8.3f\n", "sum 1000 doubles, arena copy", s["sumGeneratedArena"], s["sumRawArenaCopy"], s["sumGeneratedArena"]/s["sumRawArenaCopy"];
  printf "\n%-40s %10.2f ns vs %.2f ns (ratio %.3f)\n", "trivial call: critical vs plain (raw)", s["addRawCritical"], s["addRawPlain"], s["addRawCritical"]/s["addRawPlain"];
  printf "%-40s %10.2f ns vs %.2f ns (ratio %.3f)\n", "trivial call: critical vs plain (generated)", s["addGeneratedCritical"], s["addGeneratedPlain"], s["addGeneratedCritical"]/s["addGeneratedPlain"];
  printf "%-40s %10.2f ns (Java) vs %.2f ns (Rust, critical)\n", "sum 1000 doubles", s["sumJava"], s["sumGeneratedCritical"];
}' "$work/result.csv"
