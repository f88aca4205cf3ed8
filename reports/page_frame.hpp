#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/exposure.hpp"
#include "core/scan_ref.hpp"
#include "reports/html_writer.hpp"
#include "reports/report_options.hpp"

namespace ttmtrack::reports {

// The parts every page shares: the document head (charset, Content-Security-Policy, inline
// CSS with its print rules) and the footer (generation time, tool version, trusted networks).
// The CSP forbids every fetch (default-src 'none') and allows only the inline stylesheet, so
// even a bug that let markup through could neither run script nor contact another host.

// Writes everything up to and including <body>. `title` is untrusted (it can hold a host name).
void BeginPage(HtmlWriter& html, std::string_view title);

// Writes the footer and closes the document.
void EndPage(HtmlWriter& html, const ReportOptions& options);

// <span class="badge open">open</span>
void StateBadge(HtmlWriter& html, core::ExposureState state);

// A table of scans: time, scanner, scan name, file, SHA-256 prefix (the full hash as tooltip).
void ScanTable(HtmlWriter& html, const std::vector<core::ScanRef>& scans);

// `value`, or "—" when it is empty.
std::string OrDash(const std::string& value);

// <tr><th>key</th><td>value</td></tr>; both are escaped. `value_class` (e.g. "keep" for a host
// name, "hash" for a SHA-256) becomes the cell's class when not empty.
void KeyValueRow(HtmlWriter& html, std::string_view key, std::string_view value,
                 std::string_view value_class = {});

}  // namespace ttmtrack::reports
