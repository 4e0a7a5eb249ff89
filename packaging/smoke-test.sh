#!/usr/bin/env bash
# Smoke test of the built app image (run by ./mvnw -Pinstaller verify): the launcher answers as a CLI, and the
# window opens on JavaFX's headless platform and closes with exit 0 (with and without the AOT cache). A module
# missing from jlink.config shows up here as a failure, not on a user's machine.
#   usage: packaging/smoke-test.sh [--install-deb]   (--install-deb: also install the .deb with apt, check
#          `mirrorscope` on the PATH, and remove it again; needs root)
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=target/dist/MirrorScope/bin/MirrorScope
[ -x "$launcher" ] || { echo "no app image at $launcher (run ./mvnw -Pinstaller package first)" >&2; exit 1; }
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
headless=(env "JAVA_TOOL_OPTIONS=-Dglass.platform=Headless -Dprism.order=sw")

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

for run in 1 2 3; do
  out=$("${headless[@]}" "$launcher" --smoke 2>/dev/null) || fail "--smoke exited $?"
  echo "ok   window shown (run $run): ${out##*after }"
done
for run in 1 2 3; do
  out=$(env "JAVA_TOOL_OPTIONS=-Dglass.platform=Headless -Dprism.order=sw -XX:AOTMode=off" "$launcher" --smoke \
    2>/dev/null) || fail "--smoke without the AOT cache exited $?"
  echo "ok   window shown without the AOT cache (run $run): ${out##*after }"
done

if [ "${1:-}" = "--install-deb" ]; then
  deb=$(ls target/dist/*.deb | head -n 1)
  export DEBIAN_FRONTEND=noninteractive
  # Its dependencies (xdg-utils, X libraries) come from the Debian mirror: refresh the lists once if needed.
  apt-get install -y -qq "./$deb" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "./$deb" >/dev/null; }
  trap 'apt-get remove -y -qq mirrorscope >/dev/null || true' EXIT
  [ -x /usr/bin/mirrorscope ] || fail "the deb did not put mirrorscope on the PATH"
  mirrorscope --version | grep -q '^MirrorScope ' || fail "installed mirrorscope --version"
  [ -s /opt/mirrorscope/lib/app/mirrorscope.aot ] || fail "postinst made no AOT cache"
  out=$("${headless[@]}" mirrorscope --smoke 2>/dev/null) || fail "installed --smoke"
  echo "ok   installed deb: mirrorscope on the PATH, AOT cache made, window shown: ${out##*after }"
fi
echo "smoke test passed"
