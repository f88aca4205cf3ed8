# Compiles through ccache when it is installed, so a rebuild of sources already compiled (in this
# build tree, another preset's or a fresh clone's) is a cache hit. An explicit
# -DCMAKE_CXX_COMPILER_LAUNCHER wins; -DTTMTRACK_CCACHE=OFF turns it off. Without ccache nothing
# changes. Included before any target is made: the launcher is read when a target is created.
option(TTMTRACK_CCACHE "Compile through ccache when it is installed" ON)
if(TTMTRACK_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  find_program(TTMTRACK_CCACHE_PROGRAM ccache)
  if(TTMTRACK_CCACHE_PROGRAM)
    # Precompiled headers (cmake/PrecompiledHeaders.cmake) are cached only with pch_defines and
    # time_macros in ccache's sloppiness; the user's other settings are kept.
    execute_process(COMMAND ${TTMTRACK_CCACHE_PROGRAM} --get-config sloppiness
      OUTPUT_VARIABLE _ttm_sloppiness OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    string(REPLACE " " "" _ttm_sloppiness "${_ttm_sloppiness}")
    string(REPLACE "," ";" _ttm_sloppiness "${_ttm_sloppiness}")
    list(APPEND _ttm_sloppiness pch_defines time_macros)
    list(REMOVE_DUPLICATES _ttm_sloppiness)
    list(REMOVE_ITEM _ttm_sloppiness "")
    list(JOIN _ttm_sloppiness "," _ttm_sloppiness)
    set(_ttm_env "CCACHE_SLOPPINESS=${_ttm_sloppiness}")
    # Paths under base_dir are hashed relative to the build folder, so a clone in another folder
    # hits the same entries; when the user's base_dir does not cover this clone, this clone is it.
    execute_process(COMMAND ${TTMTRACK_CCACHE_PROGRAM} --get-config base_dir
      OUTPUT_VARIABLE _ttm_base_dir OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    string(FIND "${PROJECT_SOURCE_DIR}/" "${_ttm_base_dir}/" _ttm_at)
    if(_ttm_base_dir STREQUAL "" OR NOT _ttm_at EQUAL 0)
      list(APPEND _ttm_env "CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}")
    endif()
    set(CMAKE_CXX_COMPILER_LAUNCHER env ${_ttm_env} ${TTMTRACK_CCACHE_PROGRAM})
    message(STATUS "Compiling through ccache (${TTMTRACK_CCACHE_PROGRAM})")
  endif()
endif()
