// Socket built-ins over real TCP: open_sock_tcp, send, recv, close. Argument conventions of
// openvas-scanner's nasl_socket.c; timeouts given by the script are seconds.
#include <string>
#include <vector>

#include "nasl/runner/builtin.hpp"
#include "nasl/runner/interpreter.hpp"
#include "nasl/runner/tcp_connection.hpp"

namespace ttmtrack::nasl::runner {
namespace {

// Reads bigger than this are refused: a plugin asking for more is a bug, not a probe.
constexpr std::int64_t kMaxRead = 16 << 20;

// The script's `timeout:` in seconds, or the runner's default.
int TimeoutMs(Interpreter& in, const CallArgs& args) {
  const std::int64_t seconds = args.IntOr("timeout", -1);
  if (seconds <= 0) return in.session().options().timeout_ms;
  return static_cast<int>(std::min<std::int64_t>(seconds, 3600) * 1000);
}

TcpConnection* SocketArg(Interpreter& in, const Value& handle, const char* fn) {
  TcpConnection* c =
      handle.IsNull() ? nullptr : in.session().FindSocket(static_cast<int>(handle.ToIntArg()));
  if (c == nullptr) in.Error(std::string(fn) + "(): invalid socket " + handle.ToStr());
  return c;
}

Value FnOpenSockTcp(Interpreter& in, const CallArgs& args) {
  const Value port = args.Positional(0);
  if (port.IsNull()) {
    in.Error("open_sock_tcp(): missing port argument");
    return {};
  }
  if (args.Has("transport")) {
    in.Error("open_sock_tcp(): transport: is not supported by this runner (plain TCP only)");
    return {};
  }
  auto connection =
      TcpConnection::Connect(in.session().options().target, port.ToIntArg(), TimeoutMs(in, args));
  // A closed or filtered port is an expected outcome: NULL, no error, as in the scanners.
  if (!connection) return {};
  return Value::Int(in.session().AddSocket(std::move(connection)));
}

Value FnSend(Interpreter& in, const CallArgs& args) {
  TcpConnection* c = SocketArg(in, args.Named("socket"), "send");
  const auto data = StrArg(args.Named("data"));
  if (c == nullptr) return {};
  if (!data) {
    in.Error("send(): missing data: argument");
    return {};
  }
  std::string_view bytes(*data);
  const std::int64_t length = args.IntOr("length", -1);
  if (length >= 0 && static_cast<std::size_t>(length) < bytes.size()) {
    bytes = bytes.substr(0, static_cast<std::size_t>(length));
  }
  return Value::Int(static_cast<std::int64_t>(c->Send(bytes)));
}

Value FnRecv(Interpreter& in, const CallArgs& args) {
  TcpConnection* c = SocketArg(in, args.Named("socket"), "recv");
  const std::int64_t length = args.IntOr("length", -1);
  if (c == nullptr) return {};
  if (length <= 0 || length > kMaxRead) {
    in.Error("recv(): length: must be between 1 and " + std::to_string(kMaxRead));
    return {};
  }
  const std::string data =
      c->Receive(static_cast<std::size_t>(length), args.IntOr("min", -1), TimeoutMs(in, args));
  return data.empty() ? Value() : Value::Data(data);
}

Value FnClose(Interpreter& in, const CallArgs& args) {
  const Value handle = args.Positional(0).IsNull() ? args.Named("socket") : args.Positional(0);
  if (handle.IsNull() || !in.session().CloseSocket(static_cast<int>(handle.ToIntArg()))) {
    in.Error("close(): invalid socket " + handle.ToStr());
    return Value::Int(-1);
  }
  return Value::Int(0);
}

}  // namespace

void AddNetworkBuiltins(std::vector<BuiltinSpec>& out) {
  constexpr Availability kBoth = Availability::kBoth;
  out.insert(out.end(), {
                            {"open_sock_tcp", FnOpenSockTcp, kBoth},
                            {"send", FnSend, kBoth},
                            {"recv", FnRecv, kBoth},
                            {"close", FnClose, kBoth},
                        });
}

}  // namespace ttmtrack::nasl::runner
