#pragma once

#include <string>
#include <string_view>

#include "nasl/runner/ast.hpp"

// Entry points of the NASL parser: the full NASL2 grammar of openvas-scanner.
// Both functions throw ttmtrack::Error:
//   kBadInput — the first lexical or syntax error, with context {file, line, column}, so what()
//               reads "FILE:LINE:COL: message";
//   kNoInput  — (ParseFile only) the file cannot be read.
// `include("x.inc");` is parsed as a statement; the included file is not read here.
// Thread-safe: no shared state.
namespace ttmtrack::nasl::runner {

Program ParseSource(std::string_view source, const std::string& file_name);
Program ParseFile(const std::string& path);

}  // namespace ttmtrack::nasl::runner
