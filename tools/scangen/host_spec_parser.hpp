#pragma once

#include <string_view>

#include "tools/scangen/scan_spec.hpp"

namespace ttmtrack::scangen {

// Parses the compact host syntax of `ttmtrack-gen --host`:
//
//   ADDRESS[,ITEM]...        items separated by commas; after an IPv4 address the first
//                            separator may also be ':' (10.0.0.5:detect=5010)
//   ADDRESS   IPv4, IPv6, or IPv6 in brackets ([2001:db8::5]) as core::IpAddress::Parse reads
//             it; written into the export as given (::FFFF:10.0.0.5 stays so spelled)
//   ITEM      detect=PORT[/PROTO][+PORT[/PROTO]]...  c564e5ab detections
//             open=PORT[+PORT]...    other open TCP ports (default 22; "open=" for none)
//             incomplete             the host's scan did not finish
//             fqdn=NAME  netbios=NAME  os=TEXT  mac=MAC  name=REPORTHOST-NAME
//             start=SECONDS          host start, seconds after the scan start
//
// Throws ttmtrack::Error (kUsage) naming the offending part when the text does not parse.
HostSpec ParseHostSpec(std::string_view text);

}  // namespace ttmtrack::scangen
