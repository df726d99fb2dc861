#!/usr/bin/env bash
# The machine code C2 compiles for one demo kernel method, plain or under the agent, to compare the two: prints the
# method's standalone C2 compilation, then on stderr each loop (a backward jump) with its instruction count and
# how many of those touch the stack: a loop value the register allocator spilled shows up there.
#   agent/bench/kernel-asm.sh [tokenize|xxh64|blur|summarize] Class::method [plain|agent] [extra agent options]
#   e.g. agent/bench/kernel-asm.sh xxh64 PayloadHash::xxh64 agent > /tmp/xxh64-agent.asm
# Needs the capstone disassembler plugin (agent/bench/hsdis/build.sh, which needs libcapstone-dev).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/bin/find-jdk.sh"
oxidizer_find_jdk
kernel=${1:?kernel}; method=${2:?Class::method}; mode=${3:-agent}; extra=${4:-}
hsdis=$("$here/hsdis/build.sh")
(cd "$root" && ./maven -B -q -pl agent,demo-app package -DskipTests)
agent=$(ls "$root"/agent/target/oxidizer-agent-*.jar | grep -v original | grep -v shaded | head -1)
out=$(mktemp -d "${TMPDIR:-/tmp}/oxidizer-kernel-asm.XXXXXX")
"$JAVA_HOME/bin/javac" -cp "$root/demo-app/target/classes" -d "$out" "$here/kernels/KernelHarness.java"
opts=(-XX:+UnlockDiagnosticVMOptions "-XX:CompileCommand=print,dev.oxidizer.demo.kernels.$method")
[ "$mode" = agent ] && opts+=("-javaagent:$agent=include=dev.oxidizer.demo.kernels.**,output=$out/k.jfr${extra:+,$extra}")
LD_LIBRARY_PATH=$(dirname "$hsdis") "$JAVA_HOME/bin/java" "${opts[@]}" -cp "$out:$root/demo-app/target/classes" \
    KernelHarness "$kernel" >"$out/all.txt" 2>&1
name=${method#*::}
awk -v m="::$name (" '/^Compiled method \(c2\)/ && index($0, m) && !/ % / {p = 1; next} p && /^Compiled method/ {exit} p' \
    "$out/all.txt" | grep -v '^[[:space:]]*$' > "$out/c2.asm"
cat "$out/c2.asm"
echo "$mode: $(grep -c '^  0x' "$out/c2.asm") instructions in $method" >&2
grep '^  0x' "$out/c2.asm" | awk '
  function norm(a) { sub(/^0x0*/, "", a); return a }
  { a = $1; sub(":", "", a); addr[NR] = norm(a); line[NR] = $0; n = NR }
  END {
    for (i = 1; i <= n; i++) {
      if (line[i] !~ /[[:space:]]j[a-z]+[[:space:]]+0x[0-9a-f]+/ || line[i] ~ /jmp/) continue
      t = line[i]; sub(/.*[[:space:]]0x/, "0x", t); sub(/[[:space:]].*/, "", t)
      for (j = 1; j < i; j++) {
        if (addr[j] == norm(t)) {
          stack = 0; for (k = j; k <= i; k++) if (line[k] ~ /\(%rsp\)/) stack++
          printf "  loop at %s: %d instructions, %d touching the stack\n", t, i - j + 1, stack
          break
        }
      }
    }
  }' >&2
