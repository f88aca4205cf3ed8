#!/usr/bin/env bash
# The .deb holds exactly the files docs/install.md lists (between the package-contents
# markers), its conffile, maintainer scripts and dependencies are what they should be.
#   package_contents_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$1
docs=$2/docs/install.md
deb=$(ls "$build_dir"/ttmtrack_*.deb | head -n 1)
work=$(mktemp -d "${TMPDIR:-/tmp}/ttmtrack-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Files and links (not folders), as absolute paths.
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sed 's|^\./|/|' | sort >"$work/actual"
sed -n '/<!-- package-contents -->/,/<!-- \/package-contents -->/p' "$docs" |
  grep '^/' | sort >"$work/documented"
if ! diff -u "$work/documented" "$work/actual"; then
  echo "the package contents (+) differ from docs/install.md (-)"
  exit 1
fi
echo "contents: $(wc -l <"$work/actual") files, as documented"

dpkg-deb -e "$deb" "$work/control"
grep -qx '/etc/ttmtrack/ttmtrack.conf' "$work/control/conffiles"
for script in postinst prerm postrm; do
  [[ -x $work/control/$script ]] || { echo "$script is missing or not executable"; exit 1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# From dpkg-shlibdeps: the libraries the binaries link; adduser for the maintainer scripts.
for needed in adduser libc6 libstdc++6 libsqlite3-0 libxml2 libpocofoundation80 libpoconet80 \
  libpoconetssl80 libpocoutil80 libfmt9; do
  grep -q "\b$needed\b" <<<"$depends" || { echo "Depends lacks $needed"; exit 1; }
done
# Man pages and the changelog are compressed, as Debian wants them.
! grep -E '^/usr/share/man/.*[^z]$' "$work/actual"
