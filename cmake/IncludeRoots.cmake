# Each module gets an include root of its own, so the layering of STYLE.md §1 is checked by the
# compiler: a target sees the headers of the modules it links and no others.
#
#   ttmtrack_include_root(<target> <PUBLIC|PRIVATE|INTERFACE> <folder>...)
#
# makes <build>/include_roots/<target>/<folder> a symbolic link to <source>/<folder> and adds
# <build>/include_roots/<target> to the target's include directories. Headers keep their
# spelling (#include "core/error.hpp", "nasl/fake_server/fake_server.hpp"), but "db/store.hpp"
# resolves only for a target that links ttmtrack::db: for `reports` it is "No such file or
# directory", and the build fails. The repository root is never an include directory of a
# module; tests/layering proves the forbidden includes fail (tests/layering/CMakeLists.txt).
#
# A folder may be given by more than one target (tests/ by every test program); each gets its
# own link. Relative includes that climb out of a module ("../db/store.hpp") are not caught by
# this; the layering tests check that no source does that.
function(ttmtrack_include_root target scope)
  if(NOT ARGN)
    message(FATAL_ERROR "ttmtrack_include_root(${target}): no folder given")
  endif()
  set(root ${CMAKE_BINARY_DIR}/include_roots/${target})
  foreach(folder IN LISTS ARGN)
    set(source ${PROJECT_SOURCE_DIR}/${folder})
    if(NOT IS_DIRECTORY ${source})
      message(FATAL_ERROR "ttmtrack_include_root(${target}): ${source} is not a folder")
    endif()
    get_filename_component(parent ${root}/${folder} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})
    file(CREATE_LINK ${source} ${root}/${folder} SYMBOLIC)
  endforeach()
  target_include_directories(${target} ${scope} $<BUILD_INTERFACE:${root}>)
endfunction()
