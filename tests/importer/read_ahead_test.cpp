#include "importer/input/read_ahead.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace ttmtrack::importer {
namespace {

class ReadAheadTest : public ::testing::Test {};

// Produces "0123456789" `blocks` times, then the end (or a failure).
struct Digits {
  int blocks = 0;
  bool fail_at_end = false;
  std::atomic<int> calls{0};
  std::size_t operator()(char* buffer, std::size_t size) {
    if (calls++ == blocks) {
      if (fail_at_end) throw std::runtime_error("disk on fire");
      return 0;
    }
    const std::string digits = "0123456789";
    const std::size_t n = std::min(size, digits.size());
    digits.copy(buffer, n);
    return n;
  }
};

std::string ReadAll(input::ReadAhead& ahead, std::size_t chunk) {
  std::string out(chunk, '\0');
  std::string all;
  while (const std::size_t got = ahead.Read(out.data(), chunk)) all.append(out, 0, got);
  return all;
}

TEST_F(ReadAheadTest, HandsOverEveryByteInOrderWhateverTheReadSize) {
  for (const std::size_t chunk : {1u, 3u, 10u, 64u}) {
    Digits digits{.blocks = 5};
    input::ReadAhead ahead([&](char* b, std::size_t n) { return digits(b, n); }, 10, 2);
    std::string expected;
    for (int i = 0; i < 5; ++i) expected += "0123456789";
    EXPECT_EQ(ReadAll(ahead, chunk), expected) << chunk;
    EXPECT_EQ(ahead.Read(nullptr, 8), 0u);  // the end stays the end
  }
}

TEST_F(ReadAheadTest, RethrowsTheProducersErrorAfterTheBytesBeforeIt) {
  Digits digits{.blocks = 2, .fail_at_end = true};
  input::ReadAhead ahead([&](char* b, std::size_t n) { return digits(b, n); }, 10, 4);
  char buffer[10];
  EXPECT_EQ(ahead.Read(buffer, 10), 10u);
  EXPECT_EQ(ahead.Read(buffer, 10), 10u);
  EXPECT_THROW(ahead.Read(buffer, 10), std::runtime_error);
}

TEST_F(ReadAheadTest, AConsumerThatStopsEarlyStopsTheThreadWithinItsBlocks) {
  Digits digits{.blocks = 1000000};
  {
    input::ReadAhead ahead([&](char* b, std::size_t n) { return digits(b, n); }, 10, 3);
    char buffer[4];
    EXPECT_EQ(ahead.Read(buffer, 4), 4u);
  }  // joins here; a producer that ran on would never let the destructor return
  // One block read, three ahead at most, and the one in progress when asked to stop.
  EXPECT_LE(digits.calls.load(), 5);
}

}  // namespace
}  // namespace ttmtrack::importer
