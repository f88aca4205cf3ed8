#include "nasl/fake_server/fake_server.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerParams.h>
#include <Poco/ThreadPool.h>

#include "core/error.hpp"
#include "nasl/fake_server/server_state.hpp"
#include "nasl/fake_server/service_connection.hpp"

namespace ttmtrack::nasl::fake_server {
namespace {

Poco::Net::ServerSocket Listen(const FakeServerOptions& options) {
  // A literal address only: resolving a host name could block on DNS and bind elsewhere.
  Poco::Net::IPAddress ip;
  if (!Poco::Net::IPAddress::tryParse(options.bind_address, ip)) {
    throw Error(Error::Kind::kUsage, "bad bind address '" + options.bind_address +
                                         "': expected an IPv4 or IPv6 address");
  }
  const Poco::Net::SocketAddress address(ip, options.port);
  Poco::Net::ServerSocket socket;
  try {
    // SO_REUSEADDR lets a restarted server take a port in TIME_WAIT; never SO_REUSEPORT,
    // which would let two servers (two tests) share one port and split its connections.
    socket.bind(address, /*reuseAddress=*/true, /*reusePort=*/false);
    socket.listen(64);
  } catch (const Poco::Exception& e) {
    throw Error(Error::Kind::kIo,
                "cannot listen on " + address.toString() + ": " + e.displayText());
  }
  return socket;
}

}  // namespace

FakeServer::FakeServer(FakeServerOptions options)
    : state_(std::make_shared<ServerState>(std::move(options))) {
  Poco::Net::ServerSocket socket = Listen(state_->options);
  port_ = socket.address().port();
  const int threads = std::max(1, state_->options.max_connections);
  // Two extra threads: the pool also runs TCPServer's dispatcher bookkeeping.
  pool_ = std::make_unique<Poco::ThreadPool>(1, threads + 2);
  auto params = new Poco::Net::TCPServerParams;  // owned by the AutoPtr TCPServer keeps
  params->setMaxThreads(threads);
  params->setMaxQueued(64);
  server_ = std::make_unique<Poco::Net::TCPServer>(new ServiceConnectionFactory(state_), *pool_,
                                                   socket, params);
}

FakeServer::~FakeServer() { Stop(); }

void FakeServer::Start() {
  if (started_ || !server_) return;
  server_->start();
  started_ = true;
}

void FakeServer::Stop() {
  if (!server_) return;
  state_->stopping.store(true);
  if (started_) server_->stop();  // stops accepting; queued connections are dropped
  pool_->joinAll();               // handlers notice `stopping` within one poll slice
  server_.reset();
  pool_.reset();
}

const FakeServerOptions& FakeServer::options() const { return state_->options; }

std::size_t FakeServer::connections_accepted() const { return state_->accepted.load(); }

}  // namespace ttmtrack::nasl::fake_server
