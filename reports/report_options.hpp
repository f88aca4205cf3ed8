#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/enum_text.hpp"
#include "core/ip_network.hpp"

namespace ttmtrack::reports {

enum class ReportFormat { kHtml, kJson };

}  // namespace ttmtrack::reports

namespace ttmtrack::core {

template <>
struct EnumTexts<reports::ReportFormat> {
  static constexpr std::string_view kName = "report format";
  static constexpr std::array<EnumText<reports::ReportFormat>, 2> kTexts{{
      {reports::ReportFormat::kHtml, "html"},
      {reports::ReportFormat::kJson, "json"},
  }};
};

}  // namespace ttmtrack::core

namespace ttmtrack::reports {

// What a report run needs besides the data. Plain value; the CLI fills it from its flags.
struct ReportOptions {
  // `--trusted-net CIDR`, repeatable, in the order given. Their text goes into shell commands
  // and firewall rules, so only validated, canonical networks exist here (core::IpNetwork).
  // Empty: the firewall rules show the placeholder <TRUSTED_NETWORK> and say so.
  std::vector<core::IpNetwork> trusted_networks;
  // Shown in every page's footer and in the JSON. The CLI passes the current time, or the value
  // of its fixed-time option so that the same database gives byte-identical files. Values at or
  // before the epoch are shown as unknown.
  std::int64_t generated_at = 0;
  std::string tool_version;  // e.g. "0.1.0"
  ReportFormat format = ReportFormat::kHtml;
  // Host pages link back to the summary ("../index.html"). ReportWriter clears it when its
  // folder has no summary (`report --host` into a new folder), so no page links to a missing file.
  bool link_summary = true;
};

}  // namespace ttmtrack::reports
