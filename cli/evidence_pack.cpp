#include "cli/evidence_pack.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Timestamp.h>
#include <Poco/Zip/Compress.h>
#include <nlohmann/json.hpp>

#include "cli/format/json_rows.hpp"
#include "core/error.hpp"
#include "importer/input/sha256.hpp"
#include "reports/host_file_name.hpp"
#include "reports/render.hpp"

namespace ttmtrack::cli {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) {
    throw Error(Error::Kind::kIo, "cannot read " + path.string(),
                Error::Context{.file = path.string()});
  }
  return bytes.str();
}

std::string Sha256Of(const std::string& bytes) {
  std::istringstream in(bytes);
  return importer::input::Sha256OfStream(in);
}

// Archive path → bytes; std::map keeps them in name order.
using Entries = std::map<std::string, std::string>;

void AddReportFolder(const std::filesystem::path& report_dir, Entries& entries) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(report_dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string relative = entry.path().lexically_relative(report_dir).generic_string();
    entries["report/" + relative] = ReadFile(entry.path());
  }
}

void AddJsonAndTriage(db::Store& store, const reports::ReportOptions& options, Entries& entries) {
  reports::ReportOptions json_options = options;
  json_options.format = reports::ReportFormat::kJson;
  entries["json/index.json"] =
      reports::RenderSummaryJson(store.BuildSummary(options.generated_at), json_options);
  // Read as the HTML report reads them (WriteReportFolder), a window of hosts at a time, so the
  // pack's two forms of the report rest on the same read.
  store.ReadHostReports(
      store.ExposedHostIps(),
      [&](const std::vector<core::HostReport>& window) {
        for (const core::HostReport& host : window) {
          entries["json/hosts/" + reports::HostFileStem(host.identity.ip) + ".json"] =
              reports::RenderHostJson(host, json_options);
        }
      },
      options.generated_at);
  nlohmann::ordered_json decisions = nlohmann::ordered_json::array();
  for (const core::DecisionRecord& record : store.ListDecisions()) {
    decisions.push_back(TriageRecordJson(record));
  }
  entries["triage/decisions.json"] =
      decisions.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string Manifest(db::Store& store, const Entries& entries) {
  std::string manifest;
  for (const auto& [name, bytes] : entries) manifest += Sha256Of(bytes) + "  " + name + "\n";
  manifest +=
      "# Source exports the report rests on (not in this archive), as imported: SHA-256 of "
      "each file as stored, then its name\n";
  std::vector<db::ScanRow> scans = store.ListScans();
  for (const db::ScanRow& scan : scans) {
    const std::string& hash =
        scan.info.file_sha256.empty() ? scan.info.sha256 : scan.info.file_sha256;
    manifest += hash + "  " + scan.info.file_name + "\n";
  }
  return manifest;
}

}  // namespace

void WriteEvidencePack(db::Store& store, const std::filesystem::path& report_dir,
                       const std::filesystem::path& zip, const reports::ReportOptions& options) {
  Entries entries;
  AddReportFolder(report_dir, entries);
  AddJsonAndTriage(store, options, entries);
  entries["MANIFEST.sha256"] = Manifest(store, entries);
  const Poco::DateTime dated(Poco::Timestamp::fromEpochTime(options.generated_at));
  std::filesystem::path temporary = zip;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw Error(Error::Kind::kIo, "cannot write " + temporary.string(),
                  Error::Context{.file = temporary.string()});
    }
    Poco::Zip::Compress compress(out, /*seekableOut=*/true);
    for (const auto& [name, bytes] : entries) {
      std::istringstream in(bytes);
      compress.addFile(in, dated, Poco::Path(name, Poco::Path::PATH_UNIX));
    }
    compress.close();
    out.close();
    if (!out) {
      throw Error(Error::Kind::kIo, "cannot write " + temporary.string(),
                  Error::Context{.file = temporary.string()});
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, zip, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    throw Error(Error::Kind::kIo, "cannot write " + zip.string(),
                Error::Context{.file = zip.string()});
  }
}

}  // namespace ttmtrack::cli
