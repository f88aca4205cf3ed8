# cmake -DSOURCE_DIR=<repository> -P no_climbing_includes.cmake
# Fails when a source of ours includes a path with "..": such an include reaches past the
# module's include root (cmake/IncludeRoots.cmake) and around the layering check.
file(GLOB_RECURSE sources LIST_DIRECTORIES false
  ${SOURCE_DIR}/core/*.[ch]pp ${SOURCE_DIR}/importer/*.[ch]pp ${SOURCE_DIR}/db/*.[ch]pp
  ${SOURCE_DIR}/reports/*.[ch]pp ${SOURCE_DIR}/cli/*.[ch]pp ${SOURCE_DIR}/nasl/*.[ch]pp
  ${SOURCE_DIR}/tools/*.[ch]pp ${SOURCE_DIR}/bench/*.[ch]pp ${SOURCE_DIR}/fuzz/*.[ch]pp
  ${SOURCE_DIR}/tests/*.[ch]pp)
list(LENGTH sources count)
if(count LESS 100)
  message(FATAL_ERROR "found only ${count} sources under ${SOURCE_DIR}: wrong SOURCE_DIR?")
endif()
set(offenders "")
foreach(source IN LISTS sources)
  file(STRINGS ${source} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<][^\">]*\\.\\.")
  foreach(line IN LISTS lines)
    file(RELATIVE_PATH relative ${SOURCE_DIR} ${source})
    string(APPEND offenders "\n  ${relative}: ${line}")
  endforeach()
endforeach()
if(offenders)
  message(FATAL_ERROR "includes that climb out of their folder (use the module's path):${offenders}")
endif()
message(STATUS "${count} sources, no include with \"..\"")
