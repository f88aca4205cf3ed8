#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ttmtrack::reports {

// The file-name stem of a host's page: hosts/<stem>.html and hosts/<stem>.json. Used both to
// write the files and to link to them, so links always match.
//
// The mapping is total (any string) and injective (two hosts never share a file), and its result
// is safe on every common file system and in a URL without encoding:
//   - [0-9a-z] and '.' are kept, so an IPv4 address is its own name ("192.0.2.10");
//   - ':' becomes '-' (the ipv6-literal.net convention: "2001:db8::1" -> "2001-db8--1");
//   - every other byte, including '-', '_', upper-case letters (case-insensitive file systems)
//     and a leading '.', becomes "_XX" (two lower-case hex digits);
//   - an empty string becomes "_"; a result longer than 180 bytes is cut and ends with "~" and a
//     64-bit FNV-1a hash of the whole input, keeping names under every file system's limit.
std::string HostFileStem(std::string_view ip);

// The fragment id of an exposure's section on its host page: "exposure-5010-tcp". The protocol
// goes through HostFileStem, so the id is safe in an attribute and a URL.
std::string ExposureAnchor(std::uint16_t port, std::string_view protocol);

}  // namespace ttmtrack::reports
