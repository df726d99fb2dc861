#!/usr/bin/env bash
# Builds hsdis-amd64.so (needs gcc and Debian's libcapstone-dev: apt-get install libcapstone-dev) into
# agent/bench/hsdis/target, for -XX:CompileCommand=print with LD_LIBRARY_PATH pointing there.
#   agent/bench/hsdis/build.sh && LD_LIBRARY_PATH=agent/bench/hsdis/target java -XX:+UnlockDiagnosticVMOptions \
#       -XX:CompileCommand=print,dev.oxidizer.demo.kernels.PayloadHash::xxh64 ...
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$here/target"
gcc -O2 -Wall -shared -fPIC -o "$here/target/hsdis-amd64.so" "$here/hsdis.c" -lcapstone
echo "$here/target/hsdis-amd64.so"
