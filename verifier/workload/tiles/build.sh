#!/bin/sh
# Builds the labelled tile service into target/tiles.jar with the JDK oxidizer uses (bin/find-jdk.sh).
set -e
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../../bin/find-jdk.sh"
jdk=$JAVA_HOME
mkdir -p "$here/target/classes"
"$jdk/bin/javac" --release 17 -d "$here/target/classes" $(find "$here/src" -name '*.java')
"$jdk/bin/jar" --create --file "$here/target/tiles.jar" --main-class payoff.tiles.TileService -C "$here/target/classes" .
echo "$here/target/tiles.jar"
