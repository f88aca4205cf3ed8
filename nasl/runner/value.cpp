#include "nasl/runner/value.hpp"

#include <cerrno>
#include <cstdlib>
#include <utility>

namespace ttmtrack::nasl::runner {
namespace {

// strtol over a byte string that may contain NULs: like C, it stops at the first one.
std::int64_t ParseLeadingInt(const std::string& s, int base) {
  const std::string head = s.substr(0, s.find('\0'));
  errno = 0;
  const long long v = std::strtoll(head.c_str(), nullptr, base);
  return static_cast<std::int64_t>(v);
}

}  // namespace

std::int64_t Array::MaxIndex() const { return indexed.empty() ? 0 : indexed.rbegin()->first + 1; }

Value Value::Int(std::int64_t i) {
  Value v;
  v.type_ = Type::kInt;
  v.int_ = i;
  return v;
}

Value Value::String(std::string s) {
  Value v;
  v.type_ = Type::kString;
  v.str_ = std::move(s);
  return v;
}

Value Value::Data(std::string s) {
  Value v;
  v.type_ = Type::kData;
  v.str_ = std::move(s);
  return v;
}

Value Value::FromArray(Array a) {
  Value v;
  v.type_ = Type::kArray;
  v.array_ = std::make_shared<Array>(std::move(a));
  return v;
}

std::int64_t Value::ToInt() const {
  switch (type_) {
    case Type::kInt: return int_;
    case Type::kString:
    case Type::kData: return ParseLeadingInt(str_, 0);
    default: return 0;
  }
}

std::int64_t Value::ToIntArg() const {
  switch (type_) {
    case Type::kInt: return int_;
    case Type::kString:
    case Type::kData: return ParseLeadingInt(str_, 10);
    default: return 0;
  }
}

std::string Value::ToStr() const {
  switch (type_) {
    case Type::kNull: return "";
    case Type::kInt: return std::to_string(int_);
    case Type::kString:
    case Type::kData: return str_;
    case Type::kArray: {
      // A readable rendering; the real interpreter prints a similar "[ key: value ]" list.
      std::string out = "[ ";
      bool first = true;
      array_->ForEach([&](const Value& k, const Value& v) {
        out += (first ? "" : ", ") + k.ToStr() + ": " +
               (v.IsString() ? "'" + v.str() + "'" : v.ToStr());
        first = false;
      });
      return out + " ]";
    }
  }
  return "";
}

bool Value::Truthy() const {
  switch (type_) {
    case Type::kNull: return false;
    case Type::kInt: return int_ != 0;
    case Type::kString:
    case Type::kData: return !str_.empty();
    case Type::kArray: return true;
  }
  return false;
}

Array& Value::MutableArray() {
  if (type_ != Type::kArray) {
    *this = FromArray(Array{});
  } else if (array_.use_count() > 1) {
    array_ = std::make_shared<Array>(*array_);
  }
  return *array_;
}

const char* Value::TypeName() const {
  switch (type_) {
    case Type::kNull: return "NULL";
    case Type::kInt: return "int";
    case Type::kString: return "string";
    case Type::kData: return "data";
    case Type::kArray: return "array";
  }
  return "?";
}

}  // namespace ttmtrack::nasl::runner
