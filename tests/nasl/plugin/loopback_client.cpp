#include "loopback_client.hpp"

#include <array>

#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>

namespace ttmtrack::nasl::testing {

LoopbackClient::LoopbackClient(std::uint16_t port)
    : socket_(Poco::Net::SocketAddress("127.0.0.1", port)) {}

void LoopbackClient::Send(std::string_view bytes) {
  socket_.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
}

std::string LoopbackClient::Read(std::size_t want, std::chrono::milliseconds wait) {
  std::string got;
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (got.size() < want && !closed_ && std::chrono::steady_clock::now() < deadline) {
    if (!socket_.poll(Poco::Timespan(20'000), Poco::Net::Socket::SELECT_READ)) continue;
    std::array<char, 4096> chunk{};
    int n = 0;
    try {
      n = socket_.receiveBytes(chunk.data(), static_cast<int>(chunk.size()));
    } catch (const Poco::Net::NetException&) {
      n = 0;  // reset counts as closed
    }
    if (n <= 0) {
      closed_ = true;
    } else {
      got.append(chunk.data(), static_cast<std::size_t>(n));
    }
  }
  return got;
}

}  // namespace ttmtrack::nasl::testing
