# Precompiled headers for the heaviest third-party headers (GoogleTest, CLI11, nlohmann/json,
# Poco, fmt): each is parsed once per target instead of once per source file, which is most of
# what a test or command source costs to compile. Only headers we do not own are precompiled,
# so a source still has to include what it uses: clang-tidy (scripts/clang-tidy.py) compiles every
# file without them. -DTTMTRACK_PRECOMPILED_HEADERS=OFF turns them off.
option(TTMTRACK_PRECOMPILED_HEADERS "Precompile the heaviest third-party headers per target" ON)

# ttmtrack_precompile(<target> [DEBUG_ONLY] <header>...), e.g.
# ttmtrack_precompile(ttmtrack_cli <CLI/CLI.hpp>). DEBUG_ONLY: only in Debug builds (dev, asan).
# The test programs use it: GCC 12 at -O2 reports -Warray-bounds inside libstdc++'s string code
# in a test file when GoogleTest comes precompiled (not when it is included): a false positive
# in code we do not own that would stop the ci build, which compiles the tests once anyway.
function(ttmtrack_precompile target)
  if(NOT TTMTRACK_PRECOMPILED_HEADERS)
    return()
  endif()
  set(headers ${ARGN})
  if("${ARGV1}" STREQUAL "DEBUG_ONLY")
    list(POP_FRONT headers)
    list(TRANSFORM headers REPLACE "^<(.*)>$" "$<$<CONFIG:Debug>:<\\1$<ANGLE-R>>")
  endif()
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
