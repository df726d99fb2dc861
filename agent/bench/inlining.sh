#!/usr/bin/env bash
# What the probes do to C2's inlining: runs the library service (workloads/, its library packages instrumented) plain
# and under the agent with -XX:+PrintInlining, and counts C2's inlining decisions that name a size limit: "hot
# method too big" (a hot call site whose callee is larger than FreqInlineSize), "too big" (MaxInlineSize at a call
# site that is not hot) and "already compiled into a big method" (InlineSmallCode), per run and for the methods of
# the instrumented packages only. Build first with library-overhead.sh (or SKIP_BUILD unset here builds).
#   agent/bench/inlining.sh [requests per thread=200]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk
java="$JAVA_HOME/bin/java"
requests=${1:-200}
[ -n "${SKIP_BUILD:-}" ] || (cd "$root" && ./maven -B -q -pl agent package -DskipTests && ./maven -B -q -f agent/bench/workloads/pom.xml package)
agent=$(ls "$root"/agent/target/oxidizer-agent-*.jar | grep -v original | head -1)
cp="$here/workloads/target/oxidizer-agent-workloads-0.1.0-SNAPSHOT.jar:$here/workloads/target/lib/*"
out=$(mktemp -d "${TMPDIR:-/tmp}/oxidizer-inlining.XXXXXX")
includes="include=dev.oxidizer.bench.lib.**,include=org.bouncycastle.**,include=org.apache.commons.compress.**"
includes="$includes,include=org.apache.commons.math3.**,include=com.fasterxml.jackson.**,include=org.tukaani.xz.**"
opts=(-XX:+UnlockDiagnosticVMOptions -XX:+PrintInlining -XX:-TieredCompilation)
"$java" "${opts[@]}" -cp "$cp" dev.oxidizer.bench.lib.LibraryService 2 "$requests" >"$out/plain.out" 2>&1
"$java" "${opts[@]}" -javaagent:"$agent"="output=$out/agent.jfr,$includes" -cp "$cp" \
  dev.oxidizer.bench.lib.LibraryService 2 "$requests" >"$out/agent.out" 2>&1
libs='org[.:/]bouncycastle|org[.:/]apache[.:/]commons[.:/](compress|math3)|com[.:/]fasterxml[.:/]jackson|org[.:/]tukaani'
count() { grep -E "$libs" "$1" | grep -c "$2" || true; }
printf '%-40s %10s %10s\n' "C2 inlining decision (library callees)" plain agent
for reason in "inline (hot)" "hot method too big" "too big" "already compiled into a big method" "callee is too large"; do
  printf '%-40s %10s %10s\n' "$reason" "$(count "$out/plain.out" "$reason")" "$(count "$out/agent.out" "$reason")"
done
echo "runs: $out (load $(cut -d' ' -f1-3 /proc/loadavg))"
