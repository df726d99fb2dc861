#!/usr/bin/env bash
# A demo kernel's time per call, plain and under the agent (default options, the kernels package instrumented), in
# alternating JVMs; prints every fork and the medians. The kernels' loops are where call-site counting and the
# probes cost most (docs/performance.md, "Back-edge checks of call-site counts").
#   agent/bench/kernel-overhead.sh [tokenize|xxh64|blur|summarize] [forks=7] [extra agent options]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk
kernel=${1:-tokenize}; forks=${2:-7}; extra=${3:-}
(cd "$root" && ./maven -B -q -pl agent,demo-app package -DskipTests)
agent=$(ls "$root"/agent/target/oxidizer-agent-*.jar | grep -v original | grep -v shaded | head -1)
out=$(mktemp -d "${TMPDIR:-/tmp}/oxidizer-kernel-bench.XXXXXX")
cp="$out:$root/demo-app/target/classes"
"$JAVA_HOME/bin/javac" -cp "$root/demo-app/target/classes" -d "$out" "$here/kernels/KernelHarness.java"
plain=(); agent_ns=()
for f in $(seq 1 "$forks"); do
  p=$("$JAVA_HOME/bin/java" -cp "$cp" KernelHarness "$kernel" | cut -d' ' -f2)
  a=$("$JAVA_HOME/bin/java" -javaagent:"$agent"=include=dev.oxidizer.demo.kernels.**,output="$out/k$f.jfr"${extra:+,$extra} \
      -cp "$cp" KernelHarness "$kernel" | tail -1 | cut -d' ' -f2)
  plain+=("$p"); agent_ns+=("$a")
  echo "fork $f: $kernel plain $p ns, agent $a ns (load $(cut -d' ' -f1 /proc/loadavg))"
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
mp=$(median "${plain[@]}"); ma=$(median "${agent_ns[@]}")
awk -v k="$kernel" -v p="$mp" -v a="$ma" 'BEGIN { printf "%s: plain %.1f ns, agent %.1f ns (medians), agent / plain %.2fx\n", k, p, a, a / p }'
