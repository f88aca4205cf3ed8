#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/config/config_keys.hpp"
#include "core/ip_network.hpp"

namespace ttmtrack::cli {

// Where a setting's value came from; the precedence is command line > environment > file >
// built-in default (docs/install.md). The command line is applied by each command on top.
enum class ConfigOrigin { kDefault, kFile, kEnvironment };

struct ConfigEntry {
  std::string value;  // validated; empty = unset
  ConfigOrigin origin = ConfigOrigin::kDefault;
  std::string where;      // "FILE:LINE", "environment TTMTRACK_X", or "built-in default"
  std::int64_t line = 0;  // kFile: the line of the key
};

// Reads one environment variable; nullopt when unset or empty (an empty variable means unset,
// as CLI11 treats TTMTRACK_DB).
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;
std::optional<std::string> ProcessEnvironment(const std::string& name);

// The settings of the config file (docs/install.md, "Configuration"): a Java-style properties
// file read with Poco::Util::PropertyFileConfiguration, then the environment over it. Every
// value is checked against its key's type (cli/config/config_keys.hpp) while loading, so a bad
// file stops every command before it does anything.
//
// Which file: `explicit_path` (--config), else $TTMTRACK_CONFIG, else DefaultConfigPath() when
// it exists (a missing default file means built-in defaults). A file named by --config or
// $TTMTRACK_CONFIG must exist. /dev/null reads as an empty file: built-in defaults and the
// environment only (the tests use it so that a system-wide file never changes their outcome).
//
// Errors: Load throws ttmtrack::Error kConfig (exit 78) naming the file, the line and the key:
// unreadable file, unknown key, a key given twice, a value of the wrong type, or keys that
// need each other (notify.email.to without notify.smtp.host). Values are plain data
// afterwards; a Config is a copyable value, safe to read from several threads.
class Config {
 public:
  // `default_path`: DefaultConfigPath(); tests name another.
  static Config Load(const std::optional<std::string>& explicit_path,
                     const EnvironmentLookup& environment = ProcessEnvironment,
                     const std::string& default_path = std::string(DefaultConfigPath()));
  // Built-in defaults only: no file, no environment.
  static Config Defaults();

  // The file read; empty when none was.
  const std::string& file() const { return file_; }

  // REQUIRES (all accessors): `key` is in ConfigKeys().
  const ConfigEntry& Entry(std::string_view key) const;
  bool IsSet(std::string_view key) const { return !Entry(key).value.empty(); }
  // The value; empty when unset.
  const std::string& Text(std::string_view key) const { return Entry(key).value; }
  // A kSeconds or kPort value. REQUIRES: IsSet(key).
  std::int64_t Number(std::string_view key) const;
  // A list value (kCidrList, kAddressList) split into its items.
  std::vector<std::string> List(std::string_view key) const;
  // A kCidrList value as networks (checked when loaded, so every item parses).
  std::vector<core::IpNetwork> Networks(std::string_view key) const;

 private:
  Config();
  void CheckCombinations() const;

  std::string file_;
  std::map<std::string, ConfigEntry, std::less<>> entries_;
};

// Splits a list value at commas and whitespace, dropping empty items.
std::vector<std::string> SplitConfigList(std::string_view text);

}  // namespace ttmtrack::cli
