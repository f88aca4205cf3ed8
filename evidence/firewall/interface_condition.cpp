#include "evidence/firewall/interface_condition.hpp"

#include <algorithm>

namespace ttmtrack::evidence {
namespace {

constexpr std::size_t kMaxNameLength = 15;  // IFNAMSIZ - 1

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

bool IsPrefixPattern(const std::string& pattern) {
  return !pattern.empty() && pattern.back() == '+';
}

}  // namespace

InterfaceCondition::InterfaceCondition() : not_names_{"lo"} {}

std::optional<InterfaceCondition> InterfaceCondition::With(const std::string& pattern,
                                                           bool matches) const {
  InterfaceCondition next = *this;
  const bool prefix = IsPrefixPattern(pattern);
  const std::string text = prefix ? pattern.substr(0, pattern.size() - 1) : pattern;
  if (matches && prefix) next.prefixes_.push_back(text);
  if (matches && !prefix) {
    if (next.name_ && *next.name_ != text) return std::nullopt;
    next.name_ = text;
  }
  if (!matches && prefix) next.not_prefixes_.push_back(text);
  if (!matches && !prefix) next.not_names_.push_back(text);
  if (!next.Satisfiable()) return std::nullopt;
  return next;
}

bool InterfaceCondition::Satisfiable() const {
  const auto excluded = [this](const std::string& name) {
    return std::find(not_names_.begin(), not_names_.end(), name) != not_names_.end() ||
           std::any_of(not_prefixes_.begin(), not_prefixes_.end(),
                       [&name](const std::string& p) { return StartsWith(name, p); });
  };
  if (name_) {
    return !name_->empty() && name_->size() <= kMaxNameLength &&
           std::all_of(prefixes_.begin(), prefixes_.end(),
                       [this](const std::string& p) { return StartsWith(*name_, p); }) &&
           !excluded(*name_);
  }
  // Prefixes must nest; the longest one decides.
  std::string longest;
  for (const std::string& p : prefixes_) {
    if (StartsWith(p, longest)) {
      longest = p;
    } else if (!StartsWith(longest, p)) {
      return false;
    }
  }
  if (std::any_of(not_prefixes_.begin(), not_prefixes_.end(),
                  [&longest](const std::string& p) { return StartsWith(longest, p); })) {
    return false;
  }
  if (longest.size() >= kMaxNameLength)
    return longest.size() == kMaxNameLength && !excluded(longest);
  // Names extending `longest` by one more byte are endless against finitely many exclusions,
  // except when every extension is excluded by a prefix: not a case worth a full solver, and
  // then the evaluator only keeps a case that cannot happen (its answer is still right for the
  // cases that can).
  return true;
}

std::string InterfaceCondition::ToString() const {
  std::vector<std::string> parts;
  if (name_) parts.push_back(*name_);
  for (const std::string& p : prefixes_) parts.push_back(p + "+");
  for (const std::string& n : not_names_) parts.push_back("not " + n);
  for (const std::string& p : not_prefixes_) parts.push_back("not " + p + "+");
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : " and ") + part;
  return text;
}

}  // namespace ttmtrack::evidence
