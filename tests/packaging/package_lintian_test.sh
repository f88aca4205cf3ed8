#!/usr/bin/env bash
# lintian finds no error in the .deb, and every warning it still gives is listed, with the
# reason, in docs/install.md ("Lintian").
#   package_lintian_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$1
docs=$2/docs/install.md
if ! command -v lintian >/dev/null; then
  echo "skipped: lintian is missing (scripts/setup-deps.sh --test)"
  exit 77
fi
deb=$(ls "$build_dir"/ttmtrack_*.deb | head -n 1)

status=0
output=$(lintian --no-tag-display-limit --fail-on error "$deb" 2>&1) || status=$?
echo "$output"
if [[ $status -ne 0 ]] || grep -q '^E: ' <<<"$output"; then
  echo "lintian found errors"
  exit 1
fi
undocumented=0
for tag in $(sed -n 's/^W: ttmtrack[^:]*: \([a-z0-9-]*\).*/\1/p' <<<"$output" | sort -u); do
  if ! grep -q -- "\`$tag\`" "$docs"; then
    echo "lintian warning $tag is not listed in docs/install.md"
    undocumented=1
  fi
done
exit $undocumented
