#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ttmtrack::core {

// A scanner's port range specification, as Nessus writes it in the policy's `port_range`
// ("default", "all", "1-1024,5010,T:10200,U:53") and as users type it. Pure value type.
class PortRange {
 public:
  // nullopt when `spec` is not a valid specification (messages are the caller's business).
  // "default" parses to a range whose Contains() answers kUnknown-style via IsScannerDefault().
  static std::optional<PortRange> Parse(std::string_view spec);

  // True when the spec is the scanner's own default list ("default"), whose members the export
  // does not enumerate.
  bool IsScannerDefault() const { return scanner_default_; }
  // REQUIRES: !IsScannerDefault(). `protocol` is "tcp" or "udp" (anything else: false). An
  // item without a T:/U: prefix applies to both protocols (Nessus: "1-1024,T:1024-65535,U:1025");
  // a prefix applies to its item and the unprefixed items after it (OpenVAS port lists).
  // Port 0 is never contained. "all" is 1-65535 for both protocols.
  bool Contains(std::uint16_t port, std::string_view protocol) const;

  const std::string& spec() const { return spec_; }

 private:
  struct Span {
    std::uint16_t first;
    std::uint16_t last;
    bool udp;
  };
  std::string spec_;
  bool scanner_default_ = false;
  std::vector<Span> spans_;
};

}  // namespace ttmtrack::core
