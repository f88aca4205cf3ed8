#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "nasl/runner/runner.hpp"

// The scanner's knowledge base for one target: each name holds a list of integer or string
// values, in insertion order, without duplicates (set_kb_item adds a value, replace_kb_item
// replaces them all). Not thread-safe; one per RunPlugin call.
namespace ttmtrack::nasl::runner {

class KnowledgeBase {
 public:
  void Add(const std::string& name, const KbValue& value);
  void Replace(const std::string& name, const KbValue& value);

  // The values of `name`; empty when it has none.
  const std::vector<KbValue>& Values(const std::string& name) const;
  bool Has(const std::string& name) const { return !Values(name).empty(); }
  // The scanner's view of TCP `port`: open when Ports/tcp/<port> holds a value other than 0.
  bool PortOpen(std::int64_t port) const;

  // get_kb_list: every (name, value) whose name matches the glob `pattern` (fnmatch, `*` and
  // `?`), or equals it when it has no wildcard; names in sorted order.
  std::vector<std::pair<std::string, KbValue>> Match(const std::string& pattern) const;

 private:
  std::map<std::string, std::vector<KbValue>> items_;
};

}  // namespace ttmtrack::nasl::runner
