#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

// The fuzz harness's one read of an input (importer_fuzzer.cpp), shared by libFuzzer's entry
// point and the replay driver, which checks each seed's and regression's outcome.
namespace ttmtrack::fuzz {

struct ReadOutcome {
  bool ended = false;  // the reader reached EndScan: the whole scan was read
  std::string error;   // the ttmtrack::Error it threw, empty when none
};

// Reads `size` bytes as an export (either format, plain or gzip) into a sink that touches every
// field. A ttmtrack::Error becomes `error`; anything else propagates.
ReadOutcome ReadOnce(const std::uint8_t* data, std::size_t size);

}  // namespace ttmtrack::fuzz
