#include "nasl/runner/knowledge_base.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <variant>

namespace ttmtrack::nasl::runner {

void KnowledgeBase::Add(const std::string& name, const KbValue& value) {
  auto& values = items_[name];
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

void KnowledgeBase::Replace(const std::string& name, const KbValue& value) {
  items_[name] = {value};
}

const std::vector<KbValue>& KnowledgeBase::Values(const std::string& name) const {
  static const std::vector<KbValue> kNone;
  const auto it = items_.find(name);
  return it == items_.end() ? kNone : it->second;
}

bool KnowledgeBase::PortOpen(std::int64_t port) const {
  for (const auto& v : Values("Ports/tcp/" + std::to_string(port))) {
    if (const auto* i = std::get_if<std::int64_t>(&v); i == nullptr || *i != 0) return true;
  }
  return false;
}

std::vector<std::pair<std::string, KbValue>> KnowledgeBase::Match(
    const std::string& pattern) const {
  std::vector<std::pair<std::string, KbValue>> out;
  const bool glob = pattern.find_first_of("*?[") != std::string::npos;
  for (const auto& [name, values] : items_) {
    const bool hit = glob ? fnmatch(pattern.c_str(), name.c_str(), 0) == 0 : name == pattern;
    if (!hit) continue;
    for (const auto& v : values) out.emplace_back(name, v);
  }
  return out;
}

}  // namespace ttmtrack::nasl::runner
