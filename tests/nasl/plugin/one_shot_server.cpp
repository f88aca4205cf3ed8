#include "one_shot_server.hpp"

#include <array>
#include <chrono>

#include <Poco/Exception.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

namespace ttmtrack::nasl::testing {
namespace {

// Poll slices, so the destructor never waits longer than one for the thread.
const Poco::Timespan kSlice(50'000);

}  // namespace

OneShotServer::OneShotServer(std::string reply) : reply_(std::move(reply)) {
  listener_.bind(Poco::Net::SocketAddress("127.0.0.1", 0), /*reuseAddress=*/false,
                 /*reusePort=*/false);
  listener_.listen(1);
  port_ = listener_.address().port();
  thread_ = std::thread([this] { Serve(); });
}

OneShotServer::~OneShotServer() {
  stopping_.store(true);
  thread_.join();
}

void OneShotServer::Serve() {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  const auto running = [&] {
    return !stopping_.load() && std::chrono::steady_clock::now() < deadline;
  };
  try {
    while (running() && !listener_.poll(kSlice, Poco::Net::Socket::SELECT_READ)) {
    }
    if (!running()) return;
    Poco::Net::StreamSocket client = listener_.acceptConnection();
    connected_.store(true);
    std::array<char, 1024> buffer{};
    while (running() && !client.poll(kSlice, Poco::Net::Socket::SELECT_READ)) {
    }
    if (!running() || client.receiveBytes(buffer.data(), static_cast<int>(buffer.size())) <= 0) {
      return;
    }
    client.sendBytes(reply_.data(), static_cast<int>(reply_.size()));
    // Hold the connection until the client hangs up: a reply followed by a close is another
    // case than a reply alone.
    while (running()) {
      if (!client.poll(kSlice, Poco::Net::Socket::SELECT_READ)) continue;
      if (client.receiveBytes(buffer.data(), static_cast<int>(buffer.size())) <= 0) return;
    }
  } catch (const Poco::Exception&) {
    // The client reset the connection: nothing left to serve.
  }
}

}  // namespace ttmtrack::nasl::testing
