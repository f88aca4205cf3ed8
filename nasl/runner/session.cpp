#include "nasl/runner/session.hpp"

#include <utility>

#include "nasl/runner/tcp_connection.hpp"

namespace ttmtrack::nasl::runner {

KbValue ForkPlan::Choose(const std::string& name, const std::vector<KbValue>& values) {
  if (depth_ >= points_.size() || points_[depth_].name != name) {
    // A new fork point (or, for a script that behaves differently on a re-run, a different
    // one): forget what was planned below it.
    points_.resize(depth_);
    points_.push_back(Point{name, values, 0});
  }
  const Point& point = points_[depth_];
  ++depth_;
  return point.values[point.choice];
}

bool ForkPlan::Advance() {
  depth_ = 0;
  while (!points_.empty()) {
    Point& last = points_.back();
    if (last.choice + 1 < last.values.size()) {
      ++last.choice;
      shared_prefix_ = static_cast<long>(points_.size()) - 1;
      return true;
    }
    points_.pop_back();
  }
  return false;
}

Session::Session(const RunOptions& options, KnowledgeBase& kb, RunResult& result, ForkPlan* fork,
                 bool description)
    : options_(options), kb_(kb), result_(result), fork_(fork), description_(description) {}

Session::~Session() = default;

std::optional<KbValue> Session::KbItem(const std::string& name) {
  const auto& values = kb_.Values(name);
  if (values.empty()) return std::nullopt;
  if (values.size() == 1 || fork_ == nullptr) return values.front();
  return fork_->Choose(name, values);
}

void Session::RecordError(const std::string& message) {
  if (!Replaying()) result_.errors.push_back(message);
}

void Session::RecordDisplay(const std::string& text) {
  if (!Replaying()) result_.display.push_back(text);
}

void Session::RecordReport(RecordedCall call) {
  if (!Replaying()) result_.reports.push_back(std::move(call));
}

void Session::RecordKbWrite(KbWrite write) {
  if (!Replaying()) result_.kb_writes.push_back(std::move(write));
}

int Session::AddSocket(std::unique_ptr<TcpConnection> connection) {
  const int handle = next_socket_++;
  sockets_.emplace(handle, std::move(connection));
  return handle;
}

TcpConnection* Session::FindSocket(int handle) {
  const auto it = sockets_.find(handle);
  return it == sockets_.end() ? nullptr : it->second.get();
}

bool Session::CloseSocket(int handle) { return sockets_.erase(handle) > 0; }

}  // namespace ttmtrack::nasl::runner
