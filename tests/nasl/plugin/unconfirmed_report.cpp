#include "unconfirmed_report.hpp"

#include <regex>

#include "core/ttm_probe.hpp"
#include "plugin_test_base.hpp"

namespace ttmtrack::nasl::testing {
namespace {

const std::regex kMeasured(R"((measured |about )(\d+)( s))");

}  // namespace

std::string ExpectedUnconfirmedReport(int port, const std::string& evidence) {
  const std::string p = std::to_string(port);
  std::string out;
  out += "A possible ttm_cmd listener (Trading Technologies Messaging command channel, ttmtrack ";
  out += "detection c564e5ab) is on port " + p + "/tcp:\n";
  out +=
      "the port is a TTM port, it is open, the scanner's service detection did not identify it, ";
  out += "and its answer\n";
  out += "to the TTM probe is not a known protocol. Unconfirmed: it did not answer with the ";
  out += "HELLO_ACK the confirmed\n";
  out += "check requires.\n";
  out += "\n";
  out += "Detection tier        : unconfirmed\n";
  out += "Probe sent (hex)      : 54544d4301010000c564e5ab00000000\n";
  out += evidence;
  out += "\n";
  out += "To confirm, on the host: find the process that listens on the port (Linux: ss -ltnp ";
  out += "'sport = :" + p + "';\n";
  out +=
      "Windows: netstat -abno, the line with :" + p + ") and check whether it is the TTM daemon ";
  out += "(ttmd).\n";
  out += "\n";
  out += ExpectedRemediation(port);
  out += "\n";
  out += "Note: the probe and reply signature are an assumption of ttmtrack, not a published TTM ";
  out += "specification.\n";
  out += "A TTM daemon that ignores the probe looks like this port; so would another silent or ";
  out += "unknown service on it.";
  return out;
}

std::string SilentEvidence(int timeout) {
  return "Reply received        : none; the connection stayed open and silent until the reply "
         "timeout (" +
         std::to_string(timeout) + " s; measured # s)\n";
}

std::string ReplyEvidence(const std::string& hex, const std::string& text, int length,
                          const std::string& reading) {
  return "Reply received (hex)  : " + hex + "\nReply received (text) : " + text +
         "\nReply length          : " + std::to_string(length) +
         " bytes, about # s after the probe\n" + reading;
}

std::string FrameReading(const std::string& type_hex) {
  return "Reply reading         : a frame of the assumed TTM framing (magic TTMC, version 1, "
         "message type 0x" +
         type_hex +
         "),\n                        but not the HELLO_ACK answering the probe: the listener "
         "sent a frame of its own\n";
}

std::string UnrecognisedReading() {
  std::string known(core::kEchoService);
  for (const core::KnownBanner& banner : core::KnownBanners())
    known += ", " + std::string(banner.name);
  return "Reply reading         : neither the assumed TTM reply nor the start of a known protocol "
         "(" +
         known + ")\n";
}

std::string WithoutMeasuredSeconds(const std::string& report) {
  return std::regex_replace(report, kMeasured, "$1#$3");
}

std::optional<int> MeasuredSeconds(const std::string& report) {
  std::smatch m;
  if (!std::regex_search(report, m, kMeasured)) return std::nullopt;
  return std::stoi(m[2].str());
}

}  // namespace ttmtrack::nasl::testing
