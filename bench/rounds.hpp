#pragma once

#include <functional>
#include <string>
#include <vector>

#include "tools/process/child_process.hpp"

// Timing several programs on one machine that other work shares: each is run once per round,
// round after round (A B C, A B C, ...), so load that comes and goes falls on all of them alike,
// and figures are compared as ratios within a round, then summarised by their median. The
// yardsticks are libxml2's own command-line parser on the same input (docs/benchmark.md).
namespace ttmtrack::bench {

// One program to time, with the name a table shows for it. `prepare`, when set, runs before
// each run, untimed (e.g. removing the database an import is to create).
struct Contender {
  std::string name;
  std::vector<std::string> argv;
  std::function<void()> prepare;
};

// `contenders[i]`'s result in every round, in round order: results[i][round].
using RoundResults = std::vector<std::vector<process::ProcessResult>>;

// Runs every contender once per round for `rounds` rounds (MustRun: a failing child throws
// std::runtime_error).
RoundResults RunRounds(const std::vector<Contender>& contenders, int rounds);

// The median of `values` (the mean of the middle two for an even count). REQUIRES: not empty.
double Median(std::vector<double> values);

// Median over rounds of wall seconds, of CPU seconds, and of peak RSS.
double MedianSeconds(const std::vector<process::ProcessResult>& runs);
double MedianCpuSeconds(const std::vector<process::ProcessResult>& runs);
double MedianRssMegabytes(const std::vector<process::ProcessResult>& runs);

// Median over rounds of a[round] / b[round], wall time and CPU time. REQUIRES: equal sizes.
double MedianRatio(const std::vector<process::ProcessResult>& a,
                   const std::vector<process::ProcessResult>& b);
double MedianCpuRatio(const std::vector<process::ProcessResult>& a,
                      const std::vector<process::ProcessResult>& b);

// The yardsticks for one export: `xmllint --stream --noout` (libxml2's xmlTextReader, which
// the importer used to be built on) and `xmllint --sax --noout` (SAX2 with callbacks that do
// nothing: the tokenizer's floor). For a gzip file both read from `zcat FILE |`, as a user
// would pipe it.
Contender XmllintStream(const std::string& path, bool gzip);
Contender XmllintSax(const std::string& path, bool gzip);

// "load average 3.52 3.10 2.95 (2 CPUs)": how busy the machine was, for the record.
std::string LoadAverage();

}  // namespace ttmtrack::bench
