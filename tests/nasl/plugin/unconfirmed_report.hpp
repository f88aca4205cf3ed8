#pragma once

#include <optional>
#include <string>

// What ttm_cmd_unconfirmed.nasl must report, for the plugin tests. The measured seconds in a
// report are volatile (unixtime() of a real wait): expected texts carry '#' there, and a
// report is compared after WithoutMeasuredSeconds.
namespace ttmtrack::nasl::testing {

// The whole report for `port` around the evidence lines.
std::string ExpectedUnconfirmedReport(int port, const std::string& evidence);
// Evidence of a port that stayed silent until the reply timeout of `timeout` seconds.
std::string SilentEvidence(int timeout);
// Evidence of a reply: its hex, its text as shown, its length, and the reading line(s).
std::string ReplyEvidence(const std::string& hex, const std::string& text, int length,
                          const std::string& reading);
// The reading of a frame of the assumed framing with message type `type_hex`.
std::string FrameReading(const std::string& type_hex);
// The reading of bytes that are neither TTM nor a known protocol.
std::string UnrecognisedReading();

// `report` with the digits of its measured seconds replaced by '#'.
std::string WithoutMeasuredSeconds(const std::string& report);
// The measured seconds of a report ("measured N s" or "about N s after"), if any.
std::optional<int> MeasuredSeconds(const std::string& report);

}  // namespace ttmtrack::nasl::testing
