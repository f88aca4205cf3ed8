#include "tests/cli/receivers/smtp_receiver.hpp"

#include <atomic>
#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include "core/ascii_text.hpp"

namespace ttmtrack::test {

struct SmtpReceiver::State {
  Options options;
  Poco::Net::ServerSocket listener;
  std::atomic<bool> stop{false};
  mutable std::mutex mutex;
  std::vector<ReceivedMail> sessions;
};

namespace {

// Line-oriented I/O over a socket that may turn into a TLS socket mid-session.
class Connection {
 public:
  explicit Connection(const Poco::Net::StreamSocket& socket) : socket_(socket) {
    socket_.setReceiveTimeout(Poco::Timespan(10, 0));
  }
  bool ReadLine(std::string& line) {
    line.clear();
    for (;;) {
      const std::size_t end = buffer_.find("\r\n");
      if (end != std::string::npos) {
        line = buffer_.substr(0, end);
        buffer_.erase(0, end + 2);
        return true;
      }
      char chunk[4096];
      const int got = socket_.receiveBytes(chunk, sizeof(chunk));
      if (got <= 0) return false;
      buffer_.append(chunk, static_cast<std::size_t>(got));
    }
  }
  void Send(const std::string& text) {
    socket_.sendBytes(text.data(), static_cast<int>(text.size()));
  }
  void StartTls(const Poco::Net::Context::Ptr& context) {
    socket_ = Poco::Net::SecureStreamSocket::attach(socket_, context);
    buffer_.clear();
  }

 private:
  Poco::Net::StreamSocket socket_;
  std::string buffer_;
};

std::string Base64Decode(const std::string& text) {
  std::istringstream in(text);
  Poco::Base64Decoder decoder(in);
  return {std::istreambuf_iterator<char>(decoder), {}};
}

std::string Address(const std::string& command) {
  const std::size_t open = command.find('<');
  const std::size_t close = command.find('>', open);
  if (open == std::string::npos || close == std::string::npos) return "";
  return command.substr(open + 1, close - open - 1);
}

// Records the session; called before the last reply, so that a client that has its answer
// finds the session recorded.
void Record(SmtpReceiver::State& state, ReceivedMail& mail, bool& recorded) {
  if (recorded) return;
  recorded = true;
  const std::lock_guard<std::mutex> lock(state.mutex);
  state.sessions.push_back(mail);
}

void Converse(SmtpReceiver::State& state, Connection& connection, ReceivedMail& mail,
              bool& recorded) {
  connection.Send("220 receiver.test ESMTP ttmtrack test receiver\r\n");
  std::string line;
  while (connection.ReadLine(line)) {
    mail.commands.push_back(line);
    const std::string verb = core::ToLower(line.substr(0, line.find(' ')));
    if (verb == "ehlo") {
      std::string reply = "250-receiver.test\r\n";
      if (state.options.offer_starttls && !mail.tls) reply += "250-STARTTLS\r\n";
      if (state.options.offer_auth) reply += "250-AUTH PLAIN\r\n";
      connection.Send(reply + "250 8BITMIME\r\n");
    } else if (verb == "starttls" && state.options.offer_starttls) {
      connection.Send("220 ready to start TLS\r\n");
      Poco::Net::Context::Ptr context =
          new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, state.options.key_file,
                                 state.options.cert_file, "", Poco::Net::Context::VERIFY_NONE);
      try {
        connection.StartTls(context);
      } catch (const Poco::Exception&) {
        break;  // the client refused our certificate: the session ends here
      }
      mail.tls = true;
    } else if (verb == "auth") {
      // AUTH PLAIN base64(authzid \0 user \0 password), initial response on the same line.
      const std::string decoded = Base64Decode(line.substr(line.rfind(' ') + 1));
      const std::size_t first = decoded.find('\0');
      const std::size_t second = decoded.find('\0', first + 1);
      mail.auth_user = decoded.substr(first + 1, second - first - 1);
      mail.auth_password = decoded.substr(second + 1);
      connection.Send("235 authenticated\r\n");
    } else if (verb == "mail") {
      mail.mail_from = Address(line);
      connection.Send("250 sender ok\r\n");
    } else if (verb == "rcpt") {
      mail.rcpt_to.push_back(Address(line));
      connection.Send("250 recipient ok\r\n");
    } else if (verb == "data") {
      connection.Send("354 end with <CRLF>.<CRLF>\r\n");
      while (connection.ReadLine(line) && line != ".") {
        mail.data += (line.rfind("..", 0) == 0 ? line.substr(1) : line) + "\n";
      }
      connection.Send("250 queued\r\n");
    } else if (verb == "quit") {
      mail.quit = true;
      Record(state, mail, recorded);
      connection.Send("221 bye\r\n");
      break;
    } else {
      connection.Send("502 not implemented\r\n");
    }
  }
}

void Serve(SmtpReceiver::State& state, const Poco::Net::StreamSocket& socket) {
  ReceivedMail mail;
  bool recorded = false;
  try {
    Connection connection(socket);
    Converse(state, connection, mail, recorded);
  } catch (const Poco::Exception&) {
    // A broken session is recorded as far as it got.
  }
  Record(state, mail, recorded);
}

}  // namespace

SmtpReceiver::SmtpReceiver(Options options) : state_(std::make_shared<State>()) {
  Poco::Net::initializeSSL();
  state_->options = std::move(options);
  state_->listener = Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0), 8);
  port_ = state_->listener.address().port();
  thread_ = std::thread([state = state_] {
    while (!state->stop) {
      if (!state->listener.poll(Poco::Timespan(0, 50000), Poco::Net::Socket::SELECT_READ)) continue;
      Poco::Net::StreamSocket socket;
      try {
        socket = state->listener.acceptConnection();
      } catch (const Poco::Exception&) {
        continue;  // a client that gave up before the accept: keep listening
      }
      Serve(*state, socket);
    }
  });
}

SmtpReceiver::~SmtpReceiver() {
  state_->stop = true;
  thread_.join();
}

std::vector<ReceivedMail> SmtpReceiver::sessions() const {
  const std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->sessions;
}

}  // namespace ttmtrack::test
