#include "tests/cli/receivers/webhook_receiver.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include "core/ascii_text.hpp"

namespace ttmtrack::test {
namespace {

class RecordingHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit RecordingHandler(std::shared_ptr<WebhookReceiver::Shared> shared)
      : shared_(std::move(shared)) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    ReceivedRequest received;
    received.method = request.getMethod();
    received.uri = request.getURI();
    for (const auto& [name, value] : request) received.headers[core::ToLower(name)] = value;
    Poco::StreamCopier::copyToString(request.stream(), received.body);
    int status = 200;
    {
      const std::lock_guard<std::mutex> lock(shared_->mutex);
      shared_->requests.push_back(std::move(received));
      status = shared_->status;
    }
    response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    response.setContentLength(0);
    response.send();
  }

 private:
  std::shared_ptr<WebhookReceiver::Shared> shared_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(std::shared_ptr<WebhookReceiver::Shared> shared) : shared_(std::move(shared)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new RecordingHandler(shared_);
  }

 private:
  std::shared_ptr<WebhookReceiver::Shared> shared_;
};

}  // namespace

WebhookReceiver::WebhookReceiver(int status, const std::string& cert_file,
                                 const std::string& key_file)
    : shared_(std::make_shared<Shared>()), tls_(!cert_file.empty()) {
  shared_->status = status;
  const Poco::Net::SocketAddress address("127.0.0.1", 0);
  Poco::Net::ServerSocket socket;
  if (tls_) {
    Poco::Net::initializeSSL();
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, key_file, cert_file, "",
                               Poco::Net::Context::VERIFY_NONE);
    socket = Poco::Net::SecureServerSocket(address, 16, context);
  } else {
    socket = Poco::Net::ServerSocket(address, 16);
  }
  port_ = socket.address().port();
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(shared_), socket,
                                                    new Poco::Net::HTTPServerParams);
  server_->start();
}

WebhookReceiver::~WebhookReceiver() { server_->stopAll(true); }

std::string WebhookReceiver::url() const {
  return (tls_ ? "https://localhost:" : "http://127.0.0.1:") + std::to_string(port_) +
         "/hooks/ttmtrack?token=secret";
}

std::vector<ReceivedRequest> WebhookReceiver::requests() const {
  const std::lock_guard<std::mutex> lock(shared_->mutex);
  return shared_->requests;
}

}  // namespace ttmtrack::test
