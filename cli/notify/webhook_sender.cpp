#include "cli/notify/webhook_sender.hpp"

#include <memory>
#include <ostream>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/URI.h>

#include "cli/notify/tls_client.hpp"

#ifndef TTMTRACK_VERSION
#error "TTMTRACK_VERSION must be defined by the build"
#endif

namespace ttmtrack::cli {

std::optional<std::string> PostWebhook(const WebhookTarget& target, const std::string& json_body) {
  // The one place where Poco's HTTP exceptions become a delivery result (STYLE.md §3).
  try {
    const Poco::URI uri(target.url);
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (uri.getScheme() == "https") {
      session = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(),
                                                                ClientTlsContext(target.ca_file));
    } else {
      session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
    }
    const Poco::Timespan timeout(static_cast<long>(target.timeout.count()), 0);
    session->setTimeout(timeout, timeout, timeout);
    const std::string path = uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery();
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, path,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(json_body.size()));
    request.set("User-Agent", "ttmtrack/" TTMTRACK_VERSION);
    session->sendRequest(request) << json_body << std::flush;
    Poco::Net::HTTPResponse response;
    std::istream& body = session->receiveResponse(response);
    body.ignore(1 << 16);  // the answer's body says nothing ttmtrack acts on
    const int status = static_cast<int>(response.getStatus());
    if (status >= 200 && status < 300) return std::nullopt;
    std::string why = "HTTP " + std::to_string(status) + " " + response.getReason();
    if (status >= 300 && status < 400) why += " (redirects are not followed)";
    return why;
  } catch (const Poco::Exception& error) {
    return error.displayText();
  }
}

std::string RedactedUrl(const std::string& url) {
  try {
    const Poco::URI uri(url);
    std::string shown = uri.getScheme() + "://" + uri.getHost();
    const unsigned short usual = uri.getScheme() == "https" ? 443 : 80;
    if (uri.getPort() != usual) shown += ":" + std::to_string(uri.getPort());
    return shown + "/...";
  } catch (const Poco::Exception&) {
    return "(unparseable URL)";  // Config checks URLs; kept for safety in messages
  }
}

}  // namespace ttmtrack::cli
