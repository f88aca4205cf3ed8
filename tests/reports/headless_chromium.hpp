#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace ttmtrack::reports::testing {

// What one page did in the browser, and what it showed.
struct PageVisit {
  bool loaded = false;  // the load event fired
  std::string error;    // why the visit failed (chromium did not start, the protocol broke)
  std::string dom;      // the document's outerHTML once the page has settled
  std::string png;      // a screenshot, when asked for
  // Every URL the page asked for (DevTools Network.requestWillBeSent), except its own document
  // and data: URLs, which are inside it: images, stylesheets, frames, prefetches, local files.
  std::vector<std::string> requests;
  // Requests the page's Content-Security-Policy stopped before they were sent (DevTools
  // Network.loadingFailed with blockedReason "csp"): not traffic, but proof the policy acted.
  std::vector<std::string> blocked_by_csp;
  // Every navigation it started or scheduled (Page.frameRequestedNavigation, e.g. a meta
  // refresh, frameScheduledNavigation, frameStartedNavigating to another URL) and every window
  // it opened (Target.targetCreated), by URL.
  std::vector<std::string> navigations;
  // What the network stack did on the page's behalf below the level of requests, from
  // chromium's net log: host resolutions and connections keyed to the file:// page
  // (preconnect, dns-prefetch), and any URL request a file:// page initiated.
  std::vector<std::string> net_log;

  // All three lists together: empty means the page caused no traffic at all.
  std::vector<std::string> Everything() const;
};

// Debian's chromium, headless, driven over its DevTools pipe (--remote-debugging-pipe:
// commands on descriptor 3, replies and events on 4, NUL-separated JSON), one fresh browser
// and profile per visit, with a net log. Visit() opens the file, waits for the load event and
// then for the network to go idle (the lifecycle event "networkIdle", which chromium sends
// after 500 ms without traffic), watches `settle` longer for anything scheduled after that, and
// records everything the page caused. Nothing here depends on the page's own scripts (the
// reports have none). Not copyable; thread-compatible.
class HeadlessChromium {
 public:
  // `binary`: chromium's path; `work`: a folder for profiles and net logs.
  HeadlessChromium(std::filesystem::path binary, std::filesystem::path work);

  PageVisit Visit(const std::filesystem::path& page, bool screenshot = false,
                  std::chrono::milliseconds settle = std::chrono::milliseconds(500));

 private:
  std::filesystem::path binary_;
  std::filesystem::path work_;
  int visits_ = 0;
};

}  // namespace ttmtrack::reports::testing
