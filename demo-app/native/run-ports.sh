#!/usr/bin/env bash
# Builds, checks and measures the hand-written Rust ports of the demo's four candidates.
#
# For every crate in this folder (or the ones named): 'oxidizer build' (cargo, release), the crate's
# Rust unit tests, javac of the generated wrapper + differential test + JMH benchmark against the demo's
# classes, the JUnit differential test (Java original against the port, through FFM), then the JMH
# benchmark (Java original and Rust through the generated wrapper, same inputs, same JMH run). Ends with
# a table: method, Java ns/op, Rust ns/op, speedup.
#
#   demo-app/native/run-ports.sh                       # all four crates
#   demo-app/native/run-ports.sh stats_summarize       # one crate
#   NO_BENCH=1 demo-app/native/run-ports.sh            # build and test only
#   JMH_OPTS='-f 1 -wi 5 -w 2s -i 10 -r 2s' demo-app/native/run-ports.sh
#   OXIDIZER_NO_BUILD=1 demo-app/native/run-ports.sh  # use the built CLI jar as is (see ./oxidizer)
#   JMH_IGNORE_LOCK=1 demo-app/native/run-ports.sh    # run even while another JMH holds /tmp/jmh.lock
#                                                      # (both then share the CPUs: noisier numbers)
#
# Needs: cargo, JDK 25 (found like ./maven does), Maven (only to fetch the JUnit/JMH jars once, and to
# build the demo's classes when demo-app/target/classes is missing). Exit status: 0 all passed, 1 a build,
# test or benchmark failed (its output is printed), 2 bad arguments.
# With all four crates it also runs probe/.../PortsCpuProbe: thread CPU time per call, Java and Rust in
# interleaved rounds, a steadier ratio than wall time on a machine shared with other work (NO_PROBE=1 skips).
# Compiled classes go to demo-app/native/.build/ (ignored by git).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
export OXIDIZER_MIN_JDK=25
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk || exit 1
java="$JAVA_HOME/bin/java"
javac="$JAVA_HOME/bin/javac"
jmh_opts=${JMH_OPTS:--f 1 -wi 3 -w 1s -i 5 -r 1s}

die() { echo "run-ports: $*" >&2; exit 1; }

crates=()
if [ $# -eq 0 ]; then
  for d in "$here"/*/; do [ -f "$d/Cargo.toml" ] && crates+=("$(basename "$d")"); done
else
  for c in "$@"; do
    [ -f "$here/$c/Cargo.toml" ] || { echo "run-ports: '$c' is not a crate folder under $here; expected one of: $(cd "$here" && ls -d */Cargo.toml | cut -d/ -f1 | tr '\n' ' ')" >&2; exit 2; }
    crates+=("$c")
  done
fi

# --- class path: the demo's classes and the JUnit / JMH jars from the local Maven repository ---------
demo_classes="$root/demo-app/target/classes"
if [ ! -f "$demo_classes/dev/oxidizer/demo/kernels/Stats.class" ]; then
  echo "== building demo-app classes"
  (cd "$root" && ./maven -B -q -o -pl demo-app install -DskipTests) || die "could not build demo-app"
fi
m2="${M2_REPO:-$HOME/.m2/repository}"
jar() { # groupId artifactId version -> path, fetched once with Maven when missing
  local p="$m2/${1//.//}/$2/$3/$2-$3.jar"
  if [ ! -f "$p" ]; then
    (cd "$root" && ./maven -B -q dependency:get -Dartifact="$1:$2:$3" >/dev/null) || die "cannot fetch $1:$2:$3"
  fi
  echo "$p"
}
junit=$(jar org.junit.platform junit-platform-console-standalone 1.14.1)
jmh_cp="$(jar org.openjdk.jmh jmh-core 1.37):$(jar net.sf.jopt-simple jopt-simple 5.0.4):$(jar org.apache.commons commons-math3 3.6.1)"
jmh_ap="$(jar org.openjdk.jmh jmh-generator-annprocess 1.37):$jmh_cp"

