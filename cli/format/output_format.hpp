#pragma once

#include <array>
#include <string_view>

#include "core/enum_text.hpp"

namespace ttmtrack::cli {

// The --format choices every listing command takes.
enum class OutputFormat { kTable, kJson, kCsv };

}  // namespace ttmtrack::cli

namespace ttmtrack::core {

template <>
struct EnumTexts<cli::OutputFormat> {
  static constexpr std::string_view kName = "output format";
  static constexpr std::array<EnumText<cli::OutputFormat>, 3> kTexts{{
      {cli::OutputFormat::kTable, "table"},
      {cli::OutputFormat::kJson, "json"},
      {cli::OutputFormat::kCsv, "csv"},
  }};
};

}  // namespace ttmtrack::core
