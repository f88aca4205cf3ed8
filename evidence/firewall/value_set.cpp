#include "evidence/firewall/value_set.hpp"

#include <algorithm>
#include <array>

namespace ttmtrack::evidence {
namespace {

constexpr std::uint64_t kAllOnes = ~std::uint64_t{0};

// Bit `bit` (0 = least significant) of v.
bool Bit(const Value& v, int bit) {
  return bit >= 64 ? ((v.hi >> (bit - 64)) & 1U) != 0 : ((v.lo >> bit) & 1U) != 0;
}

// v with its `bits` lowest bits cleared, or set.
Value LowBits(const Value& v, int bits, bool set) {
  Value mask = bits == 0 ? Value{} : Value::Max(bits);
  if (set) return {v.hi | mask.hi, v.lo | mask.lo};
  return {v.hi & ~mask.hi, v.lo & ~mask.lo};
}

core::IpAddress AddressOf(const Value& v, core::IpAddress::Family family) {
  if (family == core::IpAddress::Family::kV4) {
    return core::IpAddress::FromV4(static_cast<std::uint32_t>(v.lo));
  }
  std::array<std::uint8_t, 16> bytes{};
  for (std::size_t i = 0; i < 8; ++i) {
    bytes[i] = static_cast<std::uint8_t>(v.hi >> (56 - 8 * i));
    bytes[8 + i] = static_cast<std::uint8_t>(v.lo >> (56 - 8 * i));
  }
  return core::IpAddress::FromV6(bytes);
}

}  // namespace

Value Value::Max(int bits) {
  if (bits >= 128) return {kAllOnes, kAllOnes};
  if (bits > 64) return {kAllOnes >> (128 - bits), kAllOnes};
  if (bits == 64) return {0, kAllOnes};
  return {0, (std::uint64_t{1} << bits) - 1};
}

Value Value::OfAddress(const core::IpAddress& address) {
  const auto& bytes = address.bytes();
  if (address.is_v4()) return Of(address.v4_value());
  Value v;
  for (std::size_t i = 0; i < 8; ++i) {
    v.hi = (v.hi << 8) | bytes[i];
    v.lo = (v.lo << 8) | bytes[8 + i];
  }
  return v;
}

Value Value::Next() const { return lo == kAllOnes ? Value{hi + 1, 0} : Value{hi, lo + 1}; }
Value Value::Previous() const { return lo == 0 ? Value{hi - 1, kAllOnes} : Value{hi, lo - 1}; }

ValueSet ValueSet::Range(Value first, Value last) {
  ValueSet set;
  set.Add(first, last);
  return set;
}

ValueSet ValueSet::Network(const core::IpNetwork& network) {
  const Value first = Value::OfAddress(network.address());
  const int host_bits = network.address().bit_length() - network.prefix_length();
  return Range(first, LowBits(first, host_bits, true));
}

void ValueSet::Add(Value first, Value last) {
  if (first > last) return;
  std::vector<Interval> merged;
  merged.reserve(intervals_.size() + 1);
  bool placed = false;
  auto push = [&merged](Interval interval) {
    if (!merged.empty() &&
        (merged.back().last == Value::Max(128) || merged.back().last.Next() >= interval.first)) {
      merged.back().last = std::max(merged.back().last, interval.last);
    } else {
      merged.push_back(interval);
    }
  };
  for (const Interval& interval : intervals_) {
    if (!placed && first <= interval.first) {
      push({first, last});
      placed = true;
    }
    push(interval);
  }
  if (!placed) push({first, last});
  intervals_ = std::move(merged);
}

void ValueSet::Add(const ValueSet& other) {
  for (const Interval& interval : other.intervals_) Add(interval.first, interval.last);
}

bool ValueSet::Contains(Value value) const {
  return std::any_of(intervals_.begin(), intervals_.end(),
                     [&value](const Interval& i) { return i.first <= value && value <= i.last; });
}

ValueSet ValueSet::Intersect(const ValueSet& other) const {
  ValueSet result;
  for (const Interval& a : intervals_) {
    for (const Interval& b : other.intervals_) {
      const Value first = std::max(a.first, b.first);
      const Value last = std::min(a.last, b.last);
      if (first <= last) result.intervals_.push_back({first, last});
    }
  }
  std::sort(result.intervals_.begin(), result.intervals_.end(),
            [](const Interval& x, const Interval& y) { return x.first < y.first; });
  return result;
}

ValueSet ValueSet::Subtract(const ValueSet& other) const {
  ValueSet result;
  for (const Interval& a : intervals_) {
    Value from = a.first;
    bool done = false;
    for (const Interval& b : other.intervals_) {
      if (done || b.last < from || b.first > a.last) continue;
      if (b.first > from) result.intervals_.push_back({from, b.first.Previous()});
      if (b.last >= a.last) {
        done = true;
      } else {
        from = b.last.Next();
      }
    }
    if (!done) result.intervals_.push_back({from, a.last});
  }
  return result;
}

std::string ValueSet::ToNetworks(core::IpAddress::Family family, std::size_t limit) const {
  const int bits = family == core::IpAddress::Family::kV4 ? 32 : 128;
  std::vector<std::string> blocks;
  std::size_t count = 0;
  for (const Interval& interval : intervals_) {
    Value from = interval.first;
    while (true) {
      // The largest block that starts at `from` and ends inside the interval.
      int host_bits = 0;
      while (host_bits < bits && !Bit(from, host_bits) &&
             LowBits(from, host_bits + 1, true) <= interval.last) {
        ++host_bits;
      }
      if (count++ < limit) {
        blocks.push_back(
            core::IpNetwork::Containing(AddressOf(from, family), bits - host_bits).ToString());
      }
      const Value end = LowBits(from, host_bits, true);
      if (end >= interval.last) break;
      from = end.Next();
    }
  }
  std::string text;
  for (const std::string& block : blocks) text += (text.empty() ? "" : ", ") + block;
  if (count > limit) text += " and " + std::to_string(count - limit) + " more";
  return text;
}

std::string ValueSet::ToPorts() const {
  std::string text;
  for (const Interval& interval : intervals_) {
    if (!text.empty()) text += ", ";
    text += std::to_string(interval.first.lo);
    if (interval.last != interval.first) text += "-" + std::to_string(interval.last.lo);
  }
  return text;
}

}  // namespace ttmtrack::evidence
