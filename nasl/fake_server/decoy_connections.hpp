#pragma once

#include <string_view>

#include "nasl/fake_server/service_connection.hpp"

namespace ttmtrack::nasl::fake_server {

// The services the detection plugin must not mistake for ttm_cmd. Each behaves like the
// common real implementation closely enough for a scanner probe: what it sends first, how it
// answers bytes that are not its protocol, when it hangs up.

inline constexpr std::string_view kSshBanner = "SSH-2.0-OpenSSH_9.2p1 ttmtrack-fake\r\n";
inline constexpr std::string_view kSmtpGreeting = "220 fake.invalid ESMTP ttmtrack-fake\r\n";
// TLS alert records: content type 21, version 3.3, length 2, level fatal (2), description.
inline constexpr std::string_view kTlsAlertHandshakeFailure{"\x15\x03\x03\x00\x02\x02\x28", 7};
inline constexpr std::string_view kTlsAlertUnexpectedMessage{"\x15\x03\x03\x00\x02\x02\x0a", 7};

// Waits for a request; answers 200 to an HTTP request line, 400 to anything else; closes.
class HttpConnection : public ServiceConnection {
 public:
  using ServiceConnection::ServiceConnection;

 protected:
  void Serve() override;
};

// Sends its identification string at once; answers a client line that is not "SSH-..." with
// an error text and closes.
class SshConnection : public ServiceConnection {
 public:
  using ServiceConnection::ServiceConnection;

 protected:
  void Serve() override;
};

// 220 greeting at once; one reply per CRLF- or LF-terminated line; 221 and close on QUIT.
class SmtpConnection : public ServiceConnection {
 public:
  using ServiceConnection::ServiceConnection;

 protected:
  void Serve() override;
};

// A TLS server as a TTM probe meets it: whatever the first bytes, it answers with one fatal
// alert record (TLS 1.2 record version) and closes -- handshake_failure to a ClientHello record,
// unexpected_message to anything else -- as several TLS stacks do. It does not speak TLS.
// (OpenSSL-based servers close without an alert on bytes that are not TLS: that is kClose.)
class TlsConnection : public ServiceConnection {
 public:
  using ServiceConnection::ServiceConnection;

 protected:
  void Serve() override;
};

// Sends back every byte it receives (RFC 862), so a client gets exactly its own probe.
class EchoConnection : public ServiceConnection {
 public:
  using ServiceConnection::ServiceConnection;

 protected:
  void Serve() override;
};

// Reads and discards; never sends a byte; closes only when idle_timeout passes.
class SilentConnection : public ServiceConnection {
 public:
  using ServiceConnection::ServiceConnection;

 protected:
  void Serve() override;
};

// Closes right after the accept, before any byte is exchanged.
class CloseConnection : public ServiceConnection {
 public:
  using ServiceConnection::ServiceConnection;

 protected:
  void Serve() override {}
};

}  // namespace ttmtrack::nasl::fake_server
