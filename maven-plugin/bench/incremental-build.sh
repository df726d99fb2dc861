#!/usr/bin/env bash
# Measures what the plugin's up-to-date check saves: 'mvn -o package' of a generated port module from scratch
# (cargo's and Maven's outputs deleted) against the same command with nothing changed, alternating, N rounds.
# Prints each time and the medians. Wrap it in 'flock /work/bench.lock' on a shared machine and state 'uptime'.
#
#   maven-plugin/bench/incremental-build.sh PORT_DIR [ROUNDS] [extra mvn args, e.g. -Dmaven.repo.local=...]
#
# PORT_DIR is a folder written by 'oxidizer generate' whose java/pom.xml builds (see docs/maven-plugin.md).
set -euo pipefail
port=$(cd "$1" && pwd); rounds=${2:-3}; shift; [ $# -gt 0 ] && shift
[ -f "$port/java/pom.xml" ] || { echo "incremental-build: $port/java/pom.xml is missing; expected a port folder written by 'oxidizer generate'" >&2; exit 2; }
now() { date +%s.%N; }
full=(); noop=()
for ((i = 1; i <= rounds; i++)); do
  rm -rf "$port/target" "$port/java/target"
  t0=$(now); (cd "$port/java" && mvn -B -q -o "$@" package >/dev/null 2>&1); t1=$(now)
  (cd "$port/java" && mvn -B -o "$@" package 2>&1) > /tmp/incremental-noop.log; t2=$(now)
  grep -q "build of crate .* is up to date" /tmp/incremental-noop.log || { echo "round $i: the second build ran cargo" >&2; exit 1; }
  full+=("$(echo "$t1 - $t0" | bc)"); noop+=("$(echo "$t2 - $t1" | bc)")
  printf 'round %d: from scratch %.1f s, unchanged %.1f s\n' "$i" "${full[-1]}" "${noop[-1]}"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mf=$(median "${full[@]}"); mn=$(median "${noop[@]}")
printf 'median: from scratch %.1f s, unchanged %.1f s (ratio %.2f); load: %s\n' "$mf" "$mn" "$(echo "$mf / $mn" | bc -l)" "$(uptime | sed 's/.*load average: //')"
