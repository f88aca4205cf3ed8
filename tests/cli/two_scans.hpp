#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/ttmtrack_cli.hpp"
#include "tests/support/ttmtrack_gen.hpp"

// What the crash, concurrency and memory tests of the real `ttmtrack import` share: exports
// written by ttmtrack-gen and a database that already holds one scan.
namespace ttmtrack::test {

// Writes first.nessus and second.nessus into `dir`: two big-mode scans of the same `hosts`
// hosts (10 results each) a month apart, so that the second fixes some exposures, keeps some
// and opens others, and the recomputation after it writes outcomes and exposure states. Then
// imports first.nessus into `dir`/baseline.db. Records a fatal failure when anything fails.
void WriteTwoScans(const std::filesystem::path& dir, int hosts);

// Times each run of the binary sets to its own clock; all else is equal between equal runs.
inline const std::vector<std::string> kRunClockColumns = {"scans.imported_at", "rules.created_at"};

}  // namespace ttmtrack::test
