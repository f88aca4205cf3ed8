#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include "nasl/fake_server/server_state.hpp"

namespace ttmtrack::nasl::fake_server {

enum class ReadStatus {
  kData,      // at least one byte was appended
  kTimeout,   // nothing arrived within the wait
  kClosed,    // the peer closed or reset the connection
  kStopping,  // the server is shutting down
};

// Base of the per-mode handlers: one object per accepted connection, run on a pool thread and
// deleted by Poco's TCPServer when Serve() returns (which closes the socket). Socket errors
// end the connection quietly: a scanner hanging up mid-way is normal.
class ServiceConnection : public Poco::Net::TCPServerConnection {
 public:
  ServiceConnection(const Poco::Net::StreamSocket& socket, std::shared_ptr<ServerState> state);

  void run() final;

 protected:
  virtual void Serve() = 0;

  // Waits up to `wait` for input and appends what arrived to `buffer`. Returns early with
  // kStopping once the server stops.
  ReadStatus ReadSome(std::string& buffer, std::chrono::milliseconds wait);
  // Sends all of `bytes`; false when the peer has gone.
  bool SendAll(std::string_view bytes);
  void Log(std::string_view message) { state_->Log(peer_, message); }
  const FakeServerOptions& options() const { return state_->options; }

 private:
  std::shared_ptr<ServerState> state_;
  std::string peer_;
};

// Creates the handler for the server's mode. Counts accepted connections in the state.
class ServiceConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
 public:
  explicit ServiceConnectionFactory(std::shared_ptr<ServerState> state);
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override;

 private:
  std::shared_ptr<ServerState> state_;
};

}  // namespace ttmtrack::nasl::fake_server
