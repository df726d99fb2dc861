#!/usr/bin/env bash
# Builds the worker crate and the Java side, then runs ScorerBenchmark: sidecar round trips next to a
# ThreadPoolExecutor with as many threads, same run, and prints both and the ratio.
# Usage: ./bench.sh [--tasks N] [--submitters P] [--workers W] [--rounds R]
set -euo pipefail
cd "$(dirname "$0")"
find_java() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for d in /usr/lib/jvm/*/bin/java; do [ -x "$d" ] && candidates+=("$d"); done
  for j in "${candidates[@]}"; do
    v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 22 ] 2>/dev/null; then
      JAVA="$j"; JAVAC="$(dirname "$j")/javac"; return 0
    fi
  done
  echo "error: no JDK 22 or newer found (checked JAVA_HOME, PATH, /usr/lib/jvm); java.lang.foreign needs 22+" >&2
  exit 3
}
command -v cargo >/dev/null 2>&1 || { echo "error: cargo not found on PATH" >&2; exit 3; }
find_java
case "$(uname -s)" in Darwin) LIBEXT=dylib ;; *) LIBEXT=so ;; esac
TARGET_DIR="${CARGO_TARGET_DIR:-target}"

cargo build --release --offline --quiet
mkdir -p "$TARGET_DIR/java-classes"
"$JAVAC" -d "$TARGET_DIR/java-classes" $(find java -name '*.java')
exec "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$TARGET_DIR/java-classes" \
  -Doxidizer.scorer.library="$TARGET_DIR/release/libscorer.$LIBEXT" com.example.score.ScorerBenchmark "$@"
