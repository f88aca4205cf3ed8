#pragma once

#include <span>
#include <string>
#include <string_view>

namespace ttmtrack::cli {

// What a config value must look like; checked when the file and environment are read, so a bad
// value stops every command before it does anything (docs/install.md, "Configuration").
enum class ConfigType {
  kPath,         // a non-empty path
  kSeconds,      // a whole number of seconds, 0 to 31536000
  kPort,         // 1 to 65535
  kCidrList,     // networks (core::IpNetwork::Parse), separated by commas or spaces
  kUrl,          // http:// or https:// with a host
  kAddress,      // one e-mail address, local@domain
  kAddressList,  // e-mail addresses separated by commas or spaces
  kHost,         // a host name or IP address
  kText,         // any single-line text
  kChoice,       // one of ConfigKey::choices ('|'-separated)
};

// One key of the config file. The table (ConfigKeys) is the only list of keys: the reader, the
// `config check` command and the docs' table follow it.
struct ConfigKey {
  std::string_view name;  // "spool.settle-seconds"
  ConfigType type;
  // The built-in default; empty means "unset" (the feature is off or derived, see `unset`).
  std::string_view default_value;
  // What an unset key means, for `config check` and --help ("the drop folder's done/").
  std::string_view unset;
  std::string_view choices;  // kChoice only: "attention|always"
  std::string_view description;
};

// Every key, in the order of the docs' table.
std::span<const ConfigKey> ConfigKeys();

// nullptr for an unknown key.
const ConfigKey* FindConfigKey(std::string_view name);

// The environment variable that overrides `key`: TTMTRACK_DB for `database` (the name it has
// always had), else TTMTRACK_ followed by the key in upper case with '.' and '-' as '_'
// (spool.settle-seconds -> TTMTRACK_SPOOL_SETTLE_SECONDS).
std::string EnvironmentName(std::string_view key);

// The file read when neither --config nor $TTMTRACK_CONFIG names one; fixed at build time
// (TTMTRACK_DEFAULT_CONFIG, default /etc/ttmtrack/ttmtrack.conf).
std::string_view DefaultConfigPath();

}  // namespace ttmtrack::cli
