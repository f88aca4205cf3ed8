#include "importer/input/read_ahead.hpp"

#include <algorithm>
#include <cstring>

namespace ttmtrack::importer::input {

ReadAhead::ReadAhead(Produce produce, std::size_t block_size, std::size_t depth)
    : produce_(std::move(produce)), blocks_(std::max<std::size_t>(depth, 1)) {
  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    blocks_[i].resize(block_size);
    free_.push_back(i);
  }
  thread_ = std::thread([this] { Run(); });
}

ReadAhead::~ReadAhead() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  block_free_.notify_one();
  thread_.join();
}

void ReadAhead::Run() {
  for (;;) {
    std::size_t block = 0;
    {
      std::unique_lock lock(mutex_);
      block_free_.wait(lock, [this] { return stop_ || !free_.empty(); });
      if (stop_) return;
      block = free_.back();
      free_.pop_back();
    }
    Filled filled{.block = block};
    std::exception_ptr failure;
    try {
      filled.bytes = produce_(blocks_[block].data(), blocks_[block].size());
    } catch (...) {
      // Not swallowed: handed to the consumer, whose Read rethrows it.
      failure = std::current_exception();
    }
    {
      const std::lock_guard lock(mutex_);
      if (failure) {
        filled.bytes = 0;
        failure_ = failure;
      }
      filled_.push_back(filled);
    }
    block_filled_.notify_one();
    if (filled.bytes == 0) return;
  }
}

std::size_t ReadAhead::Read(char* buffer, std::size_t size) {
  if (ended_ || size == 0) return 0;
  if (!have_current_) {
    std::unique_lock lock(mutex_);
    block_filled_.wait(lock, [this] { return !filled_.empty(); });
    current_ = filled_.front();
    filled_.pop_front();
    if (current_.bytes == 0) {
      ended_ = true;
      if (failure_) std::rethrow_exception(failure_);
      return 0;
    }
    have_current_ = true;
    offset_ = 0;
  }
  const std::size_t n = std::min(size, current_.bytes - offset_);
  std::memcpy(buffer, blocks_[current_.block].data() + offset_, n);
  offset_ += n;
  if (offset_ == current_.bytes) {
    have_current_ = false;
    {
      const std::lock_guard lock(mutex_);
      free_.push_back(current_.block);
    }
    block_free_.notify_one();
  }
  return n;
}

}  // namespace ttmtrack::importer::input
