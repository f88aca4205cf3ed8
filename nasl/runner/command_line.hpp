#pragma once

#include <iosfwd>
#include <string>
#include <vector>

// The `ttm-nasl` command line, callable in-process (tests pass an argument vector and read the
// streams). Commands:
//   ttm-nasl check FILE...      parse only; "FILE:LINE:COL: message" per failing file on err
//   ttm-nasl run --profile openvas|nessus [--target IP] [--kb NAME=VALUE]...
//                [--pref NAME=VALUE]... [--timeout-ms N] FILE
//                                one JSON object (see runner.hpp ToJson) on out
// Returns the process exit code: 0 ok, 64 usage, 65 parse error, 66 missing file, 70 internal.
namespace ttmtrack::nasl::runner {

int RunCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ttmtrack::nasl::runner
