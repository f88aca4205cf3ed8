#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace ttmtrack::cli {

struct WebhookTarget {
  std::string url;      // http:// or https:// (Config checked it)
  std::string ca_file;  // empty: the system's CA certificates
  std::chrono::seconds timeout{30};
};

// POSTs `json_body` (Content-Type: application/json) to the target with Poco's HTTP client;
// HTTPS servers must present a certificate that verifies (ClientTlsContext). One request, no
// retries, no redirects followed, no proxy. Returns nullopt when the server answered 2xx, else
// why the message was not delivered (connection error, certificate, HTTP status). Never throws
// for network trouble: a failed notification is an outcome of the run, not an error in it.
std::optional<std::string> PostWebhook(const WebhookTarget& target, const std::string& json_body);

// The URL as shown in summaries and logs: scheme://host[:port]/... — paths and queries of
// webhook URLs often carry secret tokens.
std::string RedactedUrl(const std::string& url);

}  // namespace ttmtrack::cli
