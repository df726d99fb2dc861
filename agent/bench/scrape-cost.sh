#!/usr/bin/env bash
# What the agent's metrics endpoint costs the observed application: the demo under the agent in rotating runs of
# three kinds: without metrics= ("off"), with metrics=PORT but never scraped ("none": the flusher's added work between
# scrapes), and with a scraper at a fixed rate ("scraped"), far above a real
# scrape interval (10/s by default, 150x Prometheus's common 15 s) so the cost becomes measurable; the scraper is one
# process on one keep-alive connection. Prints per run the
# steady-state requests/s and process CPU per request; for scraped runs the endpoint's own CPU per scrape (its
# oxidizer_metrics_scrape_cpu_seconds_total / oxidizer_metrics_scrapes_total, the serving thread's CPU time: render
# once per flush, then send) and the bytes per scrape; then the medians and the difference.
#   flock /work/bench.lock agent/bench/scrape-cost.sh [rounds=3] [seconds=40] [scrapes-per-second=10] [threads=2]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk
java="$JAVA_HOME/bin/java"
rounds=${1:-3}; seconds=${2:-40}; rate=${3:-10}; threads=${4:-2}; warmup=$((seconds / 2))
# AGENT_JAR and DEMO_JAR (both set) use those jars as they are, e.g. private copies while the tree is being rebuilt.
if [ -z "${AGENT_JAR:-}" ] || [ -z "${DEMO_JAR:-}" ]; then
  (cd "$root" && ./maven -B -q -pl agent,demo-app package -DskipTests)
fi
agent=${AGENT_JAR:-$(ls "$root"/agent/target/oxidizer-agent-*.jar | grep -v original | head -1)}
demo=${DEMO_JAR:-$(ls "$root"/demo-app/target/oxidizer-demo-app-*.jar | head -1)}
out=$(mktemp -d "${TMPDIR:-/tmp}/oxidizer-scrape-bench.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
period=$(awk -v r="$rate" 'BEGIN { printf "%.3f", 1 / r }')

steady() { grep -oE 'warm-up: ([0-9.]+) requests/s' "$1" | grep -oE '[0-9.]+' | head -1; }
cpu() { grep -oE '([0-9.]+) us of process CPU per request' "$1" | grep -oE '^[0-9.]+' | head -1; }
run() { # label round scrape(0/1/off)
  local label=$1 r=$2 scrape=$3 metrics=,metrics=127.0.0.1:$port
  [ "$scrape" = off ] && metrics=
  local args=(-javaagent:"$agent"=output="$out/$label-$r.jfr"$metrics -jar "$demo" --seconds "$seconds" --threads "$threads" --warmup "$warmup")
  "$java" "${args[@]}" >"$out/$label-$r.out" 2>"$out/$label-$r.err" &
  local pid=$!
  if [ "$scrape" = 1 ]; then
    # One scraper process on one keep-alive connection (as Prometheus does), so the scraper's own start-up costs
    # the shared cores nothing per scrape.
    python3 - "$port" "$period" "$pid" "$out/$label-$r.metrics" "$out/$label-$r.scrapes" <<'PY' &
import http.client, os, sys, time
port, period, pid, last, log = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
conn, sizes = None, []
def alive():
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False
while alive():
    try:
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/metrics")
        body = conn.getresponse().read()
        sizes.append(len(body))
        with open(last, "wb") as f:
            f.write(body)
    except Exception:
        conn = None
    time.sleep(period)
with open(log, "w") as f:
    f.write("\n".join(map(str, sizes)) + "\n")
PY
    local scraper=$!
  fi
  wait "$pid"
  if [ "$scrape" = 1 ]; then wait "$scraper"; fi
}
op=(); np=(); sp=(); oc=(); nc=(); sc=(); per=()
for r in $(seq 1 "$rounds"); do
  case $((r % 3)) in
    1) run off "$r" off; run none "$r" 0; run scraped "$r" 1 ;;
    2) run none "$r" 0; run scraped "$r" 1; run off "$r" off ;;
    0) run scraped "$r" 1; run off "$r" off; run none "$r" 0 ;;
  esac
  op+=("$(steady "$out/off-$r.err")"); np+=("$(steady "$out/none-$r.err")"); sp+=("$(steady "$out/scraped-$r.err")")
  oc+=("$(cpu "$out/off-$r.err")"); nc+=("$(cpu "$out/none-$r.err")"); sc+=("$(cpu "$out/scraped-$r.err")")
  m="$out/scraped-$r.metrics"
  n=$(awk '/^oxidizer_metrics_scrapes_total/ {print $2}' "$m"); c=$(awk '/^oxidizer_metrics_scrape_cpu_seconds_total/ {print $2}' "$m")
  series=$(grep -vc '^#' "$m"); bytes=$(sort -n "$out/scraped-$r.scrapes" | tail -1)
  per+=("$(awk -v n="$n" -v c="$c" 'BEGIN { printf "%.1f", c / n * 1e6 }')")
  echo "round $r: after ${warmup} s off ${op[-1]} none ${np[-1]} scraped ${sp[-1]} req/s; CPU per request off ${oc[-1]} none ${nc[-1]} scraped ${sc[-1]} us; $n scrapes, ${per[-1]} us CPU each, $series series, $bytes bytes (load $(cut -d' ' -f1 /proc/loadavg))" >&2
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
awk -v o="$(median "${op[@]}")" -v a="$(median "${np[@]}")" -v b="$(median "${sp[@]}")" -v co="$(median "${oc[@]}")" \
    -v ca="$(median "${nc[@]}")" -v cb="$(median "${sc[@]}")" -v per="$(median "${per[@]}")" -v rate="$rate" 'BEGIN {
  printf "steady state, medians of %s: metrics off %.1f req/s, on but unscraped %.1f req/s (%+.2f %%), scraped %s/s %.1f req/s (%+.2f %% vs unscraped)\n",
         "'"$rounds"' rounds", o, a, (a / o - 1) * 100, rate, b, (b / a - 1) * 100
  printf "CPU per request: off %.1f, unscraped %.1f (%+.2f %%), scraped %.1f us (%+.2f %% vs unscraped); endpoint CPU per scrape %.1f us\n",
         co, ca, (ca / co - 1) * 100, cb, (cb / ca - 1) * 100, per }'
echo "runs: $out" >&2
