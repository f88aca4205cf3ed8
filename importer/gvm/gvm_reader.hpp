#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result_filter.hpp"
#include "core/scan_info.hpp"
#include "core/scan_sink.hpp"
#include "importer/export_reader.hpp"

namespace ttmtrack::importer::xml {
class XmlReader;
}

namespace ttmtrack::importer::gvm {

// Streams a GVM/OpenVAS report XML into a ScanSink. Accepts a bare <report>, the downloaded
// form (<report format_id=...> wrapping an inner <report id=...>), either inside
// <get_reports_response>, and the older OMP-era shape (port "http (80/tcp)", <subnet>).
//
// The same element names mean different things at different depths (<host> is a scanned
// host under a report, the result's target under <result>, a port's host under <ports>, a
// slave under <scan>; a <report> can be a wrapper or the data), so the reader tracks where it
// is: "report level" means a child of a <report> whose ancestors are all <report> or
// <get_reports_response> elements. Results are report/results/result only (not delta or
// detection sub-results). Every result is emitted, in file order; GVM puts results before
// hosts, and the sink copes with that. GVM reports carry no scan configuration, so EndScan's
// ScanCoverage holds only the report's result filter and paging (ScanCoverage::result_filter,
// from <filters>, <results start= max=> and <result_count>), when the report states any: a
// report is a filtered view of its scan, and the lifecycle judges what the view could show.
//
// A host time that cannot be read does not refuse the file: the host's times become unknown and
// HostRecord::unreadable_time says why.
//
// Ownership: `xml` and `sink` are borrowed. Single use, not thread-safe. Throws
// ttmtrack::Error kBadInput (file, line, host) for an unparseable result port or scan time, an
// error status in <get_reports_response>, or a response without a report (not a scan); plus
// whatever XmlReader throws.
class GvmReader {
 public:
  GvmReader(xml::XmlReader& xml, core::ScanInfo scan, core::ScanSink& sink);

  // REQUIRES: `xml` is on the start of the root element (report or get_reports_response).
  void Read();
  // BeginScan if nothing did yet, then EndScan with the final facts and `digests`.
  void Finish(const ScanDigests& digests);

 private:
  void ReadWrapper();
  void ReadReportChild(std::string_view child);
  void ReadResults();
  void ReadResult();
  void ReadHost();
  void ReadFilters();
  void ReadResultCount();
  void BeginScanOnce();
  // The time in the current element's text; nullopt when empty. A text that is not a time
  // throws, unless `unreadable` is given (host times): then the reason goes there (when it is
  // still empty) and the time is nullopt.
  std::optional<std::int64_t> ReadTime(const char* what, std::string* unreadable = nullptr);

  xml::XmlReader& xml_;
  core::ScanInfo scan_;
  core::ScanSink& sink_;
  bool begun_ = false;
  bool saw_report_ = false;
  // The result filter and paging; stated once any of <filters>, <results start/max> or
  // <result_count> was read. The first <filters> of the file is the one read.
  core::ResultFilter filter_;
  bool filter_stated_ = false;
  bool filters_read_ = false;
  std::optional<std::int64_t> results_start_;
  std::optional<std::int64_t> results_max_;
};

}  // namespace ttmtrack::importer::gvm
