# cmake -DSOURCE_DIR=<repository> -P sqlite_only_behind_the_sql_layer.cmake
# Fails when a source outside the tests includes the SQLite backend (db/sqlite/) other than the
# backend itself and db/open_connection.cpp, the one place that picks a backend: the Store and
# everything else reach the database through db/sql/, so one Store runs on every backend
# (docs/schema.md, "The SQL layer"). Tests may open the SQLite file directly.
file(GLOB_RECURSE sources LIST_DIRECTORIES false
  ${SOURCE_DIR}/core/*.[ch]pp ${SOURCE_DIR}/importer/*.[ch]pp ${SOURCE_DIR}/db/*.[ch]pp
  ${SOURCE_DIR}/reports/*.[ch]pp ${SOURCE_DIR}/cli/*.[ch]pp ${SOURCE_DIR}/evidence/*.[ch]pp
  ${SOURCE_DIR}/nasl/*.[ch]pp ${SOURCE_DIR}/tools/*.[ch]pp ${SOURCE_DIR}/bench/*.[ch]pp
  ${SOURCE_DIR}/fuzz/*.[ch]pp)
list(LENGTH sources count)
if(count LESS 100)
  message(FATAL_ERROR "found only ${count} sources under ${SOURCE_DIR}: wrong SOURCE_DIR?")
endif()
set(offenders "")
foreach(source IN LISTS sources)
  file(RELATIVE_PATH relative ${SOURCE_DIR} ${source})
  if(relative MATCHES "^db/sqlite/" OR relative STREQUAL "db/open_connection.cpp")
    continue()
  endif()
  file(STRINGS ${source} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]db/sqlite/")
  foreach(line IN LISTS lines)
    string(APPEND offenders "\n  ${relative}: ${line}")
  endforeach()
endforeach()
if(offenders)
  message(FATAL_ERROR "the SQLite backend included outside db/sqlite/ and db/open_connection.cpp "
    "(use db/sql/):${offenders}")
endif()
message(STATUS "${count} sources, db/sqlite/ included only by itself and db/open_connection.cpp")
