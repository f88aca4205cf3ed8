#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/format/output_format.hpp"

namespace CLI {
class App;
class Option;
class Validator;
}  // namespace CLI

namespace ttmtrack::cli {

// Lets `option` take exactly one of `choices`, in any case (the value is replaced by the listed
// spelling); anything else fails with one line: "--format: 'yaml' is not one of
// table|json|csv" (exit 64). Help shows the choices after the option's name
// (`--format table|json|csv`). Returns `option`.
CLI::Option* RestrictTo(CLI::Option* option, std::vector<std::string> choices);

// --format for a listing command: `allowed` (default: every output format, from
// core::EnumTexts<OutputFormat>), shown in help as `--format table|json|csv`. Numbers and other
// spellings are usage errors (exit 64).
CLI::Option* AddFormatOption(
    CLI::App& command, OutputFormat& format,
    const std::vector<OutputFormat>& allowed = core::AllValues<OutputFormat>(),
    const std::string& description = "Output format (default: table)");

// --port N for a filter: 1-65535; anything else fails with "--port: Value 99999 not in range
// [1 - 65535]" (exit 64) rather than a conversion error.
CLI::Option* AddPortOption(CLI::App& command, std::optional<std::uint16_t>& port,
                           const std::string& description);

}  // namespace ttmtrack::cli
