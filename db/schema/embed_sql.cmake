# Generates a C++ header that embeds the migration scripts, so the SQL is written once, in
# the .sql files, and never copied by hand (docs/schema.md, "Migrations").
# Usage: cmake -DOUTPUT=<header> -DINPUTS=<a.sql;b.sql> [-DNAMESPACE=<ns>] -P embed_sql.cmake
# Each input is schema_v<N>.sql; N is its version, applied in ascending order. NAMESPACE
# (default ttmtrack::db::schema) keeps each backend's scripts apart: SQLite's in the default,
# PostgreSQL's in ttmtrack::db::schema::postgresql.
if(NOT NAMESPACE)
  set(NAMESPACE "ttmtrack::db::schema")
endif()
set(_delimiter "ttmsql")
set(_entries "")
foreach(_input IN LISTS INPUTS)
  get_filename_component(_name ${_input} NAME)
  if(NOT _name MATCHES "^schema_v([0-9]+)\\.sql$")
    message(FATAL_ERROR "embed_sql: ${_name} is not named schema_v<N>.sql")
  endif()
  set(_version ${CMAKE_MATCH_1})
  file(READ ${_input} _sql)
  string(FIND "${_sql}" ")${_delimiter}\"" _clash)
  if(NOT _clash EQUAL -1)
    message(FATAL_ERROR "embed_sql: ${_name} contains the raw-string delimiter")
  endif()
  string(APPEND _entries "    {${_version}, R\"${_delimiter}(${_sql})${_delimiter}\"},\n")
endforeach()
set(_content "// Generated from schema_v*.sql by db/schema/embed_sql.cmake. Do not edit.
#pragma once

#include <string_view>

namespace ${NAMESPACE} {

struct EmbeddedMigration {
  int version;
  std::string_view sql;
};

// Ascending by version.
inline constexpr EmbeddedMigration kEmbeddedMigrations[] = {
${_entries}};

}  // namespace ${NAMESPACE}
")
# Rewrite only on change, so an unchanged schema does not rebuild the store.
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} _old)
  if(_old STREQUAL _content)
    return()
  endif()
endif()
file(WRITE ${OUTPUT} "${_content}")
