#include "importer/export_reader.hpp"

#include <algorithm>
#include <fstream>
#include <memory>
#include <vector>

#include "core/error.hpp"
#include "importer/gvm/gvm_reader.hpp"
#include "importer/input/input_source.hpp"
#include "importer/input/sha256.hpp"
#include "importer/nessus/nessus_reader.hpp"
#include "importer/xml/xml_reader.hpp"

namespace ttmtrack::importer {
namespace {

// Format detection: the root element's name, nothing else (not the file name, not sniffing).
void ReadFrom(input::InputSource& input, const std::string& display_name,
              const ReadOptions& options, std::string file_tail_sha256, core::ScanSink& sink) {
  if (input.empty()) {
    throw Error(Error::Kind::kBadInput, "the file is empty (0 bytes): not a scan export",
                {.file = display_name});
  }
  if (options.progress) input.set_progress(options.progress);
  xml::XmlReader xml(input, display_name);
  if (!xml.Next() || xml.kind() != xml::NodeKind::kStartElement) {
    throw Error(Error::Kind::kBadInput, "no root element: not a scan export",
                {.file = display_name});
  }
  core::ScanInfo scan;
  scan.file_name = display_name;
  scan.gzip = input.gzip();
  scan.file_size = input.size();
  scan.file_tail_sha256 = std::move(file_tail_sha256);

  const std::string root(xml.name());
  std::unique_ptr<nessus::NessusReader> nessus;
  std::unique_ptr<gvm::GvmReader> gvm;
  if (root == "NessusClientData_v2") {
    nessus = std::make_unique<nessus::NessusReader>(xml, std::move(scan), options, sink);
    nessus->Read();
  } else if (root == "report" || root == "get_reports_response") {
    gvm = std::make_unique<gvm::GvmReader>(xml, std::move(scan), sink);
    gvm->Read();
  } else {
    xml.Fail("unsupported format: root element <" + root +
                 ">; expected NessusClientData_v2, report or get_reports_response",
             xml.line());
  }
  // Nothing but comments may follow the root; libxml2 reports anything else. EndScan is sent
  // only once the whole document is known to be well-formed.
  while (xml.Next()) {
  }
  // The parser has consumed the input to its end: the hashes are complete.
  const ScanDigests digests{.sha256 = input.xml_sha256(), .file_sha256 = input.file_sha256()};
  if (nessus) nessus->Finish(digests);
  if (gvm) gvm->Finish(digests);
  if (options.progress) options.progress(input.size(), input.size());
}

}  // namespace

void ReadExport(const std::string& path, const ReadOptions& options, core::ScanSink& sink) {
  std::unique_ptr<input::InputSource> input = input::InputSource::Open(path);
  // On two cores the parser then never waits for the disk, zlib or SHA-256.
  if (options.read_ahead) input->StartReadAhead();
  ReadFrom(*input, path, options, Sha256OfFileTail(path), sink);
}

void ReadExportStream(std::istream& bytes, const std::string& display_name,
                      const ReadOptions& options, core::ScanSink& sink) {
  input::InputSource input(bytes);
  ReadFrom(input, display_name, options, "", sink);
}

std::string Sha256OfFile(const std::string& path) {
  // Open() gives the kNoInput messages (missing, directory, unreadable) for both entry points.
  input::InputSource::Open(path);
  std::ifstream file(path, std::ios::binary);
  try {
    return input::Sha256OfStream(file);
  } catch (const Error& e) {
    throw Error(e.kind(), e.message(), {.file = path});
  }
}

std::string Sha256OfFileTail(const std::string& path) {
  const std::uint64_t size = input::InputSource::Open(path)->size();
  const std::uint64_t tail = std::min(size, kFileTailBytes);
  std::ifstream file(path, std::ios::binary);
  std::vector<char> bytes(tail);
  file.seekg(static_cast<std::streamoff>(size - tail));
  if (!file.read(bytes.data(), static_cast<std::streamsize>(tail))) {
    throw Error(Error::Kind::kIo, "cannot read the end of the file", {.file = path});
  }
  input::Sha256 sha;
  sha.Update(bytes.data(), bytes.size());
  return sha.HexDigest();
}

std::uint64_t FileSize(const std::string& path) { return input::InputSource::Open(path)->size(); }

}  // namespace ttmtrack::importer
