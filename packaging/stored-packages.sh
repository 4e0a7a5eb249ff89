#!/usr/bin/env bash
# Picks the "stored" lines of jlink.config: the packages that lib/modules keeps uncompressed (ADR 0003).
#   usage: packaging/stored-packages.sh BUDGET_MB     (after ./mvnw -Pinstaller package; prints the lines)
#
# jlink deflates each resource on its own; the .deb then packs the whole runtime with xz, which compresses
# uncompressed classes far better than it can re-compress deflated ones (it sees across files). Storing a package
# costs (raw - deflated) bytes on disk and saves about (deflated - xz) bytes in the installer. This measures both
# for every package of the runtime and takes the best savings per byte on disk until BUDGET_MB of disk is spent.
# Choose BUDGET_MB = 80 MB (the runtime's bar) - the runtime's size with no stored lines - a margin.
# The xz cost is measured per package alone, which overstates it: the real installer gains a little more.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:?BUDGET_MB}
: "${JAVA_HOME:?JAVA_HOME must point at a JDK 25}"
[ -d target/jfx ] || { echo "run ./mvnw -Pinstaller package first (it stages target/jfx)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. packaging/jlink-config.sh
"$JAVA_HOME/bin/jlink" --module-path target/jfx --add-modules "$modules" "${jlink_options[@]}" --compress zip-0 \
  --output "$work/runtime"
"$JAVA_HOME/bin/jimage" extract --dir "$work/x" "$work/runtime/lib/modules"

measure() { # one package folder: path raw deflated xz (files directly in it only)
  local dir=$1 raw deflated xz
  raw=$(find "$dir" -maxdepth 1 -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
  [ "$raw" -ge 50000 ] || return 0
  deflated=$(find "$dir" -maxdepth 1 -type f -exec sh -c 'gzip -6 -c "$1" | wc -c' _ {} \; \
    | awk '{s += $1 - 18} END {print s}')
  xz=$(cd "$dir" && find . -maxdepth 1 -type f -print0 | tar cf - --null -T - | xz -9 -T1 | wc -c)
  echo "${dir#"$work"/x/} $raw $deflated $xz"
}
export -f measure
export work
find "$work/x" -mindepth 2 -type d -print0 | xargs -0 -P "$(nproc)" -I{} bash -c 'measure "$1"' _ {} \
  > "$work/packages.txt"

awk '$2 > $3 { printf "%.6f %s %d %d %d\n", ($3 - $4) / ($2 - $3), $1, $2, $3, $4 }' "$work/packages.txt" \
  | sort -rn \
  | awk -v budget="$budget" '
      { cost = ($3 - $4) / 1e6; if (used + cost > budget) next; used += cost; saved += ($4 - $5) / 1e6
        print "stored " $2 }
      END { printf "# disk +%.1f MB; installer about -%.1f MB (each package measured alone)\n", used, saved }'
