#!/usr/bin/env bash
# Installs the Debian 12 packages ttmtrack needs, and only those that are missing, so a second
# run on a ready machine takes well under a second and needs no network.
#   scripts/setup-deps.sh            build dependencies (what the demo needs)
#   scripts/setup-deps.sh --package  build + what the Debian package needs (docs/install.md)
#   scripts/setup-deps.sh --test     build + package + test dependencies (GoogleTest, chromium,
#                                    clang-format, clang-tidy, lintian, systemd-analyze, the
#                                    PostgreSQL server binaries)
# Quiet: one line saying what it installs, apt's and dpkg's output only when they fail (VERBOSE=1
# shows it all). Needs root for apt-get (uses sudo when not root and sudo exists).
set -euo pipefail

build_packages=(
  g++ make cmake pkg-config
  libxml2-dev libpoco-dev libssl-dev libsqlite3-dev zlib1g-dev
  libcli11-dev libfmt-dev nlohmann-json3-dev
  libpqxx-dev     # the PostgreSQL store's client library (brings libpq)
)
package_packages=(
  help2man        # man pages from --help at build time
  dpkg-dev        # dpkg-shlibdeps: the package's library dependencies
)
test_packages=(
  libgtest-dev libgmock-dev
  chromium        # reports are rendered and checked in a real headless browser
  fonts-liberation  # a Recommends of chromium we skip otherwise: screenshots need a font
  clang-format    # CI's format check (Debian 12's clang-format 14)
  openssl         # certificates made at test time for the HTTPS and STARTTLS notification tests
  lintian         # the package test: no lintian errors
  systemd         # systemd-analyze verify/security on the units (no running systemd needed)
  man-db          # the package round trip renders `man ttmtrack`
  adduser         # the package's maintainer scripts (round trip as root)
  clang-tidy      # the test command's clang-tidy step (clang-tidy 14; brings python3)
  unzip           # the evidence pack test unpacks `report --pack` as an auditor would
  postgresql      # initdb, pg_ctl, postgres: each test program's private server (docs/testing.md)
)

wanted=("${build_packages[@]}")
case "${1:-}" in
  --package) wanted+=("${package_packages[@]}") ;;
  --test) wanted+=("${package_packages[@]}" "${test_packages[@]}") ;;
esac

missing=()
for package in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup-deps: all ${#wanted[@]} packages present"
  exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then
    as_root=(sudo)
  else
    echo "setup-deps: missing packages (${missing[*]}) and not root: run this script as root" >&2
    exit 77
  fi
fi

echo "setup-deps: installing ${missing[*]}"
# The tests start private PostgreSQL servers of their own and never use a system cluster: tell
# postgresql-common not to create (and so not to start) its "main" cluster when the server
# package is installed. Only on a machine that has no server package yet, so an existing setup
# is left as it is. postgresql-common reads createcluster.d/ (include_dir in createcluster.conf).
if [[ " ${missing[*]} " == *" postgresql "* ]] && ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
  "${as_root[@]}" mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" |
    "${as_root[@]}" tee /etc/postgresql-common/createcluster.d/ttmtrack-no-main-cluster.conf >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
# -qq quiets apt but not dpkg ("Selecting previously unselected package", "Unpacking", "Setting
# up"): the whole output goes to a log, shown when a step fails or VERBOSE=1.
log=$(mktemp "${TMPDIR:-/tmp}/setup-deps.XXXXXX")
apt() {
  if [[ "${VERBOSE:-0}" == 1 ]]; then
    "${as_root[@]}" apt-get "$@" 2>&1 | tee -a "$log"
  elif ! "${as_root[@]}" apt-get "$@" >>"$log" 2>&1; then
    cat "$log" >&2
    echo "setup-deps: apt-get $1 failed (log above, kept in $log)" >&2
    exit 1
  fi
}
begin=$SECONDS
apt update -qq
apt install -y -qq --no-install-recommends "${missing[@]}"
rm -f "$log"
echo "setup-deps: installed ${#missing[@]} packages in $((SECONDS - begin)) s"
