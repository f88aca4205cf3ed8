#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ttmtrack::evidence {

// What is known about the interface an untrusted connection arrives on: a conjunction of
// "matches PATTERN" and "does not match PATTERN" facts, where a pattern is an interface name
// ("eth0") or a prefix ending in '+' ("eth+", as iptables spells it; nft's "eth*" is read as
// "eth+"). It starts as "not lo": a connection from a remote untrusted source never arrives on
// the loopback interface. Pure value type.
class InterfaceCondition {
 public:
  InterfaceCondition();

  // This condition and "the interface matches `pattern`" (or not). nullopt when no interface
  // name (at most 15 bytes, IFNAMSIZ - 1) satisfies both.
  std::optional<InterfaceCondition> With(const std::string& pattern, bool matches) const;

  // "not lo", "eth0", "eth+ and not eth9".
  std::string ToString() const;

 private:
  bool Satisfiable() const;

  std::optional<std::string> name_;        // must equal
  std::vector<std::string> prefixes_;      // must start with each
  std::vector<std::string> not_names_;     // must differ from each
  std::vector<std::string> not_prefixes_;  // must not start with any
};

}  // namespace ttmtrack::evidence
