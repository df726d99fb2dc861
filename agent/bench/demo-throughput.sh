#!/usr/bin/env bash
# Demo throughput with and without the agent (default options), measured in alternating runs (plain, agent,
# plain, agent, ...) so slow drifts of a shared machine hit both sides alike. Prints, per run, the requests/s of
# the whole run and of its steady state (after the warm-up: JIT compilation, the agent's and JFR's start-up),
# then the loss of the medians of each. A short run measures mostly start-up; a service lives in the steady state.
# Also the process's CPU time per request in the steady state (all threads: the agent's, JFR's and the JIT's
# included), which other tenants' steal on a shared VM does not move. The demo keeps about one of the two cores
# busy (its workers also wait on sleeps, a socket and a queue), so requests/s follows each request's latency and
# the CPU figure is the agent's total work per request, not the same number as the throughput loss.
#   agent/bench/demo-throughput.sh [rounds=3] [seconds=40] [threads=2] [warmup=seconds/2] [extra agent options]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk
java="$JAVA_HOME/bin/java"
rounds=${1:-3}; seconds=${2:-40}; threads=${3:-2}; warmup=${4:-$((seconds / 2))}; extra=${5:-}
(cd "$root" && ./maven -B -q -pl agent,demo-app package -DskipTests)
agent=$(ls "$root"/agent/target/oxidizer-agent-*.jar | grep -v original | grep -v shaded | head -1)
demo=$(ls "$root"/demo-app/target/oxidizer-demo-app-*.jar | head -1)
out=$(mktemp -d "${TMPDIR:-/tmp}/oxidizer-demo-bench.XXXXXX")

whole() { grep -oE '\(([0-9.]+) requests/s\)' "$1" | grep -oE '[0-9.]+' | head -1; }
steady() { grep -oE 'warm-up: ([0-9.]+) requests/s' "$1" | grep -oE '[0-9.]+' | head -1; }
cpu() { grep -oE '([0-9.]+) us of process CPU per request' "$1" | grep -oE '^[0-9.]+' | head -1; }
pw=(); aw=(); ps=(); as=(); pc=(); ac=()
for r in $(seq 1 "$rounds"); do
  args=(-jar "$demo" --seconds "$seconds" --threads "$threads" --warmup "$warmup")
  "$java" "${args[@]}" >"$out/plain-$r.out" 2>"$out/plain-$r.err"
  "$java" -javaagent:"$agent"=output="$out/agent-$r.jfr"${extra:+,$extra} "${args[@]}" >"$out/agent-$r.out" 2>"$out/agent-$r.err"
  cmp -s "$out/plain-$r.out" "$out/agent-$r.out" || { echo "stdout differs in round $r (see $out)" >&2; exit 1; }
  pw+=("$(whole "$out/plain-$r.err")"); aw+=("$(whole "$out/agent-$r.err")")
  ps+=("$(steady "$out/plain-$r.err")"); as+=("$(steady "$out/agent-$r.err")")
  pc+=("$(cpu "$out/plain-$r.err")"); ac+=("$(cpu "$out/agent-$r.err")")
  echo "round $r: whole run plain ${pw[-1]} agent ${aw[-1]} req/s; after ${warmup} s plain ${ps[-1]} agent ${as[-1]} req/s, CPU per request plain ${pc[-1]} agent ${ac[-1]} us (load $(cut -d' ' -f1 /proc/loadavg))" >&2
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
report() { # label plain agent
  awk -v l="$1" -v p="$2" -v a="$3" 'BEGIN { loss = (p - a) / p * 100;
    printf "demo throughput, %s: plain %.1f req/s, agent %.1f req/s (medians), loss %.2f %% (target <= 3 %%: %s)\n",
           l, p, a, loss, (loss <= 3 ? "met" : "NOT met") }'
}
report "whole ${seconds} s run" "$(median "${pw[@]}")" "$(median "${aw[@]}")"
report "steady state (after ${warmup} s)" "$(median "${ps[@]}")" "$(median "${as[@]}")"
awk -v p="$(median "${pc[@]}")" -v a="$(median "${ac[@]}")" 'BEGIN {
  printf "demo CPU per request, steady state: plain %.1f us, agent %.1f us (medians), %+.1f %%\n", p, a, (a / p - 1) * 100 }'
echo "runs: $out" >&2
