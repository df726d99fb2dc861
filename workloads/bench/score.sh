#!/usr/bin/env bash
# Scores the analyzer on the labelled workloads: each workload runs under the real agent idle and beside a CPU hog,
# ROUNDS times each, for SECONDS each; every run is analysed and checked against the labels (WorkloadScoreIT).
#   workloads/bench/score.sh [SECONDS] [ROUNDS]      (defaults 30 and 2)
# Results: workloads/target/workload-score/scores.txt (every miss named), one report and table per run beside it.
# Measurements are serialised with other helpers' through /work/bench.lock when that file exists.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-30}
rounds=${2:-2}
cd "$here"
./maven -B -q -pl agent,analyzer,workloads -am install -DskipTests
rm -f workloads/target/workload-score/scores.txt
echo "load before: $(uptime)"
lock=()
[ -e /work/bench.lock ] && lock=(flock /work/bench.lock)
"${lock[@]}" ./maven -B -q -pl workloads verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=WorkloadScoreIT -Dworkloads.seconds="$seconds" -Dworkloads.rounds="$rounds" || status=$?
echo "load after: $(uptime)"
cat workloads/target/workload-score/scores.txt
exit "${status:-0}"
