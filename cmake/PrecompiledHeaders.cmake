# Precompiled headers for the heaviest third-party headers (GoogleTest, CLI11, nlohmann/json,
# Poco, fmt): each is parsed once per target instead of once per source file, which is most of
# what a test or command source costs to compile. Only headers we do not own are precompiled,
# so a source still has to include what it uses: clang-tidy (scripts/clang-tidy.sh) compiles every
# file without them. -DTTMTRACK_PRECOMPILED_HEADERS=OFF turns them off.
option(TTMTRACK_PRECOMPILED_HEADERS "Precompile the heaviest third-party headers per target" ON)

# ttmtrack_precompile(<target> <header>...), e.g. ttmtrack_precompile(ttmtrack_cli <CLI/CLI.hpp>)
function(ttmtrack_precompile target)
  if(TTMTRACK_PRECOMPILED_HEADERS)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()
