#include "cli/config/config.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "cli/command_context.hpp"
#include "cli/config/config_keys.hpp"
#include "cli/config/config_value.hpp"
#include "core/error.hpp"

namespace ttmtrack::cli {
namespace {

// One `key = value` line as Poco read it, with the line it starts on.
struct FileItem {
  std::string key;
  std::string value;
  std::int64_t line = 0;
};

// Poco's properties reader, taught to say on which line each key stands: Poco calls setRaw once
// per assignment, right after consuming it, and the stream position then tells where the
// assignment ended. The key's line is the first line after the previous assignment that is not
// blank and not a comment — the same rule Poco's parser follows to find the next key.
class LocatingPropertyFile : public Poco::Util::PropertyFileConfiguration {
 public:
  explicit LocatingPropertyFile(std::string content) : content_(std::move(content)) {}

  std::vector<FileItem> Parse() {
    std::istringstream in(content_);
    stream_ = &in;
    load(in);
    stream_ = nullptr;
    return std::move(items_);
  }

 protected:
  ~LocatingPropertyFile() override = default;

  void setRaw(const std::string& key, const std::string& value) override {
    PropertyFileConfiguration::setRaw(key, value);
    items_.push_back({key, value, KeyLine()});
  }

 private:
  static bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

  std::int64_t KeyLine() {
    const std::streamoff position =
        stream_ == nullptr ? -1 : static_cast<std::streamoff>(stream_->tellg());
    const std::size_t end = position < 0
                                ? content_.size()
                                : std::min(content_.size(), static_cast<std::size_t>(position));
    std::size_t i = std::min(scan_from_, end);
    for (;;) {
      while (i < end && IsSpace(content_[i])) ++i;
      if (i < end && (content_[i] == '#' || content_[i] == '!')) {
        while (i < end && content_[i] != '\n' && content_[i] != '\r') ++i;
        continue;
      }
      break;
    }
    scan_from_ = end;
    const auto newlines =
        std::count(content_.begin(), content_.begin() + static_cast<long>(i), '\n');
    return 1 + static_cast<std::int64_t>(newlines);
  }

  std::string content_;
  std::istream* stream_ = nullptr;
  std::size_t scan_from_ = 0;
  std::vector<FileItem> items_;
};

std::string ReadConfigFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw Error(Error::Kind::kConfig, "cannot read the config file: it is a directory",
                {.file = path});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(Error::Kind::kConfig,
                std::string("cannot read the config file: ") + std::strerror(errno),
                {.file = path});
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) {
    throw Error(Error::Kind::kConfig, "cannot read the config file: read error", {.file = path});
  }
  return content.str();
}

// The closest known key when `name` is a likely typo of it (edit distance 1 or 2).
std::string_view ClosestKey(std::string_view name) {
  std::string_view best;
  std::size_t best_distance = 3;
  for (const ConfigKey& key : ConfigKeys()) {
    std::vector<std::size_t> row(key.name.size() + 1);
    for (std::size_t j = 0; j < row.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= name.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= key.name.size(); ++j) {
        const std::size_t above = row[j];
        row[j] = std::min(
            {row[j] + 1, row[j - 1] + 1, diagonal + (name[i - 1] == key.name[j - 1] ? 0 : 1)});
        diagonal = above;
      }
    }
    if (row.back() < best_distance) {
      best_distance = row.back();
      best = key.name;
    }
  }
  return best;
}

