#include "nasl/fake_server/service_connection.hpp"

#include <algorithm>
#include <array>

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timespan.h>

#include "nasl/fake_server/decoy_connections.hpp"
#include "nasl/fake_server/ttm_connection.hpp"
#include "nasl/fake_server/ttm_silent_connection.hpp"

namespace ttmtrack::nasl::fake_server {
namespace {

// Upper bound of one poll: how late a handler notices that the server is stopping.
constexpr std::chrono::milliseconds kPollSlice{50};

}  // namespace

ServiceConnection::ServiceConnection(const Poco::Net::StreamSocket& socket,
                                     std::shared_ptr<ServerState> state)
    : Poco::Net::TCPServerConnection(socket), state_(std::move(state)) {
  try {
    peer_ = this->socket().peerAddress().toString();
  } catch (const Poco::Exception&) {
    peer_ = "(peer gone)";  // the scanner hung up between accept and here
  }
}

void ServiceConnection::run() {
  Log(std::string("connected (mode ") + std::string(core::ToText(options().mode)) + ")");
  try {
    Serve();
  } catch (const Poco::Net::NetException& e) {
    Log(std::string("connection ended: ") + e.displayText());
  } catch (const Poco::IOException& e) {
    Log(std::string("connection ended: ") + e.displayText());
  }
  Log("closed");
}

ReadStatus ServiceConnection::ReadSome(std::string& buffer, std::chrono::milliseconds wait) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  for (;;) {
    if (state_->stopping.load()) return ReadStatus::kStopping;
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return ReadStatus::kTimeout;
    const auto slice =
        std::min(kPollSlice, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now));
    const Poco::Timespan poll_time(static_cast<long>(slice.count()) * 1000);
    if (!socket().poll(poll_time, Poco::Net::Socket::SELECT_READ | Poco::Net::Socket::SELECT_ERROR))
      continue;
    std::array<char, 4096> chunk{};
    int n = 0;
    try {
      n = socket().receiveBytes(chunk.data(), static_cast<int>(chunk.size()));
    } catch (const Poco::Net::NetException&) {
      return ReadStatus::kClosed;  // reset by peer
    }
    if (n <= 0) return ReadStatus::kClosed;
    buffer.append(chunk.data(), static_cast<std::size_t>(n));
    return ReadStatus::kData;
  }
}

bool ServiceConnection::SendAll(std::string_view bytes) {
  try {
    while (!bytes.empty()) {
      const int n = socket().sendBytes(bytes.data(), static_cast<int>(bytes.size()));
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  } catch (const Poco::Net::NetException&) {
    return false;
  }
  return true;
}

ServiceConnectionFactory::ServiceConnectionFactory(std::shared_ptr<ServerState> state)
    : state_(std::move(state)) {}

Poco::Net::TCPServerConnection* ServiceConnectionFactory::createConnection(
    const Poco::Net::StreamSocket& socket) {
  state_->accepted.fetch_add(1);
  switch (state_->options.mode) {
    case ServiceMode::kTtm: return new TtmConnection(socket, state_);
    case ServiceMode::kTtmSilent: return new TtmSilentConnection(socket, state_);
    case ServiceMode::kHttp: return new HttpConnection(socket, state_);
    case ServiceMode::kSsh: return new SshConnection(socket, state_);
    case ServiceMode::kSmtp: return new SmtpConnection(socket, state_);
    case ServiceMode::kTls: return new TlsConnection(socket, state_);
    case ServiceMode::kEcho: return new EchoConnection(socket, state_);
    case ServiceMode::kSilent: return new SilentConnection(socket, state_);
    case ServiceMode::kClose: return new CloseConnection(socket, state_);
  }
  return new CloseConnection(socket, state_);
}

}  // namespace ttmtrack::nasl::fake_server
