#pragma once

#include <map>
#include <string>

namespace ttmtrack::cli {

// The --format choices every listing command takes.
enum class OutputFormat { kTable, kJson, kCsv };

// For CLI11's transform: the spellings users type.
inline const std::map<std::string, OutputFormat>& OutputFormatNames() {
  static const std::map<std::string, OutputFormat> kNames{
      {"table", OutputFormat::kTable}, {"json", OutputFormat::kJson}, {"csv", OutputFormat::kCsv}};
  return kNames;
}

}  // namespace ttmtrack::cli
