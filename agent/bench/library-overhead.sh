#!/usr/bin/env bash
# The agent on third-party code, with whole library packages instrumented, side by side with plain runs:
#  1. A service whose hot code lives in Maven Central libraries (workloads/: Jackson, commons-math3, commons-compress
#     BZip2 and XZ, BouncyCastle SHA-256 and AES), with every one of those packages in the agent's includes. Rounds
#     alternate plain and agent runs; each prints the steady state's requests/s and process CPU per request. The
#     script prints per round and as medians (with the smallest and largest round): the throughput ratio, the CPU
#     added per request (measured overhead), and the overhead the agent itself reported for the same window
#     (oxidizer.AgentOverhead, the sum of its estimates, as a share of the application's CPU), and their ratio; then
#     for the whole run (JVM start to exit, the span the agent's recording covers): the CPU added per request against
#     the overhead `oxidizer analyze` states for that recording (agentOverhead.fractionOfApplicationCpu: the larger of
#     the agent's estimate and the measured share of execution samples that were agent work), and their ratio.
#  2. An interpreter whose dispatch loop is 7,498 bytes of bytecode (agent/src/test/java/example/app/HugeLoopApp.java),
#     plain and under the agent with -XX:+PrintCompilation: whether C2 compiled the loop in both, and the time ratio.
#   agent/bench/library-overhead.sh [rounds=5] [requests per thread=600] [threads=2] [interpreter rounds=3]
#   (ISTEPS=N: interpreter steps per run, 12 runs; default 3000000; SKIP_BUILD=1: use the jars already built)
# Wrap it in `flock /work/bench.lock` on a shared machine; the load average is printed with every round.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk
java="$JAVA_HOME/bin/java"
rounds=${1:-5}; requests=${2:-600}; threads=${3:-2}; irounds=${4:-3}; extra=${EXTRA_AGENT_OPTIONS:-}
[ -n "${SKIP_BUILD:-}" ] || (cd "$root" && ./maven -B -q -pl cli -am install -DskipTests -DskipITs -Dmaven.javadoc.skip=true \
  && ./maven -B -q -f agent/bench/workloads/pom.xml package)
agent=$(ls "$root"/agent/target/oxidizer-agent-*.jar | grep -v original | head -1)
cp="$here/workloads/target/oxidizer-agent-workloads-0.1.0-SNAPSHOT.jar:$here/workloads/target/lib/*"
out=$(mktemp -d "${TMPDIR:-/tmp}/oxidizer-lib-bench.XXXXXX")
includes="include=dev.oxidizer.bench.lib.**,include=org.bouncycastle.**,include=org.apache.commons.compress.**"
includes="$includes,include=org.apache.commons.math3.**,include=com.fasterxml.jackson.**,include=org.tukaani.xz.**"
load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
range() { printf '%s\n' "$@" | sort -g | awk 'NR==1{a=$1} {b=$1} END {printf "%s..%s", a, b}'; }
field() { grep -oE "$2" "$1" | head -1 | grep -oE '[0-9.]+' | head -1; }

