#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

// NASL's dynamic values. Facts from openvas-scanner (exec.c, nasl_var.c):
// - a value is NULL (undefined), an integer, a "pure" string (from "..." literals: escapes are
//   not decoded, string()/display() decode them later), a "data" string (from '...' literals
//   and most built-ins), or an array;
// - an array has integer keys and string keys in two separate spaces (a[1] and a["1"] differ);
// - arrays are copied on assignment.
// Values are cheap to copy: arrays are shared and copied on write.
namespace ttmtrack::nasl::runner {

class Value;

// Integer-keyed and string-keyed elements. Iteration order, as in the real interpreter's
// foreach: integer keys ascending, then string keys (here sorted, for determinism).
struct Array {
  std::map<std::int64_t, Value> indexed;
  std::map<std::string, Value> named;
  // Entries whose string key repeats one in `named`. Only get_kb_list() makes them: the
  // original's hash chains keep one entry per KB value, so iteration (foreach, make_list,
  // keys) sees every value while a lookup by key sees one.
  std::vector<std::pair<std::string, Value>> repeated;

  // Calls f(key, element) in iteration order: integer keys ascending, then string keys, then
  // repeated ones. `key` is an int or data Value.
  template <typename F>
  void ForEach(F&& f) const;

  // max_index(): one past the highest integer key, 0 when there is none.
  std::int64_t MaxIndex() const;
};

class Value {
 public:
  enum class Type { kNull, kInt, kString, kData, kArray };

  Value() = default;
  static Value Int(std::int64_t i);
  static Value Bool(bool b) { return Int(b ? 1 : 0); }
  static Value String(std::string s);  // pure
  static Value Data(std::string s);
  static Value FromArray(Array a);

  Type type() const { return type_; }
  bool IsNull() const { return type_ == Type::kNull; }
  bool IsInt() const { return type_ == Type::kInt; }
  bool IsString() const { return type_ == Type::kString || type_ == Type::kData; }
  bool IsArray() const { return type_ == Type::kArray; }

  // cell2int: integers as is; strings through strtol with base 0 ("0x1f", "017"); else 0.
  std::int64_t ToInt() const;
  // get_int_var_*: the argument reading of built-ins; strings through atol (base 10).
  std::int64_t ToIntArg() const;
  // cell2str: integers in decimal, strings as is, NULL as "", arrays rendered.
  std::string ToStr() const;
  // cell2bool: 0, "" and NULL are false; "0" is true; arrays are true.
  bool Truthy() const;

  // REQUIRES: IsString(). The bytes, without copying.
  const std::string& str() const { return str_; }
  std::int64_t int_value() const { return int_; }

  // REQUIRES: IsArray().
  const Array& array() const { return *array_; }
  // Turns the value into an array (empty if it was not one) and returns it for writing;
  // copies a shared array first.
  Array& MutableArray();

  // NASL's type name, for messages: "NULL", "int", "string", "data", "array".
  const char* TypeName() const;

 private:
  Type type_ = Type::kNull;
  std::int64_t int_ = 0;
  std::string str_;
  std::shared_ptr<Array> array_;
};

template <typename F>
void Array::ForEach(F&& f) const {
  for (const auto& [k, v] : indexed) f(Value::Int(k), v);
  for (const auto& [k, v] : named) f(Value::Data(k), v);
  for (const auto& [k, v] : repeated) f(Value::Data(k), v);
}

}  // namespace ttmtrack::nasl::runner
