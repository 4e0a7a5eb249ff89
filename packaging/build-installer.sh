#!/usr/bin/env bash
# Builds the jlink runtime, the jpackage app image (with an AOT cache) and the installer for this OS.
#   usage: packaging/build-installer.sh VERSION      (run by ./mvnw -Pinstaller package, after the jar is built)
# Inputs: target/mirrorscope.jar and target/lib/*.jar. Outputs under target/:
#   jfx/ (JavaFX platform jars for jlink), installer-input/ (app jar + libs), runtime/ (jlink image),
#   dist/MirrorScope/ (app image, launcher bin/MirrorScope), dist/*.deb (and *.rpm where rpmbuild exists).
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?version}
: "${JAVA_HOME:?JAVA_HOME must point at a JDK 25}"
bin="$JAVA_HOME/bin"
t=target
# jpackage wants a numeric version: 0.1.0-SNAPSHOT -> 0.1.0
app_version=${version%%-*}

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) echo "unsupported OS $(uname -s)" >&2; exit 1 ;;
esac

step() { printf '\n== %s\n' "$*"; }
millis() { echo $(( $(date +%s%N) / 1000000 )); }

step "Split libraries: JavaFX platform jars go into the runtime, the rest onto the class path"
rm -rf "$t/jfx" "$t/installer-input" "$t/runtime" "$t/dist"
mkdir -p "$t/jfx" "$t/installer-input/lib" "$t/dist"
for jar in "$t"/lib/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-[0-9]*.[0-9]*-*.jar) cp "$jar" "$t/jfx/" ;;   # platform jar, e.g. javafx-base-26.0.2-linux.jar
    javafx-*.jar) ;;                                        # the empty, platform-less javafx jars
    *) cp "$jar" "$t/installer-input/lib/" ;;
  esac
done
cp "$t/mirrorscope.jar" packaging/aot-cache.sh "$t/installer-input/"

step "Check jlink.config against jdeps"
modules=$(grep -v '^\s*#' jlink.config | grep -v '^\s*$' | paste -sd, -)
needed=$("$bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 \
  --module-path "$t/jfx" --class-path "$t/installer-input/lib/*" \
  "$t/mirrorscope.jar" "$t"/installer-input/lib/*.jar | tail -n 1)
missing=""
for m in ${needed//,/ }; do
  case ",$modules," in *",$m,"*) ;; *) missing="$missing $m" ;; esac
done
if [ -n "$missing" ]; then
  echo "jlink.config lacks modules that jdeps says the app needs:$missing" >&2
  exit 1
fi
echo "jdeps: $needed"
echo "jlink.config: $modules"

step "jlink runtime"
start=$(millis)
"$bin/jlink" --module-path "$t/jfx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress zip-6 \
  --output "$t/runtime"
echo "runtime: $(du -sm "$t/runtime" | cut -f1) MB in $(( $(millis) - start )) ms"

step "jpackage app image"
cds_options=(--java-options '-XX:AOTCache=$APPDIR/mirrorscope.aot'
             --java-options '-Xlog:disable' --java-options '-Xlog:all=warning:stderr')
case "$os" in
  linux) icon=packaging/icons/mirrorscope.png ;;
  macos) icon=packaging/icons/mirrorscope.icns ;;
  windows) icon=packaging/icons/mirrorscope.ico ;;
esac
"$bin/jpackage" --type app-image --app-version "$app_version" --dest "$t/dist" \
  --input "$t/installer-input" --runtime-image "$t/runtime" --icon "$icon" \
  @packaging/jpackage-common.txt "${cds_options[@]}"

case "$os" in
  linux) image="$t/dist/MirrorScope"; launcher="$image/bin/MirrorScope"; appdir="$image/lib/app" ;;
  macos) image="$t/dist/MirrorScope.app"; launcher="$image/Contents/MacOS/MirrorScope"; appdir="$image/Contents/app" ;;
  windows) image="$t/dist/MirrorScope"; launcher="$image/MirrorScope.exe"; appdir="$image/app" ;;
esac

step "AOT cache (JDK 25 AppCDS successor): headless training run, then the cache"
start=$(millis)
sh "$appdir/aot-cache.sh" "$appdir"
echo "AOT cache: $(du -m "$appdir/mirrorscope.aot" | cut -f1) MB in $(( $(millis) - start )) ms"

step "Installer"
# The installer does not ship the AOT cache (bound to this folder, and large): the deb's postinst makes it for the
# install location.
stage="$t/installer-stage"
rm -rf "$stage" && mkdir -p "$stage" && cp -a "$image" "$stage/"
rm -f "$stage"/MirrorScope*/lib/app/mirrorscope.aot "$stage"/MirrorScope*/app/mirrorscope.aot \
  "$stage"/MirrorScope.app/Contents/app/mirrorscope.aot
image_for_installer="$stage/$(basename "$image")"
case "$os" in
  linux)
    "$bin/jpackage" --type deb --app-version "$app_version" --dest "$t/dist" --app-image "$image_for_installer" \
      @packaging/jpackage-linux.txt --name MirrorScope --license-file LICENSE \
      --description "Read-only view of cross-region Kafka replication on Strimzi" \
      --vendor "The MirrorScope authors"
    if command -v rpmbuild >/dev/null; then
      "$bin/jpackage" --type rpm --app-version "$app_version" --dest "$t/dist" --app-image "$image_for_installer" \
        @packaging/jpackage-linux.txt --name MirrorScope --license-file LICENSE
    else
      echo "rpmbuild not found: no .rpm (install the rpm package to build one)"
    fi
    ;;
  macos)
    "$bin/jpackage" --type dmg --app-version "$app_version" --dest "$t/dist" --app-image "$image_for_installer" \
      @packaging/jpackage-macos.txt --name MirrorScope --license-file LICENSE
    ;;
  windows)
    "$bin/jpackage" --type msi --app-version "$app_version" --dest "$t/dist" --app-image "$image_for_installer" \
      @packaging/jpackage-windows.txt --name MirrorScope --license-file LICENSE
    ;;
esac

step "Sizes"
du -sm "$t/runtime" "$image" | sed 's/^/MB /'
ls -l "$t/dist" | grep -Ev '^(total|d)' || true
