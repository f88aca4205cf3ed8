#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ttmtrack::cli {

struct EmailTarget {
  std::vector<std::string> to;  // every recipient gets the same one message
  std::string from;
  std::string host;
  std::uint16_t port = 587;
  bool starttls = true;       // false only when notify.smtp.tls = none
  std::string ca_file;        // empty: the system's CA certificates
  std::string user;           // empty: no SMTP AUTH
  std::string password_file;  // with `user`: its first line is the password
  std::chrono::seconds timeout{30};
};

// Sends one plain-text UTF-8 message (quoted-printable) to every recipient over SMTP with Poco's
// SecureSMTPClientSession: EHLO, then STARTTLS with a verified certificate (ClientTlsContext)
// unless starttls is false — a server that does not offer it gets nothing — then AUTH PLAIN
// when a user is set, MAIL FROM, RCPT TO, DATA, QUIT. `timeout` bounds each reply; the TCP
// connect itself is bounded by the system (Poco's session connects on construction). Returns
// nullopt once the server accepted the message, else why not. Never throws for network trouble.
std::optional<std::string> SendEmail(const EmailTarget& target, const std::string& subject,
                                     const std::string& text);

}  // namespace ttmtrack::cli