# --- per crate ---------------------------------------------------------------------------------------
results="$here/.build/results.tsv"
mkdir -p "$here/.build"
: > "$results"
for crate in "${crates[@]}"; do
  dir="$here/$crate"
  out="$here/.build/$crate"
  rm -rf "$out" && mkdir -p "$out/main" "$out/test" "$out/jmh"
  echo "== $crate: build (oxidizer build, cargo --release) and Rust unit tests"
  "$root/oxidizer" build "$dir" > "$out/build.log" 2>&1 || { cat "$out/build.log"; die "$crate: oxidizer build failed"; }
  (cd "$dir" && cargo test --offline --release --quiet > "$out/cargo-test.log" 2>&1) \
    || { cat "$out/cargo-test.log"; die "$crate: Rust unit tests failed"; }
  grep -h "^test result" "$out/cargo-test.log" | head -n1 | sed 's/^/   rust: /'

  echo "== $crate: javac (wrapper, differential test, benchmark; -Xlint:all -Werror)"
  resources="$dir/java/src/main/resources"
  cp_main="$demo_classes:$out/main:$resources"
  "$javac" -Xlint:all -Werror -d "$out/main" -cp "$demo_classes" \
    $(find "$dir/java/src/main/java" -name '*.java') || die "$crate: wrapper does not compile"
  "$javac" -Xlint:all -Werror -d "$out/test" -cp "$cp_main:$junit" \
    $(find "$dir/java/src/test/java" -name '*.java') || die "$crate: differential test does not compile"
  "$javac" -Xlint:all,-processing -Werror -d "$out/jmh" -cp "$cp_main:$out/test:$jmh_cp" -processorpath "$jmh_ap" \
    $(find "$dir/java/src/jmh/java" -name '*.java') || die "$crate: benchmark does not compile"

  echo "== $crate: differential test (Java original against the Rust port, through FFM)"
  test_class=$(cd "$dir/java/src/test/java" && find . -name '*DifferentialTest.java' | sed 's|^\./||; s|\.java$||; s|/|.|g')
  if ! "$java" --enable-native-access=ALL-UNNAMED -jar "$junit" execute --disable-banner --details=summary \
      --class-path "$cp_main:$out/test" --select-class "$test_class" > "$out/junit.log" 2>&1; then
    cat "$out/junit.log"; die "$crate: differential test failed"
  fi
  grep -E "tests (successful|failed)" "$out/junit.log" | tr -s ' ' | sed 's/^ *\[ */   junit: /; s/ *\] *$//'

  [ "${NO_BENCH:-}" = 1 ] && continue
  bench_class=$(cd "$dir/java/src/jmh/java" && find . -name '*Benchmark.java' | sed 's|^\./||; s|\.java$||; s|/|.|g')
  echo "== $crate: JMH $jmh_opts (Java and Rust, same inputs, same run)"
  # shellcheck disable=SC2086
  if ! "$java" --enable-native-access=ALL-UNNAMED ${JMH_IGNORE_LOCK:+-Djmh.ignoreLock=true} \
      -cp "$cp_main:$out/test:$out/jmh:$jmh_cp" org.openjdk.jmh.Main \
      "$bench_class" $jmh_opts -rf csv -rff "$out/jmh.csv" > "$out/jmh.log" 2>&1; then
    cat "$out/jmh.log"; die "$crate: benchmark failed"
  fi
  grep -E "^Benchmark|^[A-Za-z].*(java|rust) " "$out/jmh.log" | sed 's/^/   /'
  # CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
  awk -F, -v crate="$crate" 'NR > 1 { gsub(/"/, ""); n = split($1, p, "."); print crate "\t" p[n] "\t" $5 "\t" $6 }' \
    "$out/jmh.csv" >> "$results"
done

[ "${NO_BENCH:-}" = 1 ] && { echo "all differential tests passed (benchmarks skipped)"; exit 0; }

# --- CPU time per call, all four side by side (only when every crate was run) ------------------------
cpu_table=""
if [ ${#crates[@]} -eq 4 ] && [ "${NO_PROBE:-}" != 1 ]; then
  echo "== CPU time probe (thread CPU time, Java and Rust rounds interleaved in one JVM)"
  probe_cp="$demo_classes"
  for crate in "${crates[@]}"; do probe_cp="$probe_cp:$here/.build/$crate/main:$here/$crate/java/src/main/resources"; done
  mkdir -p "$here/.build/probe"
  "$javac" -Xlint:all -Werror -d "$here/.build/probe" -cp "$probe_cp" \
    "$here/probe/dev/oxidizer/demo/kernels/PortsCpuProbe.java" || die "the CPU time probe does not compile"
  cpu_table=$("$java" --enable-native-access=ALL-UNNAMED -cp "$probe_cp:$here/.build/probe" \
    dev.oxidizer.demo.kernels.PortsCpuProbe 7 1000 2>/dev/null) || die "the CPU time probe failed"
fi
echo
echo "Java original vs Rust port through the generated FFM wrapper, ns per call (JMH average time, ± 99.9 % CI);"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') on $(nproc 2>/dev/null || echo '?') CPUs — a shared machine gives noisy numbers."
awk -F'\t' '
  { score[$1 "/" $2] = $3; err[$1 "/" $2] = $4; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
  END {
    printf "%-26s %20s %20s %9s\n", "crate", "Java ns/op", "Rust ns/op", "speedup"
    for (i = 1; i <= n; i++) {
      c = order[i]; j = score[c "/java"]; r = score[c "/rust"]
      printf "%-26s %12.0f ± %5.0f %12.0f ± %5.0f %8.2fx\n", c, j, err[c "/java"], r, err[c "/rust"], (r > 0 ? j / r : 0)
    }
  }' "$results"
if [ -n "$cpu_table" ]; then
  echo
  echo "Thread CPU time per call (median of 7 interleaved rounds of 1000 calls; waiting for a CPU is not counted):"
  printf '%s\n' "$cpu_table" | awk -F'\t' '
    BEGIN { printf "%-33s %12s %12s %9s\n", "crate", "Java ns", "Rust ns", "speedup" }
    { printf "%-33s %12.0f %12.0f %8.2fx\n", $1, $2, $3, ($3 > 0 ? $2 / $3 : 0) }'
fi
