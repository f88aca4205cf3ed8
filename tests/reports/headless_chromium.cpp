#include "tests/reports/headless_chromium.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <deque>
#include <functional>
#include <optional>
#include <set>
#include <sstream>

#include <Poco/Base64Decoder.h>
#include <nlohmann/json.hpp>

#include "tests/support/temp_dir.hpp"
#include "tools/process/child_process.hpp"

namespace ttmtrack::reports::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// A pipe whose ends close with it.
struct Pipe {
  Pipe() {
    if (::pipe2(fds, O_CLOEXEC) != 0) fds[0] = fds[1] = -1;
  }
  ~Pipe() {
    for (int& fd : fds) Close(fd);
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  static void Close(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  int fds[2] = {-1, -1};
};

// The DevTools protocol over chromium's pipe: commands out, replies and events in. Every event
// read is kept in `events`, in order.
class DevTools {
 public:
  DevTools(int to_browser, int from_browser) : out_(to_browser), in_(from_browser) {}

  // Sends a command and waits for its reply; nullopt when none came by `deadline` or the reply
  // is an error (`error` says which).
  std::optional<json> Call(const std::string& method, const json& params,
                           const std::string& session, Clock::time_point deadline) {
    const int id = ++last_id_;
    json message = {{"id", id}, {"method", method}, {"params", params}};
    if (!session.empty()) message["sessionId"] = session;
    std::string bytes = message.dump();
    bytes.push_back('\0');
    for (std::size_t done = 0; done < bytes.size();) {
      const ssize_t n = ::write(out_, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error = method + ": cannot write to chromium's DevTools pipe";
        return std::nullopt;
      }
      done += static_cast<std::size_t>(n);
    }
    std::optional<json> reply;
    ReadUntil([&](const json& m) { return m.value("id", 0) == id && (reply = m, true); }, deadline);
    if (!reply) {
      error = method + ": no reply from chromium";
      return std::nullopt;
    }
    if (reply->contains("error")) {
      error = method + ": " + (*reply)["error"].dump();
      return std::nullopt;
    }
    return reply->value("result", json::object());
  }

  // Reads messages until `stop` accepts one or `deadline` passes; true when `stop` did.
  bool ReadUntil(const std::function<bool(const json&)>& stop, Clock::time_point deadline) {
    while (true) {
      while (const std::optional<json> message = Parsed()) {
        if (message->contains("method")) events.push_back(*message);
        if (stop(*message)) return true;
      }
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0 || closed_) return false;
      pollfd ready{.fd = in_, .events = POLLIN, .revents = 0};
      if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) continue;
      char chunk[65536];
      const ssize_t n = ::read(in_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        closed_ = true;
        continue;
      }
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  std::vector<json> events;
  std::string error;

 private:
  std::optional<json> Parsed() {
    const std::size_t end = buffer_.find('\0');
    if (end == std::string::npos) return std::nullopt;
    json message = json::parse(buffer_.substr(0, end), nullptr, false);
    buffer_.erase(0, end + 1);
    return message.is_discarded() ? json::object() : message;
  }

  int out_;
  int in_;
  int last_id_ = 0;
  bool closed_ = false;
  std::string buffer_;
};

bool IsSessionEvent(const json& m, const std::string& session, const std::string& method) {
  return m.value("sessionId", "") == session && m.value("method", "") == method;
}

// Requests and navigations the page caused, from the DevTools events.
void Collect(const std::vector<json>& events, const std::string& page_url,
             const std::string& target_id, PageVisit& visit) {
  bool own_document_seen = false;
  std::vector<std::pair<std::string, std::string>> requests;  // id, URL
  std::set<std::string> csp_blocked;
  for (const json& e : events) {
    const std::string method = e.value("method", "");
    const json params = e.value("params", json::object());
    if (method == "Network.requestWillBeSent") {
      const std::string url = params["request"].value("url", "");
      if (url == page_url && !own_document_seen) {
        own_document_seen = true;
        continue;
      }
      if (url.rfind("data:", 0) == 0) continue;
      requests.emplace_back(params.value("requestId", ""), url);
    } else if (method == "Network.loadingFailed" && params.value("blockedReason", "") == "csp") {
      csp_blocked.insert(params.value("requestId", ""));
    } else if (method == "Page.frameRequestedNavigation" ||
               method == "Page.frameScheduledNavigation") {
      visit.navigations.push_back(params.value("url", "?"));
    } else if (method == "Page.frameStartedNavigating") {
      const std::string url = params.value("url", "");
      if (url != page_url) visit.navigations.push_back(url);
    } else if (method == "Target.targetCreated") {
      const json info = params.value("targetInfo", json::object());
      if (info.value("type", "") == "page" && info.value("targetId", "") != target_id &&
          info.value("url", "") != "about:blank") {
        visit.navigations.push_back("new window: " + info.value("url", ""));
      }
    }
  }
  for (const auto& [id, url] : requests) {
    (csp_blocked.count(id) > 0 ? visit.blocked_by_csp : visit.requests).push_back(url);
  }
}

bool MentionsFilePage(const json& params) {
  for (const char* key : {"initiator", "network_isolation_key", "network_anonymization_key"}) {
    if (params.value(key, "").find("file://") != std::string::npos) return true;
  }
  return false;
}

// Net log events that the file:// page caused: URL requests it initiated, host resolutions
// keyed to it (dns-prefetch, preconnect) and preconnects. Chromium's own background traffic
// (update and account checks) has no file:// key and is not the page's doing.
std::vector<std::string> NetLogOfThePage(const std::filesystem::path& path, std::string& error) {
  const json log = json::parse(test::ReadFileBytes(path), nullptr, false);
  if (log.is_discarded() || !log.contains("events")) {
    error = "unreadable net log " + path.string();
    return {};
  }
  const json& types = log["constants"]["logEventTypes"];
  const int start_job = types.value("URL_REQUEST_START_JOB", -1);
  const int resolve = types.value("HOST_RESOLVER_MANAGER_REQUEST", -1);
  const int stream_job = types.value("HTTP_STREAM_JOB_CONTROLLER", -1);
  std::vector<std::string> seen;
  for (const json& event : log["events"]) {
    if (!event.contains("params")) continue;
    const int type = event.value("type", -1);
    const json& params = event["params"];
    if ((type == start_job || type == resolve) && MentionsFilePage(params)) {
      seen.push_back(params.value(type == start_job ? "url" : "host", "?"));
    } else if (type == stream_job && params.value("is_preconnect", false)) {
      seen.push_back("preconnect " + params.value("url", "?"));
    }
  }
  return seen;
}

std::string DecodeBase64(const std::string& text) {
  std::istringstream in(text);
  Poco::Base64Decoder decoder(in);
  std::ostringstream out;
  out << decoder.rdbuf();
  return out.str();
}

}  // namespace

std::vector<std::string> PageVisit::Everything() const {
  std::vector<std::string> all = requests;
  all.insert(all.end(), navigations.begin(), navigations.end());
  all.insert(all.end(), net_log.begin(), net_log.end());
  return all;
}

HeadlessChromium::HeadlessChromium(std::filesystem::path binary, std::filesystem::path work)
    : binary_(std::move(binary)), work_(std::move(work)) {}

// One browser per visit, so every event in its log is this page's or chromium's own.
// NOLINTNEXTLINE(readability-function-size): one protocol conversation, read top to bottom.
PageVisit HeadlessChromium::Visit(const std::filesystem::path& page, bool screenshot,
                                  std::chrono::milliseconds settle) {
  PageVisit visit;
  const std::string n = std::to_string(++visits_);
  const std::filesystem::path net_log = work_ / ("netlog-" + n + ".json");
  Pipe commands;
  Pipe replies;
  std::optional<process::ChildProcess> chromium;
  chromium.emplace(
      std::vector<std::string>{
          binary_.string(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
          "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--hide-scrollbars", "--window-size=1280,2000",
          "--user-data-dir=" + (work_ / ("profile-" + n)).string(),
          "--log-net-log=" + net_log.string(), "--remote-debugging-pipe", "about:blank"},
      process::ProcessOptions{.pass_fds = {commands.fds[0], replies.fds[1]}});
  Pipe::Close(commands.fds[0]);
  Pipe::Close(replies.fds[1]);
  DevTools devtools(commands.fds[1], replies.fds[0]);
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  const std::string page_url = "file://" + std::filesystem::absolute(page).string();

  std::string session;
  std::string target_id;
  const auto talk = [&]() -> bool {
    const auto target =
        devtools.Call("Target.createTarget", {{"url", "about:blank"}}, "", deadline);
    if (!target) return false;
    target_id = target->value("targetId", "");
    if (!devtools.Call("Target.setDiscoverTargets", {{"discover", true}}, "", deadline)) {
      return false;
    }
    const auto attached = devtools.Call("Target.attachToTarget",
                                        {{"targetId", target_id}, {"flatten", true}}, "", deadline);
    if (!attached) return false;
    session = attached->value("sessionId", "");
    for (const char* domain : {"Page.enable", "Network.enable"}) {
      if (!devtools.Call(domain, json::object(), session, deadline)) return false;
    }
    if (!devtools.Call("Page.setLifecycleEventsEnabled", {{"enabled", true}}, session, deadline) ||
        !devtools.Call("Page.navigate", {{"url", page_url}}, session, deadline)) {
      return false;
    }
    visit.loaded = devtools.ReadUntil(
        [&](const json& m) { return IsSessionEvent(m, session, "Page.loadEventFired"); }, deadline);
    devtools.ReadUntil(
        [&](const json& m) {
          return IsSessionEvent(m, session, "Page.lifecycleEvent") &&
                 m["params"].value("name", "") == "networkIdle";
        },
        std::min(deadline, Clock::now() + std::chrono::seconds(10)));
    devtools.ReadUntil([](const json&) { return false; }, Clock::now() + settle);
    const auto document = devtools.Call("DOM.getDocument", {{"depth", 0}}, session, deadline);
    if (!document) return false;
    const auto html =
        devtools.Call("DOM.getOuterHTML", {{"nodeId", (*document)["root"].value("nodeId", 0)}},
                      session, deadline);
    if (!html) return false;
    visit.dom = html->value("outerHTML", "");
    if (screenshot) {
      const auto shot =
          devtools.Call("Page.captureScreenshot", {{"format", "png"}}, session, deadline);
      if (!shot) return false;
      visit.png = DecodeBase64(shot->value("data", ""));
    }
    return true;
  };
  if (!talk()) visit.error = devtools.error.empty() ? "chromium did not answer" : devtools.error;
  // A clean close writes the net log out whole.
  devtools.Call("Browser.close", json::object(), "", Clock::now() + std::chrono::seconds(10));
  const process::ProcessResult ended = chromium->Wait(std::chrono::seconds(30));
  if (visit.error.empty() && ended.timed_out) visit.error = "chromium did not exit";
  if (!visit.error.empty()) visit.error += "\nchromium stderr:\n" + ended.err;
  Collect(devtools.events, page_url, target_id, visit);
  std::string log_error;
  visit.net_log = NetLogOfThePage(net_log, log_error);
  if (visit.error.empty()) visit.error = log_error;
  return visit;
}

}  // namespace ttmtrack::reports::testing
