#!/usr/bin/env bash
# Records one labelled workload under the real agent, as a user would (-javaagent), optionally beside a CPU hog.
#   workloads/bench/record.sh NAME OUT.jfr [--seconds N] [--hog] [--seed N]
# NAME: kernels | libraries. --hog runs a busy-spinning process (one per core) beside it for the whole run.
# Build first: ./maven -B -q -pl workloads -am install -DskipTests
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$here/bin/find-jdk.sh"
oxidizer_find_jdk || exit 3
name=$1; out=$2; shift 2
seconds=20; hog=0; seed=1
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --hog) hog=1; shift ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "record.sh: unknown option $1; accepted: --seconds N, --hog, --seed N" >&2; exit 2 ;;
  esac
done
agent=$(ls "$here"/agent/target/oxidizer-agent-*.jar | grep -v original | head -1)
jar="$here/workloads/target/oxidizer-workloads.jar"
include="dev.oxidizer.workloads.**"
# The library service is recorded as a user exploring a dependency would: BZip2's internals instrumented too.
[ "$name" = libraries ] && include="dev.oxidizer.workloads.**;org.apache.commons.compress.compressors.bzip2.**"
hogs=()
if [ "$hog" = 1 ]; then
  for _ in $(seq "$(nproc)"); do
    "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -cp "$jar" dev.oxidizer.workloads.CpuHog "$((seconds + 5))" & hogs+=($!)
  done
fi
cleanup() { for p in "${hogs[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
rm -f "$out"
"$JAVA_HOME/bin/java" "-javaagent:$agent=output=$out,include=${include//;/,include=}" -jar "$jar" "$name" \
  --seconds "$seconds" --threads 2 --seed "$seed"
