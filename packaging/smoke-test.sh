#!/usr/bin/env bash
# Smoke test of the built app image and installer (run by ./mvnw -Pinstaller verify):
#   1. sizes: runtime <= 80 MB on disk, installer <= 45 MB (design.md's bars; MB = 10^6 bytes);
#   2. the launcher answers as a CLI; Kafka's codecs work with the repacked jars on the image's runtime;
#   3. the window opens on JavaFX's headless platform and exits 0, timed from exec to window shown, with and
#      without the AOT cache; and once on an X server (Xvfb) with GTK, where xvfb-run exists;
#   4. the image against the sandbox: `inventory` over TLS to its Kubernetes API, `records` over mTLS from its
#      brokers (credentials from Strimzi secrets) -- the paths a module or library missing from the image breaks;
#   5. with --install-deb: install the .deb with apt, check `mirrorscope` on the PATH, remove it (needs root).
#   usage: packaging/smoke-test.sh [--install-deb] [--no-sandbox]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(uname -s)" != Linux ]; then
  echo "smoke test: written for the Linux app image and GNU tools; skipped on $(uname -s)"
  exit 0
fi
install_deb=false
with_sandbox=true
for arg in "$@"; do
  case "$arg" in
    --install-deb) install_deb=true ;;
    --no-sandbox) with_sandbox=false ;;
    "") ;;
    *) echo "usage: packaging/smoke-test.sh [--install-deb] [--no-sandbox]" >&2; exit 2 ;;
  esac
done
image=target/dist/MirrorScope
launcher=$image/bin/MirrorScope
[ -x "$launcher" ] || { echo "no app image at $launcher (run ./mvnw -Pinstaller package first)" >&2; exit 1; }
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
[ -f target/test-classes/io/mirrorscope/testkit/CodecCheck.class ] \
  || fail "no test classes (the codec check and the sandbox are test code): build without -Dmaven.test.skip"
headless="-Dglass.platform=Headless -Dprism.order=sw"
millis() { date +%s%3N; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }

# 1. Sizes
# On disk: allocated blocks (du -sk), not just the files' lengths.
runtime_bytes=$(( $(du -sk "$image/lib/runtime" | cut -f1) * 1024 ))
[ "$runtime_bytes" -le 80000000 ] || fail "the runtime takes $(mb "$runtime_bytes") on disk (bar: 80 MB)"
echo "ok   runtime on disk: $(mb "$runtime_bytes") ($runtime_bytes bytes; bar 80 MB)"
for installer in target/dist/*.deb target/dist/*.rpm; do
  [ -f "$installer" ] || continue
  bytes=$(wc -c < "$installer" | tr -d ' ')
  [ "$bytes" -le 45000000 ] || fail "$(basename "$installer") is $(mb "$bytes") (bar: 45 MB)"
  echo "ok   $(basename "$installer"): $(mb "$bytes") ($bytes bytes; bar 45 MB)"
done

deb=$(ls target/dist/*.deb 2>/dev/null | head -n 1 || true)
if [ -n "$deb" ] && command -v dpkg-deb >/dev/null; then
  dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/mirrorscope/lib/MirrorScope.png | cmp -s - packaging/icons/mirrorscope.png \
    || fail "the .deb's menu icon is not packaging/icons/mirrorscope.png"
  echo "ok   the .deb's menu icon is MirrorScope's"
fi

# 2. Command line and codecs
out=$("$launcher" --version) || fail "--version exited $?"
grep -q '^MirrorScope ' <<<"$out" || fail "--version printed: $out"
echo "ok   --version: $(head -n 1 <<<"$out")"

out=$("$launcher" inventory --help) || fail "inventory --help exited $?"
grep -q 'Usage: mirrorscope inventory' <<<"$out" || fail "inventory --help printed: $out"
echo "ok   inventory --help"

set +e
"$launcher" --no-such-option 2>/dev/null
code=$?
set -e
[ "$code" -eq 2 ] || fail "an unknown option exited $code, not 2"
echo "ok   unknown option exits 2"

appdir=$image/lib/app
classpath=$(sed -n "s|^app.classpath=\$APPDIR|$appdir|p" "$appdir/MirrorScope.cfg" | paste -sd: -)
out=$("$image/lib/runtime/bin/java" --enable-native-access=ALL-UNNAMED -cp "target/test-classes:$classpath" io.mirrorscope.testkit.CodecCheck) \
  || fail "Kafka's codecs on the image's runtime: $out"
sed 's/^/     /' <<<"$out"
echo "ok   gzip, snappy, lz4 and zstd round trips with the installer's jars"

# 3. The window, timed from exec to shown (the app prints the wall-clock time it saw the window shown)
shown_after() { # label, JAVA_TOOL_OPTIONS, command...: runs `command --smoke`, prints ms from exec to window shown
  local label=$1 options=$2 start out shown
  shift 2
  start=$(millis)
  out=$(env "JAVA_TOOL_OPTIONS=$options" "$@" --smoke 2>&1) || fail "--smoke ($label): $out"
  shown=$(sed -n 's/.*main window shown at \([0-9]*\) ms.*/\1/p' <<<"$out")
  [ -n "$shown" ] || fail "--smoke ($label) printed: $out"
  echo $((shown - start))
}
window() { # label, extra JVM options
  local label=$1 ms times=""
  for run in 1 2 3 4 5; do
    ms=$(shown_after "$label" "$headless $2" "$launcher")
    echo "ok   window shown $label (run $run): $ms ms after exec"
    times="$times$ms"$'\n'
  done
  echo "ok   window shown $label: median $(sed '/^$/d' <<<"$times" | sort -n | sed -n 3p) ms of 5 runs"
}
# AOTMode=on: the JVM refuses to start when it cannot use the cache, instead of starting slower
window "with the AOT cache" "-XX:AOTMode=on"
window "without the AOT cache" "-XX:AOTMode=off"
# JavaFX loads its natives from the runtime's lib/: nothing is extracted into the user's home
scratch_home=$(mktemp -d)
HOME=$scratch_home JAVA_TOOL_OPTIONS="$headless" "$launcher" --smoke >/dev/null 2>&1 || fail "--smoke with a new HOME"
[ ! -e "$scratch_home/.openjfx" ] || fail "JavaFX extracted natives into $scratch_home/.openjfx"
rm -rf "$scratch_home"
echo "ok   JavaFX's natives load from the runtime (nothing extracted into ~/.openjfx)"
# A real window: GTK glass and the prism pipelines from the runtime's lib/, on an X server (Xvfb)
if command -v xvfb-run >/dev/null; then
  out=$(xvfb-run -a -s "-screen 0 1400x900x24" "$launcher" --smoke 2>&1) || fail "--smoke under Xvfb: $out"
  grep -q 'main window shown' <<<"$out" || fail "--smoke under Xvfb printed: $out"
  echo "ok   window shown on an X server (Xvfb, GTK glass)"
