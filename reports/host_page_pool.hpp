#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "core/host_report.hpp"

namespace ttmtrack::reports {

class ReportWriter;

// Renders and writes host pages on several threads: pages are independent (one host, one file,
// a pure function of its report and the options), so they are rendered as batches of host
// reports arrive from the store, each batch by one worker. The files and their bytes are the
// same whatever the number of threads and whichever thread writes a page: parallelism changes
// only when each file appears (docs/reports.md, "Determinism").
//
// Memory stays bounded: Submit blocks while a batch waits, so at most threads + 1 batches are
// in memory besides the one the caller is reading.
//
//   HostPagePool pool(writer, jobs);       // after writer.WriteSummary(...)
//   for (...) pool.Submit(std::move(batch));
//   pool.Finish();                         // waits; rethrows a worker's error
//
// `writer` is borrowed and must outlive the pool; nothing else may use it until Finish returns.
// With threads == 1 there is no thread: Submit writes the batch itself. The first error a page
// raises (ttmtrack::Error kIo from ReportWriter::WriteHost) stops the pool: batches not yet
// started are dropped, and Submit or Finish rethrows it. Submit and Finish are for one thread
// (the producer).
class HostPagePool {
 public:
  // 0 threads: one per CPU (std::thread::hardware_concurrency).
  HostPagePool(ReportWriter& writer, unsigned threads);
  HostPagePool(const HostPagePool&) = delete;
  HostPagePool& operator=(const HostPagePool&) = delete;
  // Stops the workers, dropping batches not yet started (after an error, or when Finish was not
  // called because the producer threw), and joins them.
  ~HostPagePool();

  void Submit(std::vector<core::HostReport> batch);
  // Waits until every submitted page is written and joins the workers. Rethrows the first
  // error of a worker. Call once.
  void Finish();

  // The thread count a request of `threads` gives: 0 → one per CPU, at least 1.
  static unsigned ThreadCount(unsigned threads);

 private:
  void Work();
  void Stop();
  void RethrowError();

  ReportWriter& writer_;
  std::mutex mutex_;
  std::condition_variable ready_;  // a batch was queued, or the pool closed
  std::condition_variable space_;  // a batch was taken, or the pool failed
  std::deque<std::vector<core::HostReport>> queue_;
  static constexpr std::size_t kCapacity = 1;  // batches waiting for a worker
  bool closed_ = false;
  std::exception_ptr error_;
  std::vector<std::thread> workers_;
};

}  // namespace ttmtrack::reports
