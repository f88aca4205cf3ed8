// Knowledge-base built-ins: get_kb_item (with fork emulation), get_kb_list, set_kb_item,
// replace_kb_item and get_port_state.
#include <string>
#include <variant>
#include <vector>

#include "nasl/runner/builtin.hpp"
#include "nasl/runner/interpreter.hpp"

namespace ttmtrack::nasl::runner {
namespace {

Value FromKb(const KbValue& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return Value::Int(*i);
  return Value::Data(std::get<std::string>(v));
}

Value FnGetKbItem(Interpreter& in, const CallArgs& args) {
  const auto name = StrArg(args.Positional(0));
  if (!name) return {};
  const auto value = in.session().KbItem(*name);
  return value ? FromKb(*value) : Value();
}

Value FnGetKbList(Interpreter& in, const CallArgs& args) {
  const auto pattern = StrArg(args.Positional(0));
  if (!pattern) {
    in.Error("get_kb_list() usage : get_kb_list(<NameOfItem>)");
    return {};
  }
  const auto items = in.session().kb().Match(*pattern);
  if (items.empty()) return {};
  // Keys are KB names; a name with several values appears once per value (Array::repeated),
  // as the original's hash chains hold one entry per value.
  Array a;
  for (const auto& [key, value] : items) {
    if (a.named.count(key) == 0) {
      a.named[key] = FromKb(value);
    } else {
      a.repeated.emplace_back(key, FromKb(value));
    }
  }
  return Value::FromArray(std::move(a));
}

// set_kb_item / replace_kb_item(name:, value:). An integer value of -1 is refused, as in the
// original (it is its "missing" marker).
Value WriteKb(Interpreter& in, const CallArgs& args, bool replace) {
  const char* fn = replace ? "replace_kb_item" : "set_kb_item";
  const auto name = StrArg(args.Named("name"));
  const Value value = args.Named("value");
  if (!name) {
    in.Error(std::string("Syntax error with ") + fn + "() [null name]");
    return {};
  }
  KbValue kb_value;
  if (value.IsInt()) {
    if (value.int_value() == -1) {
      in.Error(std::string("Syntax error with ") + fn + "(" + *name + ") [value=-1]");
      return {};
    }
    kb_value = value.int_value();
  } else if (value.IsString()) {
    kb_value = value.str();
  } else {
    in.Error(std::string("Syntax error with ") + fn + "(" + *name + ") [null value]");
    return {};
  }
  if (replace) {
    in.session().kb().Replace(*name, kb_value);
  } else {
    in.session().kb().Add(*name, kb_value);
  }
  in.session().RecordKbWrite(KbWrite{*name, kb_value, replace});
  return {};
}

Value FnSetKbItem(Interpreter& in, const CallArgs& a) { return WriteKb(in, a, false); }
Value FnReplaceKbItem(Interpreter& in, const CallArgs& a) { return WriteKb(in, a, true); }

// The real scanners also treat every port as open when no port scan ran; this runner does
// not (docs/nasl-runner.md).
Value FnGetPortState(Interpreter& in, const CallArgs& args) {
  return Value::Bool(in.session().kb().PortOpen(args.Positional(0).ToIntArg()));
}

}  // namespace

void AddKbBuiltins(std::vector<BuiltinSpec>& out) {
  constexpr Availability kBoth = Availability::kBoth;
  out.insert(out.end(), {
                            {"get_kb_item", FnGetKbItem, kBoth},
                            {"get_kb_list", FnGetKbList, kBoth},
                            {"set_kb_item", FnSetKbItem, kBoth},
                            {"replace_kb_item", FnReplaceKbItem, kBoth},
                            {"get_port_state", FnGetPortState, kBoth},
                        });
}

}  // namespace ttmtrack::nasl::runner
