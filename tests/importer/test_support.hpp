#pragma once

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "importer/export_reader.hpp"
#include "recording_sink.hpp"

namespace ttmtrack::importer::testing {

inline std::string DataPath(const std::string& relative) {
  return std::string(TTMTRACK_TEST_DATA_DIR) + "/" + relative;
}

inline std::filesystem::path CorpusDir() { return TTMTRACK_CORPUS_DIR; }

// Imports a file from tests/data into a fresh RecordingSink. Fails the test on any throw.
inline RecordingSink Import(const std::string& relative, const ReadOptions& options = {}) {
  RecordingSink sink;
  const std::string path = DataPath(relative);
  ReadExport(path, options, sink);
  return sink;
}

// The error ReadExport throws for `path`; fails the test when it does not throw.
inline Error ImportError(const std::string& path, RecordingSink* sink_out = nullptr) {
  RecordingSink sink;
  try {
    ReadExport(path, {}, sink);
  } catch (const Error& e) {
    if (sink_out != nullptr) *sink_out = sink;
    return e;
  }
  ADD_FAILURE() << path << " imported without error";
  return {Error::Kind::kInternal, "no error"};
}

}  // namespace ttmtrack::importer::testing
