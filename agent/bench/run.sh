#!/usr/bin/env bash
# Measures the agent's added cost per call with JMH and prints the ratios checked against the targets in
# docs/performance.md ("## Agent"). Builds the agent and the benchmarks first (tests skipped).
#   agent/bench/run.sh            # about 3-4 minutes
# Every JMH run is one JVM holding both the plain and the instrumented method, so each ratio compares numbers
# measured side by side. Results vary on a shared machine: rerun to see the spread.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk
java="$JAVA_HOME/bin/java"
(cd "$root" && ./maven -B -q -pl agent package -DskipTests && cd "$here" && "$root/maven" -B -q -f "$here/pom.xml" package)
agent=$(ls "$root"/agent/target/oxidizer-agent-*.jar | grep -v original | grep -v shaded | head -1)
jar="$here/target/benchmarks.jar"
out=$(mktemp -d "${TMPDIR:-/tmp}/oxidizer-bench.XXXXXX")
jmh=(-f 1 -wi 3 -w 1s -i 4 -r 1s -foe true)
target=dev.oxidizer.bench.subject.Instrumented

run() { # name threads benchmark-regex jvm-args...
  local name=$1 threads=$2 regex=$3; shift 3
  echo "== $name, $threads thread(s)" >&2
  # ignoreLock: another JMH on this shared machine must not abort the run (it does make numbers noisier)
  "$java" -Djmh.ignoreLock=true -jar "$jar" "$regex" "${jmh[@]}" -t "$threads" -jvmArgsAppend "$*" \
    -rf csv -rff "$out/$name-t$threads.csv" >"$out/$name-t$threads.log" 2>&1 \
    || { echo "JMH run $name failed; log: $out/$name-t$threads.log" >&2; tail -20 "$out/$name-t$threads.log" >&2; exit 1; }
}
score() { # file benchmark -> ns/op
  awk -F, -v b="\"dev.oxidizer.bench.CallCostBench.$2\"" '$1==b {gsub(/"/,"",$5); print $5}' "$1"
}

for t in 1 2; do
  # The subject is trivial (docs/agent.md): trivial=timed gives it the full probe, whose paths these runs measure;
  # the "trivial" run measures what trivial methods get by default (count-only probe; call-site counting for
  # private ones), the "probe" run the private one with trivial=probe.
  run timed "$t" 'CallCostBench\.(?!(plain|agent)PrivateInLoop)' "-javaagent:$agent=include=$target,timing=all,trivial=timed,output=$out/timed-t$t.jfr"
  run countonly "$t" 'CallCostBench\.(plain|agent)(InLoop)?$' "-javaagent:$agent=include=$target,timing=off,trivial=timed,output=$out/count-t$t.jfr"
  run adaptive "$t" 'CallCostBench\.(plain|agent)(InLoop)?$' "-javaagent:$agent=include=$target,trivial=timed,output=$out/adaptive-t$t.jfr"
  run trivial "$t" 'CallCostBench\.(plain|agent)(InLoop|PrivateInLoop)?$' "-javaagent:$agent=include=$target,output=$out/trivial-t$t.jfr"
  run probe "$t" 'CallCostBench\.(plain|agent)PrivateInLoop$' "-javaagent:$agent=include=$target,trivial=probe,output=$out/probe-t$t.jfr"
  run jep520 "$t" 'CallCostBench\.(plain|agent)$' "-XX:StartFlightRecording:method-timing=$target::work,filename=$out/jep520-t$t.jfr"
done

