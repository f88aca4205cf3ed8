#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <vector>

#include "core/ip_address.hpp"
#include "core/ip_network.hpp"

namespace ttmtrack::evidence {

// An unsigned 128-bit number: an IPv6 address, an IPv4 address (in the low 32 bits), a port,
// a protocol number. Ordered numerically.
struct Value {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;

  static Value Of(std::uint64_t low) { return {0, low}; }
  static Value Max(int bits);  // 2^bits - 1; REQUIRES: 1 <= bits <= 128
  static Value OfAddress(const core::IpAddress& address);

  Value Next() const;      // REQUIRES: not the largest 128-bit value
  Value Previous() const;  // REQUIRES: not zero
  friend bool operator==(const Value&, const Value&) = default;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 flags the 0 it compares with.
  friend std::strong_ordering operator<=>(const Value&, const Value&) = default;
};

// A set of Values as sorted, disjoint, non-adjacent closed intervals: the addresses a rule
// matches, the source ports an attacker may choose, the connection states a rule accepts.
// Pure value type; nothing throws.
class ValueSet {
 public:
  struct Interval {
    Value first;
    Value last;
    friend bool operator==(const Interval&, const Interval&) = default;
  };

  ValueSet() = default;
  static ValueSet Single(Value value) { return Range(value, value); }
  static ValueSet Range(Value first, Value last);  // empty when first > last
  static ValueSet Network(const core::IpNetwork& network);
  static ValueSet All(int bits) { return Range(Value{}, Value::Max(bits)); }

  void Add(Value first, Value last);
  void Add(const ValueSet& other);

  bool empty() const { return intervals_.empty(); }
  bool Contains(Value value) const;
  ValueSet Intersect(const ValueSet& other) const;
  ValueSet Subtract(const ValueSet& other) const;
  const std::vector<Interval>& intervals() const { return intervals_; }

  // The set as CIDR blocks of `family` ("10.0.0.0/8, 10.30.0.0/15"), at most `limit` of them
  // followed by "and N more".
  std::string ToNetworks(core::IpAddress::Family family, std::size_t limit = 8) const;
  // The set as port ranges ("1-5009, 5011-65535").
  std::string ToPorts() const;

  friend bool operator==(const ValueSet&, const ValueSet&) = default;

 private:
  std::vector<Interval> intervals_;
};

}  // namespace ttmtrack::evidence
