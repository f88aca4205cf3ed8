#include "plugin_test_base.hpp"

#include <cctype>
#include <chrono>
#include <thread>

namespace ttmtrack::nasl::testing {

using nlohmann::json;

namespace {

// What ttm-fake-server --mode ttm answers to the probe (docs/ttm-protocol.md section 2).
const std::string kReplyHex =
    "54544d4301810000c564e5ab0000001e74746d5f636d642074746d747261636b2d66616b652d7365727665722f31";

}  // namespace

std::string ExpectedRemediation(int port) {
  const std::string p = std::to_string(port);
  std::string out;
  out += "Remediation: restrict port " + p + "/tcp to trusted networks with a firewall rule. ";
  out += "For example,\n";
  out += "with TRUSTED_NET replaced by the trusted network in CIDR form:\n";
  out += "  iptables -A INPUT -p tcp --dport " + p + " -s TRUSTED_NET -j ACCEPT\n";
  out += "  iptables -A INPUT -p tcp --dport " + p + " -j DROP\n";
  out += "or, with nftables:\n";
  out += "  nft add rule inet filter input tcp dport " + p + " ip saddr != TRUSTED_NET drop\n";
  out += "Then review the TTM configuration so the daemon listens only where needed, and ";
  out += "re-scan to verify.\n";
  return out;
}

std::string ExpectedReport(int port) {
  const std::string p = std::to_string(port);
  std::string out;
  out += "A ttm_cmd listener (Trading Technologies Messaging command channel, ttmtrack detection ";
  out += "c564e5ab) answered on port " + p + "/tcp.\n";
  out += "\n";
  out += "Probe sent (hex)      : 54544d4301010000c564e5ab00000000\n";
  out += "Reply received (hex)  : " + kReplyHex + "\n";
  out += "Reply received (text) : TTMC.....d......ttm_cmd ttmtrack-fake-server/1\n";
  out += "Reply length          : 46 bytes\n";
  out += "\n";
  out += ExpectedRemediation(port);
  out += "\n";
  out += "Note: the probe and reply signature are an assumption of ttmtrack, not a published ";
  out += "TTM specification.";
  return out;
}

json ExpectedKbWrites(int port) {
  return json::array({
      {{"name", "Services/ttm_cmd"}, {"value", port}, {"replace", false}},
      {{"name", "Known/tcp/" + std::to_string(port)}, {"value", "ttm_cmd"}, {"replace", true}},
  });
}

std::string CamelCase(const std::string& text) {
  std::string out;
  bool up = true;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (!std::isalnum(u)) {
      up = true;
      continue;
    }
    out += up ? static_cast<char>(std::toupper(u)) : c;
    up = false;
  }
  return out;
}

json Registrations(const json& doc) {
  json out = json::array();
  for (const json& write : doc.value("kb_writes", json::array())) {
    const std::string name = write.value("name", "");
    if (name.rfind("Services/", 0) == 0 || name.rfind("Known/", 0) == 0) out.push_back(write);
  }
  return out;
}

json Published(const json& doc) {
  json out = json::array();
  for (const json& write : doc.value("kb_writes", json::array())) {
    if (write.value("name", "").rfind("ttmtrack/", 0) == 0) out.push_back(write);
  }
  return out;
}

void PluginTestBase::TearDown() {
  for (std::size_t i = 0; i < servers_.size(); ++i) {
    EXPECT_EQ(servers_[i]->Terminate(), 0) << "fake server #" << i << " log:\n"
                                           << servers_[i]->stderr_text();
  }
}

std::string PluginTestBase::report_function() const {
  return profile() == "openvas" ? "security_message" : "security_warning";
}

std::string PluginTestBase::report_text_argument() const {
  return profile() == "openvas" ? "data" : "extra";
}

