#include "nasl/fake_server/decoy_connections.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

namespace ttmtrack::nasl::fake_server {
namespace {

constexpr std::size_t kMaxLine = 1000;  // RFC 5321 line limit; also bounds our buffers

std::string HttpResponse(std::string_view status, std::string_view body) {
  std::string out = "HTTP/1.1 ";
  out.append(status);
  out += "\r\nServer: ttmtrack-fake\r\nContent-Type: text/plain\r\nContent-Length: ";
  out += std::to_string(body.size());
  out += "\r\nConnection: close\r\n\r\n";
  out.append(body);
  return out;
}

// True while `bytes` can still grow into "METHOD SP": an HTTP server rejects a request at
// the first byte that cannot be part of a method token.
bool MayBeRequestLine(std::string_view bytes) {
  for (char c : bytes) {
    if (c == ' ') return true;
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "GET /path HTTP/1.1" and friends.
bool IsRequestLine(std::string_view line) {
  const std::size_t sp1 = line.find(' ');
  const std::size_t sp2 = line.rfind(' ');
  if (sp1 == std::string_view::npos || sp1 == 0 || sp2 == sp1) return false;
  return MayBeRequestLine(line.substr(0, sp1 + 1)) && line.substr(sp2 + 1).rfind("HTTP/1.", 0) == 0;
}

// Removes and returns the first line (without CR/LF) when a whole line is buffered.
std::optional<std::string> TakeLine(std::string& buffer) {
  const std::size_t lf = buffer.find('\n');
  if (lf == std::string::npos) return std::nullopt;
  std::string line = buffer.substr(0, lf);
  buffer.erase(0, lf + 1);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string Upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

}  // namespace

void HttpConnection::Serve() {
  std::string buffer;
  for (;;) {
    const bool started = !buffer.empty();
    const ReadStatus status =
        ReadSome(buffer, started ? options().partial_timeout : options().idle_timeout);
    if (status != ReadStatus::kData) return;
    const std::size_t sp = buffer.find(' ');
    if (!MayBeRequestLine(sp == std::string::npos ? buffer : buffer.substr(0, sp + 1))) break;
    if (buffer.find("\r\n\r\n") != std::string::npos || buffer.find("\n\n") != std::string::npos)
      break;
    if (buffer.size() > 8 * kMaxLine) break;
  }
  const std::size_t eol = buffer.find_first_of("\r\n");
  if (IsRequestLine(std::string_view(buffer).substr(0, eol))) {
    Log("HTTP request; answering 200");
    SendAll(HttpResponse("200 OK", "ttm-fake-server: an HTTP service, not TTM\n"));
  } else {
    Log("not an HTTP request; answering 400");
    SendAll(HttpResponse("400 Bad Request", "Bad Request\n"));
  }
}

void SshConnection::Serve() {
  if (!SendAll(kSshBanner)) return;
  std::string buffer;
  for (;;) {
    if (ReadSome(buffer, options().idle_timeout) != ReadStatus::kData) return;
    const std::string_view prefix = std::string_view(buffer).substr(0, 4);
    if (std::string_view("SSH-").substr(0, prefix.size()) != prefix) {
      Log("client identification is not SSH-; closing");
      SendAll("Invalid SSH identification string.\r\n");
      return;
    }
    // A real client would go on to key exchange, which a decoy need not implement: it waits.
    if (buffer.size() > kMaxLine) buffer.clear();
  }
}

void SmtpConnection::Serve() {
  if (!SendAll(kSmtpGreeting)) return;
  std::string buffer;
  for (;;) {
    while (auto line = TakeLine(buffer)) {
      const std::string verb = Upper(line->substr(0, line->find(' ')));
      if (verb == "QUIT") {
        SendAll("221 2.0.0 Bye\r\n");
        return;
      }
      std::string_view reply = "502 5.5.2 Error: command not recognized\r\n";
      if (verb == "HELO" || verb == "EHLO") reply = "250 fake.invalid\r\n";
      if (verb == "NOOP" || verb == "RSET") reply = "250 2.0.0 Ok\r\n";
      if (!SendAll(reply)) return;
    }
    if (buffer.size() > kMaxLine) {
      SendAll("500 5.5.0 Error: line too long\r\n");
      return;
    }
    if (ReadSome(buffer, options().idle_timeout) != ReadStatus::kData) return;
  }
}

void TlsConnection::Serve() {
  std::string buffer;
  if (ReadSome(buffer, options().idle_timeout) != ReadStatus::kData) return;
  // A ClientHello travels in a handshake record: type 22, version major 3.
  const bool client_hello = buffer.size() >= 2 && buffer[0] == '\x16' && buffer[1] == '\x03';
  Log(client_hello ? "TLS handshake record; answering alert handshake_failure"
                   : "not a TLS record; answering alert unexpected_message");
  SendAll(client_hello ? kTlsAlertHandshakeFailure : kTlsAlertUnexpectedMessage);
}

void EchoConnection::Serve() {
  std::string buffer;
  while (ReadSome(buffer, options().idle_timeout) == ReadStatus::kData) {
    if (!SendAll(buffer)) return;
    buffer.clear();
  }
}

void SilentConnection::Serve() {
  std::string buffer;
  while (ReadSome(buffer, options().idle_timeout) == ReadStatus::kData) buffer.clear();
}

}  // namespace ttmtrack::nasl::fake_server
