#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ttmtrack::test {

// One SMTP session as the receiver saw it.
struct ReceivedMail {
  std::vector<std::string> commands;  // every command line, in order (AUTH data included)
  bool tls = false;                   // STARTTLS succeeded before MAIL FROM
  std::string auth_user;              // from AUTH PLAIN, empty without AUTH
  std::string auth_password;
  std::string mail_from;  // the address inside MAIL FROM:<...>
  std::vector<std::string> rcpt_to;
  std::string data;  // the message as sent after DATA (dot-unstuffed)
  bool quit = false;
};

// A real SMTP server on 127.0.0.1 (a free port) written for the e-mail tests with Poco sockets:
// one session at a time on a thread, speaking just enough ESMTP (EHLO, STARTTLS, AUTH PLAIN,
// MAIL, RCPT, DATA, QUIT) and recording everything. Stops in the destructor. Thread-safe.
class SmtpReceiver {
 public:
  struct Options {
    bool offer_starttls = false;
    std::string cert_file;  // with offer_starttls
    std::string key_file;
    bool offer_auth = false;
  };

  explicit SmtpReceiver(Options options);
  ~SmtpReceiver();
  SmtpReceiver(const SmtpReceiver&) = delete;
  SmtpReceiver& operator=(const SmtpReceiver&) = delete;

  std::uint16_t port() const { return port_; }
  std::vector<ReceivedMail> sessions() const;

  struct State;

 private:
  std::shared_ptr<State> state_;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

}  // namespace ttmtrack::test
