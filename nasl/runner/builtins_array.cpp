// Array built-ins (make_list, make_array, keys, max_index, sort), after openvas-scanner's
// nasl_misc_funcs.c: make_list flattens array arguments and skips NULLs.
#include <algorithm>
#include <vector>

#include "nasl/runner/builtin.hpp"
#include "nasl/runner/interpreter.hpp"
#include "nasl/runner/operators.hpp"

namespace ttmtrack::nasl::runner {
namespace {

std::vector<Value> Flatten(const CallArgs& args) {
  std::vector<Value> items;
  for (const auto& v : args.positional) {
    if (v.IsArray()) {
      v.array().ForEach([&](const Value&, const Value& e) { items.push_back(e); });
    } else if (!v.IsNull()) {
      items.push_back(v);
    }
  }
  return items;
}

Value ListOf(std::vector<Value> items) {
  Array a;
  for (std::size_t i = 0; i < items.size(); ++i) {
    a.indexed[static_cast<std::int64_t>(i)] = std::move(items[i]);
  }
  return Value::FromArray(std::move(a));
}

Value FnMakeList(Interpreter&, const CallArgs& args) { return ListOf(Flatten(args)); }

Value FnMakeArray(Interpreter& in, const CallArgs& args) {
  if (args.positional.size() % 2 != 0) {
    in.Error("make_array(): odd number of arguments; the last key has no value");
  }
  Array a;
  for (std::size_t i = 0; i + 1 < args.positional.size(); i += 2) {
    const Value& key = args.positional[i];
    if (key.IsInt()) {
      a.indexed[key.int_value()] = args.positional[i + 1];
    } else if (key.IsString()) {
      a.named[key.str()] = args.positional[i + 1];
    } else {
      in.Error(std::string("make_array(): a key of type ") + key.TypeName() + " is ignored");
    }
  }
  return Value::FromArray(std::move(a));
}

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
  if (!v.IsArray()) return Value();
  return Value::Int(v.array().MaxIndex());
}

Value FnSort(Interpreter&, const CallArgs& args) {
  std::vector<Value> items = Flatten(args);
  std::stable_sort(items.begin(), items.end(),
                   [](const Value& a, const Value& b) { return NaslCompare(a, b) < 0; });
  return ListOf(std::move(items));
}

}  // namespace

void AddArrayBuiltins(std::vector<BuiltinSpec>& out) {
  const Availability kBoth = Availability::kBoth;
  out.insert(out.end(), {
                            {"make_list", FnMakeList, kBoth},
                            {"make_array", FnMakeArray, kBoth},
                            {"keys", FnKeys, kBoth},
                            {"max_index", FnMaxIndex, kBoth},
                            {"sort", FnSort, kBoth},
                        });
}

}  // namespace ttmtrack::nasl::runner
