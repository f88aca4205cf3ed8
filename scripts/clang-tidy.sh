#!/usr/bin/env bash
# clang-tidy with the house checks (.clang-tidy: warnings are errors) on every source file of a
# built tree, in parallel (run-clang-tidy, one clang-tidy per core). scripts/test.sh runs it on
# the ci build; the build must have run first (it makes the generated schema header).
#   scripts/clang-tidy.sh [BUILD_DIR] [FILE_REGEX]     default: build/ci, every file
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/ci}
files=${2:-.}
if [[ ! -f "$build/compile_commands.json" ]]; then
  echo "clang-tidy.sh: no $build/compile_commands.json: configure and build first" >&2
  exit 66
fi
# The compile commands without the precompiled headers (cmake/PrecompiledHeaders.cmake): clang
# cannot read GCC's, and without them every file must include what it uses.
mkdir -p "$build/tidy"
sed -E 's# -Winvalid-pch -include [^ "]*cmake_pch\.hxx##g' "$build/compile_commands.json" \
  >"$build/tidy/compile_commands.json"
# -Wno-unknown-warning-option: the compile commands are GCC's (-Wno-restrict is unknown to clang).
status=0
run-clang-tidy -quiet -p "$build/tidy" -j "$(nproc)" -extra-arg=-Wno-unknown-warning-option \
  "$files" >"$build/tidy/output.log" 2>&1 || status=$?
# Diagnostics only: without colours and clang-tidy's per-file chatter.
sed -E 's/\x1b\[[0-9;]*m//g' "$build/tidy/output.log" |
  grep -v -E '^[0-9]+ warnings?( and [0-9]+ errors?)? generated\.$|^Suppressed [0-9]+ warnings|^Use -header-filter=|^clang-tidy(-[0-9]+)? .* -quiet ' ||
  true
exit "$status"
