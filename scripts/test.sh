#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what is missing, checks formatting, builds
# with warnings as errors and runs every test, then does it again under ASan+UBSan.
#   scripts/test.sh              everything
#   scripts/test.sh --no-asan    skip the sanitizer build (a quicker local loop)
set -euo pipefail
cd "$(dirname "$0")/.."

run_asan=1
[[ "${1:-}" == "--no-asan" ]] && run_asan=0

scripts/setup-deps.sh --test

echo "== format check (clang-format $(clang-format --version | grep -o '[0-9][0-9.]*' | head -1))"
git ls-files -z '*.cpp' '*.hpp' | xargs -0 -r clang-format --dry-run -Werror

jobs=$(nproc)
# Each tester's working state must not leak into the run: a fresh temp dir for databases and
# browser profiles, removed at the end.
export TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/ttmtrack-test.XXXXXX")
trap 'rm -rf "$TMPDIR"' EXIT

echo "== ci build (RelWithDebInfo, -Werror)"
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"
ctest --preset ci -j "$jobs"

if [[ $run_asan -eq 1 ]]; then
  echo "== asan build (address,undefined)"
  cmake --preset asan >/dev/null
  cmake --build --preset asan -j "$jobs"
  ctest --preset asan -j "$jobs"
fi
echo "== all tests passed"