else
  echo "skip window on an X server: no xvfb-run (Debian: xvfb)"
fi

# 4. The image against the sandbox
if $with_sandbox; then
  log=$(mktemp)
  SANDBOX_PREBUILT=1 scripts/sandbox > "$log" 2>&1 &
  sandbox=$!
  stop_sandbox() { kill "$sandbox" 2>/dev/null || true; wait "$sandbox" 2>/dev/null || true; rm -f "$log"; }
  trap stop_sandbox EXIT
  for _ in $(seq 1 180); do
    grep -q '^SANDBOX READY' "$log" && break
    kill -0 "$sandbox" 2>/dev/null || { cat "$log" >&2; fail "the sandbox stopped before it was ready"; }
    sleep 1
  done
  ready=$(grep '^SANDBOX READY' "$log") || { tail -20 "$log" >&2; fail "the sandbox was not ready after 180 s"; }
  kubeconfig=$(sed -n 's/.*kubeconfig=\([^ ]*\).*/\1/p' <<<"$ready")
  k=(--kubeconfig "$kubeconfig" --context sandbox -n amq-streams)

  out=$("$launcher" inventory "${k[@]}" -o json) || fail "inventory against the sandbox exited $?: $out"
  for want in '"europe-cluster"' '"us-cluster"' '"targetTopicPrefix" *: *"europe-cluster\."'; do
    grep -Eq "$want" <<<"$out" || fail "inventory against the sandbox lacks $want: $out"
  done
  echo "ok   inventory against the sandbox: europe-cluster mirrored to us-cluster"

  out=$("$launcher" records "${k[@]}" --cluster europe-cluster --topic my-topic --last 2 -o json) \
    || fail "records from europe-cluster exited $?: $out"
  grep -Eq '"value" *: *"Hello world - [0-9]+"' <<<"$out" \
    || fail "records from europe-cluster printed: $out"
  echo "ok   records from europe-cluster over mTLS: $(grep -c . <<<"$out") records (the last 2 of each of its 12 partitions)"
  stop_sandbox
  trap - EXIT
fi

# 5. The installed .deb
if $install_deb; then
  [ -n "$deb" ] || fail "no .deb in target/dist to install"
  export DEBIAN_FRONTEND=noninteractive
  # Its dependencies (xdg-utils, X libraries) come from the Debian mirror: refresh the lists once if needed.
  apt-get install -y -qq "./$deb" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "./$deb" >/dev/null; }
  trap 'apt-get remove -y -qq mirrorscope >/dev/null || true' EXIT
  [ -x /usr/bin/mirrorscope ] || fail "the deb did not put mirrorscope on the PATH"
  mirrorscope --version | grep -q '^MirrorScope ' || fail "installed mirrorscope --version"
  [ -s /opt/mirrorscope/lib/app/mirrorscope.aot ] || fail "postinst made no AOT cache"
  ms=$(shown_after "installed, with its AOT cache" "$headless -XX:AOTMode=on" mirrorscope)
  echo "ok   installed deb: mirrorscope on the PATH, AOT cache made, window shown $ms ms after exec"
fi
echo "smoke test passed"
