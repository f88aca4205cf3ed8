#!/usr/bin/env bash
# The package's whole life on this machine, as docs/install.md describes it: install, run
# `ttmtrack --version` and `man ttmtrack`, drop the bundled samples into the spool folder, run
# the service's ExecStart line as the service's user (what systemd would do; no running
# systemd is needed), find the report and the samples in done/, then purge and find nothing
# left: no user, group, unit, file or folder.
# Needs root (CI runs the test command as root); skipped otherwise. Refuses to touch a machine
# where ttmtrack is installed or a ttmtrack user exists.
#   package_round_trip_test.sh BUILD_DIR
set -euo pipefail
build_dir=$1

if [[ $(id -u) -ne 0 ]]; then
  echo "skipped: the round trip installs a package; run the tests as root (CI does)"
  exit 77
fi
deb=$(ls "$build_dir"/ttmtrack_*.deb | head -n 1)
# Status "install ok installed", "deinstall ok config-files", ...; a purged package is
# unknown or "not-installed".
if dpkg-query -W -f='${Status}' ttmtrack 2>/dev/null | grep -qv 'not-installed'; then
  echo "a ttmtrack package is installed on this machine: the round trip would replace it"
  exit 1
fi
if getent passwd ttmtrack >/dev/null || getent group ttmtrack >/dev/null; then
  echo "a ttmtrack user or group exists on this machine: the round trip would take it over"
  exit 1
fi

# The steps run in a child bounded by `timeout`, well inside ctest's TIMEOUT (which kills
# without warning): however the child ends — a failed step, a hang, a signal — this shell is
# still there to purge what it installed, so the machine never keeps the package, its user or
# /etc/ttmtrack.
if [[ ${TTMTRACK_ROUND_TRIP_STEPS:-} != yes ]]; then
  status=0
  TTMTRACK_ROUND_TRIP_STEPS=yes timeout --kill-after=10 480 "$0" "$@" || status=$?
  [[ $status -eq 124 || $status -eq 137 ]] && echo "FAILED: the round trip took over 480 s"
  if dpkg-query -W -f='${Status}' ttmtrack 2>/dev/null | grep -qv 'not-installed'; then
    echo "== cleaning up: purging the package the failed round trip left"
    dpkg --purge ttmtrack || true
  fi
  exit $status
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/ttmtrack-roundtrip.XXXXXX")
chmod 0755 "$work"
trap 'rm -rf "$work"' EXIT
step() { echo "== $*"; }
fail() { echo "FAILED: $*"; exit 1; }

step "install $(basename "$deb")"
# Minimal images (debian:*-slim) tell dpkg to skip man pages; this test renders ours.
dpkg --path-include='/usr/share/man/man1/tt*' -i "$deb"

step "ttmtrack --version"
version=$(dpkg-deb -f "$deb" Version)
[[ $(ttmtrack --version) == "${version%-*}" ]] || fail "ttmtrack --version: $(ttmtrack --version)"

step "man ttmtrack renders"
[[ -f /usr/share/man/man1/ttmtrack.1.gz ]] ||
  fail "no man page installed"
for page in ttmtrack ttmtrack-run ttmtrack-import ttm-fake-server; do
  rendered=$(MANWIDTH=80 man -P cat "$page" 2>"$work/man.err") || fail "man $page"
  if grep -qiE 'warning|error' "$work/man.err"; then cat "$work/man.err"; fail "man $page"; fi
  grep -q "^NAME" <<<"$rendered" || fail "man $page has no NAME section"
done
grep -q 'ttmtrack-run - the nightly job' <<<"$(MANWIDTH=80 man -P cat ttmtrack-run)"

step "the system user, its folders and the enabled timer"
getent passwd ttmtrack | grep -q ':/var/lib/ttmtrack:/usr/sbin/nologin$' || fail "user"
[[ $(stat -c '%U:%G %a' /var/spool/ttmtrack/incoming) == "ttmtrack:ttmtrack 2770" ]] ||
  fail "incoming: $(stat -c '%U:%G %a' /var/spool/ttmtrack/incoming)"
[[ $(stat -c '%U:%G %a' /var/lib/ttmtrack) == "ttmtrack:ttmtrack 750" ]] || fail "/var/lib"
[[ -d /var/lib/ttmtrack/report && -d /var/spool/ttmtrack/done && -d /var/spool/ttmtrack/failed ]]
[[ -L /etc/systemd/system/timers.target.wants/ttmtrack-nightly.timer ]] || fail "timer not enabled"

step "drop the packaged samples into the spool folder (written ten minutes ago: settled)"
install -m 0640 -g ttmtrack /usr/share/ttmtrack/samples/* /var/spool/ttmtrack/incoming/
touch -d '-10 minutes' /var/spool/ttmtrack/incoming/*

step "run the service's ExecStart as its user"
unit=/lib/systemd/system/ttmtrack-nightly.service
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
user=$(sed -n 's/^User=//p' "$unit")
unit_umask=$(sed -n 's/^UMask=//p' "$unit")
echo "$user: $exec_start (umask $unit_umask)"
status=0
(cd / && umask "$unit_umask" &&
  runuser -u "$user" -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 $exec_start) \
  >"$work/out" 2>"$work/err" || status=$?
cat "$work/err" "$work/out"
[[ $status -eq 0 ]] || fail "ExecStart exited $status"
grep -q '^files: *4 imported' "$work/out" || fail "the summary does not say 4 imported"
[[ -f /var/lib/ttmtrack/report/index.html ]] || fail "no report"
[[ $(ls /var/spool/ttmtrack/done | wc -l) -eq 4 ]] || fail "done/: $(ls /var/spool/ttmtrack/done)"
[[ -z $(ls -A /var/spool/ttmtrack/incoming) ]] || fail "incoming is not empty"
[[ $(stat -c '%U' /var/lib/ttmtrack/ttmtrack.db) == ttmtrack ]] || fail "database owner"
runuser -u ttmtrack -- env -i PATH=/usr/bin:/bin ttmtrack status --format json >"$work/status"
[[ $(grep -c '"ip"' "$work/status") -eq 4 ]] || fail "status does not show the 4 exposures"

step "purge"
dpkg --purge ttmtrack
getent passwd ttmtrack >/dev/null && fail "the user ttmtrack is left"
getent group ttmtrack >/dev/null && fail "the group ttmtrack is left"
left=$(find /etc /var /usr /lib /opt \( -path /var/tmp -o -path /var/cache/man \) -prune -o \
  \( -name '*ttmtrack*' -o -name 'ttm-fake-server*' -o -name 'ttm_cmd_*.nasl' \) -print 2>/dev/null)
[[ -z $left ]] || fail "left behind: $left"
echo "== the round trip left nothing behind"