std::optional<std::string> FindConfigFile(const std::optional<std::string>& explicit_path,
                                          const EnvironmentLookup& environment,
                                          const std::string& default_path) {
  if (explicit_path) return *explicit_path;
  if (auto from_environment = environment("TTMTRACK_CONFIG")) return *from_environment;
  std::error_code ec;
  // A missing default file means built-in defaults; one that exists but cannot be read is an
  // error (ReadConfigFile), never silently skipped.
  if (std::filesystem::exists(default_path, ec) || ec) return default_path;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> ProcessEnvironment(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

Config::Config() {
  for (const ConfigKey& key : ConfigKeys()) {
    entries_.emplace(
        std::string(key.name),
        ConfigEntry{std::string(key.default_value), ConfigOrigin::kDefault, "built-in default"});
  }
}

Config Config::Defaults() { return {}; }

Config Config::Load(const std::optional<std::string>& explicit_path,
                    const EnvironmentLookup& environment, const std::string& default_path) {
  Config config;
  if (const std::optional<std::string> path =
          FindConfigFile(explicit_path, environment, default_path)) {
    config.file_ = *path;
    Poco::AutoPtr<LocatingPropertyFile> file(new LocatingPropertyFile(ReadConfigFile(*path)));
    std::map<std::string, std::int64_t, std::less<>> first_line;
    for (const FileItem& item : file->Parse()) {
      const Error::Context at{.file = *path, .line = item.line};
      const ConfigKey* key = FindConfigKey(item.key);
      if (key == nullptr) {
        std::string message = item.key.empty() ? std::string("a value without a key")
                                               : "unknown key \"" + item.key + "\"";
        if (const std::string_view near = ClosestKey(item.key); !near.empty()) {
          message += " (did you mean \"" + std::string(near) + "\"?)";
        }
        throw Error(Error::Kind::kConfig,
                    message + "; `ttmtrack config check --help` lists every key", at);
      }
      if (const auto [it, fresh] = first_line.emplace(item.key, item.line); !fresh) {
        throw Error(Error::Kind::kConfig,
                    "key \"" + item.key + "\" is given twice (first on line " +
                        std::to_string(it->second) + ")",
                    at);
      }
      if (auto problem = CheckConfigValue(*key, item.value)) {
        throw Error(Error::Kind::kConfig, "key \"" + item.key + "\": " + *problem, at);
      }
      config.entries_[item.key] = ConfigEntry{item.value, ConfigOrigin::kFile,
                                              *path + ":" + std::to_string(item.line), item.line};
    }
  }
  for (const ConfigKey& key : ConfigKeys()) {
    const std::string variable = EnvironmentName(key.name);
    const std::optional<std::string> value = environment(variable);
    if (!value) continue;
    if (auto problem = CheckConfigValue(key, *value)) {
      throw Error(Error::Kind::kConfig, "environment variable " + variable + " (key \"" +
                                            std::string(key.name) + "\"): " + *problem);
    }
    config.entries_[std::string(key.name)] =
        ConfigEntry{*value, ConfigOrigin::kEnvironment, "environment " + variable};
  }
  config.CheckCombinations();
  return config;
}

void Config::CheckCombinations() const {
  // Each pair: when `first` is set, `second` must be too.
  constexpr std::pair<std::string_view, std::string_view> kNeeds[] = {
      {"notify.email.to", "notify.smtp.host"},
      {"notify.smtp.user", "notify.smtp.password-file"},
      {"notify.smtp.password-file", "notify.smtp.user"},
  };
  for (const auto& [first, second] : kNeeds) {
    if (!IsSet(first) || IsSet(second)) continue;
    const ConfigEntry& entry = Entry(first);
    std::string message = "key \"" + std::string(first) + "\" needs \"" + std::string(second) +
                          "\" to be set as well";
    if (entry.origin == ConfigOrigin::kFile) {
      throw Error(Error::Kind::kConfig, message, {.file = file_, .line = entry.line});
    }
    throw Error(Error::Kind::kConfig, message + " (" + entry.where + ")");
  }
}

const ConfigEntry& Config::Entry(std::string_view key) const {
  const auto it = entries_.find(key);
  if (it == entries_.end()) {
    throw Error(Error::Kind::kInternal, "unknown config key " + std::string(key));
  }
  return it->second;
}

std::int64_t Config::Number(std::string_view key) const {
  return std::strtoll(Text(key).c_str(), nullptr, 10);
}

std::vector<std::string> Config::List(std::string_view key) const {
  return SplitConfigList(Text(key));
}

std::vector<core::IpNetwork> Config::Networks(std::string_view key) const {
  std::vector<core::IpNetwork> networks;
  for (const std::string& item : List(key)) {
    if (std::optional<core::IpNetwork> network = core::IpNetwork::Parse(item)) {
      networks.push_back(*network);
    }
  }
  return networks;
}

const Config& ConfigOf(const CommandContext& context) {
  // Never destroyed, so it stays valid for anything that runs during static destruction.
  static const Config* const kDefaults = new Config(Config::Defaults());
  return context.config != nullptr ? *context.config : *kDefaults;
}

std::vector<std::string> SplitConfigList(std::string_view text) {
  std::vector<std::string> items;
  std::string item;
  for (const char c : text) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!item.empty()) items.push_back(std::move(item));
      item.clear();
    } else {
      item += c;
    }
  }
  if (!item.empty()) items.push_back(std::move(item));
  return items;
}

}  // namespace ttmtrack::cli
