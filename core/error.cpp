#include "core/error.hpp"

namespace ttmtrack {
namespace {

std::string Render(const std::string& message, const Error::Context& c) {
  std::string out;
  if (!c.file.empty()) {
    out += c.file;
    if (c.line > 0) {
      // Appended piecewise: GCC 12 at -O3 warns falsely (-Wrestrict, PR105651) on the
      // char + std::string temporary.
      out += ':';
      out += std::to_string(c.line);
      if (c.column > 0) {
        out += ':';
        out += std::to_string(c.column);
      }
    }
    out += ": ";
  }
  out += message;
  if (!c.host.empty()) out += " (host " + c.host + ")";
  if (!c.scan.empty()) out += " (scan " + c.scan + ")";
  return out;
}

}  // namespace

Error::Error(Kind kind, std::string message, Context context)
    : std::runtime_error(Render(message, context)),
      kind_(kind),
      message_(std::move(message)),
      context_(std::move(context)) {}

int Error::ExitCode() const {
  switch (kind_) {
    case Kind::kUsage: return exit_code::kUsage;
    case Kind::kNoInput: return exit_code::kNoInput;
    case Kind::kBadInput: return exit_code::kDataErr;
    case Kind::kIo: return exit_code::kIoErr;
    case Kind::kBusy: return exit_code::kTempFail;
    case Kind::kDatabase:
    case Kind::kInternal: return exit_code::kSoftware;
    case Kind::kConfig: return exit_code::kConfig;
  }
  return exit_code::kSoftware;
}

}  // namespace ttmtrack