printf '\n%-8s %-44s %10s %10s %s\n' threads measure "ns/call" target verdict
for t in 1 2; do
  f="$out/timed-t$t.csv"
  plain=$(score "$f" plain); timed=$(score "$f" agent); floor=$(score "$f" floorTwoClockReadsAndRecord)
  adder=$(score "$f" countWithLongAdder); tl=$(score "$f" countWithThreadLocalArray); slot=$(score "$f" countWithThreadIdSlot)
  cplain=$(score "$out/countonly-t$t.csv" plain); count=$(score "$out/countonly-t$t.csv" agent)
  aplain=$(score "$out/adaptive-t$t.csv" plain); adapt=$(score "$out/adaptive-t$t.csv" agent)
  lcplain=$(score "$out/countonly-t$t.csv" plainInLoop); lcount=$(score "$out/countonly-t$t.csv" agentInLoop)
  laplain=$(score "$out/adaptive-t$t.csv" plainInLoop); ladapt=$(score "$out/adaptive-t$t.csv" agentInLoop)
  tplain=$(score "$out/trivial-t$t.csv" plain); triv=$(score "$out/trivial-t$t.csv" agent)
  ltplain=$(score "$out/trivial-t$t.csv" plainInLoop); ltriv=$(score "$out/trivial-t$t.csv" agentInLoop)
  pplain=$(score "$out/trivial-t$t.csv" plainPrivateInLoop); psite=$(score "$out/trivial-t$t.csv" agentPrivateInLoop)
  qplain=$(score "$out/probe-t$t.csv" plainPrivateInLoop); qprobe=$(score "$out/probe-t$t.csv" agentPrivateInLoop)
  jplain=$(score "$out/jep520-t$t.csv" plain); jep=$(score "$out/jep520-t$t.csv" agent)
  awk -v t="$t" -v plain="$plain" -v timed="$timed" -v floor="$floor" -v adder="$adder" -v tl="$tl" -v slot="$slot" \
      -v cplain="$cplain" -v count="$count" -v aplain="$aplain" -v adapt="$adapt" -v lcplain="$lcplain" -v lcount="$lcount" -v laplain="$laplain" -v ladapt="$ladapt" -v tplain="$tplain" -v triv="$triv" -v ltplain="$ltplain" -v ltriv="$ltriv" -v pplain="$pplain" -v psite="$psite" -v qplain="$qplain" -v qprobe="$qprobe" -v jplain="$jplain" -v jep="$jep" '
    function row(m, v, tgt, ok) { printf "%-8s %-44s %10.2f %10s %s\n", t, m, v, tgt, (tgt=="" ? "" : (ok ? "met" : "NOT met")) }
    BEGIN {
      row("plain trivial method (time per call)", plain, "", 0)
      row("count-only added (timing=off)", count - cplain, "<=2.5", count - cplain <= 2.5)
      row("timed added (timing=all)", timed - plain, "", 0)
      row("floor added (2x nanoTime + record)", floor - plain, "", 0)
      printf "%-8s %-44s %10.2f %10s %s\n", t, "timed/floor ratio", (timed - plain) / (floor - plain), "<=1.2", ((timed - plain) / (floor - plain) <= 1.2 ? "met" : "NOT met")
      row("hot short (full probe), adaptive policy, added", adapt - aplain, "<=5", adapt - aplain <= 5)
      row("in a loop: plain trivial method", lcplain, "", 0)
      row("in a loop: count-only added", lcount - lcplain, "", 0)
      row("in a loop: default adaptive policy added", ladapt - laplain, "", 0)
      row("trivial method, default options, added", triv - tplain, "", 0)
      row("in a loop: trivial method, default, added", ltriv - ltplain, "", 0)
      row("in a loop: private trivial, default (call site), added", psite - pplain, "", 0)
      row("in a loop: private trivial, trivial=probe, added", qprobe - qplain, "", 0)
      row("JEP 520 method-timing added", jep - jplain, "", 0)
      printf "%-8s %-44s %10.2f %10s %s\n", t, "JEP 520 added / agent timed added", (jep - jplain) / (timed - plain), ">1", ((jep - jplain) > (timed - plain) ? "met" : "NOT met")
      printf "%-8s %-44s %10.2f %10s %s\n", t, "JEP 520 added / agent default policy added", (jep - jplain) / (adapt - aplain), ">1", ((jep - jplain) > (adapt - aplain) ? "met" : "NOT met")
      row("alt: LongAdder per method added", adder - plain, "", 0)
      row("alt: ThreadLocal long[] added", tl - plain, "", 0)
      row("alt: thread-id slot (agent design) added", slot - plain, "", 0)
    }'
done
echo "raw JMH output: $out" >&2
