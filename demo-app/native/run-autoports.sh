#!/usr/bin/env bash
# Auto-ports the demo's four kernels ('oxidizer generate --auto'), builds them, runs their strict differential
# tests, and measures CPU time per call of the Java original, the hand-written port (this folder) and the
# auto-port side by side (probe/.../AutoPortsCpuProbe). Wrap in 'flock /work/bench.lock' on a shared machine.
#
#   demo-app/native/run-autoports.sh                 # all of it
#   NO_BENCH=1 demo-app/native/run-autoports.sh      # generate, build and test only
#   RUSTFLAGS='-C target-cpu=native' demo-app/native/run-autoports.sh   # the auto-ports built for this CPU
#
# Needs cargo, JDK 25 and the demo's classes (built with Maven when missing). Output under demo-app/native/.build/auto.
# Exit status: 0 passed, 1 a build or test failed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
export OXIDIZER_MIN_JDK=25
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk || exit 1
java="$JAVA_HOME/bin/java"
javac="$JAVA_HOME/bin/javac"
die() { echo "run-autoports: $*" >&2; exit 1; }

demo_classes="$root/demo-app/target/classes"
if [ ! -f "$demo_classes/dev/oxidizer/demo/kernels/Stats.class" ]; then
  (cd "$root" && ./maven -B -q -o -pl demo-app install -DskipTests) || die "could not build demo-app"
fi
m2="${M2_REPO:-$HOME/.m2/repository}"
junit="$m2/org/junit/platform/junit-platform-console-standalone/1.14.1/junit-platform-console-standalone-1.14.1.jar"
[ -f "$junit" ] || (cd "$root" && ./maven -B -q dependency:get -Dartifact=org.junit.platform:junit-platform-console-standalone:1.14.1 >/dev/null) \
  || die "cannot fetch the JUnit console launcher"

build="$here/.build/auto"
rm -rf "$build" && mkdir -p "$build/classes"
cp_all="$demo_classes:$build/classes"
# crate of the hand port -> method it ports, wrapper class of the auto-port
declare -A methods=(
  [query_tokenizer_tokenize]='dev.oxidizer.demo.kernels.QueryTokenizer#tokenize'
  [stats_summarize]='dev.oxidizer.demo.kernels.Stats#summarize'
  [payload_hash_xxh64]='dev.oxidizer.demo.kernels.PayloadHash#xxh64'
  [image_filter_box_blur3x3]='dev.oxidizer.demo.kernels.ImageFilter#boxBlur3x3'
)
declare -A classes=(
  [query_tokenizer_tokenize]=QueryTokenizerTokenizeAutoRust [stats_summarize]=StatsSummarizeAutoRust
  [payload_hash_xxh64]=PayloadHashXxh64AutoRust [image_filter_box_blur3x3]=ImageFilterBoxBlur3x3AutoRust
)
for crate in query_tokenizer_tokenize stats_summarize payload_hash_xxh64 image_filter_box_blur3x3; do
  auto="$build/${crate}_auto"
  echo "== $crate: oxidizer generate --auto, build"
  "$root/oxidizer" generate --auto --memory critical --classpath "$demo_classes" --method "${methods[$crate]}" \
    --crate-name "${crate}_auto" --java-class "${classes[$crate]}" -o "$auto" > "$build/$crate.gen.log" 2>&1 \
    || { cat "$build/$crate.gen.log"; die "$crate: auto-port refused"; }
  "$root/oxidizer" build "$auto" > "$build/$crate.build.log" 2>&1 || { cat "$build/$crate.build.log"; die "$crate: build failed"; }
  # the hand-written port, built as 'oxidizer build' does
  "$root/oxidizer" build "$here/$crate" > "$build/$crate.hand.log" 2>&1 || { cat "$build/$crate.hand.log"; die "$crate: hand port build failed"; }
  "$javac" -Xlint:all -Werror -d "$build/classes" -cp "$demo_classes" \
    $(find "$auto/java/src/main/java" "$here/$crate/java/src/main/java" -name '*.java') || die "$crate: wrappers do not compile"
  cp_all="$cp_all:$auto/java/src/main/resources:$here/$crate/java/src/main/resources"
  mkdir -p "$build/test-$crate"
  "$javac" -Xlint:all -Werror -d "$build/test-$crate" -cp "$cp_all:$junit" $(find "$auto/java/src/test/java" -name '*.java') \
    || die "$crate: differential test does not compile"
  echo "== $crate: strict differential test of the auto-port"
  "$java" --enable-native-access=ALL-UNNAMED -jar "$junit" execute --disable-banner --details=summary \
    --class-path "$cp_all:$build/test-$crate" --select-class "dev.oxidizer.demo.kernels.${classes[$crate]}DifferentialTest" \
    > "$build/$crate.junit.log" 2>&1 || { cat "$build/$crate.junit.log"; die "$crate: the auto-port failed its differential test"; }
  grep -E "tests (successful|failed)" "$build/$crate.junit.log" | tr -s ' ' | sed 's/^ *\[ */   junit: /; s/ *\] *$//'
done
[ "${NO_BENCH:-}" = 1 ] && exit 0
"$javac" -Xlint:all -Werror -d "$build/probe" -cp "$cp_all" "$here/probe/dev/oxidizer/demo/kernels/AutoPortsCpuProbe.java" \
  || die "the probe does not compile"
echo "== CPU time per call (median of interleaved rounds; load: $(cut -d' ' -f1-3 /proc/loadavg))"
"$java" --enable-native-access=ALL-UNNAMED -cp "$cp_all:$build/probe" dev.oxidizer.demo.kernels.AutoPortsCpuProbe "${ROUNDS:-9}" 1000 \
  2>/dev/null | awk -F'\t' '
  BEGIN { printf "%-26s %10s %10s %10s %9s %9s %10s %16s\n", "kernel", "Java ns", "hand ns", "auto ns", "hand x", "auto x", "auto/hand", "auto/hand range" }
  { printf "%-26s %10.0f %10.0f %10.0f %8.2fx %8.2fx %9.2fx %16s\n", $1, $2, $3, $4, $2 / $3, $2 / $4, $3 / $4, $5 }'