echo "== library service: $threads threads x $requests requests, $rounds alternating rounds (load $(load))"
thr=(); cpuadd=(); rep=(); rat=(); lcpu=(); lrep=(); lrat=()
for r in $(seq 1 "$rounds"); do
  "$java" -cp "$cp" dev.oxidizer.bench.lib.LibraryService "$threads" "$requests" >"$out/plain-$r.out" 2>"$out/plain-$r.err"
  "$java" -javaagent:"$agent"="output=$out/agent-$r.jfr,$includes${extra:+,$extra}" -cp "$cp" \
    dev.oxidizer.bench.lib.LibraryService "$threads" "$requests" >"$out/agent-$r.out" 2>"$out/agent-$r.err"
  cmp -s "$out/plain-$r.out" "$out/agent-$r.out" || { echo "stdout differs in round $r (see $out)" >&2; exit 1; }
  pr=$(field "$out/plain-$r.err" 'steady: [0-9.]+'); ar=$(field "$out/agent-$r.err" 'steady: [0-9.]+')
  pc=$(field "$out/plain-$r.err" 'requests/s, [0-9.]+ us of process CPU per request, window')
  ac=$(field "$out/agent-$r.err" 'requests/s, [0-9.]+ us of process CPU per request, window')
  read -r from to < <(grep -oE 'window [0-9]+ [0-9]+' "$out/agent-$r.err" | awk '{print $2, $3}')
  wcpu=$(grep -oE 'cpu [0-9]+ ns' "$out/agent-$r.err" | grep -oE '[0-9]+')
  read -r est budget jit < <("$java" -cp "$cp" dev.oxidizer.bench.lib.ReportedOverhead "$out/agent-$r.jfr" "$from" "$to")
  line=$(awk -v pr="$pr" -v ar="$ar" -v pc="$pc" -v ac="$ac" -v est="$est" -v wcpu="$wcpu" 'BEGIN {
    t = ar / pr; m = (ac / pc - 1) * 100; rp = est / (wcpu - est) * 100;
    printf "%.3f %.1f %.1f %.2f", t, m, rp, (m > 0 ? rp / m : 0) }')
  read -r t m rp q <<<"$line"
  thr+=("$t"); cpuadd+=("$m"); rep+=("$rp"); rat+=("$q")
  pj=$(field "$out/plain-$r.err" 'JIT compiling [0-9]+'); aj=$(field "$out/agent-$r.err" 'JIT compiling [0-9]+')
  # the whole run as a user sees it: what `oxidizer analyze` states for the recording
  OXIDIZER_NO_BUILD=1 "$root/oxidizer" analyze "$out/agent-$r.jfr" -o "$out/agent-$r.json" --quiet >/dev/null 2>"$out/analyze-$r.err" \
    || { echo "oxidizer analyze failed in round $r (see $out/analyze-$r.err)" >&2; exit 1; }
  read -r st basis share est_s meas_s < <(python3 -c 'import json,sys; o=json.load(open(sys.argv[1]))["agentOverhead"]
f=lambda v: "nan" if v is None else v
print(f(o.get("fractionOfApplicationCpu")), o.get("basis"), f(o.get("sampledShare")), o["estimatedSeconds"], f(o.get("measuredSeconds")))' "$out/agent-$r.json")
  pl=$(field "$out/plain-$r.err" 'lifetime: [0-9.]+'); al=$(field "$out/agent-$r.err" 'lifetime: [0-9.]+')
  read -r lm ls lq < <(awk -v pl="$pl" -v al="$al" -v st="$st" 'BEGIN { m = (al / pl - 1) * 100; s = st * 100;
    printf "%.1f %.1f %.2f\n", m, s, (m > 0 ? s / m : 0) }')
  lcpu+=("$lm"); lrep+=("$ls"); lrat+=("$lq")
  echo "round $r: plain $pr req/s $pc us CPU/req, JIT ${pj:-?} ms; agent $ar req/s $ac us CPU/req, JIT ${aj:-?} ms; throughput ratio $t; measured CPU overhead $m %; reported $rp %; reported/measured $q; budget demotions $budget, JIT-limit decisions $jit (load $(load))"
  echo "  whole run: plain $pl us CPU/req, agent $al us CPU/req: measured CPU overhead $lm %; stated by oxidizer analyze $ls % ($basis; sampled agent share $share, estimate $est_s s, measured $meas_s s); stated/measured $lq"
done
[ "$rounds" -gt 0 ] && {
echo "library service, medians (smallest..largest) over $rounds rounds:"
echo "  throughput agent/plain      $(median "${thr[@]}") ($(range "${thr[@]}"))"
echo "  measured CPU overhead, %    $(median "${cpuadd[@]}") ($(range "${cpuadd[@]}"))"
echo "  reported overhead, %        $(median "${rep[@]}") ($(range "${rep[@]}"))"
echo "  reported / measured         $(median "${rat[@]}") ($(range "${rat[@]}"))"
echo "  whole run: measured CPU overhead, %          $(median "${lcpu[@]}") ($(range "${lcpu[@]}"))"
echo "  whole run: stated by oxidizer analyze, %     $(median "${lrep[@]}") ($(range "${lrep[@]}"))"
echo "  whole run: stated / measured                 $(median "${lrat[@]}") ($(range "${lrat[@]}"))"
}

echo "== interpreter (HugeLoopApp, a 7,498-byte dispatch loop), $irounds alternating rounds (load $(load))"
icp="$out/interp"; mkdir -p "$icp"
"$JAVA_HOME/bin/javac" -d "$icp" "$root/agent/src/test/java/example/app/HugeLoopApp.java"
c2() { grep -E '^\s*[0-9]+\s+[0-9]+\s+[%sbn! ]*4\s+example\.app\.HugeLoopApp::run ' "$1" | grep -vc 'made not entrant' || true; }
ir=()
for r in $(seq 1 "$irounds"); do
  "$java" -XX:+PrintCompilation -cp "$icp" example.app.HugeLoopApp ${ISTEPS:-3000000} 12 >"$out/iplain-$r.out" 2>"$out/iplain-$r.err"
  "$java" -XX:+PrintCompilation -javaagent:"$agent"="output=$out/iagent-$r.jfr${extra:+,$extra}" -cp "$icp" \
    example.app.HugeLoopApp ${ISTEPS:-3000000} 12 >"$out/iagent-$r.out" 2>"$out/iagent-$r.err"
  [ "$(grep checksum "$out/iplain-$r.out")" = "$(grep checksum "$out/iagent-$r.out")" ] \
    || { echo "interpreter output differs in round $r (see $out)" >&2; exit 1; }
  p=$(field "$out/iplain-$r.err" 'time_ms [0-9]+'); a=$(field "$out/iagent-$r.err" 'time_ms [0-9]+')
  ir+=("$(awk -v p="$p" -v a="$a" 'BEGIN {printf "%.3f", a / p}')")
  echo "round $r: plain $p ms, C2 compilations of run $(c2 "$out/iplain-$r.out"); agent $a ms, C2 compilations of run $(c2 "$out/iagent-$r.out"); time ratio ${ir[-1]} (load $(load))"
done
echo "interpreter time ratio agent/plain: median $(median "${ir[@]}") ($(range "${ir[@]}"))"
echo "runs: $out"
