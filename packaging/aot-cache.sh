#!/bin/sh
# Makes MirrorScope's AOT cache (JDK 25, JEP 483/514: classes loaded and linked ahead of time) next to the
# launcher's configuration: a training run opens the window on JavaFX's headless platform and closes it, then the
# JVM writes the cache. The cache is bound to the absolute class path and the module options, so it is made where
# the app lives: by the build for target/dist/MirrorScope, by the deb's postinst for /opt/mirrorscope. The launcher
# uses it through -XX:AOTCache=$APPDIR/mirrorscope.aot (and starts normally, only slower, without it).
#   usage: aot-cache.sh APPDIR   (APPDIR: the folder holding MirrorScope.cfg and mirrorscope.jar)
set -eu
appdir=$(cd "${1:?APPDIR}" && pwd)
cfg="$appdir/MirrorScope.cfg"
runtime="$appdir/../runtime"
[ -x "$runtime/bin/java" ] || runtime="$appdir/../../runtime/Contents/Home"   # macOS layout
classpath=$(sed -n "s|^app.classpath=\$APPDIR|$appdir|p" "$cfg" | paste -sd: -)
# The launcher's JVM options, minus the cache and logging ones that only make sense at run time.
options=$(sed -n "s|^java-options=||p" "$cfg" | sed "s|\$APPDIR|$appdir|g" \
  | grep -v -e '^-XX:AOTCache' -e '^-Xlog' | tr '\n' ' ')
# The training run's preferences and log go to a scratch home, not the installing user's.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
conf="$scratch/mirrorscope.aotconf"
# shellcheck disable=SC2086 # the options are single tokens without spaces, by construction of the cfg
"$runtime/bin/java" $options -Duser.home="$scratch" -Dglass.platform=Headless -Dprism.order=sw \
  -XX:AOTMode=record -XX:AOTConfiguration="$conf" -Xlog:aot=error -Xlog:cds=error \
  -cp "$classpath" io.mirrorscope.app.Launcher --smoke > "$scratch/training.log" 2>&1 \
  || { cat "$scratch/training.log" >&2; exit 1; }
# shellcheck disable=SC2086
"$runtime/bin/java" $options -XX:AOTMode=create -XX:AOTConfiguration="$conf" \
  -XX:AOTCache="$appdir/mirrorscope.aot" -Xlog:aot=error -Xlog:cds=error -cp "$classpath" > "$scratch/create.log" 2>&1 \
  || { cat "$scratch/create.log" >&2; exit 1; }
