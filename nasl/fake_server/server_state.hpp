#pragma once

#include <atomic>
#include <cstddef>
#include <mutex>
#include <string_view>

#include "nasl/fake_server/fake_server.hpp"

namespace ttmtrack::nasl::fake_server {

// What the listener and every connection handler share. Owned through shared_ptr by the
// FakeServer and the connection factory, so it outlives the last handler.
// Thread-safety: the options are immutable after construction; the rest is atomic or locked.
struct ServerState {
  explicit ServerState(FakeServerOptions opts) : options(std::move(opts)) {}

  // Writes "peer: message" to options.log, one whole line at a time.
  void Log(std::string_view peer, std::string_view message) {
    if (options.log == nullptr) return;
    std::lock_guard<std::mutex> lock(log_mutex);
    *options.log << peer << ": " << message << '\n' << std::flush;
  }

  const FakeServerOptions options;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> accepted{0};
  std::mutex log_mutex;
};

}  // namespace ttmtrack::nasl::fake_server
