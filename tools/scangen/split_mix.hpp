#pragma once

#include <cstdint>
#include <string>

namespace ttmtrack::scangen {

// SplitMix64: a tiny, fast, fully specified pseudo-random sequence. The generator needs the same
// bytes from the same seed on every machine and library version, which <random>'s distributions
// do not promise. Not for anything secret. Value type, not thread-safe.
class SplitMix {
 public:
  explicit SplitMix(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform enough in [0, bound) for test data. REQUIRES: bound > 0.
  std::uint64_t Below(std::uint64_t bound) { return Next() % bound; }

  // A UUID-shaped string (version 4 layout) from the sequence.
  std::string Uuid();

 private:
  std::uint64_t state_;
};

}  // namespace ttmtrack::scangen
