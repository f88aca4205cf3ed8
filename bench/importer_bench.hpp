#pragma once

#include <string>

#include "bench/bench_run.hpp"

namespace ttmtrack::bench {

// `ttmtrack-bench importer`: the importer alone, without the store: each export is read by a
// child (`ttmtrack-bench read-export FILE`) into a sink that only counts, so the figures are the
// parser's own speed and peak memory (docs/importer.md, "Memory and speed"), each beside
// `xmllint --stream` and `xmllint --sax` on the same file in the same round (bench/rounds.hpp),
// and read again without the reading thread, to show what that thread buys.
struct ImporterOptions {
  std::string work_dir;
  ExportMatrix exports{.hosts = {2000, 20000}};
  int rounds = 3;
  bool keep = false;
};

void SetupImporter(CLI::App& app, ImporterOptions& options);

// Prints a Markdown table to stdout. Returns 0. Throws std::runtime_error when a child fails.
int RunImporter(const ImporterOptions& options);

// The child's side: reads `path` with importer::ReadExport (with `one_thread`, without its
// reading thread) and prints "hosts=N results=M". Returns the exit code (ttmtrack::Error's for
// a bad file).
int ReadExportAndCount(const std::string& path, bool one_thread);

}  // namespace ttmtrack::bench
