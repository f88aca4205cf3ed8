#pragma once

#include <string>
#include <string_view>

// A host's identity ("host key") wherever ttmtrack stores, looks up or lists a host: the
// canonical text of its IP address (IpAddress::ToString), or — for a host an export names
// without an address — that name. Keys are compared as strings; these functions are the only
// places that give them meaning.
namespace ttmtrack::core {

// The key of the host `text` names (an export's host field, or what a user typed): the canonical
// address text when IpAddress::ParseTolerant reads an address in it (so "::FFFF:10.0.0.5",
// "[10.0.0.5]" and "10.0.0.5" are one host), else `text` unchanged.
std::string HostKey(std::string_view text);

// The one order of hosts in every listing — status, detections, the report's tables and host
// pages — so they all agree, whatever store returned the rows: keys that are addresses first, in
// IpAddress order (IPv4 numerically, then IPv6 numerically), then names by their bytes. A strict
// total order on any strings (two spellings of one address fall back to their bytes). Sorting
// happens in C++, never in SQL, so another database engine cannot change it (docs/schema.md).
bool HostKeyLess(std::string_view a, std::string_view b);

}  // namespace ttmtrack::core
