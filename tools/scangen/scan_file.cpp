#include "tools/scangen/scan_file.hpp"

#include <fstream>
#include <memory>

#include <Poco/DeflatingStream.h>
#include <Poco/Exception.h>

#include "core/error.hpp"
#include "tools/scangen/gvm_writer.hpp"
#include "tools/scangen/nessus_writer.hpp"

namespace ttmtrack::scangen {

WriteStats WriteScanFile(const ScanSpec& scan, HostSource& hosts, const std::string& path) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) throw Error(Error::Kind::kIo, "cannot create the file", {.file = path});
  std::unique_ptr<Poco::DeflatingOutputStream> gzip;
  if (scan.gzip) {
    gzip = std::make_unique<Poco::DeflatingOutputStream>(file,
                                                         Poco::DeflatingStreamBuf::STREAM_GZIP, 6);
  }
  std::ostream& out = gzip ? static_cast<std::ostream&>(*gzip) : file;
  WriteStats stats;
  try {
    stats = scan.format == ExportFormat::kNessus ? WriteNessus(scan, hosts, out)
                                                 : WriteGvm(scan, hosts, out);
    if (gzip) gzip->close();
  } catch (const Error& e) {
    throw Error(Error::Kind::kIo, e.message(), {.file = path});
  } catch (const Poco::Exception& e) {
    throw Error(Error::Kind::kIo, e.displayText(), {.file = path});
  }
  file.close();
  if (!file) throw Error(Error::Kind::kIo, "cannot write the file", {.file = path});
  return stats;
}

WriteStats WriteScanFile(const ScanSpec& scan, const std::vector<HostSpec>& hosts,
                         const std::string& path) {
  VectorHostSource source(hosts);
  return WriteScanFile(scan, source, path);
}

}  // namespace ttmtrack::scangen
