#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what is missing, checks formatting, builds
# with warnings as errors, runs clang-tidy and every test, then builds again with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs every test again.
#   scripts/test.sh              everything, quietly: one line per step, failures in full, the
#                                reason of every skipped test, a summary
#   scripts/test.sh --verbose    the same with everything the tools print (also -v, VERBOSE=1)
#   scripts/test.sh --no-asan    without the sanitizer build (a quicker local loop)
# With CI=true (.ci/run sets it) a test that lacks a prerequisite (chromium, ../shared/corpus, the
# PostgreSQL server binaries, a free default port) fails instead of skipping. Full logs stay in
# build/<preset>/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."

run_asan=1
verbose=${VERBOSE:-0}
for arg in "$@"; do
  case "$arg" in
    --no-asan) run_asan=0 ;;
    -v | --verbose) verbose=1 ;;
    *) echo "usage: scripts/test.sh [--no-asan] [--verbose]" >&2; exit 64 ;;
  esac
done
[[ "$verbose" == 0 ]] || verbose=1
export VERBOSE=$verbose

jobs=$(nproc)
started=$SECONDS
passed_total=0 failed_total=0 skipped_total=0

# step NAME LOG COMMAND...: runs COMMAND; quiet, its output goes only to LOG and is printed
# (without make's progress lines) when it fails; verbose, it also goes to the terminal.
step() {
  local name=$1 log=$2
  shift 2
  local begin=$SECONDS status=0
  mkdir -p "$(dirname "$log")"
  if [[ $verbose -eq 1 ]]; then
    echo "== $name"
    "$@" 2>&1 | tee "$log" || status=${PIPESTATUS[0]}
  else
    printf '== %s ... ' "$name"
    "$@" >"$log" 2>&1 || status=$?
  fi
  if [[ $status -ne 0 ]]; then
    [[ $verbose -eq 1 ]] || { echo "FAILED"; grep -v -E '^\[ *[0-9]+%\] ' "$log" | tail -n 200; }
    echo "== $name failed (exit $status) after $((SECONDS - begin)) s; full log: $log" >&2
    summary
    exit "$status"
  fi
  [[ $verbose -eq 1 ]] && echo "== $name: $((SECONDS - begin)) s" || echo "$((SECONDS - begin)) s"
}

summary() {
  echo "== $((SECONDS - started)) s in all"
  echo "tests: $passed_total passed, $failed_total failed, $skipped_total skipped"
}

# tests PRESET: ctest with the preset (output on failure). Quiet, prints the failures in full,
# every skipped test with its reason, and a count line; verbose, also every test's line.
tests() {
  local preset=$1 build=build/$1 begin=$SECONDS status=0
  local log=$build/logs/ctest.log
  mkdir -p "$build/logs"
  echo "== $preset tests"
  if [[ $verbose -eq 1 ]]; then
    ctest --preset "$preset" -j "$jobs" 2>&1 | tee "$log" || status=${PIPESTATUS[0]}
  else
    ctest --preset "$preset" -j "$jobs" >"$log" 2>&1 || status=$?
    # Everything but the start and pass lines of single tests: failures with their output,
    # ctest's own summary and errors.
    grep -v -E '^ *Start +[0-9]+: |^ *[0-9]+/[0-9]+ Test +#[0-9]+: .*(Passed|\*\*\*Skipped) +[0-9.]+ sec$' \
      "$log" | sed -e '/^Label Time Summary:/,/^$/d' -e '/^The following tests did not run:/,/^$/d' |
      cat -s || true
  fi
  local passed failed skipped
  passed=$(grep -c -E '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed +[0-9.]+ sec$' "$log" || true)
  skipped=$(grep -c -E '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .*\*\*\*Skipped +[0-9.]+ sec$' "$log" || true)
  failed=$(grep -c -E '^ *[0-9]+/[0-9]+ Test +#[0-9]+: ' "$log" || true)
  failed=$((failed - passed - skipped))
  if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi  # ctest itself failed
  if [[ $skipped -gt 0 ]]; then
    echo "skipped (set CI=true to make these failures):"
    skip_reasons "$build/Testing/Temporary/LastTest.log"
  fi
  passed_total=$((passed_total + passed))
  failed_total=$((failed_total + failed))
  skipped_total=$((skipped_total + skipped))
  echo "$preset: $passed passed, $failed failed, $skipped skipped ($((SECONDS - begin)) s)"
  if [[ $status -ne 0 ]]; then
    echo "== $preset tests failed; full log: $log" >&2
    summary
    exit "$status"
  fi
}

