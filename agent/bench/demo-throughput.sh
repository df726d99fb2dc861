#!/usr/bin/env bash
# Demo throughput with and without the agent (default options), measured in alternating runs (plain, agent,
# plain, agent, ...) so slow drifts of a shared machine hit both sides alike. Prints requests/s of each run
# and the loss ratio of the medians.
#   agent/bench/demo-throughput.sh [rounds=3] [seconds=20] [threads=2]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk
java="$JAVA_HOME/bin/java"
rounds=${1:-3}; seconds=${2:-20}; threads=${3:-2}
(cd "$root" && ./maven -B -q -pl agent,demo-app package -DskipTests)
agent=$(ls "$root"/agent/target/oxidizer-agent-*.jar | grep -v original | grep -v shaded | head -1)
demo=$(ls "$root"/demo-app/target/oxidizer-demo-app-*.jar | head -1)
out=$(mktemp -d "${TMPDIR:-/tmp}/oxidizer-demo-bench.XXXXXX")

rps() { # stderr file -> total requests per second, from the demo's throughput lines
  grep -oiE '([0-9.]+) *(req|requests)/s' "$1" | head -1 | grep -oE '[0-9.]+' | head -1
}
plain=(); agentv=()
for r in $(seq 1 "$rounds"); do
  "$java" -jar "$demo" --seconds "$seconds" --threads "$threads" >"$out/plain-$r.out" 2>"$out/plain-$r.err"
  "$java" -javaagent:"$agent"=output="$out/agent-$r.jfr" -jar "$demo" --seconds "$seconds" --threads "$threads" \
    >"$out/agent-$r.out" 2>"$out/agent-$r.err"
  cmp -s "$out/plain-$r.out" "$out/agent-$r.out" || { echo "stdout differs in round $r (see $out)" >&2; exit 1; }
  p=$(rps "$out/plain-$r.err"); a=$(rps "$out/agent-$r.err")
  echo "round $r: plain $p req/s, agent $a req/s" >&2
  plain+=("$p"); agentv+=("$a")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
mp=$(median "${plain[@]}"); ma=$(median "${agentv[@]}")
awk -v p="$mp" -v a="$ma" 'BEGIN { loss = (p - a) / p * 100;
  printf "demo throughput: plain %.1f req/s, agent %.1f req/s (medians), loss %.2f %% (target <= 3 %%: %s)\n",
         p, a, loss, (loss <= 3 ? "met" : "NOT met") }'
echo "runs: $out" >&2
