#pragma once

#include <regex.h>

#include <memory>
#include <string>
#include <vector>

// RAII over POSIX regcomp/regexec: NASL's regular expressions are POSIX extended ones compiled
// by the C library (exec.c, nasl_text_utils.c), so using the same engine keeps the same
// dialect and the same leftmost-longest matches. Not copyable; movable. Not thread-safe per
// object (regexec on one regex_t from several threads is allowed by POSIX, but not relied on).
namespace ttmtrack::nasl::runner {

class PosixRegex {
 public:
  // Compiles `pattern` with REG_EXTENDED plus `flags` (REG_ICASE, REG_NOSUB). Returns null and
  // sets *error (regerror's text) when the pattern is invalid.
  static std::unique_ptr<PosixRegex> Compile(const std::string& pattern, int flags,
                                             std::string* error);

  ~PosixRegex();
  PosixRegex(const PosixRegex&) = delete;
  PosixRegex& operator=(const PosixRegex&) = delete;

  // regexec on a NUL-terminated string; `groups` receives up to groups->size() submatches.
  bool Search(const char* subject, std::vector<regmatch_t>* groups = nullptr, int eflags = 0) const;

 private:
  PosixRegex() = default;
  regex_t re_{};
};

// g_regex_escape_nul: NUL bytes become the four characters "\x00", so regexec (which stops at
// NUL) still sees the whole subject; the scanners do this unless rnul: FALSE.
std::string EscapeNul(const std::string& s);

}  // namespace ttmtrack::nasl::runner