# The reason each skipped test gave: GoogleTest prints "FILE:LINE: Skipped" and the message
# on the lines after it, in the test's output that ctest keeps in LastTest.log.
skip_reasons() {
  awk '
    /^[0-9]+\/[0-9]+ Test: / { name = $3; reason = ""; grab = 0; next }
    /: Skipped$/ { grab = 1; next }
    grab && /^\[  SKIPPED \]/ { grab = 0; next }
    grab && NF { reason = reason (reason == "" ? "" : " ") $0; next }
    /^Skip regular expression found in output/ { printf "  %s: %s\n", name, reason }
  ' "$1"
}

step "setup (scripts/setup-deps.sh --test)" build/logs/setup-deps.log scripts/setup-deps.sh --test

step "format check (clang-format $(clang-format --version | grep -o '[0-9][0-9.]*' | head -1))" \
  build/logs/format.log \
  bash -c "git ls-files -z '*.cpp' '*.hpp' | xargs -0 -r clang-format --dry-run -Werror"

# Each tester's working state must not leak into the run: a fresh temp dir for databases and
# browser profiles, removed at the end.
TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/ttmtrack-test.XXXXXX")
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT

step "ci configure" build/ci/logs/configure.log cmake --preset ci
step "ci build (-Werror)" build/ci/logs/build.log cmake --build --preset ci -j "$jobs"
# clang-tidy on every file of the ci build, warnings as errors (.clang-tidy): a finding fails the
# run. It costs about 5 s of CPU a file the first time on a machine (scripts/clang-tidy.py keeps
# the files found clean in ~/.cache/ttmtrack/clang-tidy, so later runs check only what changed),
# so it runs beside the sanitizer build, at a lower priority, and is waited for before the
# sanitizer tests; without that build (--no-asan) it runs here, before the tests.
tidy_log=build/ci/logs/clang-tidy.log tidy_pid="" tidy_begin=0
start_tidy() {
  tidy_begin=$SECONDS
  echo "== clang-tidy (.clang-tidy, warnings as errors, every file): started"
  nice -n 10 scripts/clang-tidy.py build/ci >"$tidy_log" 2>&1 &
  tidy_pid=$!
}
wait_tidy() {
  local status=0
  printf '== clang-tidy ... '
  wait "$tidy_pid" || status=$?
  tidy_pid=""
  if [[ $status -ne 0 ]]; then
    echo "FAILED"
    cat "$tidy_log"
    echo "== clang-tidy failed (exit $status) after $((SECONDS - tidy_begin)) s;" \
      "full log: $tidy_log" >&2
    summary
    exit "$status"
  fi
  echo "$(tail -n 1 "$tidy_log") in $((SECONDS - tidy_begin)) s"
}
trap 'rm -rf "$TMPDIR"; [[ -z "$tidy_pid" ]] || kill "$tidy_pid" 2>/dev/null || true' EXIT
if [[ $run_asan -eq 0 ]]; then
  start_tidy
  wait_tidy
fi
tests ci

if [[ $run_asan -eq 1 ]]; then
  start_tidy
  step "asan configure" build/asan/logs/configure.log cmake --preset asan
  step "asan build (address,undefined; test programs only)" build/asan/logs/build.log \
    cmake --build --preset asan -j "$jobs" --target ttmtrack_test_programs
  wait_tidy
  tests asan
fi
summary
