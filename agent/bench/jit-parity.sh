#!/usr/bin/env bash
# Does the agent cost any method its C2 compilation, change the output, or slow the program beyond 1.10x? Runs
# third-party programs with huge and generated methods (agent/bench/parity: Rhino interpreting JavaScript, Rhino
# compiling JavaScript to bytecode, JavaParser's JavaCC-generated parser) plain and under the agent with their whole
# packages included, alternating plain/agent, each with -XX:+PrintCompilation, and prints per program:
#   - C2-compiled methods of the instrumented packages: those C2 compiled in every plain run ("stable"), and those of
#     them C2 did not compile in some agent run (named, with how many agent runs missed them). A lambda's hidden class
#     is named without its address, so the lambdas of one class count as one name. A method missed here may still run
#     C2 code inlined into its callers; a missed method that stayed at tier 2 or 3 usually means C2's queue was long;
#   - whether the output (a checksum) is the same in every run;
#   - the steady-state time ratio agent/plain (second half of each run, as the program measures it) and the whole-run
#     wall-time ratio (JVM start to exit, the agent's start included): median and range.
#   agent/bench/jit-parity.sh [pairs=2] [rhino rounds=200] [parse rounds=2]
# Wrap it in `flock /work/bench.lock` on a shared machine.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk
java="$JAVA_HOME/bin/java"
pairs=${1:-2}
rhino_rounds=${2:-200}
parse_rounds=${3:-2}
[ -n "${SKIP_BUILD:-}" ] || (cd "$root" && ./maven -B -q -pl agent package -DskipTests && ./maven -B -q -f agent/bench/parity/pom.xml package)
agent=$(ls "$root"/agent/target/oxidizer-agent-*.jar | grep -v original | head -1)
cp="$here/parity/target/oxidizer-agent-parity-0.1.0-SNAPSHOT.jar:$here/parity/target/lib/*"
out=$(mktemp -d "${TMPDIR:-/tmp}/oxidizer-jit-parity.XXXXXX")
src_zip="$JAVA_HOME/lib/src.zip"

# name | include globs | main and arguments | package regex (as PrintCompilation prints class names)
programs=(
  "rhino-interpreted|include=org.mozilla.javascript.**|dev.oxidizer.bench.parity.RhinoRun interpreted $rhino_rounds|org\.mozilla\.javascript\."
  "rhino-compiled|include=org.mozilla.javascript.**|dev.oxidizer.bench.parity.RhinoRun compiled $rhino_rounds|org\.mozilla\.javascript\."
  "javaparser|include=com.github.javaparser.**|dev.oxidizer.bench.parity.ParseRun $src_zip $parse_rounds|com\.github\.javaparser\."
)

# Methods at tier 4 (normal or OSR), one per line, from a PrintCompilation log.
c2_methods() {
  grep -E '^ *[0-9]+ +[0-9]+ +[%sbn!]* +4 ' "$1" | grep -v 'made not entrant' \
    | sed -E 's/^ *[0-9]+ +[0-9]+ +[%sbn!]* +4 +([^ ]+).*/\1/; s#\$\$Lambda/0x[0-9a-f]+#$$Lambda#' | sort -u
}

# Ratios of "agent plain" pairs given as arguments: median and range.
median_range() {
  printf '%s\n' "$@" | awk '{printf "%.3f\n", $1 / $2}' | sort -n \
    | awk '{r[NR] = $1} END {printf "median %.3f, range %.3f-%.3f over %d pairs", (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2), r[1], r[NR], NR}'
}

echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for p in "${programs[@]}"; do
  IFS='|' read -r name include main pkg <<<"$p"
  ratios=()
  walls=()
  for ((i = 1; i <= pairs; i++)); do
    for mode in plain agent; do
      log="$out/$name-$mode-$i.log"
      # PrintCompilation writes to stdout; the programs print their results to stderr, so neither splits the other's lines
      t0=$(date +%s%N)
      if [ "$mode" = plain ]; then
        "$java" -XX:+PrintCompilation -cp "$cp" $main >"$log" 2>"$log.err"
      else
        "$java" -XX:+PrintCompilation -javaagent:"$agent"="output=$out/$name-$i.jfr,$include" -cp "$cp" $main >"$log" 2>"$log.err"
      fi
      echo $(( ($(date +%s%N) - t0) / 1000000 )) >"$log.wall"
      grep -E '^(checksum|files) ' "$log.err" >"$log.result"
      c2_methods "$log" | grep -E "^$pkg" >"$log.c2" || true
    done
    ratios+=("$(awk '/^steady_ms/{print $2}' "$out/$name-agent-$i.log.err") $(awk '/^steady_ms/{print $2}' "$out/$name-plain-$i.log.err")")
    walls+=("$(cat "$out/$name-agent-$i.log.wall") $(cat "$out/$name-plain-$i.log.wall")")
  done
  # stable: C2-compiled in every plain run
  cat "$out/$name"-plain-*.log.c2 | sort | uniq -c | awk -v n="$pairs" '$1 == n {print $2}' >"$out/$name.stable"
  stable=$(wc -l <"$out/$name.stable")
  missed=$(for f in "$out/$name"-agent-*.log.c2; do comm -23 "$out/$name.stable" "$f"; done | sort | uniq -c | sort -rn)
  same=yes
  for f in "$out/$name"-*.log.result; do cmp -s "$f" "$out/$name-plain-1.log.result" || same=no; done
  ratio_line=$(median_range "${ratios[@]}")
  wall_line=$(median_range "${walls[@]}")
  plain_wall=$(cat "$out/$name"-plain-*.log.wall | sort -n | awk '{w[NR] = $1} END {printf "%d-%d ms", w[1], w[NR]}')
  echo "== $name: same output: $same; C2-compiled methods of the instrumented packages in every plain run: $stable;" \
    "missed under the agent: $(printf '%s' "$missed" | grep -c . || true); steady-state time agent/plain $ratio_line;" \
    "whole run agent/plain $wall_line (plain runs $plain_wall)"
  [ -z "$missed" ] || printf '%s\n' "$missed" | sed 's/^/   missed in N agent runs: /'
done
echo "runs: $out (load at end $(cut -d' ' -f1-3 /proc/loadavg))"
