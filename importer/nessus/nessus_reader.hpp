#pragma once

#include <optional>
#include <string>

#include "core/scan_info.hpp"
#include "core/scan_sink.hpp"
#include "importer/export_reader.hpp"
#include "importer/nessus/nessus_policy.hpp"
#include "importer/nessus/scan_information.hpp"

namespace ttmtrack::importer::xml {
class XmlReader;
}

namespace ttmtrack::importer::nessus {

// Streams a Nessus v2 export (root NessusClientData_v2) into a ScanSink: BeginScan at
// <Report>, one Host per ReportHost when its HostProperties ends (before that host's results),
// one Result per ReportItem — every one of them, whatever the plugin: the store decides which
// are detections and learns from all of them which ports were probed. docs/importer.md maps
// each XML field to the record field it fills.
//
// A host time that cannot be read does not refuse the file: the host's times become unknown and
// HostRecord::unreadable_time says why (docs/importer.md, "Times").
//
// Ownership: `xml` and `sink` are borrowed and must outlive the reader. Single use, not
// thread-safe. Throws ttmtrack::Error kBadInput (file, line, host) for content it cannot
// trust: a port that is not 0-65535, a severity outside 0-4, a ReportItem without pluginID, a
// host-ip that is not an address; for a file that is not a scan (no <Report>: a policy); plus
// whatever XmlReader throws.
class NessusReader {
 public:
  NessusReader(xml::XmlReader& xml, core::ScanInfo scan, ReadOptions options, core::ScanSink& sink);

  // REQUIRES: `xml` is on the start of the root element. Reads to the root's end.
  void Read();
  // Sends BeginScan if nothing did yet (a report without hosts), then EndScan with the scan's
  // final facts and `digests`. Call only after the whole document parsed.
  void Finish(const ScanDigests& digests);

 private:
  struct CurrentHost;

  void BeginScanOnce();
  void ReadReport();
  void ReadReportHost();
  void ReadHostProperties(CurrentHost& host);
  void ReadReportItem(const CurrentHost& host);
  void EmitHost(CurrentHost& host);
  // The host time from the epoch tag, else from the text (zone-less spellings at the UTC-offset
  // setting, the text kept in `zoneless_text`); nullopt when neither is given or one cannot be
  // read, which records why in the host's unreadable_time.
  std::optional<std::int64_t> HostTime(const std::optional<std::string>& epoch_tag,
                                       const std::optional<std::string>& text_tag,
                                       const char* tag_name, CurrentHost& host,
                                       std::optional<std::string>& zoneless_text);

  xml::XmlReader& xml_;
  core::ScanInfo scan_;
  ReadOptions options_;
  core::ScanSink& sink_;
  bool begun_ = false;
  NessusPolicy policy_;
  ScanInformation scan_information_;  // from the first 19506 result
  bool have_scan_information_ = false;
};

}  // namespace ttmtrack::importer::nessus
