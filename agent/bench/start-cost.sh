#!/usr/bin/env bash
# What the agent's start costs: a hello-world program run plain, with JFR alone (-XX:StartFlightRecording), and under
# the agent with nothing included (and, given a second agent jar, under that one too, e.g. an older build), alternating
# the modes run after run; prints per mode the median and range of wall time and of process CPU (user + system).
#   agent/bench/start-cost.sh [runs=10] [other-agent.jar]
# Wrap it in `flock /work/bench.lock` on a shared machine.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk
java="$JAVA_HOME/bin/java"
runs=${1:-10}
other=${2:-}
agent=$(ls "$root"/agent/target/oxidizer-agent-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$agent" ] || { echo "start-cost.sh: no agent jar in agent/target; build it first (./maven -pl agent package -DskipTests)" >&2; exit 2; }
[ -z "$other" ] || [ -f "$other" ] || { echo "start-cost.sh: '$other' is not a file; accepted: the path of another agent jar" >&2; exit 2; }
out=$(mktemp -d "${TMPDIR:-/tmp}/oxidizer-start-cost.XXXXXX")
"$JAVA_HOME/bin/javac" -d "$out" "$here/start/Hello.java"
modes=("plain|" "jfr|-XX:StartFlightRecording:filename=$out/jfr.jfr" "agent|-javaagent:$agent=output=$out/agent.jfr,include=zz.nothing.**")
[ -z "$other" ] || modes+=("other|-javaagent:$other=output=$out/other.jfr,include=zz.nothing.**")
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs per mode, alternating"
for ((i = 1; i <= runs; i++)); do
  for m in "${modes[@]}"; do
    IFS='|' read -r name opt <<<"$m"
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    /usr/bin/time -f '%U %S' -o "$out/cpu" "$java" $opt -cp "$out" Hello >/dev/null 2>"$out/err"
    echo "$name $(( ($(date +%s%N) - t0) / 1000000 )) $(tail -1 "$out/cpu" | awk '{printf "%d", ($1 + $2) * 1000}')" >>"$out/times"
  done
done
# median and range of column $2 of "name value" lines
stats() { sort -n | awk '{v[NR] = $1} END {printf "%5d ms (%d-%d)", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR]}'; }
for m in "${modes[@]}"; do
  name=${m%%|*}
  printf '%-6s wall %s   CPU %s\n' "$name" "$(awk -v n="$name" '$1 == n {print $2}' "$out/times" | stats)" \
    "$(awk -v n="$name" '$1 == n {print $3}' "$out/times" | stats)"
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg); runs in $out"
