#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace ttmtrack::core {

// What a parser of untrusted text returns: the value, or why the text is not one. For parsers
// whose failure is an expected outcome (STYLE.md §3: a return value, not an exception) and whose
// callers write the message: the reason is a short fixed phrase ("no such date") that a message
// quotes beside the text and its place, e.g.
//   HOST_START "Thu Feb 30 10:00:00 2026" is not a time: no such date
// A value type; the reason refers to static storage, so copies never allocate for it.
template <typename T>
class Parsed {
 public:
  static Parsed Success(T value) {
    Parsed parsed;
    parsed.value_ = std::move(value);
    return parsed;
  }
  // REQUIRES: `reason` is not empty and has static storage duration (a string literal).
  static Parsed Failure(std::string_view reason) {
    Parsed parsed;
    parsed.reason_ = reason;
    return parsed;
  }

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  // Throws std::bad_optional_access when !ok() (a programmer error: check ok() first).
  const T& value() const { return value_.value(); }
  T value_or(T fallback) const { return value_.value_or(std::move(fallback)); }
  // The value as an optional, for callers that need no reason.
  const std::optional<T>& optional() const { return value_; }
  // Why the text was refused; empty when ok().
  std::string_view reason() const { return reason_; }

 private:
  Parsed() = default;

  std::optional<T> value_;
  std::string_view reason_;
};

}  // namespace ttmtrack::core
