// Array built-ins (make_list, keys, max_index), after openvas-scanner's
// nasl_misc_funcs.c: make_list flattens array arguments and skips NULLs.
#include <vector>

#include "nasl/runner/builtin.hpp"
#include "nasl/runner/interpreter.hpp"

namespace ttmtrack::nasl::runner {
namespace {

Value ListOf(std::vector<Value> items) {
  Array a;
  for (std::size_t i = 0; i < items.size(); ++i) {
    a.indexed[static_cast<std::int64_t>(i)] = std::move(items[i]);
  }
  return Value::FromArray(std::move(a));
}

Value FnMakeList(Interpreter&, const CallArgs& args) { return ListOf(args.Flattened()); }

Value FnKeys(Interpreter&, const CallArgs& args) {
  std::vector<Value> keys;
  for (const auto& v : args.positional) {
    if (!v.IsArray()) continue;
    v.array().ForEach([&](const Value& k, const Value&) { keys.push_back(k); });
  }
  return ListOf(std::move(keys));
}

Value FnMaxIndex(Interpreter&, const CallArgs& args) {
  const Value v = args.Positional(0);
  if (!v.IsArray()) return {};
  return Value::Int(v.array().MaxIndex());
}

}  // namespace

void AddArrayBuiltins(std::vector<BuiltinSpec>& out) {
  constexpr Availability kBoth = Availability::kBoth;
  out.insert(out.end(), {
                            {"make_list", FnMakeList, kBoth},
                            {"keys", FnKeys, kBoth},
                            {"max_index", FnMaxIndex, kBoth},
                        });
}

}  // namespace ttmtrack::nasl::runner
