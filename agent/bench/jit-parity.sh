#!/usr/bin/env bash
# Does the agent cost any method its C2 compilation, change the output, or slow the program beyond 1.10x? Runs
# third-party programs with huge and generated methods (agent/bench/parity: Rhino interpreting JavaScript, Rhino
# compiling JavaScript to bytecode, JavaParser's JavaCC-generated parser) plain and under the agent with their whole
# packages included, alternating plain/agent, each with -XX:+PrintCompilation, and prints per program:
#   - C2-compiled methods of the instrumented packages: those C2 compiled in every plain run ("stable"), and those of
#     them C2 did not compile in some agent run (named, with how many agent runs missed them). A lambda's hidden class
#     is named without its address, so the lambdas of one class count as one name. A method missed here may still run
#     C2 code inlined into its callers; a missed method that stayed at tier 2 or 3 usually means C2's queue was long;
#   - the noise floor of that count, since C2's choices vary from run to run without any agent: for each pair i, the
#     methods C2 compiled in every other plain run, and how many of them plain run i and agent run i each missed
#     (mean per run; needs pairs >= 3, so that "every other plain run" is at least two runs);
#   - whether the output (a checksum) is the same in every run;
#   - the steady-state time ratio agent/plain (second half of each run, as the program measures it) and the whole-run
#     wall-time ratio (JVM start to exit, the agent's start included): median and range;
#   - the whole run's measured CPU overhead (process user+sys CPU agent/plain - 1, per pair) against the overhead
#     `oxidizer analyze` states for the agent's recording (agentOverhead.fractionOfApplicationCpu), and their ratio.
#     Needs the built CLI (./maven -pl cli -am install); without it the stated column says "n/a".
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
  cpus=()
  for ((i = 1; i <= pairs; i++)); do
    for mode in plain agent; do
      log="$out/$name-$mode-$i.log"
      # PrintCompilation writes to stdout; the programs print their results to stderr, so neither splits the other's lines
      t0=$(date +%s%N)
      if [ "$mode" = plain ]; then
        /usr/bin/time -f '%U %S' -o "$log.cpu" "$java" -XX:+PrintCompilation -cp "$cp" $main >"$log" 2>"$log.err"
      else
        /usr/bin/time -f '%U %S' -o "$log.cpu" "$java" -XX:+PrintCompilation \
          -javaagent:"$agent"="output=$out/$name-$i.jfr,$include" -cp "$cp" $main >"$log" 2>"$log.err"
      fi
      echo $(( ($(date +%s%N) - t0) / 1000000 )) >"$log.wall"
      grep -E '^(checksum|files) ' "$log.err" >"$log.result"
      c2_methods "$log" | grep -E "^$pkg" >"$log.c2" || true
    done
    ratios+=("$(awk '/^steady_ms/{print $2}' "$out/$name-agent-$i.log.err") $(awk '/^steady_ms/{print $2}' "$out/$name-plain-$i.log.err")")
    walls+=("$(cat "$out/$name-agent-$i.log.wall") $(cat "$out/$name-plain-$i.log.wall")")
    stated=n/a
    if OXIDIZER_NO_BUILD=1 "$root/oxidizer" analyze "$out/$name-$i.jfr" -o "$out/$name-$i.json" --quiet \
        >/dev/null 2>"$out/$name-$i.analyze.err"; then
      stated=$(python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["agentOverhead"].get("fractionOfApplicationCpu")
print("n/a" if f is None else f)' "$out/$name-$i.json")
    fi
    cpus+=("$(awk '{print $1 + $2}' "$out/$name-agent-$i.log.cpu") $(awk '{print $1 + $2}' "$out/$name-plain-$i.log.cpu") $stated")
  done
  # noise floor: for pair i, the methods C2 compiled in every other plain run, missed by plain run i and agent run i
  floor=""
  if ((pairs >= 3)); then
    pm=0; am=0
    for ((i = 1; i <= pairs; i++)); do
      for ((j = 1; j <= pairs; j++)); do ((j == i)) || cat "$out/$name-plain-$j.log.c2"; done | sort | uniq -c \
        | awk -v n=$((pairs - 1)) '$1 == n {print $2}' >"$out/$name.stable-$i"
      pm=$((pm + $(comm -23 "$out/$name.stable-$i" "$out/$name-plain-$i.log.c2" | wc -l)))
      am=$((am + $(comm -23 "$out/$name.stable-$i" "$out/$name-agent-$i.log.c2" | wc -l)))
    done
    floor=$(awk -v pm="$pm" -v am="$am" -v n="$pairs" 'BEGIN {printf "%.1f by a plain run, %.1f by an agent run", pm / n, am / n}')
  fi
  # stable: C2-compiled in every plain run
  cat "$out/$name"-plain-*.log.c2 | sort | uniq -c | awk -v n="$pairs" '$1 == n {print $2}' >"$out/$name.stable"
  stable=$(wc -l <"$out/$name.stable")
  missed=$(for f in "$out/$name"-agent-*.log.c2; do comm -23 "$out/$name.stable" "$f"; done | sort | uniq -c | sort -rn)
  same=yes
  for f in "$out/$name"-*.log.result; do cmp -s "$f" "$out/$name-plain-1.log.result" || same=no; done
  ratio_line=$(median_range "${ratios[@]}")
  wall_line=$(median_range "${walls[@]}")
  plain_wall=$(cat "$out/$name"-plain-*.log.wall | sort -n | awk '{w[NR] = $1} END {printf "%d-%d ms", w[1], w[NR]}')
  cpu_line=$(printf '%s\n' "${cpus[@]}" | awk '{m = ($1 / $2 - 1) * 100; s = ($3 == "n/a" ? "n/a" : sprintf("%.1f", $3 * 100));
      printf "%s%.1f %% measured, %s %% stated (%s)", (NR > 1 ? "; " : ""), m, s, ($3 == "n/a" || m <= 0 ? "n/a" : sprintf("%.2f", $3 * 100 / m))}')
  echo "== $name: same output: $same; C2-compiled methods of the instrumented packages in every plain run: $stable;" \
    "missed under the agent: $(printf '%s' "$missed" | grep -c . || true); steady-state time agent/plain $ratio_line;" \
    "whole run agent/plain $wall_line (plain runs $plain_wall)"
  [ -z "$floor" ] || echo "   missed per run, of the methods C2 compiled in every other plain run (noise floor): $floor"
  echo "   whole-run CPU overhead per pair: $cpu_line"
  [ -z "$missed" ] || printf '%s\n' "$missed" | sed 's/^/   missed in N agent runs: /'
done
echo "runs: $out (load at end $(cut -d' ' -f1-3 /proc/loadavg))"
