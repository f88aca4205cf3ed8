#include "reports/host_page_pool.hpp"

#include <utility>

#include "reports/report_writer.hpp"

namespace ttmtrack::reports {

unsigned HostPagePool::ThreadCount(unsigned threads) {
  if (threads == 0) threads = std::thread::hardware_concurrency();
  return threads == 0 ? 1 : threads;
}

HostPagePool::HostPagePool(ReportWriter& writer, unsigned threads) : writer_(writer) {
  const unsigned count = ThreadCount(threads);
  if (count == 1) return;
  workers_.reserve(count);
  for (unsigned i = 0; i < count; ++i) workers_.emplace_back([this] { Work(); });
}

HostPagePool::~HostPagePool() {
  Stop();
  for (std::thread& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
}

void HostPagePool::Submit(std::vector<core::HostReport> batch) {
  if (workers_.empty()) {
    for (const core::HostReport& host : batch) writer_.WriteHost(host);
    return;
  }
  {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [this] { return queue_.size() < kCapacity || error_; });
    if (!error_) {
      queue_.push_back(std::move(batch));
      ready_.notify_one();
      return;
    }
  }
  RethrowError();
}

void HostPagePool::Finish() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  ready_.notify_all();
  for (std::thread& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
  RethrowError();
}

void HostPagePool::Work() {
  for (;;) {
    std::vector<core::HostReport> batch;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return !queue_.empty() || closed_; });
      if (queue_.empty()) return;  // closed, and nothing left to write
      batch = std::move(queue_.front());
      queue_.pop_front();
    }
    space_.notify_one();
    try {
      for (const core::HostReport& host : batch) writer_.WriteHost(host);
    } catch (...) {  // not swallowed: kept for the producer, which rethrows it
      std::lock_guard lock(mutex_);
      if (!error_) error_ = std::current_exception();
      queue_.clear();
      closed_ = true;
      ready_.notify_all();
      space_.notify_all();
      return;
    }
  }
}

void HostPagePool::Stop() {
  {
    std::lock_guard lock(mutex_);
    queue_.clear();
    closed_ = true;
  }
  ready_.notify_all();
  space_.notify_all();
}

void HostPagePool::RethrowError() {
  std::exception_ptr error;
  {
    std::lock_guard lock(mutex_);
    error = error_;
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace ttmtrack::reports
