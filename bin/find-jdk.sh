#!/usr/bin/env bash
# Sourced by ./oxidizer and ./maven: sets JAVA_HOME to a JDK >= 22 (FFM is final since 22).
# Order: a good JAVA_HOME, else a good `java` on PATH, else the newest JDK under /usr/lib/jvm.
# On failure prints one line saying what to install and returns 3.

oxidizer_jdk_feature() { # $1 = java executable -> prints the feature release (17, 25, ...) or nothing
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  case "$v" in 1.*) echo "${v#1.}" | cut -d. -f1 ;; *) echo "${v%%.*}" ;; esac
}

oxidizer_jdk_ok() { # $1 = candidate JAVA_HOME
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local f; f=$(oxidizer_jdk_feature "$1/bin/java")
  [ -n "$f" ] && [ "$f" -ge "${OXIDIZER_MIN_JDK:-22}" ] 2>/dev/null
}

oxidizer_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && oxidizer_jdk_ok "$JAVA_HOME"; then return 0; fi
  local j
  if j=$(command -v java 2>/dev/null); then
    j=$(readlink -f "$j"); j=${j%/bin/java}
    if oxidizer_jdk_ok "$j"; then export JAVA_HOME="$j"; return 0; fi
  fi
  local best="" bestf=0 d f
  for d in /usr/lib/jvm/*/ /usr/local/lib/jvm/*/ /opt/java/*/ /opt/jdk*/; do
    d=${d%/}
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    f=$(oxidizer_jdk_feature "$d/bin/java"); [ -n "$f" ] || continue
    if [ "$f" -gt "$bestf" ] 2>/dev/null; then best=$d; bestf=$f; fi
  done
  if [ -n "$best" ] && [ "$bestf" -ge "${OXIDIZER_MIN_JDK:-22}" ]; then export JAVA_HOME="$best"; return 0; fi
  echo "oxidizer: no JDK >= ${OXIDIZER_MIN_JDK:-22} found (checked JAVA_HOME, java on PATH, /usr/lib/jvm); install one, e.g. 'apt-get install temurin-25-jdk' or set JAVA_HOME to a JDK 22+ home" >&2
  return 3
}
