// Description-block built-ins (script_*), preferences and the reporting functions. What each
// profile defines follows NASL-NOTES.md and openvas-scanner's nasl_init.c / nasl_scanner_glue.c.
#include <array>
#include <string>
#include <vector>

#include "nasl/runner/builtin.hpp"
#include "nasl/runner/interpreter.hpp"

namespace ttmtrack::nasl::runner {
namespace {

constexpr std::array<const char*, 11> kCategories = {"ACT_INIT",
                                                     "ACT_SCANNER",
                                                     "ACT_SETTINGS",
                                                     "ACT_GATHER_INFO",
                                                     "ACT_ATTACK",
                                                     "ACT_MIXED_ATTACK",
                                                     "ACT_DESTRUCTIVE_ATTACK",
                                                     "ACT_DENIAL",
                                                     "ACT_KILL_HOST",
                                                     "ACT_FLOOD",
                                                     "ACT_END"};

Description& Desc(Interpreter& in) { return in.session().result().description; }

// Every script_* call made while describing is kept, in order.
void Note(Interpreter& in, const char* function, const CallArgs& args) {
  if (in.session().description()) {
    Desc(in).calls.push_back(RecordCall(function, args, in.line()));
  }
}

// script_name / script_family / script_summary / script_copyright: positional, or the
// Nessus-era `english:` form, which OpenVAS does not accept ("Missing name").
std::optional<std::string> NameLike(Interpreter& in, const CallArgs& args, const char* fn,
                                    bool openvas_rejects_english) {
  if (auto s = StrArg(args.Positional(0))) return s;
  auto english = StrArg(args.Named("english"));
  if (english && in.session().profile() == Profile::kOpenVas && openvas_rejects_english) {
    in.Error(std::string(fn) +
             "(english: ...) is not accepted by OpenVAS, which wants a positional argument "
             "(the plugin is rejected with \"Missing name\")");
    return std::nullopt;
  }
  return english;
}

Value FnScriptName(Interpreter& in, const CallArgs& args) {
  Note(in, "script_name", args);
  if (auto s = NameLike(in, args, "script_name", true)) Desc(in).name = std::move(s);
  return {};
}

Value FnScriptFamily(Interpreter& in, const CallArgs& args) {
  Note(in, "script_family", args);
  if (auto s = NameLike(in, args, "script_family", true)) Desc(in).family = std::move(s);
  return {};
}

Value FnScriptSummary(Interpreter& in, const CallArgs& args) {
  Note(in, "script_summary", args);
  if (auto s = NameLike(in, args, "script_summary", false)) Desc(in).summary = std::move(s);
  return {};
}

Value FnScriptCopyright(Interpreter& in, const CallArgs& args) {
  Note(in, "script_copyright", args);
  if (auto s = NameLike(in, args, "script_copyright", false)) Desc(in).copyright = std::move(s);
  return {};
}

Value FnScriptVersion(Interpreter& in, const CallArgs& args) {
  Note(in, "script_version", args);
  if (auto s = StrArg(args.Positional(0))) Desc(in).version = std::move(s);
  return {};
}

Value FnScriptOid(Interpreter& in, const CallArgs& args) {
  Note(in, "script_oid", args);
  if (auto s = StrArg(args.Positional(0))) Desc(in).oid = std::move(s);
  return {};
}

Value FnScriptId(Interpreter& in, const CallArgs& args) {
  Note(in, "script_id", args);
  const Value v = args.Positional(0);
  if (v.IsNull()) {
    in.Error("script_id(): an integer ID is required");
  } else {
    Desc(in).id = v.ToIntArg();
  }
  return {};
}

Value FnScriptCategory(Interpreter& in, const CallArgs& args) {
  Note(in, "script_category", args);
  const Value v = args.Positional(0);
  const std::int64_t c = v.IsNull() ? -1 : v.ToIntArg();
  if (c < 0 || c >= static_cast<std::int64_t>(kCategories.size())) {
    in.Error("script_category(): argument error (expected one of the ACT_* constants)");
    return {};
  }
  Desc(in).category = kCategories[static_cast<std::size_t>(c)];
  return {};
}

Value FnScriptDependencies(Interpreter& in, const CallArgs& args) {
  Note(in, "script_dependencies", args);
  const auto items = args.Flattened();
  if (items.empty()) in.Error("script_dependencies(): at least one script name is required");
  for (const auto& v : items) Desc(in).dependencies.push_back(v.ToStr());
  return {};
}

Value FnScriptRequirePorts(Interpreter& in, const CallArgs& args) {
  Note(in, "script_require_ports", args);
  for (const auto& v : args.Flattened()) Desc(in).require_ports.push_back(ValueToJson(v));
  return {};
}

Value FnScriptEndAttributes(Interpreter& in, const CallArgs& args) {
  Note(in, "script_end_attributes", args);
  return {};
}

Value FnScriptTag(Interpreter& in, const CallArgs& args) {
  Note(in, "script_tag", args);
  const auto name = StrArg(args.Named("name"));
  const auto value = StrArg(args.Named("value"));
  if (!name || !value) {
    in.Error("script_tag() syntax error - should be script_tag(name:<name>, value:<value>)");
    return {};
  }
  if (value->find('|') != std::string::npos) {
    in.Error(*name + " tag contains | separator (OpenVAS drops the tag)");
    return {};
  }
  Desc(in).tags.emplace_back(*name, *value);
  return {};
}

Value FnScriptSetAttribute(Interpreter& in, const CallArgs& args) {
  Note(in, "script_set_attribute", args);
  const auto name = StrArg(args.Named("attribute"));
  const auto value = StrArg(args.Named("value"));
  if (!name || !value) {
    in.Error("script_set_attribute(): attribute: and value: are required");
    return {};
  }
  Desc(in).attributes.emplace_back(*name, *value);
  return {};
}

Value FnScriptXref(Interpreter& in, const CallArgs& args) {
  Note(in, "script_xref", args);
  const auto name = StrArg(args.Named("name"));
  const auto value = StrArg(args.Named("value"));
  if (!name || !value) {
    in.Error("script_xref() syntax error - should be script_xref(name:<name>, value:<value>)");
    return {};
  }
  Desc(in).xrefs.push_back({*name, *value});
  return {};
}

Value FnScriptAddPreference(Interpreter& in, const CallArgs& args) {
  Note(in, "script_add_preference", args);
  const auto name = StrArg(args.Named("name"));
  const auto type = StrArg(args.Named("type"));
  const auto value = StrArg(args.Named("value"));
  if (!name || !type || !value) {
    in.Error("script_add_preference(): name:, type: and value: are required");
    return {};
  }
  for (const auto& p : Desc(in).preferences) {
    if (p.name == *name) {
      in.Error("Preference '" + *name + "' already exists");
      return {};
    }
  }
  Desc(in).preferences.push_back({*name, *type, *value});
  return {};
}

// A preference value as script_get_preference returns it: an integer when it is all digits.
Value PreferenceValue(const std::string& value) {
  const bool digits = !value.empty() && value.size() < 10 &&
                      value.find_first_not_of("0123456789") == std::string::npos;
  return digits ? Value::Int(std::stoll(value)) : Value::Data(value);
}

Value FnScriptGetPreference(Interpreter& in, const CallArgs& args) {
  const auto name = StrArg(args.Positional(0));
  if (!name) {
    in.Error("script_get_preference(): usage: script_get_preference(<name>)");
    return {};
  }
  for (const auto& [key, value] : in.session().options().preferences) {
    if (key == *name) return PreferenceValue(value);
  }
  // Not set by the user: the declared default; for a radio button, its first choice.
  for (const auto& p : Desc(in).preferences) {
    if (p.name != *name) continue;
    if (p.type == "radio") return PreferenceValue(p.value.substr(0, p.value.find(';')));
    return PreferenceValue(p.value);
  }
  return {};
}

Value Report(Interpreter& in, const CallArgs& args, const char* function) {
  in.session().RecordReport(RecordCall(function, args, in.line()));
  return {};
}

Value FnSecurityMessage(Interpreter& in, const CallArgs& a) {
  return Report(in, a, "security_message");
}
Value FnLogMessage(Interpreter& in, const CallArgs& a) { return Report(in, a, "log_message"); }
Value FnSecurityNote(Interpreter& in, const CallArgs& a) { return Report(in, a, "security_note"); }
Value FnSecurityWarning(Interpreter& in, const CallArgs& a) {
  return Report(in, a, "security_warning");
}

}  // namespace

void AddScriptBuiltins(std::vector<BuiltinSpec>& out) {
  constexpr Availability kBoth = Availability::kBoth;
  constexpr Availability kOpenVas = Availability::kOpenVasOnly;
  constexpr Availability kNessus = Availability::kNessusOnly;
  out.insert(out.end(), {
                            {"script_name", FnScriptName, kBoth},
                            {"script_family", FnScriptFamily, kBoth},
                            {"script_version", FnScriptVersion, kBoth},
                            {"script_copyright", FnScriptCopyright, kBoth},
                            {"script_category", FnScriptCategory, kBoth},
                            {"script_dependencies", FnScriptDependencies, kBoth},
                            {"script_require_ports", FnScriptRequirePorts, kBoth},
                            {"script_xref", FnScriptXref, kBoth},
                            {"script_add_preference", FnScriptAddPreference, kBoth},
                            {"script_get_preference", FnScriptGetPreference, kBoth},
                            {"script_oid", FnScriptOid, kOpenVas},
                            {"script_tag", FnScriptTag, kOpenVas},
                            {"security_message", FnSecurityMessage, kOpenVas},
                            {"log_message", FnLogMessage, kOpenVas},
                            {"script_id", FnScriptId, kNessus},
                            {"script_summary", FnScriptSummary, kNessus},
                            {"script_set_attribute", FnScriptSetAttribute, kNessus},
                            {"script_end_attributes", FnScriptEndAttributes, kNessus},
                            {"security_note", FnSecurityNote, kNessus},
                            {"security_warning", FnSecurityWarning, kNessus},
                        });
}

}  // namespace ttmtrack::nasl::runner