std::uint16_t PluginTestBase::Serve(const std::string& mode, std::uint16_t port,
                                    const std::vector<std::string>& extra_args) {
  std::vector<std::string> args = {"-v"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  servers_.push_back(
      std::make_unique<FakeServerProcess>(TTMTRACK_FAKE_SERVER_PATH, mode, port, args));
  const auto started = servers_.back()->Start();
  if (!started) {
    ADD_FAILURE() << "ttm-fake-server --mode " << mode << ": " << servers_.back()->error();
    return 0;
  }
  return *started;
}

bool PluginTestBase::TryServe(const std::string& mode, std::uint16_t port,
                              const std::vector<std::string>& extra_args) {
  std::vector<std::string> args = {"-v"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  // A parallel test of the other profile holds a default port for about a second: wait for
  // it. Something else holding it for longer means the port is not ours to test on.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    if (PortIsFree(port)) {
      auto candidate =
          std::make_unique<FakeServerProcess>(TTMTRACK_FAKE_SERVER_PATH, mode, port, args);
      const auto started = candidate->Start();
      if (started && *started == port) {
        servers_.push_back(std::move(candidate));
        return true;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

PluginRunRequest PluginTestBase::Request() const {
  PluginRunRequest request;
  request.profile = profile();
  request.prefs.emplace_back(kTimeoutPref, "1");
  return request;
}

void PluginTestBase::AddUnknownService(PluginRunRequest& request, int port) {
  request.kb.emplace_back("Ports/tcp/" + std::to_string(port), "1");
  request.kb.emplace_back("Services/unknown", std::to_string(port));
}

json PluginTestBase::Run(const PluginRunRequest& request) {
  const PluginRun run = RunPlugin(request);
  EXPECT_EQ(run.process.exit_code, 0) << Describe(request) << "\n" << run.process.err;
  EXPECT_EQ(run.parse_error, "") << Describe(request) << "\nstdout: " << run.process.out;
  if (!run.doc.is_object()) return json::object();
  EXPECT_EQ(run.doc.value("errors", json(nullptr)), json::array()) << Describe(request) << "\n"
                                                                   << run.doc.dump(2);
  return run.doc;
}

void PluginTestBase::ExpectDetected(const json& doc, const std::vector<int>& ports) const {
  ASSERT_TRUE(doc.contains("reports")) << doc.dump(2);
  EXPECT_TRUE(doc.value("scheduled", false));
  json reports = json::array();
  json kb_writes = json::array();
  for (int port : ports) {
    reports.push_back({{"function", report_function()},
                       {"port", port},
                       {"proto", "tcp"},
                       {report_text_argument(), ExpectedReport(port)}});
    for (const auto& write : ExpectedKbWrites(port)) kb_writes.push_back(write);
  }
  EXPECT_EQ(doc["reports"], reports) << doc.dump(2);
  EXPECT_EQ(Registrations(doc), kb_writes) << doc.dump(2);
}

void PluginTestBase::ExpectNothing(const json& doc) {
  EXPECT_EQ(doc.value("reports", json(nullptr)), json::array()) << doc.dump(2);
  EXPECT_EQ(Registrations(doc), json::array()) << doc.dump(2);
}

std::vector<std::pair<std::string, std::string>> PluginTestBase::KbAfter(
    const PluginRunRequest& request, const json& doc) {
  std::vector<std::pair<std::string, std::string>> kb = request.kb;
  for (const json& write : doc.value("kb_writes", json::array())) {
    const std::string name = write.value("name", "");
    const json& value = write["value"];
    if (write.value("replace", false)) {
      std::erase_if(kb, [&name](const auto& item) { return item.first == name; });
    }
    kb.emplace_back(name, value.is_string() ? value.get<std::string>() : value.dump());
  }
  return kb;
}

void PluginTestBase::ExpectProbed(std::size_t index) {
  FakeServerProcess& s = server(index);
  s.Terminate();
  EXPECT_NE(s.stderr_text().find(": connected"), std::string::npos)
      << "the plugin never connected to fake server #" << index << "; its log:\n"
      << s.stderr_text();
}

void PluginTestBase::ExpectNotProbed(std::size_t index) {
  FakeServerProcess& s = server(index);
  s.Terminate();
  EXPECT_EQ(s.stderr_text().find(": connected"), std::string::npos)
      << "the plugin connected to fake server #" << index << "; its log:\n"
      << s.stderr_text();
}

}  // namespace ttmtrack::nasl::testing
