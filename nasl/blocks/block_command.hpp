#pragma once

#include <ostream>
#include <string>
#include <vector>

// `ttm-nasl-block`: prints, checks or rewrites the GENERATED blocks of the detection plugins
// (nasl/blocks/probe_blocks.hpp). On an argument vector (without the program name), so tests
// run it in-process; writes only the files `update` names.
namespace ttmtrack::nasl::blocks {

// Exit codes: 0 ok; 64 usage; 65 a block differs from its rendering (check) or a file's markers
// are malformed; 66 a file cannot be read; 74 a file cannot be written.
int RunBlockCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ttmtrack::nasl::blocks
