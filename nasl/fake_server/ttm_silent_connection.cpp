#include "nasl/fake_server/ttm_silent_connection.hpp"

#include <algorithm>
#include <chrono>
#include <string>

#include "core/ttm_frame.hpp"

namespace ttmtrack::nasl::fake_server {

void TtmSilentConnection::Serve() {
  using Clock = std::chrono::steady_clock;
  using std::chrono::milliseconds;
  const FakeServerOptions& opts = options();
  const bool heartbeats = opts.heartbeat_interval.count() > 0;
  Clock::time_point last_input = Clock::now();
  Clock::time_point next_heartbeat = last_input + opts.heartbeat_interval;
  for (;;) {
    const Clock::time_point now = Clock::now();
    Clock::time_point until = last_input + opts.idle_timeout;
    if (heartbeats) until = std::min(until, next_heartbeat);
    std::string ignored;
    const ReadStatus status = ReadSome(
        ignored, std::max(milliseconds{0}, std::chrono::duration_cast<milliseconds>(until - now)));
    if (status == ReadStatus::kClosed || status == ReadStatus::kStopping) return;
    const Clock::time_point after = Clock::now();
    if (status == ReadStatus::kData) {
      last_input = after;
      Log("ignored " + std::to_string(ignored.size()) + " bytes");
    }
    if (heartbeats && after >= next_heartbeat) {
      const std::string frame =
          core::EncodeFrame(core::MessageType::kHeartbeat, next_heartbeat_id_++);
      if (!SendAll(frame)) return;
      Log("sent HEARTBEAT");
      next_heartbeat += opts.heartbeat_interval;
    }
    if (after - last_input >= opts.idle_timeout) {
      Log("idle; closing");
      return;
    }
  }
}

}  // namespace ttmtrack::nasl::fake_server
