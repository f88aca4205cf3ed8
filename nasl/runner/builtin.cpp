#include "nasl/runner/builtin.hpp"

#include <utility>

namespace ttmtrack::nasl::runner {

const Value* CallArgs::Find(std::string_view name) const {
  // The last one wins when a name is passed twice, as a later variable assignment would.
  for (auto it = named.rbegin(); it != named.rend(); ++it) {
    if (it->first == name) return &it->second;
  }
  return nullptr;
}

Value CallArgs::Named(std::string_view name) const {
  const Value* v = Find(name);
  return v ? *v : Value();
}

Value CallArgs::Positional(std::size_t i) const {
  return i < positional.size() ? positional[i] : Value();
}

std::int64_t CallArgs::IntOr(std::string_view name, std::int64_t fallback) const {
  const Value* v = Find(name);
  if (v == nullptr || v->IsNull()) return fallback;
  return v->ToIntArg();
}

std::vector<Value> CallArgs::Flattened() const {
  std::vector<Value> out;
  for (const auto& v : positional) {
    if (v.IsArray()) {
      v.array().ForEach([&](const Value&, const Value& e) { out.push_back(e); });
    } else if (!v.IsNull()) {
      out.push_back(v);
    }
  }
  return out;
}

std::optional<std::string> StrArg(const Value& value) {
  if (value.IsNull() || value.IsArray()) return std::nullopt;
  return value.ToStr();
}

nlohmann::ordered_json ValueToJson(const Value& value) {
  switch (value.type()) {
    case Value::Type::kNull: return nullptr;
    case Value::Type::kInt: return value.int_value();
    case Value::Type::kString:
    case Value::Type::kData: return value.str();
    case Value::Type::kArray: {
      const Array& a = value.array();
      if (a.named.empty()) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& [k, v] : a.indexed) out.push_back(ValueToJson(v));
        return out;
      }
      // JSON objects cannot repeat a key: repeated entries are left out of the recording.
      auto out = nlohmann::ordered_json::object();
      for (const auto& [k, v] : a.indexed) out[std::to_string(k)] = ValueToJson(v);
      for (const auto& [k, v] : a.named) out[k] = ValueToJson(v);
      return out;
    }
  }
  return nullptr;
}

RecordedCall RecordCall(const std::string& function, const CallArgs& args, int line) {
  RecordedCall call;
  call.function = function;
  call.line = line;
  for (const auto& [name, value] : args.named) call.named[name] = ValueToJson(value);
  for (const auto& value : args.positional) call.positional.push_back(ValueToJson(value));
  return call;
}

BuiltinTable::BuiltinTable(Profile profile) {
  std::vector<BuiltinSpec> specs;
  AddStringBuiltins(specs);
  AddRegexBuiltins(specs);
  AddArrayBuiltins(specs);
  AddScriptBuiltins(specs);
  AddKbBuiltins(specs);
  AddNetworkBuiltins(specs);
  for (const auto& spec : specs) {
    const bool wanted =
        spec.availability == Availability::kBoth ||
        (spec.availability == Availability::kOpenVasOnly && profile == Profile::kOpenVas) ||
        (spec.availability == Availability::kNessusOnly && profile == Profile::kNessus);
    if (wanted) functions_[spec.name] = spec.fn;
  }
}

BuiltinFn BuiltinTable::Find(const std::string& name) const {
  const auto it = functions_.find(name);
  return it == functions_.end() ? nullptr : it->second;
}

}  // namespace ttmtrack::nasl::runner
