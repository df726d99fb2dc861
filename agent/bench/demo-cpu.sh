#!/usr/bin/env bash
# Where the agent's CPU goes in the demo's steady state: samples the whole process with `perf record -e cpu-clock`
# (a software clock: it works in VMs without hardware counters) over the steady-state window of plain and agent
# runs, alternating, and prints CPU microseconds per request by part: the application's compiled code (probes
# included, as they are inlined into it), the JIT compilers, JFR's stack walks on the application's threads (the
# wait events and allocation samples the agent's recording asks for), JFR's sampler thread, the agent's flusher,
# the kernel, and the rest of the JVM. CPU time is not the throughput (docs/performance.md); it says which part
# of the agent costs what. Needs perf (Debian: linux-perf) and kernel.perf_event_paranoid <= 2.
#   agent/bench/demo-cpu.sh [rounds=2] [seconds=60] [warmup=seconds*2/3] [agent jar=the built one]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk
command -v perf >/dev/null || { echo "demo-cpu.sh: perf not found; install linux-perf" >&2; exit 2; }
rounds=${1:-2}; seconds=${2:-60}; warmup=${3:-$((seconds * 2 / 3))}; agent=${4:-}
hz=1000
window=$((seconds - warmup - 3))
[ "$window" -ge 5 ] || { echo "demo-cpu.sh: need at least 8 s after the warm-up (seconds - warmup)" >&2; exit 2; }
(cd "$root" && ./maven -B -q -pl agent,demo-app package -DskipTests)
[ -n "$agent" ] || agent=$(ls "$root"/agent/target/oxidizer-agent-*.jar | grep -v original | grep -v shaded | head -1)
demo=$(ls "$root"/demo-app/target/oxidizer-demo-app-*.jar | head -1)
out=$(mktemp -d "${TMPDIR:-/tmp}/oxidizer-demo-cpu.XXXXXX")

run() { # label round [agent options]
  local label=$1 r=$2 opts=(-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit)
  [ "$label" = agent ] && opts+=(-javaagent:"$agent"=output="$out/agent-$r.jfr")
  "$JAVA_HOME/bin/java" "${opts[@]}" -jar "$demo" --seconds "$seconds" --threads 2 --warmup "$warmup" \
    >"$out/$label-$r.out" 2>"$out/$label-$r.err" &
  local pid=$!
  sleep $((warmup + 1))
  perf record -e cpu-clock -F "$hz" -p "$pid" -o "$out/$label-$r.data" -- sleep "$window" >/dev/null 2>&1
  wait "$pid"
  local rate; rate=$(grep -oE 'warm-up: ([0-9.]+) requests/s' "$out/$label-$r.err" | grep -oE '[0-9.]+' | head -1)
  perf report -i "$out/$label-$r.data" --no-children --sort comm,dso,sym -q -n -t '|' 2>/dev/null |
    awk -F'|' -v rate="$rate" -v hz="$hz" -v w="$window" -v label="$label" -v r="$r" '
      { n = $2 + 0; comm = $3; dso = $4; sym = $5
        if (comm ~ /C[12] CompilerThre/) c = "JIT compilers"
        else if (comm ~ /JFR Sampler/) c = "JFR sampler thread"
        else if (comm ~ /JFR|Jfr/) c = "JFR other threads"
        else if (comm ~ /oxidizer/) c = "agent flusher"
        else if (sym ~ /Jfr|vframeStream|find_blob|PcDesc|pc_desc|ScopeDesc|Method::klass_name|frame::sender/) c = "JFR stack walks, app threads"
        else if (dso ~ /JIT/) c = "app compiled code + probes"
        else if (dso ~ /kernel/) c = "kernel"
        else c = "JVM, libc, other"
        s[c] += n; t += n }
      END { for (k in s) printf "%s|%s|%s|%.2f\n", label, r, k, s[k] / hz / (rate * w) * 1e6
            printf "%s|%s|%s|%.2f\n", label, r, "total", t / hz / (rate * w) * 1e6 }' >>"$out/parts.txt"
  echo "round $r $label: $rate req/s after the warm-up" >&2
}
for r in $(seq 1 "$rounds"); do run plain "$r"; run agent "$r"; done
# Medians per part and side, then the difference.
awk -F'|' '{ v[$3 "|" $1] = v[$3 "|" $1] " " $4; parts[$3] = 1 }
  function med(list,   a, n, i, j, x) { n = split(list, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END { for (p in parts) { a = med(v[p "|agent"]); b = med(v[p "|plain"]); printf "%-32s %10.2f %10.2f %+10.2f\n", p, b, a, a - b } }' \
  "$out/parts.txt" | sort >"$out/table.txt"
printf "%-32s %10s %10s %10s\n" "CPU us per request (medians)" plain agent agent-plain
grep -v '^total ' "$out/table.txt"; grep '^total ' "$out/table.txt"
echo "runs: $out" >&2
