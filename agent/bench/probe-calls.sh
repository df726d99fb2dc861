#!/usr/bin/env bash
# Which of the probes' rare paths C2 compiled as calls into the demo's methods. A call inside an application's
# hot method costs it more than the call's own time: HotSpot keeps no value in a register across a call, and C2's
# allocator may keep a loop's values on the stack because of one (docs/performance.md). Runs the demo under the
# agent with -XX:CompileCommand=PrintInlining for the demo's classes and counts, over the inlining trees:
# the thread-state lookups inlined (Probe::state, "inline (hot)"), and the calls to the rare paths that C2
# parsed (a path C2 compiled as a trap does not appear): Probe::claim (the thread-local fallback),
# ThreadState::grow (counts array too small), ThreadState::record's helpers (the timed path, expected).
#   agent/bench/probe-calls.sh [seconds=30] [agent jar=the built one]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk
seconds=${1:-30}; agent=${2:-}
(cd "$root" && ./maven -B -q -pl agent,demo-app package -DskipTests)
[ -n "$agent" ] || agent=$(ls "$root"/agent/target/oxidizer-agent-*.jar | grep -v original | grep -v shaded | head -1)
demo=$(ls "$root"/demo-app/target/oxidizer-demo-app-*.jar | head -1)
out=$(mktemp -d "${TMPDIR:-/tmp}/oxidizer-probe-calls.XXXXXX")
"$JAVA_HOME/bin/java" -javaagent:"$agent"=output="$out/demo.jfr" -XX:+UnlockDiagnosticVMOptions \
  -XX:CompileCommand=quiet '-XX:CompileCommand=PrintInlining,dev.oxidizer.demo.*::*' \
  -jar "$demo" --seconds "$seconds" --threads 2 --warmup $((seconds / 2)) >"$out/inlining.txt" 2>"$out/demo.err"
count() { grep -cE "$1" "$out/inlining.txt" || true; }
echo "thread-state lookups inlined by C2:        $(count 'Probe::state \(.*inline \(hot\)')"
echo "calls to Probe::claim compiled in:         $(count 'Probe::claim .*failed to inline')"
echo "calls to ThreadState::grow compiled in:    $(count 'ThreadState::grow .*failed to inline')"
echo "timed paths inlined (ThreadState::record): $(count 'ThreadState::record .*inline \(hot\)')"
echo "inlining trees: $out/inlining.txt" >&2
