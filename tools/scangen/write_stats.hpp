#pragma once

#include <cstddef>

namespace ttmtrack::scangen {

// What a writer produced; tests compare these with what the importer reports.
struct WriteStats {
  std::size_t hosts = 0;       // ReportHost / GVM host elements
  std::size_t results = 0;     // ReportItem / GVM result elements
  std::size_t detections = 0;  // of those, c564e5ab detections
  std::size_t bytes = 0;       // XML bytes before any compression
};

}  // namespace ttmtrack::scangen
