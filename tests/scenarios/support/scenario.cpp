#include "tests/scenarios/support/scenario.hpp"

#include <fstream>
#include <optional>

#include <Poco/DigestEngine.h>
#include <Poco/InflatingStream.h>
#include <Poco/SHA2Engine.h>
#include <gtest/gtest.h>

#include "core/civil_time.hpp"
#include "tools/scangen/scan_file.hpp"

namespace ttmtrack::scenarios {
namespace {

std::string FqdnFor(const std::string& ip) {
  std::string label;
  for (const char c : ip) label += (c == '.' || c == ':') ? '-' : c;
  return "h-" + label + ".trading.example";
}

std::uint64_t SeedFor(const std::string& name) {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : name) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// Null when `text` is empty, else the text: how expectations spell JSON null.
nlohmann::json TextOrNull(const std::string& text) {
  return text.empty() ? nlohmann::json() : nlohmann::json(text);
}

}  // namespace

HostSpec Detecting(const std::string& ip, const std::vector<std::uint16_t>& ports) {
  HostSpec host = Clean(ip);
  for (const std::uint16_t port : ports) {
    scangen::DetectionSpec detection;
    detection.port = port;
    host.detections.push_back(detection);
  }
  return host;
}

HostSpec Clean(const std::string& ip) {
  HostSpec host;
  host.ip = ip;
  host.fqdn = FqdnFor(ip);
  host.os = "Linux Kernel 6.1 on Debian 12";
  return host;
}

HostSpec Interrupted(HostSpec host) {
  host.completed = false;
  return host;
}

HostSpec WithUdpDetection(HostSpec host, std::uint16_t port) {
  scangen::DetectionSpec detection;
  detection.port = port;
  detection.protocol = "udp";
  host.detections.push_back(detection);
  return host;
}

std::string XmlSha256Hex(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  // The generator names gzip output *.gz; a scan's identity is the SHA-256 of its XML.
  std::optional<Poco::InflatingInputStream> inflated;
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0) {
    inflated.emplace(file, Poco::InflatingStreamBuf::STREAM_GZIP);
  }
  std::istream& in = inflated ? static_cast<std::istream&>(*inflated) : file;
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    engine.update(buffer, static_cast<unsigned>(in.gcount()));
  }
  return Poco::DigestEngine::digestToHex(engine.digest());
}

WrittenScan WriteStep(const std::string& dir, const Step& step, ExportFormat format) {
  ScanSpec scan;
  scan.format = step.format.value_or(format);
  scan.scan_name = step.name;
  scan.start_time = core::ParseIso8601(step.time).value();
  scan.seed = SeedFor(step.name);
  if (step.tweak) step.tweak(scan);
  WrittenScan written;
  written.file = step.name + (scan.format == ExportFormat::kNessus ? ".nessus" : ".xml") +
                 (scan.gzip ? ".gz" : "");
  written.time = step.time;
  written.format = scan.format;
  const scangen::WriteStats stats =
      scangen::WriteScanFile(scan, step.hosts, dir + "/" + written.file);
  written.hosts = stats.hosts;
  written.results = stats.results;
  written.detections = stats.detections;
  written.sha256 = XmlSha256Hex(dir + "/" + written.file);
  return written;
}

std::string ScenarioChecker::TimeOf(const std::string& step) const {
  if (step.empty()) return {};
  const auto it = scans_.find(step);
  if (it == scans_.end()) {
    ADD_FAILURE() << "the expectation names an unknown step " << step;
    return "?";
  }
  return it->second.time;
}

void ScenarioChecker::CheckScanRef(const nlohmann::json& ref, const std::string& step,
                                   const std::string& what) const {
  SCOPED_TRACE(what + " should be scan " + step + ": " + ref.dump());
  ASSERT_TRUE(ref.is_object());
  const WrittenScan& scan = scans_.at(step);
  // docs/cli.md: no scan_id (IDs follow import order); the sha256 identifies the scan.
  EXPECT_FALSE(ref.contains("scan_id"));
  EXPECT_EQ(ref.value("file", nlohmann::json()), scan.file);
  EXPECT_EQ(ref.value("scanner", nlohmann::json()),
            scan.format == ExportFormat::kNessus ? "Nessus" : "OpenVAS");
  EXPECT_EQ(ref.value("scan_name", nlohmann::json()), step);
  EXPECT_EQ(ref.value("scan_time", nlohmann::json()), scan.time);
  EXPECT_EQ(ref.value("sha256", nlohmann::json()), scan.sha256);
}

void ScenarioChecker::CheckStatus(const std::vector<ExpectExposure>& expected) {
  const std::optional<nlohmann::json> status = cli_.Json({"status", "--format", "json"});
  ASSERT_TRUE(status.has_value());
  status_ = *status;
  ASSERT_TRUE(status->is_array()) << status->dump(2);
  EXPECT_EQ(status->size(), expected.size()) << status->dump(2);
  for (const ExpectExposure& e : expected) {
    const std::string where = e.ip + " port " + std::to_string(e.port) + "/" + e.protocol;
    const nlohmann::json* found = nullptr;
    for (const nlohmann::json& row : *status) {
      if (row.value("ip", "") == e.ip && row.value("port", -1) == e.port &&
          row.value("protocol", "") == e.protocol) {
        found = &row;
      }
    }
    if (found == nullptr) {
      ADD_FAILURE() << "no exposure " << where << " in status:\n" << status->dump(2);
      continue;
    }
    const nlohmann::json& row = *found;
    SCOPED_TRACE("exposure " + where + ": " + row.dump());
    EXPECT_EQ(row.value("detection_id", ""), "c564e5ab");
    EXPECT_EQ(row.value("state", ""), e.state);
    EXPECT_EQ(row.value("first_seen", nlohmann::json()), TextOrNull(TimeOf(e.first_seen)));
    EXPECT_EQ(row.value("last_seen", nlohmann::json()), TextOrNull(TimeOf(e.last_seen)));
    EXPECT_EQ(row.value("last_checked", nlohmann::json()), TextOrNull(TimeOf(e.last_checked)));
    if (e.verified_by.empty()) {
      EXPECT_TRUE(row.value("verified_by", nlohmann::json("missing")).is_null());
    } else {
      CheckScanRef(row.value("verified_by", nlohmann::json()), e.verified_by, "verified_by");
    }
    if (e.hostname) {
      EXPECT_EQ(row.value("hostname", nlohmann::json()), *e.hostname);
    }
  }
}

