#!/usr/bin/env bash
# The units pass `systemd-analyze verify` (no running systemd needed: a private root holds the
# system's units, ours, and the built ttmtrack as /usr/bin/ttmtrack), and the exposure score of
# `systemd-analyze security --offline` is the one docs/install.md states.
#   systemd_units_test.sh TTMTRACK_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
source_dir=$2
units=$source_dir/packaging/systemd

if ! command -v systemd-analyze >/dev/null; then
  echo "skipped: systemd-analyze is missing (Debian package systemd; scripts/setup-deps.sh --test)"
  exit 77
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/ttmtrack-units.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/bin" "$root/lib/systemd"
cp -r /lib/systemd/system "$root/lib/systemd/"
cp "$binary" "$root/usr/bin/ttmtrack"
cp "$units/ttmtrack-nightly.service" "$units/ttmtrack-nightly.timer" "$root/lib/systemd/system/"

# verify reports problems (unknown keys, bad values, a missing ExecStart binary) on stderr and
# may still exit 0: any output is a failure. Man pages are checked by the package tests.
output=$(systemd-analyze verify --man=no --root="$root" \
  ttmtrack-nightly.service ttmtrack-nightly.timer 2>&1) || {
  echo "systemd-analyze verify failed:"; echo "$output"; exit 1; }
if [[ -n $output ]]; then
  echo "systemd-analyze verify complained:"; echo "$output"; exit 1
fi
echo "verify: both units clean"

grep -qx 'ExecStart=/usr/bin/ttmtrack run' "$units/ttmtrack-nightly.service"
grep -qx 'Type=oneshot' "$units/ttmtrack-nightly.service"
grep -qx 'Persistent=true' "$units/ttmtrack-nightly.timer"

score=$(systemd-analyze security --offline=true --no-pager "$units/ttmtrack-nightly.service" 2>&1 |
  sed -n 's/.*Overall exposure level for ttmtrack-nightly.service: \([0-9.]*\).*/\1/p')
echo "security: exposure level $score"
[[ -n $score ]] || { echo "no exposure level in the output of systemd-analyze security"; exit 1; }
if ! grep -q "exposure level $score" "$source_dir/docs/install.md"; then
  echo "docs/install.md does not state the exposure level $score (systemd-analyze security)"
  exit 1
fi
