#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nasl/runner/runner.hpp"
#include "nasl/runner/value.hpp"

// Built-in functions: how they receive arguments and how a profile's set is assembled.
namespace ttmtrack::nasl::runner {

class Interpreter;

// The evaluated arguments of one call, positional and named, in call order.
struct CallArgs {
  std::vector<Value> positional;
  std::vector<std::pair<std::string, Value>> named;

  // The named argument, or nullptr when it was not passed.
  const Value* Find(std::string_view name) const;
  // The named argument, or NULL.
  Value Named(std::string_view name) const;
  // The i-th positional argument, or NULL.
  Value Positional(std::size_t i) const;
  bool Has(std::string_view name) const { return Find(name) != nullptr; }
  // get_int_var_by_name: the named argument as an integer, or `fallback` when absent.
  std::int64_t IntOr(std::string_view name, std::int64_t fallback) const;
  // The positional arguments with arrays flattened one level and NULLs skipped, as make_list()
  // and the list-taking script_* calls (script_dependencies(make_list(...))) read them.
  std::vector<Value> Flattened() const;
};

using BuiltinFn = Value (*)(Interpreter&, const CallArgs&);

// Which profiles define a built-in.
enum class Availability { kBoth, kOpenVasOnly, kNessusOnly };

struct BuiltinSpec {
  const char* name;
  BuiltinFn fn;
  Availability availability;
};

// The built-ins of one profile, by name. Immutable after construction.
class BuiltinTable {
 public:
  explicit BuiltinTable(Profile profile);

  // nullptr when the profile does not define `name`.
  BuiltinFn Find(const std::string& name) const;

 private:
  std::map<std::string, BuiltinFn, std::less<>> functions_;
};

// get_str_var_*: integers in decimal, strings as they are; nullopt for NULL and arrays.
std::optional<std::string> StrArg(const Value& value);

// A NASL value as recorded in RunResult (see RecordedCall).
nlohmann::ordered_json ValueToJson(const Value& value);
// The call as recorded: every named and positional argument.
RecordedCall RecordCall(const std::string& function, const CallArgs& args, int line);

// The groups that make up the table, one per source file.
void AddStringBuiltins(std::vector<BuiltinSpec>& out);
void AddRegexBuiltins(std::vector<BuiltinSpec>& out);
void AddArrayBuiltins(std::vector<BuiltinSpec>& out);
void AddScriptBuiltins(std::vector<BuiltinSpec>& out);
void AddKbBuiltins(std::vector<BuiltinSpec>& out);
void AddNetworkBuiltins(std::vector<BuiltinSpec>& out);

}  // namespace ttmtrack::nasl::runner
