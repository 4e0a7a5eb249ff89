#!/bin/sh
# Dumps MirrorScope's AppCDS archive next to the launcher's configuration, from the class list that the build's
# training run recorded. The archive is bound to the absolute class path and to the module options, so it is made
# where the app lives (by the build for target/dist/MirrorScope, by the deb's postinst for /opt/mirrorscope) with
# the launcher's own options from MirrorScope.cfg.
#   usage: cds-dump.sh APPDIR   (APPDIR: the folder holding MirrorScope.cfg, mirrorscope.jar, mirrorscope.classlist)
set -eu
appdir=$(cd "${1:?APPDIR}" && pwd)
cfg="$appdir/MirrorScope.cfg"
runtime="$appdir/../runtime"
[ -x "$runtime/bin/java" ] || runtime="$appdir/../../runtime/Contents/Home"   # macOS layout
classpath=$(sed -n "s|^app.classpath=\$APPDIR|$appdir|p" "$cfg" | paste -sd: -)
# The launcher's JVM options, minus the archive and logging ones that only make sense at run time.
options=$(sed -n "s|^java-options=||p" "$cfg" | sed "s|\$APPDIR|$appdir|g" \
  | grep -v -e '^-XX:SharedArchiveFile' -e '^-Xlog' | tr '\n' ' ')
# shellcheck disable=SC2086 # the options are single tokens without spaces, by construction of the cfg
"$runtime/bin/java" $options -Xshare:dump -Xlog:cds=error -Xlog:aot=error \
  -XX:SharedClassListFile="$appdir/mirrorscope.classlist" \
  -XX:SharedArchiveFile="$appdir/mirrorscope.jsa" \
  -cp "$classpath" > /dev/null
