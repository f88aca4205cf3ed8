#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace ttmtrack {

// Where a problem is. Every field is optional; Error::what() renders the known ones as
// "FILE:LINE:COL: message" (compiler style) followed by host/scan context.
struct ErrorContext {
  std::string file;
  std::int64_t line = 0;
  std::int64_t column = 0;
  std::string host;
  std::string scan;
};

// The one exception type of the project (STYLE.md §3). Thrown only when an operation cannot
// continue; expected outcomes are return values. `main` maps Kind to a sysexits code.
class Error : public std::runtime_error {
 public:
  enum class Kind {
    kUsage,     // bad command line: exit 64
    kNoInput,   // missing/unreadable input file: exit 66
    kBadInput,  // malformed, truncated, hostile or unsupported export: exit 65
    kIo,        // write failure, disk: exit 74
    kDatabase,  // SQLite failure; busy/locked maps to 75, others to 70 via Database kind
    kBusy,      // database busy or locked: exit 75
    kInternal,  // programmer error surfaced at run time: exit 70
    kConfig,    // bad config file or environment setting: exit 78 (nothing runs)
  };

  using Context = ErrorContext;

  Error(Kind kind, std::string message, Context context = {});

  Kind kind() const { return kind_; }
  const Context& context() const { return context_; }
  // The message without the location prefix.
  const std::string& message() const { return message_; }

  // sysexits(3) code for this error kind.
  int ExitCode() const;

 private:
  Kind kind_;
  std::string message_;
  Context context_;
};

// Exit codes used by the CLI (sysexits.h values, spelled out so core needs no C header).
namespace exit_code {
inline constexpr int kOk = 0;
inline constexpr int kPartialFailure = 1;  // some input files failed, others imported
inline constexpr int kUsage = 64;
inline constexpr int kDataErr = 65;
inline constexpr int kNoInput = 66;
inline constexpr int kUnavailable = 69;  // a notification could not be delivered
inline constexpr int kSoftware = 70;
inline constexpr int kIoErr = 74;
inline constexpr int kTempFail = 75;
inline constexpr int kConfig = 78;
}  // namespace exit_code

}  // namespace ttmtrack
