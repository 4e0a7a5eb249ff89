#!/usr/bin/env bash
# Builds the jlink runtime, the jpackage app image (with an AOT cache) and the installer for this OS.
#   usage: packaging/build-installer.sh VERSION      (run by ./mvnw -Pinstaller package, after the jar is built)
# Inputs: target/mirrorscope.jar and the jars of its Class-Path (target/lib/). Outputs under target/:
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

step "Stage the jars: JavaFX platform jars for jlink; the class path repacked (stored, this platform's natives)"
rm -rf "$t/jfx" "$t/installer-input" "$t/runtime" "$t/dist" "$t/installer-stage"
mkdir -p "$t/dist"
case "$(uname -m)" in
  x86_64|amd64) arch=amd64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) echo "unsupported CPU $(uname -m)" >&2; exit 1 ;;
esac
# Exactly the jars of the app jar's Class-Path: a stale jar left in target/lib by an earlier build never ships.
"$bin/java" packaging/InstallerJars.java stage "$t" "$os" "$arch"
cp packaging/aot-cache.sh "$t/installer-input/"

# jlink.config: module lines, option lines (--...), "stored <module>/<package>" lines; # comments.
. packaging/jlink-config.sh
# jlink compresses what its filter matches: every resource but those directly in a stored package.
compress="zip-6"
if [ -n "$stored" ]; then
  compress="zip-6:filter=regex:^/(?!($(sed 's/\./\\./g' <<<"$stored" | paste -sd'|' -))/[^/]+\$).*"
fi

step "Check jlink.config against jdeps"
needed=$("$bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 \
  --module-path "$t/jfx" --class-path "$t/installer-input/lib/*" \
  "$t/installer-input/mirrorscope.jar" "$t"/installer-input/lib/*.jar | tail -n 1)
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
"$bin/jlink" --module-path "$t/jfx" --add-modules "$modules" "${jlink_options[@]}" --compress "$compress" \
  --output "$t/runtime"
case "$os" in
  windows) native_dir="$t/runtime/bin/javafx" ;;   # where JavaFX's NativeLibLoader looks first on Windows
  *) native_dir="$t/runtime/lib" ;;
esac
# Every stored line must name a package of the runtime, and leave it uncompressed: a typo or a package that a
# JDK update removed would otherwise cost installer size without a word.
[ -z "$stored" ] || "$bin/jimage" list --verbose "$t/runtime/lib/modules" | awk '
  NR == FNR { need[$1] = 1; next }
  /^Module: / { module = $2; next }
  NF == 4 && $1 ~ /^[0-9]+$/ {
    package = $4; sub(/\/[^\/]*$/, "", package); key = module "/" package
    if (key in need) { count[key]++; if ($3 != 0) compressed[key]++ }
  }
  END {
    for (k in need) {
      if (!count[k]) { print "jlink.config: stored " k ": no such package in the runtime"; bad = 1 }
      else if (compressed[k]) { print "jlink.config: stored " k ": " compressed[k] " resources compressed"; bad = 1 }
    }
    exit bad
  }' <(printf '%s\n' "$stored") - >&2
"$bin/java" packaging/InstallerJars.java natives "$t/jfx" "$native_dir"
if [ "$os" = linux ]; then
  # The symbol tables of libjvm and friends are 5 MB on disk (1 MB in the .deb); a crash report (hs_err) still
  # names the library and offset, and the build id stays to match Temurin's debug symbols.
  command -v strip >/dev/null || { echo "strip not found: install binutils" >&2; exit 1; }
  find "$t/runtime" -name '*.so' -exec strip --strip-unneeded {} +
fi
echo "runtime: $(du -sk "$t/runtime" | cut -f1) KiB on disk, made in $(( $(millis) - start )) ms"

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

# jpackage's launcher and its library carry symbol tables too (0.4 MB)
[ "$os" = linux ] && strip --strip-unneeded "$launcher" "$image/lib/libapplauncher.so"

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
    # jpackage's resource dir: postinst, prerm, the rpm spec, the desktop entry, and the menu icon (named after
    # the app: without it the menu shows Java's default icon).
    resources="$t/jpackage-resources"
    rm -rf "$resources" && mkdir -p "$resources"
    cp packaging/linux/* "$resources/"
    cp packaging/icons/mirrorscope.png "$resources/MirrorScope.png"
    linux_options=(@packaging/jpackage-linux.txt --resource-dir "$resources" --name MirrorScope
      --license-file LICENSE --description "Read-only view of cross-region Kafka replication on Strimzi"
      --vendor "The MirrorScope authors")
    # xz at its best level (64 MB dictionary): the repacked jars and the stored packages are made for it.
    export DPKG_DEB_COMPRESSOR_TYPE=xz DPKG_DEB_COMPRESSOR_LEVEL=9
    # jpackage derives the .deb's dependencies from the libraries that the natives link and this machine has; on a
    # build machine without GTK it would miss JavaFX's GTK glass, so that one is then named outright. (The .rpm
    # gets no derived dependencies: it names GTK always.)
    deb_deps=()
    ldconfig -p 2>/dev/null | grep 'libgtk-3\.so\.0' >/dev/null || deb_deps=(--linux-package-deps libgtk-3-0)
    "$bin/jpackage" --type deb --app-version "$app_version" --dest "$t/dist" --app-image "$image_for_installer" \
      "${linux_options[@]}" "${deb_deps[@]}"
    if command -v rpmbuild >/dev/null; then
      "$bin/jpackage" --type rpm --app-version "$app_version" --dest "$t/dist" --app-image "$image_for_installer" \
        "${linux_options[@]}" --linux-package-deps gtk3 --linux-rpm-license-type MIT
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

step "Sizes (KiB on disk)"
du -sk "$t/runtime" "$image"
ls -l "$t/dist" | grep -Ev '^(total|d)' || true
