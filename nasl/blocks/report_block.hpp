#pragma once

#include <string>

namespace ttmtrack::nasl::blocks {

// The body of the ttm-report block (probe_blocks.hpp): the NASL helpers both plugins share
// (ttm_printable, ttm_hex, ttm_remediation, ttm_post), every line ending in '\n'.
std::string ReportBody();

}  // namespace ttmtrack::nasl::blocks
