#include "bench/rounds.hpp"

#include <algorithm>
#include <fstream>
#include <thread>

#include <fmt/format.h>

#include "bench/bench_run.hpp"

namespace ttmtrack::bench {
namespace {

using process::ProcessResult;

double MedianOf(const std::vector<ProcessResult>& runs,
                const std::function<double(const ProcessResult&)>& value) {
  std::vector<double> values;
  values.reserve(runs.size());
  for (const ProcessResult& run : runs) values.push_back(value(run));
  return Median(std::move(values));
}

double MedianRatioOf(const std::vector<ProcessResult>& a, const std::vector<ProcessResult>& b,
                     const std::function<double(const ProcessResult&)>& value) {
  std::vector<double> ratios;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    ratios.push_back(value(a[i]) / std::max(value(b[i]), 1e-9));
  }
  return Median(std::move(ratios));
}

Contender Xmllint(const std::string& name, const std::string& mode, const std::string& path,
                  bool gzip) {
  if (!gzip) return {name, {"xmllint", mode, "--noout", path}};
  // The path is ours (the benchmark's work folder), quoted all the same.
  return {"zcat | " + name,
          {"/bin/sh", "-c", fmt::format("zcat '{}' | xmllint {} --noout -", path, mode)}};
}

}  // namespace

RoundResults RunRounds(const std::vector<Contender>& contenders, int rounds) {
  RoundResults results(contenders.size());
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t i = 0; i < contenders.size(); ++i) {
      if (contenders[i].prepare) contenders[i].prepare();
      results[i].push_back(MustRun(contenders[i].argv));
    }
  }
  return results;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

double MedianSeconds(const std::vector<ProcessResult>& runs) {
  return MedianOf(runs, [](const ProcessResult& r) { return r.seconds; });
}

double MedianCpuSeconds(const std::vector<ProcessResult>& runs) {
  return MedianOf(runs, [](const ProcessResult& r) { return r.cpu_seconds; });
}

double MedianRssMegabytes(const std::vector<ProcessResult>& runs) {
  return MedianOf(runs, [](const ProcessResult& r) { return Megabytes(r.max_rss_kb); });
}

double MedianRatio(const std::vector<ProcessResult>& a, const std::vector<ProcessResult>& b) {
  return MedianRatioOf(a, b, [](const ProcessResult& r) { return r.seconds; });
}

double MedianCpuRatio(const std::vector<ProcessResult>& a, const std::vector<ProcessResult>& b) {
  return MedianRatioOf(a, b, [](const ProcessResult& r) { return r.cpu_seconds; });
}

Contender XmllintStream(const std::string& path, bool gzip) {
  return Xmllint("xmllint --stream", "--stream", path, gzip);
}

Contender XmllintSax(const std::string& path, bool gzip) {
  return Xmllint("xmllint --sax", "--sax", path, gzip);
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return fmt::format("load average {} {} {} ({} CPUs)", one, five, fifteen,
                     std::thread::hardware_concurrency());
}

}  // namespace ttmtrack::bench
