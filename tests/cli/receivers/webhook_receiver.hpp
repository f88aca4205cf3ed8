#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace Poco::Net {
class HTTPServer;
}

namespace ttmtrack::test {

// What one HTTP request to the receiver carried.
struct ReceivedRequest {
  std::string method;
  std::string uri;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

// A real HTTP (or, with a certificate, HTTPS) server on 127.0.0.1, on a free port, written
// with Poco::Net::HTTPServer for the webhook tests: it records every request and answers each
// with `status`. Stops in the destructor. Thread-safe.
class WebhookReceiver {
 public:
  // `cert_file`/`key_file` empty: plain HTTP.
  explicit WebhookReceiver(int status = 200, const std::string& cert_file = "",
                           const std::string& key_file = "");
  ~WebhookReceiver();
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  std::uint16_t port() const { return port_; }
  // "http://127.0.0.1:PORT/hooks/ttmtrack?token=secret" (or https://localhost:PORT/...).
  std::string url() const;
  std::vector<ReceivedRequest> requests() const;

  struct Shared {
    int status = 200;
    mutable std::mutex mutex;
    std::vector<ReceivedRequest> requests;
  };

 private:
  std::shared_ptr<Shared> shared_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  std::uint16_t port_ = 0;
  bool tls_ = false;
};

}  // namespace ttmtrack::test
