#include "db/store_text.hpp"

#include <initializer_list>

#include "core/error.hpp"

namespace ttmtrack::db {
namespace {

const char* ToString(core::HostCompletion completion) { return CompletionText(completion); }
const char* ToString(core::Knowledge knowledge) { return KnowledgeText(knowledge); }

using core::ToString;

template <typename Enum>
Enum ParseWith(std::string_view text, std::initializer_list<Enum> values, const char* what) {
  for (Enum value : values) {
    if (text == ToString(value)) return value;
  }
  throw Error(Error::Kind::kDatabase,
              std::string("unknown ") + what + " \"" + std::string(text) + "\" in the database");
}

}  // namespace

const char* KnowledgeText(core::Knowledge knowledge) {
  switch (knowledge) {
    case core::Knowledge::kYes: return "yes";
    case core::Knowledge::kNo: return "no";
    case core::Knowledge::kUnknown: return "unknown";
  }
  return "unknown";
}

const char* CompletionText(core::HostCompletion completion) {
  switch (completion) {
    case core::HostCompletion::kCompleted: return "completed";
    case core::HostCompletion::kIncomplete: return "incomplete";
    case core::HostCompletion::kUnknown: return "unknown";
  }
  return "unknown";
}

core::ScanFormat ParseScanFormat(std::string_view text) {
  return ParseWith(text, {core::ScanFormat::kNessusV2, core::ScanFormat::kGvm}, "scan format");
}

core::HostCompletion ParseCompletion(std::string_view text) {
  return ParseWith(text,
                   {core::HostCompletion::kCompleted, core::HostCompletion::kIncomplete,
                    core::HostCompletion::kUnknown},
                   "host completion");
}

core::Knowledge ParseKnowledge(std::string_view text) {
  return ParseWith(text, {core::Knowledge::kYes, core::Knowledge::kNo, core::Knowledge::kUnknown},
                   "judgement");
}

core::OutcomeKind ParseOutcomeKind(std::string_view text) {
  return ParseWith(
      text,
      {core::OutcomeKind::kDetected, core::OutcomeKind::kAbsent, core::OutcomeKind::kNotCovered},
      "outcome");
}

core::NotCoveredReason ParseNotCoveredReason(std::string_view text) {
  using R = core::NotCoveredReason;
  return ParseWith(
      text,
      {R::kNone, R::kHostNotInScan, R::kHostScanIncomplete, R::kHostTimeUnreadable,
       R::kPluginNotEnabled, R::kPortOutsideRange, R::kCoverageUnknown, R::kExportFiltered},
      "not-covered reason");
}

core::ExposureState ParseExposureState(std::string_view text) {
  return ParseWith(
      text,
      {core::ExposureState::kOpen, core::ExposureState::kFixed, core::ExposureState::kReopened},
      "exposure state");
}

}  // namespace ttmtrack::db
