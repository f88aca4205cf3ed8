#include "cli/config/config_keys.hpp"

#include <array>

#ifndef TTMTRACK_DEFAULT_CONFIG
#error "TTMTRACK_DEFAULT_CONFIG must be defined by the build"
#endif

namespace ttmtrack::cli {
namespace {

using T = ConfigType;

// docs/install.md's key table says the same; keep them in step.
constexpr std::array kKeys{
    ConfigKey{"database", T::kPath, "ttmtrack.db", "", "",
              "SQLite database file (relative paths: from the working directory)"},
    ConfigKey{"spool.incoming", T::kPath, "", "run needs it; import --from names its own", "",
              "Drop folder: scan exports waiting to be imported"},
    ConfigKey{"spool.done", T::kPath, "", "DROP_FOLDER/done", "",
              "Where imported (and already imported) exports are moved"},
    ConfigKey{"spool.failed", T::kPath, "", "DROP_FOLDER/failed", "",
              "Where refused exports are moved, each with FILE.error saying why"},
    ConfigKey{"spool.settle-seconds", T::kSeconds, "60", "", "",
              "A file modified less than this long ago is left for the next run"},
    ConfigKey{"report.folder", T::kPath, "", "run writes no report", "",
              "Report folder that run replaces as a whole (written aside, then swapped in)"},
    ConfigKey{"report.trusted-networks", T::kCidrList, "", "rules show <TRUSTED_NETWORK>", "",
              "Networks allowed to reach the port after the fix (report and evidence firewall "
              "--trusted-net)"},
    ConfigKey{"lock.timeout-seconds", T::kSeconds, "0", "", "",
              "How long run and import --from wait for another run; 0: exit 75 at once"},
    ConfigKey{"lock.file", T::kPath, "", "DATABASE.lock", "",
              "The lock file that keeps two runs apart"},
    ConfigKey{"notify.when", T::kChoice, "attention", "", "attention|always",
              "attention: only when something needs a person; always: after every run"},
    ConfigKey{"notify.webhook.url", T::kUrl, "", "no webhook", "",
              "HTTP(S) URL that receives a JSON POST per run"},
    ConfigKey{"notify.webhook.ca-file", T::kPath, "", "the system's CA certificates", "",
              "PEM file of CA certificates that HTTPS webhook servers are verified against"},
    ConfigKey{"notify.webhook.timeout-seconds", T::kSeconds, "30", "", "",
              "Connect and response time limit of the webhook"},
    ConfigKey{"notify.email.to", T::kAddressList, "", "no e-mail", "",
              "Recipients of the run's e-mail (one message, all recipients)"},
    ConfigKey{"notify.email.from", T::kAddress, "", "ttmtrack@HOSTNAME", "",
              "Sender address of the e-mail"},
    ConfigKey{"notify.smtp.host", T::kHost, "", "required with notify.email.to", "",
              "SMTP server (submission) that relays the e-mail"},
    ConfigKey{"notify.smtp.port", T::kPort, "587", "", "", "SMTP server port"},
    ConfigKey{"notify.smtp.tls", T::kChoice, "starttls", "", "starttls|none",
              "starttls: refuse to send unless the server offers STARTTLS and its certificate "
              "verifies; none: plain SMTP (a relay on this machine)"},
    ConfigKey{"notify.smtp.ca-file", T::kPath, "", "the system's CA certificates", "",
              "PEM file of CA certificates that the SMTP server is verified against"},
    ConfigKey{"notify.smtp.user", T::kText, "", "no SMTP authentication", "",
              "SMTP AUTH user (needs notify.smtp.password-file)"},
    ConfigKey{"notify.smtp.password-file", T::kPath, "", "", "",
              "File holding the SMTP password (first line), readable by the ttmtrack user only"},
    ConfigKey{"notify.smtp.timeout-seconds", T::kSeconds, "30", "", "",
              "Time limit of each SMTP reply (the connect itself is the system's)"},
};

}  // namespace

std::span<const ConfigKey> ConfigKeys() { return kKeys; }

const ConfigKey* FindConfigKey(std::string_view name) {
  for (const ConfigKey& key : kKeys) {
    if (key.name == name) return &key;
  }
  return nullptr;
}

std::string EnvironmentName(std::string_view key) {
  if (key == "database") return "TTMTRACK_DB";
  std::string name = "TTMTRACK_";
  for (const char c : key) {
    if (c == '.' || c == '-') {
      name += '_';
    } else {
      name += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
  }
  return name;
}

std::string_view DefaultConfigPath() { return TTMTRACK_DEFAULT_CONFIG; }

}  // namespace ttmtrack::cli
