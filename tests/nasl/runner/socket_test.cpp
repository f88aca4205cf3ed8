// The socket built-ins against real TCP listeners on 127.0.0.1 (STYLE.md: no mocks where the
// real thing runs). Each test starts a small server thread with its own behaviour.
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "test_support.hpp"

namespace ttmtrack::nasl::runner {
namespace {

using testing::RunBody;
using testing::ScriptOptions;
using Clock = std::chrono::steady_clock;

// Listens on an ephemeral loopback port and runs `handler` on each accepted connection, one at
// a time, until destroyed. The handler must return; it may poll `stopping()`.
class LoopbackServer {
 public:
  explicit LoopbackServer(std::function<void(int fd, const LoopbackServer&)> handler)
      : handler_(std::move(handler)) {
    listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    EXPECT_EQ(bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    EXPECT_EQ(listen(listen_fd_, 4), 0);
    socklen_t len = sizeof(addr);
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~LoopbackServer() {
    stopping_ = true;
    thread_.join();
    close(listen_fd_);
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  int port() const { return port_; }
  bool stopping() const { return stopping_; }

 private:
  void Serve() {
    while (!stopping_) {
      pollfd p{.fd = listen_fd_, .events = POLLIN, .revents = 0};
      if (poll(&p, 1, 50) <= 0) continue;
      const int fd = accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) continue;
      handler_(fd, *this);
      close(fd);
    }
  }

  std::function<void(int, const LoopbackServer&)> handler_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

void SendAll(int fd, const std::string& s) { send(fd, s.data(), s.size(), MSG_NOSIGNAL); }

std::string ReadLine(int fd) {
  std::string line;
  char c = 0;
  while (recv(fd, &c, 1, 0) == 1) {
    line.push_back(c);
    if (c == '\n') break;
  }
  return line;
}

void WaitUntilStopping(const LoopbackServer& server) {
  while (!server.stopping()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

std::string PortLine(int port) { return "port = " + std::to_string(port) + ";\n"; }

TEST(SocketTest, SendAndRecvAgainstARealListener) {
  LoopbackServer server([](int fd, const LoopbackServer&) {
    const std::string line = ReadLine(fd);
    SendAll(fd, "ECHO:" + line);
  });
  const RunResult r = RunBody(PortLine(server.port()) +
                              "soc = open_sock_tcp(port);\n"
                              "n = send(socket:soc, data:'PING\\n');\n"
                              "r = recv(socket:soc, length:100, min:10);\n"
                              "display(n, ' ', r);\nclose(soc);");
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
  EXPECT_EQ(r.display, (std::vector<std::string>{"5 ECHO:PING\n"}));
}

TEST(SocketTest, RecvLineReadsOneLineAtATime) {
  LoopbackServer server([](int fd, const LoopbackServer& s) {
    SendAll(fd, "220 first line\r\nsecond\nthird-without-newline");
    WaitUntilStopping(s);
  });
  const RunResult r = RunBody(PortLine(server.port()) +
                              "soc = open_sock_tcp(port);\n"
                              "display(recv_line(socket:soc, length:100));\n"
                              "display(recv_line(socket:soc, length:100));\n"
                              "display(recv_line(socket:soc, length:5));\n"
                              "display(recv_line(socket:soc, length:100, timeout:1));\n"
                              "close(soc);");
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
  EXPECT_EQ(r.display, (std::vector<std::string>{"220 first line\r\n", "second\n", "third",
                                                 "-without-newline"}));
}

TEST(SocketTest, RecvMinWaitsForEnoughBytes) {
  LoopbackServer server([](int fd, const LoopbackServer&) {
    SendAll(fd, "ab");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    SendAll(fd, "cd");
  });
  const RunResult r = RunBody(PortLine(server.port()) +
                              "soc = open_sock_tcp(port);\n"
                              "display(recv(socket:soc, length:10, min:4));");
  EXPECT_EQ(r.display, (std::vector<std::string>{"abcd"}));
}

TEST(SocketTest, RecvTimesOutOnASilentServer) {
  LoopbackServer server([](int, const LoopbackServer& s) { WaitUntilStopping(s); });
  ScriptOptions options;
  options.timeout_ms = 300;  // the default read timeout when the script gives none
  const auto start = Clock::now();
  const RunResult r =
      RunBody(PortLine(server.port()) +
                  "soc = open_sock_tcp(port);\n"
                  "display(typeof(soc), ' ', typeof(recv(socket:soc, length:10)));\n"
                  "display(typeof(recv_line(socket:soc, length:10)));",
              options);
  const auto elapsed = Clock::now() - start;
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
  EXPECT_EQ(r.display, (std::vector<std::string>{"int undef", "undef"}));
  EXPECT_GE(elapsed, std::chrono::milliseconds(550));
  EXPECT_LT(elapsed, std::chrono::milliseconds(3000));
}

TEST(SocketTest, ScriptTimeoutIsInSeconds) {
  LoopbackServer server([](int, const LoopbackServer& s) { WaitUntilStopping(s); });
  ScriptOptions options;
  options.timeout_ms = 100;
  const auto start = Clock::now();
  RunBody(PortLine(server.port()) +
              "soc = open_sock_tcp(port);\nrecv(socket:soc, length:10, timeout:1);",
          options);
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(900));
}

TEST(SocketTest, ServerClosingAtOnceGivesNull) {
  LoopbackServer server([](int, const LoopbackServer&) {});
  const RunResult r = RunBody(PortLine(server.port()) +
                              "soc = open_sock_tcp(port);\n"
                              "display(typeof(recv(socket:soc, length:10)));");
  EXPECT_EQ(r.display, (std::vector<std::string>{"undef"}));
}

TEST(SocketTest, ConnectionRefusedOnAClosedPortGivesNullWithoutError) {
  // Take a free port, then close it so nothing listens there.
  int port = 0;
  {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    socklen_t len = sizeof(addr);
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
    close(fd);
  }
  const auto start = Clock::now();
  const RunResult r = RunBody(PortLine(port) + "soc = open_sock_tcp(port);\ndisplay(typeof(soc));");
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(1500));
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
  EXPECT_EQ(r.display, (std::vector<std::string>{"undef"}));
}

TEST(SocketTest, InvalidSocketsAreRecordedErrors) {
  const RunResult r = RunBody(
      "send(socket:42, data:\"x\");\nrecv(socket:NULL, length:1);\nclose(7);\n"
      "open_sock_tcp(80, transport:ENCAPS_TLSv12);");
  ASSERT_EQ(r.errors.size(), 4u);
  EXPECT_NE(r.errors[0].find("test.nasl:2:1: send(): invalid socket 42"), std::string::npos);
  EXPECT_NE(r.errors[3].find("TLS"), std::string::npos);
}

}  // namespace
}  // namespace ttmtrack::nasl::runner
