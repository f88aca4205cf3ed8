#pragma once

namespace CLI {
class App;
}

namespace ttmtrack::bench {

// `ttmtrack-bench verify`: the vantage-point prober of `ttmtrack verify` alone
// (docs/verification.md, "Vantage-point checks"). Checks `targets` loopback targets, most of
// them filtered (a listener whose accept queue is full drops every SYN, so each waits the whole
// timeout), a few refused (a closed port) and a few served by an in-process fake ttm_cmd server,
// with `timeout_seconds` and `concurrency` as `ttmtrack verify` takes them. The target:
// 1,000 targets at 2 s, mostly filtered, well under a minute.
struct VerifyOptions {
  int targets = 1000;
  double timeout_seconds = 2.0;
  int concurrency = 256;
  int percent_filtered = 90;
  double target_seconds = 60.0;
};

void SetupVerify(CLI::App& app, VerifyOptions& options);

// Prints the wall time and the count of each outcome. Returns 0 when the run took less than
// target_seconds and every target got the outcome its listener gives, 1 otherwise.
int RunVerify(const VerifyOptions& options);

}  // namespace ttmtrack::bench