void ScenarioChecker::CheckHistory(const ExpectHistory& expected) const {
  const std::optional<nlohmann::json> history = cli_.Json(
      {"history", expected.ip, "--port", std::to_string(expected.port), "--format", "json"});
  ASSERT_TRUE(history.has_value());
  ASSERT_TRUE(history->is_array()) << history->dump(2);
  std::vector<nlohmann::json> rows;
  for (const nlohmann::json& row : *history) {
    if (row.value("protocol", "") == expected.protocol) rows.push_back(row);
  }
  CheckRows(expected, rows);
}

void ScenarioChecker::CheckRows(const ExpectHistory& expected,
                                const std::vector<nlohmann::json>& rows) const {
  const std::string where =
      expected.ip + " port " + std::to_string(expected.port) + "/" + expected.protocol;
  std::string dump;
  for (const nlohmann::json& row : rows) dump += row.dump() + "\n";
  ASSERT_EQ(rows.size(), expected.outcomes.size()) << "history of " << where << ":\n" << dump;
  for (std::size_t i = 0; i < expected.outcomes.size(); ++i) {
    const ExpectOutcome& e = expected.outcomes[i];
    const nlohmann::json& row = rows[i];
    SCOPED_TRACE("history of " + where + ", row " + std::to_string(i) + " (" + e.step +
                 "): " + row.dump());
    const WrittenScan& scan = scans_.at(e.step);
    EXPECT_EQ(row.value("detection_id", ""), "c564e5ab");
    EXPECT_EQ(row.value("ip", ""), expected.ip);
    EXPECT_EQ(row.value("port", -1), expected.port);
    EXPECT_EQ(row.value("protocol", ""), expected.protocol);
    EXPECT_FALSE(row.contains("scan_id"));
    EXPECT_EQ(row.value("sha256", ""), scan.sha256);
    EXPECT_EQ(row.value("scan_name", ""), e.step);
    EXPECT_EQ(row.value("file", ""), scan.file);
    EXPECT_EQ(row.value("scanner", ""),
              scan.format == ExportFormat::kNessus ? "Nessus" : "OpenVAS");
    EXPECT_EQ(row.value("scan_time", ""), scan.time);
    EXPECT_EQ(row.value("outcome", ""), e.outcome);
    EXPECT_EQ(row.value("reason", nlohmann::json("missing")), TextOrNull(e.reason));
    EXPECT_EQ(row.value("state_after", nlohmann::json("missing")), TextOrNull(e.state_after));
    const bool assumed = e.assumed == Assumed::kByFormat
                             ? e.outcome == "absent" && scan.format == ExportFormat::kGvm
                             : e.assumed == Assumed::kYes;
    // docs/json.md: no assumption is null, never "".
    ASSERT_TRUE(row.contains("assumption"));
    const nlohmann::json& assumption = row["assumption"];
    ASSERT_TRUE(assumption.is_null() || (assumption.is_string() && !assumption.empty()))
        << assumption;
    if (e.assumed == Assumed::kAny) continue;
    EXPECT_EQ(assumption.is_string(), assumed) << "assumption: " << assumption;
  }
}

void ScenarioChecker::CheckHostHistories(const std::vector<ExpectHistory>& expected) const {
  ASSERT_TRUE(status_.is_array()) << "CheckStatus first";
  // ip -> "port/protocol" -> rows
  std::map<std::string, std::map<std::string, std::size_t>> want_rows;
  const auto key = [](const nlohmann::json& row) {
    return std::to_string(row.value("port", -1)) + "/" + row.value("protocol", "");
  };
  for (const nlohmann::json& exposure : status_) {
    want_rows[exposure.value("ip", "")][key(exposure)] = scans_.size();
  }
  for (const ExpectHistory& e : expected) {
    EXPECT_TRUE(want_rows.count(e.ip) == 1) << "no exposure of " << e.ip << " in status";
  }
  for (const auto& [ip, ports] : want_rows) {
    const std::optional<nlohmann::json> history = cli_.Json({"history", ip, "--format", "json"});
    ASSERT_TRUE(history.has_value() && history->is_array());
    std::map<std::string, std::size_t> rows;
    for (const nlohmann::json& row : *history) ++rows[key(row)];
    EXPECT_EQ(rows, ports) << "every exposure of " << ip
                           << " should have one outcome per imported scan (port -> rows):\n"
                           << history->dump(2);
    for (const ExpectHistory& e : expected) {
      if (e.ip != ip) continue;
      std::vector<nlohmann::json> port_rows;
      for (const nlohmann::json& row : *history) {
        if (row.value("port", -1) == e.port && row.value("protocol", "") == e.protocol) {
          port_rows.push_back(row);
        }
      }
      CheckRows(e, port_rows);
    }
  }
}

}  // namespace ttmtrack::scenarios
