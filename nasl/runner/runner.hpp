#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/enum_text.hpp"

// The NASL runner: runs one plugin the way OpenVAS or Nessus would (a
// description run, the scheduler's decision, then the attack run once per forked KB value) and
// records everything the plugin tells the scanner, so tests can assert on it.
// See docs/nasl-runner.md for the supported subset and the deviations from the real scanners.
namespace ttmtrack::nasl::runner {

// Which scanner's built-in set is defined (NASL-NOTES.md: OpenVAS has script_oid, script_tag,
// log_message, security_message; Nessus has script_id, script_set_attribute, script_summary,
// security_note, security_warning and the `english:` forms).
// Spelled "openvas" / "nessus" (core::ToText, core::FromText; the table follows this namespace).
enum class Profile { kOpenVas, kNessus };

}  // namespace ttmtrack::nasl::runner

namespace ttmtrack::core {

template <>
struct EnumTexts<nasl::runner::Profile> {
  using Profile = nasl::runner::Profile;
  static constexpr std::string_view kName = "profile";
  static constexpr std::array<EnumText<Profile>, 2> kTexts{{
      {Profile::kOpenVas, "openvas"},
      {Profile::kNessus, "nessus"},
  }};
};

}  // namespace ttmtrack::core

namespace ttmtrack::nasl::runner {

// A knowledge-base value: NASL's KB holds integers and strings.
using KbValue = std::variant<std::int64_t, std::string>;

// "NAME=VALUE" as given on the command line; a VALUE of decimal digits (optionally signed) is
// an integer, anything else a string. Throws Error(kUsage) when there is no '=' or no name.
std::pair<std::string, KbValue> ParseKbAssignment(const std::string& text);

struct RunOptions {
  Profile profile = Profile::kOpenVas;
  // The plugin file. When `source` is set, it is run instead and script_path only names it in
  // messages (and sets SCRIPT_NAME).
  std::string script_path;
  std::optional<std::string> source;
  // Where open_sock_tcp() connects.
  std::string target = "127.0.0.1";
  // KB seed, in order; a name given several times has several values (and forks).
  std::vector<std::pair<std::string, KbValue>> kb;
  // Script preferences by name (script_add_preference's name:), overriding its default value.
  std::vector<std::pair<std::string, std::string>> preferences;
  // Connect timeout, and read timeout of recv() when the script passes no timeout:.
  int timeout_ms = 5000;
  // Guards against runaway scripts: statements executed per run, and attack runs in total.
  std::int64_t max_steps = 20'000'000;
  int max_runs = 256;
};

// A call the plugin made to a recorded built-in. Values are NASL values converted to JSON:
// integers as numbers, strings as strings (bytes kept as is), NULL as null, arrays as objects
// (string keys) or arrays (integer keys only).
struct RecordedCall {
  std::string function;
  nlohmann::ordered_json named = nlohmann::ordered_json::object();  // in call order
  nlohmann::ordered_json positional = nlohmann::ordered_json::array();
  int line = 0;
};

struct Xref {
  std::string name;
  std::string value;
};

struct ScriptPreference {
  std::string name;
  std::string type;
  std::string value;
};

// What the description run declared. Unset fields stay nullopt / empty.
struct Description {
  std::optional<std::string> oid;
  std::optional<std::int64_t> id;
  std::optional<std::string> name;
  std::optional<std::string> family;
  std::optional<std::string> category;  // "ACT_GATHER_INFO" etc.
  std::optional<std::string> version;
  std::optional<std::string> copyright;
  std::optional<std::string> summary;
  std::vector<std::string> dependencies;
  nlohmann::ordered_json require_ports = nlohmann::ordered_json::array();  // ints and strings
  std::vector<std::pair<std::string, std::string>> tags;                   // in call order
  std::vector<std::pair<std::string, std::string>> attributes;             // in call order
  std::vector<Xref> xrefs;
  std::vector<ScriptPreference> preferences;
  std::vector<RecordedCall> calls;  // every script_* call, in order
};

struct KbWrite {
  std::string name;
  KbValue value;
  bool replace = false;  // replace_kb_item rather than set_kb_item
};

struct RunResult {
  Profile profile = Profile::kOpenVas;
  Description description;
  bool scheduled = false;  // whether the scheduler would start the attack run
  int runs = 0;            // attack runs executed (one per combination of forked KB values)
  std::vector<RecordedCall> reports;  // log_message, security_message, security_note/...
  std::vector<KbWrite> kb_writes;
  std::vector<std::string> errors;   // run-time errors: "FILE:LINE: message"
  std::vector<std::string> display;  // display() output, one entry per call
};

// Runs the plugin. Throws Error: kNoInput if the file cannot be read, kBadInput on a parse
// error (FILE:LINE:COL), kInternal if the interpreter itself fails. Run-time problems of the
// script (undefined function, bad argument) are not thrown: they land in RunResult::errors.
// Thread-safe: runs share nothing (sockets are opened per run).
RunResult RunPlugin(const RunOptions& options);

// The `ttm-nasl run` JSON document (one object, UTF-8; invalid bytes become U+FFFD).
std::string ToJson(const RunResult& result);

}  // namespace ttmtrack::nasl::runner
