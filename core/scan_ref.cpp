#include "core/scan_ref.hpp"

namespace ttmtrack::core {

std::string_view FileBaseName(std::string_view file_name) {
  const std::size_t slash = file_name.find_last_of('/');
  return slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
}

std::string ScanLabel(const ScanRef& scan) {
  const std::string_view file = FileBaseName(scan.file_name);
  std::string label;
  std::string details = scan.scanner;
  if (!scan.scan_name.empty()) {
    label = "\u201C" + scan.scan_name + "\u201D";
    if (!file.empty()) details += (details.empty() ? "" : ", ") + std::string(file);
  } else if (!file.empty()) {
    label = "\u201C" + std::string(file) + "\u201D";
  } else {
    label = "SHA-256 " + scan.sha256.substr(0, 12);
  }
  if (!details.empty()) label += " (" + details + ")";
  return label;
}

}  // namespace ttmtrack::core
