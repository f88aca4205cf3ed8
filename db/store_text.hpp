#pragma once

#include <string>
#include <string_view>

#include "core/exposure.hpp"
#include "core/host_record.hpp"
#include "core/knowledge.hpp"
#include "core/outcome.hpp"
#include "core/scan_info.hpp"

namespace ttmtrack::db {

// The spellings the schema's CHECK constraints allow, back into core enums. The column values
// come from our own writes, so an unknown spelling means a hand-edited file: these throw
// ttmtrack::Error kDatabase naming the value.
core::ScanFormat ParseScanFormat(std::string_view text);
core::HostCompletion ParseCompletion(std::string_view text);
core::Knowledge ParseKnowledge(std::string_view text);
core::OutcomeKind ParseOutcomeKind(std::string_view text);
core::NotCoveredReason ParseNotCoveredReason(std::string_view text);
core::ExposureState ParseExposureState(std::string_view text);

const char* KnowledgeText(core::Knowledge knowledge);         // "yes", "no", "unknown"
const char* CompletionText(core::HostCompletion completion);  // "completed", "incomplete", ...

}  // namespace ttmtrack::db
