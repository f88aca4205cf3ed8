#include "tools/scangen/split_mix.hpp"

#include <fmt/core.h>

namespace ttmtrack::scangen {

std::string SplitMix::Uuid() {
  const std::uint64_t hi = Next();
  const std::uint64_t lo = Next();
  return fmt::format("{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}", hi >> 32, (hi >> 16) & 0xFFFFu,
                     hi & 0xFFFu, 0x8000u | ((lo >> 48) & 0x3FFFu), lo & 0xFFFFFFFFFFFFull);
}

}  // namespace ttmtrack::scangen
