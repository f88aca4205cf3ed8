#pragma once

#include <map>
#include <string>

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

namespace ttmtrack::cli {

// For CLI11's transform: the spellings users type.
inline const std::map<std::string, OutputFormat>& OutputFormatNames() {
  static const std::map<std::string, OutputFormat> names = [] {
    std::map<std::string, OutputFormat> map;
    for (const auto& entry : core::EnumTexts<OutputFormat>::kTexts) {
      map.emplace(entry.text, entry.value);
    }
    return map;
  }();
  return names;
}

}  // namespace ttmtrack::cli
