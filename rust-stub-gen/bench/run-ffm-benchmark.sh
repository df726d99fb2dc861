#!/usr/bin/env bash
# FFM overhead benchmark of the generated wrappers, side by side with hand-written minimal downcalls into the same
# libraries (FfmOverheadBenchmark). PairedForkRunner measures each pair in many short forks, both sides side by side
# in time (default: one JVM per pair alternating ~100 us blocks of the two; --method jmh: one JMH fork per side, back
# to back), order alternated between rounds, and prints per round and overall the ratio generated / hand-written with
# its median, a 95 % confidence interval and met / not met / not settled against the 1.1x target; also critical vs
# non-critical for a trivial call. Default: 12 rounds x 4 pairs, about 4 minutes on 2 cores.
# Usage: rust-stub-gen/bench/run-ffm-benchmark.sh [--method interleaved|jmh] [--rounds N] [--pairs add|sum|all|control]
#        [--warmup-ms MS] [--measure-ms MS] [--jmh-warmup N] [--jmh-iterations N] [--target X]
# For numbers you report, run it under the shared lock: flock /tmp/oxidizer-bench.lock rust-stub-gen/bench/run-ffm-benchmark.sh
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
props=""
for c in bench_add_critical bench_add_arena bench_sum_critical bench_sum_arena; do
  props="$props -Doxidizer.$c.library=$work/$c/target/release/lib$c.so"
done
echo "load before: $(cat /proc/loadavg)"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" $props --sun-misc-unsafe-memory-access=allow -cp "$work/classes:$cp" dev.oxidizer.stubgen.bench.PairedForkRunner "$@" | tee "$work/paired.txt"
echo "load after: $(cat /proc/loadavg)"
