#pragma once

#include <string>
#include <string_view>

#include "reports/ip_address.hpp"

namespace ttmtrack::reports {

// A network allowed to reach the ttm_cmd port after remediation (`--trusted-net CIDR`). Its text
// goes into shell commands and firewall rules, so only a validated, canonical form exists:
// construct it with ParseTrustedNetwork. Pure value type.
class TrustedNetwork {
 public:
  const IpAddress& address() const { return address_; }
  int prefix_length() const { return prefix_length_; }
  IpAddress::Family family() const { return address_.family(); }
  // Canonical "10.0.0.0/8" / "2001:db8::/32"; a bare address is written with /32 or /128.
  std::string ToString() const;

  friend bool operator==(const TrustedNetwork& a, const TrustedNetwork& b) {
    return a.prefix_length_ == b.prefix_length_ && !(a.address_ < b.address_) &&
           !(b.address_ < a.address_);
  }

 private:
  friend TrustedNetwork ParseTrustedNetwork(std::string_view text);
  IpAddress address_;
  int prefix_length_ = 0;
};

// Parses "ADDRESS/PREFIX" (IPv4 0-32, IPv6 0-128, decimal without leading zeros) or a bare
// ADDRESS (a single host). Throws ttmtrack::Error (kUsage) naming the input and what is wrong:
// not an address, bad prefix, or host bits set after the prefix — the message then gives the
// network the user probably meant ("did you mean 10.0.0.0/8?") rather than guessing, because
// a firewall rule for the wrong network is worse than an error.
TrustedNetwork ParseTrustedNetwork(std::string_view text);

}  // namespace ttmtrack::reports
