#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ttmtrack::importer::input {

// Runs a producer of bytes (reading a file, inflating, hashing) on a thread of its own, a few
// blocks ahead of the one consumer that reads them, so that on two cores the XML parser never
// waits for the disk, zlib or SHA-256 (docs/benchmark.md measures what it buys). Memory is
// fixed: `depth` blocks of `block_size` bytes, filled by the producer and emptied by Read.
//
// The producer is called only on the ReadAhead's thread, one call at a time, until it returns 0
// (end) or throws; what it throws is handed to the consumer, whose Read rethrows it once, after
// the bytes produced before it. The thread starts in the constructor; the destructor stops it
// after the block it is producing (it is not interrupted inside a call) and joins it.
// Read is for one consumer thread; not copyable or movable.
class ReadAhead {
 public:
  // Writes up to `size` bytes to `buffer`; returns how many, 0 at the end. May throw.
  using Produce = std::function<std::size_t(char* buffer, std::size_t size)>;

  ReadAhead(Produce produce, std::size_t block_size, std::size_t depth);
  ~ReadAhead();
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  // Copies up to `size` of the next bytes to `buffer`; returns how many, 0 at the end (and on
  // every call after it). Blocks while the producer is behind. Rethrows what the producer threw.
  std::size_t Read(char* buffer, std::size_t size);

 private:
  struct Filled {
    std::size_t block = 0;  // index into blocks_
    std::size_t bytes = 0;  // 0: the end (or the producer threw)
  };

  void Run();

  Produce produce_;
  std::vector<std::vector<char>> blocks_;

  std::mutex mutex_;
  std::condition_variable block_free_;    // the producer waits for an empty block
  std::condition_variable block_filled_;  // the consumer waits for a filled one
  std::vector<std::size_t> free_;         // guarded by mutex_
  std::deque<Filled> filled_;             // guarded by mutex_, in production order
  std::exception_ptr failure_;            // guarded by mutex_; set once, before the last Filled
  bool stop_ = false;                     // guarded by mutex_

  // The consumer's side (its thread only).
  Filled current_;
  std::size_t offset_ = 0;  // bytes of current_ already handed out
  bool have_current_ = false;
  bool ended_ = false;

  std::thread thread_;  // last: started once everything it uses exists
};

}  // namespace ttmtrack::importer::input
