#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/ip_address.hpp"
#include "evidence/firewall/value_set.hpp"

namespace ttmtrack::evidence {

// One set of `ipset save` output, as far as the evaluator can use it: an address set
// (hash:ip, hash:net, bitmap:ip) whose members are fixed. A set of another type, or with
// timeouts (members come and go: fail2ban, crowdsec), has `unsupported` set instead.
struct Ipset {
  ValueSet members;
  core::IpAddress::Family family = core::IpAddress::Family::kV4;
  std::string unsupported;  // "ipset blocklist has timeouts: its members change"
};

using IpsetCatalog = std::map<std::string, Ipset>;

// True for a "create NAME TYPE ..." or "add NAME ENTRY ..." line of `ipset save`.
bool IsIpsetLine(std::string_view line);

// Every set the file's ipset lines define, with its members ("nomatch" entries of a hash:net
// set subtracted). Throws ttmtrack::Error (kBadInput, file and line) for an "add" to a set no
// "create" line made, or a member that is not an address of the set's family.
IpsetCatalog ReadIpsets(const std::string& text, const std::string& file_name);

}  // namespace ttmtrack::evidence
