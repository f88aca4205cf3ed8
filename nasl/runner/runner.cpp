#include "nasl/runner/runner.hpp"

#include <string>

#include "core/error.hpp"
#include "nasl/runner/builtin.hpp"
#include "nasl/runner/interpreter.hpp"
#include "nasl/runner/knowledge_base.hpp"
#include "nasl/runner/parser.hpp"
#include "nasl/runner/session.hpp"

// The run model of the real scanners: at load time the plugin runs once with
// `description` = 1 to declare itself; the scheduler decides from the declaration and the KB
// whether it runs against the target; the attack run (`description` = 0) then executes once
// per combination of forked get_kb_item() values.
namespace ttmtrack::nasl::runner {
namespace {

struct NamedInt {
  const char* name;
  std::int64_t value;
};

// Predefined variables (nasl_init.c): TRUE, FALSE and the script_category() constants, whose
// values match nvt_categories.h.
constexpr NamedInt kConstants[] = {
    {"TRUE", 1},
    {"FALSE", 0},
    {"ACT_INIT", 0},
    {"ACT_SCANNER", 1},
    {"ACT_SETTINGS", 2},
    {"ACT_GATHER_INFO", 3},
    {"ACT_ATTACK", 4},
    {"ACT_MIXED_ATTACK", 5},
    {"ACT_DESTRUCTIVE_ATTACK", 6},
    {"ACT_DENIAL", 7},
    {"ACT_KILL_HOST", 8},
    {"ACT_FLOOD", 9},
    {"ACT_END", 10},
};

std::string BaseName(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void Execute(const Program& program, const BuiltinTable& builtins, Session& session) {
  Interpreter interpreter(program, builtins, session);
  for (const auto& c : kConstants) interpreter.SetGlobal(c.name, Value::Int(c.value));
  interpreter.SetGlobal("description", Value::Int(session.description() ? 1 : 0));
  interpreter.SetGlobal("SCRIPT_NAME", Value::Data(BaseName(program.file)));
  interpreter.Run();
}

// What would make the scanner refuse to load the plugin (NASL-NOTES.md).
std::vector<std::string> Rejections(const Description& d, Profile profile) {
  std::vector<std::string> out;
  if (profile == Profile::kOpenVas) {
    if (!d.oid) out.emplace_back("OpenVAS rejects the plugin: no script_oid()");
    if (!d.name) out.emplace_back("OpenVAS rejects the plugin: Missing name (no script_name())");
    bool vector = false;
    for (const auto& [name, value] : d.tags) {
      vector = vector || name == "cvss_base_vector" || name == "severity_vector";
    }
    if (!vector) {
      out.emplace_back(
          "OpenVAS drops the plugin: neither a cvss_base_vector nor a severity_vector tag");
    }
  } else {
    if (!d.id) out.emplace_back("Nessus rejects the plugin: no script_id()");
    if (!d.name) out.emplace_back("Nessus rejects the plugin: no script_name()");
  }
  return out;
}

bool IsPortNumber(const std::string& s) {
  return !s.empty() && s.size() <= 5 && s.find_first_not_of("0123456789") == std::string::npos;
}

// The scheduler's decision from script_require_ports: with none, the plugin always runs;
// otherwise one listed port must be open (a numeric port through Ports/tcp/N) or one listed
// KB key (such as Services/unknown) must have a value.
bool Scheduled(const Description& d, const KnowledgeBase& kb) {
  if (d.require_ports.empty()) return true;
  for (const auto& port : d.require_ports) {
    const std::string text = port.is_number_integer() ? std::to_string(port.get<std::int64_t>())
                                                      : port.get<std::string>();
    if (IsPortNumber(text) ? kb.PortOpen(std::stoll(text)) : kb.Has(text)) return true;
  }
  return false;
}

}  // namespace

std::pair<std::string, KbValue> ParseKbAssignment(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw Error(Error::Kind::kUsage, "--kb expects NAME=VALUE, got '" + text + "'");
  }
  std::string name = text.substr(0, eq);
  std::string value = text.substr(eq + 1);
  const std::size_t digits_from = (!value.empty() && value[0] == '-') ? 1 : 0;
  const bool integer = value.size() > digits_from && value.size() - digits_from <= 18 &&
                       value.find_first_not_of("0123456789", digits_from) == std::string::npos;
  if (integer) return {std::move(name), KbValue{std::stoll(value)}};
  return {std::move(name), KbValue{std::move(value)}};
}

RunResult RunPlugin(const RunOptions& options) {
  const Program program = options.source ? ParseSource(*options.source, options.script_path)
                                         : ParseFile(options.script_path);
  RunResult result;
  result.profile = options.profile;
  const BuiltinTable builtins(options.profile);

  // The description run happens at load time, before any scan: its KB is empty.
  KnowledgeBase load_time_kb;
  {
    Session session(options, load_time_kb, result, nullptr, /*description=*/true);
    Execute(program, builtins, session);
  }
  const auto rejections = Rejections(result.description, options.profile);
  for (const auto& r : rejections) result.errors.push_back(program.file + ": " + r);

  KnowledgeBase kb;
  for (const auto& [name, value] : options.kb) kb.Add(name, value);
  result.scheduled = rejections.empty() && Scheduled(result.description, kb);
  if (!result.scheduled) return result;

  ForkPlan plan;
  do {
    if (result.runs >= options.max_runs) {
      result.errors.push_back(program.file + ": stopped after " + std::to_string(result.runs) +
                              " forked runs");
      break;
    }
    Session session(options, kb, result, &plan, /*description=*/false);
    Execute(program, builtins, session);
    ++result.runs;
  } while (plan.Advance());
  return result;
}

}  // namespace ttmtrack::nasl::runner
