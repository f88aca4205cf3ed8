# How the test tree registers its programs and tests (STYLE.md §6). Labels (ctest -L / -LE):
#   <module>   every test of tests/<module>/ (core, db, importer, reports, evidence, nasl, cli,
#              scenarios, tools, layering), set per folder with ttmtrack_test_labels()
#   slow       takes seconds (big generated exports, memory ceilings, busy-database waits,
#              compiler runs); the fast loop leaves these out
#   browser    starts chromium
#   package    the Debian package (tests/packaging: build, lintian, install round trip)
#   postgresql starts a private PostgreSQL server on loopback (tests/support/postgres_server.hpp)
# The fast loop (README): ctest --preset fast, which is -LE "slow|browser|package" on the dev
# build.

include(GoogleTest)

# Labels every test registered from the calling folder and its subfolders with `label...` (the
# folder's module). ctest applies a folder's LABELS to the tests that gtest discovery adds later.
function(ttmtrack_test_labels)
  set_property(DIRECTORY APPEND PROPERTY LABELS ${ARGN})
endfunction()

# A program of the test tree: it sees tests/ ("tests/db/fake_scan.hpp") besides the headers of
# the modules it links, GoogleTest is precompiled for it in Debug builds, and the
# ttmtrack_test_programs target builds it.
function(ttmtrack_test_program target)
  get_property(done TARGET ${target} PROPERTY TTMTRACK_TEST_PROGRAM)
  if(done)
    return()
  endif()
  set_property(TARGET ${target} PROPERTY TTMTRACK_TEST_PROGRAM ON)
  ttmtrack_include_root(${target} PRIVATE tests)
  ttmtrack_precompile(${target} DEBUG_ONLY <gtest/gtest.h>)
  set_property(GLOBAL APPEND PROPERTY TTMTRACK_TEST_PROGRAMS ${target})
endfunction()

# Programs a test runs that are not test programs themselves (ttmtrack, ttmtrack-gen, ...):
# ttmtrack_test_programs builds them too.
function(ttmtrack_test_needs)
  set_property(GLOBAL APPEND PROPERTY TTMTRACK_TEST_PROGRAMS ${ARGN})
endfunction()

# ttmtrack_discover_tests(<target> [TEST_FILTER <gtest filter>] [LABEL <label>]
#                         [PROPERTIES <name> <value>...])
# gtest_discover_tests at test time, with short names for parameterised tests
# ("Suite/Test/Name", not the printed parameter) and at most one extra label (slow, browser)
# on top of the folder's.
function(ttmtrack_discover_tests target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TEST_FILTER;LABEL" "PROPERTIES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "ttmtrack_discover_tests: unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  ttmtrack_test_program(${target})
  set(options DISCOVERY_MODE PRE_TEST NO_PRETTY_VALUES)
  if(arg_TEST_FILTER)
    list(APPEND options TEST_FILTER "${arg_TEST_FILTER}")
  endif()
  set(properties ${arg_PROPERTIES})
  if(arg_LABEL)
    # One value only: gtest discovery flattens lists in PROPERTIES.
    list(APPEND properties LABELS ${arg_LABEL})
  endif()
  if(properties)
    list(APPEND options PROPERTIES ${properties})
  endif()
  gtest_discover_tests(${target} ${options})
endfunction()

# After every test folder: ttmtrack_test_programs builds exactly what `ctest` runs (the asan
# run of scripts/test.sh builds only this, not the benchmark and the by-hand tools).
function(ttmtrack_add_test_programs_target)
  get_property(programs GLOBAL PROPERTY TTMTRACK_TEST_PROGRAMS)
  list(REMOVE_DUPLICATES programs)
  add_custom_target(ttmtrack_test_programs)
  add_dependencies(ttmtrack_test_programs ${programs})
endfunction()
