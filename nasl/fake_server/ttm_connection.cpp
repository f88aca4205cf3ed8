#include "nasl/fake_server/ttm_connection.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace ttmtrack::nasl::fake_server {

using core::EncodeFrame;
using core::FrameHeader;
using core::HeaderStatus;
using core::kHeaderSize;
using core::kMagic;
using core::MessageType;
using core::ParsedHeader;
using core::ParseHeader;

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

milliseconds Remaining(Clock::time_point since, milliseconds limit, Clock::time_point now) {
  const auto spent = std::chrono::duration_cast<milliseconds>(now - since);
  return std::max(milliseconds{0}, limit - spent);
}

// True while what arrived so far can still become our magic: lets the server drop a
// foreign protocol at its first byte instead of waiting for a whole header.
bool MayBeOurs(const std::string& buffer) {
  const std::size_t n = std::min(buffer.size(), kMagic.size());
  return std::equal(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(n),
                    kMagic.begin());
}

std::string Describe(const FrameHeader& h) {
  char text[96];
  std::snprintf(text, sizeof text, "frame type 0x%02x id 0x%08x payload %u bytes",
                static_cast<unsigned>(h.type), static_cast<unsigned>(h.request_id),
                static_cast<unsigned>(h.payload_length));
  return text;
}

}  // namespace

void TtmConnection::Serve() {
  const FakeServerOptions& opts = options();
  const bool heartbeats = opts.heartbeat_interval.count() > 0;
  std::string buffer;
  Clock::time_point last_input = Clock::now();
  Clock::time_point last_heartbeat = last_input;
  for (;;) {
    while (buffer.size() >= kHeaderSize) {
      const ParsedHeader parsed = ParseHeader(buffer);
      if (parsed.status != HeaderStatus::kOk) {
        Log("not a TTM frame header; closing without reply");
        return;
      }
      const std::size_t frame_size = kHeaderSize + parsed.header.payload_length;
      if (buffer.size() < frame_size) break;
      const std::string_view payload =
          std::string_view(buffer).substr(kHeaderSize, parsed.header.payload_length);
      if (!Answer(parsed.header, payload)) return;
      buffer.erase(0, frame_size);
    }
    if (!MayBeOurs(buffer)) {
      Log("not a TTM frame header; closing without reply");
      return;
    }
    const Clock::time_point now = Clock::now();
    milliseconds wait = Remaining(last_input, opts.idle_timeout, now);
    if (!buffer.empty()) {
      wait = std::min(wait, Remaining(last_input, opts.partial_timeout, now));
    } else if (heartbeats) {
      wait = std::min(
          wait, Remaining(std::max(last_input, last_heartbeat), opts.heartbeat_interval, now));
    }
    switch (ReadSome(buffer, wait)) {
      case ReadStatus::kData: last_input = Clock::now(); continue;
      case ReadStatus::kClosed:
      case ReadStatus::kStopping: return;
      case ReadStatus::kTimeout: break;
    }
    const Clock::time_point after = Clock::now();
    if (!buffer.empty()) {
      Log("frame left unfinished; closing");
      return;
    }
    if (Remaining(last_input, opts.idle_timeout, after).count() == 0) {
      Log("idle; closing");
      return;
    }
    if (heartbeats &&
        Remaining(std::max(last_input, last_heartbeat), opts.heartbeat_interval, after).count() ==
            0) {
      if (!SendAll(EncodeFrame(MessageType::kHeartbeat, next_heartbeat_id_++))) return;
      last_heartbeat = after;
      Log("sent HEARTBEAT");
    }
  }
}

bool TtmConnection::Answer(const FrameHeader& header, std::string_view payload) {
  (void)payload;  // HELLO and HEARTBEAT carry nothing the fake server needs
  switch (static_cast<MessageType>(header.type)) {
    case MessageType::kHello:
      Log(Describe(header) + " (HELLO); answering HELLO_ACK");
      return SendAll(EncodeFrame(MessageType::kHelloAck, header.request_id, kHelloAckPayload));
    case MessageType::kHeartbeat:
      Log(Describe(header) + " (HEARTBEAT); answering HEARTBEAT_ACK");
      return SendAll(EncodeFrame(MessageType::kHeartbeatAck, header.request_id));
    case MessageType::kHelloAck:
    case MessageType::kHeartbeatAck:
      return true;  // a client acknowledging our heartbeat: nothing to answer
    case MessageType::kError: break;
  }
  Log(Describe(header) + "; answering ERROR");
  return SendAll(EncodeFrame(MessageType::kError, header.request_id, "unsupported message type"));
}

}  // namespace ttmtrack::nasl::fake_server
