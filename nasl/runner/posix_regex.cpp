#include "nasl/runner/posix_regex.hpp"

namespace ttmtrack::nasl::runner {

std::unique_ptr<PosixRegex> PosixRegex::Compile(const std::string& pattern, int flags,
                                                std::string* error) {
  regex_t re{};
  const int rc = regcomp(&re, pattern.c_str(), REG_EXTENDED | flags);
  if (rc != 0) {
    char buffer[256];
    regerror(rc, &re, buffer, sizeof(buffer));
    *error = buffer;
    return nullptr;  // regcomp leaves nothing to free on failure
  }
  // The compiled buffer's ownership moves with the struct; only this copy is ever freed.
  std::unique_ptr<PosixRegex> out(new PosixRegex());
  out->re_ = re;
  return out;
}

PosixRegex::~PosixRegex() { regfree(&re_); }

bool PosixRegex::Search(const char* subject, std::vector<regmatch_t>* groups, int eflags) const {
  if (groups == nullptr) return regexec(&re_, subject, 0, nullptr, eflags) == 0;
  return regexec(&re_, subject, groups->size(), groups->data(), eflags) == 0;
}

std::string EscapeNul(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == '\0') {
      out += "\\x00";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace ttmtrack::nasl::runner
