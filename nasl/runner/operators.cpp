#include "nasl/runner/operators.hpp"

#include <string>

namespace ttmtrack::nasl::runner {
namespace {

std::uint64_t U(std::int64_t v) { return static_cast<std::uint64_t>(v); }
std::int64_t S(std::uint64_t v) { return static_cast<std::int64_t>(v); }

std::int64_t WrapMul(std::int64_t a, std::int64_t b) { return S(U(a) * U(b)); }

std::int64_t Power(std::int64_t x, std::int64_t y) {
  // exec.c expo(): negative exponents give 0, except for a base of 1.
  if (y < 0) return x == 1 ? 1 : 0;
  std::int64_t result = 1;
  std::int64_t base = x;
  while (y > 0) {
    if (y & 1) result = WrapMul(result, base);
    base = WrapMul(base, base);
    y >>= 1;
  }
  return result;
}

// The string type of a mixed operation: data wins over pure.
Value MakeStringLike(const Value& a, const Value& b, std::string s) {
  if (a.type() == Value::Type::kData || b.type() == Value::Type::kData) {
    return Value::Data(std::move(s));
  }
  return Value::String(std::move(s));
}

Value IntOp(BinaryOp op, std::int64_t x, std::int64_t y) {
  switch (op) {
    case BinaryOp::kMul: return Value::Int(WrapMul(x, y));
    case BinaryOp::kDiv:
      if (y == 0) return Value::Int(0);
      if (y == -1) return Value::Int(WrapNegate(x));
      return Value::Int(x / y);
    case BinaryOp::kMod:
      if (y == 0 || y == -1) return Value::Int(0);
      return Value::Int(x % y);
    case BinaryOp::kPow: return Value::Int(Power(x, y));
    case BinaryOp::kBitAnd: return Value::Int(x & y);
    case BinaryOp::kBitOr: return Value::Int(x | y);
    case BinaryOp::kBitXor: return Value::Int(x ^ y);
    // Shift counts are taken modulo the width, as the x86 instructions the C code compiles to.
    case BinaryOp::kShiftLeft: return Value::Int(S(U(x) << (U(y) & 63)));
    case BinaryOp::kShiftRight: return Value::Int(x >> (U(y) & 63));
    case BinaryOp::kShiftRightUnsigned:
      return Value::Int(static_cast<std::uint32_t>(x) >> (U(y) & 31));
    default: return {};
  }
}

}  // namespace

std::int64_t WrapAdd(std::int64_t a, std::int64_t b) { return S(U(a) + U(b)); }
std::int64_t WrapNegate(std::int64_t a) { return S(0 - U(a)); }

Value NaslPlus(const Value& a, const Value& b) {
  if (b.IsNull()) return a;
  if (a.IsNull()) return b;
  if (a.IsString() || b.IsString()) return MakeStringLike(a, b, a.ToStr() + b.ToStr());
  if (a.IsInt() || b.IsInt()) return Value::Int(WrapAdd(a.ToInt(), b.ToInt()));
  return {};
}

Value NaslMinus(const Value& a, const Value& b) {
  if (b.IsNull()) return a;
  if (a.IsNull()) return b.IsInt() ? Value::Int(WrapNegate(b.int_value())) : Value();
  if (a.IsString() || b.IsString()) {
    std::string s = a.ToStr();
    const std::string cut = b.ToStr();
    if (!cut.empty()) {
      const auto at = s.find(cut);
      if (at != std::string::npos) s.erase(at, cut.size());
    }
    return MakeStringLike(a, b, std::move(s));
  }
  if (a.IsInt() || b.IsInt()) return Value::Int(WrapAdd(a.ToInt(), WrapNegate(b.ToInt())));
  return {};
}

std::int64_t NaslCompare(const Value& a, const Value& b) {
  if (a.IsNull() && b.IsNull()) return 0;
  if (a.IsArray() || b.IsArray()) {
    // The real interpreter cannot compare arrays: equal to each other, greater than NULL.
    if (a.IsNull()) return -1;
    if (b.IsNull()) return 1;
    return 0;
  }
  const bool as_int = (a.IsInt() || a.IsNull()) && (b.IsInt() || b.IsNull());
  if (as_int) {
    const std::int64_t x = a.ToInt();
    const std::int64_t y = b.ToInt();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  // memcmp on the common prefix, then the shorter is smaller: what std::string::compare does
  // (char_traits<char> compares as unsigned char, like memcmp).
  const int c = a.ToStr().compare(b.ToStr());
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

Value ApplyBinary(BinaryOp op, const Value& left, const Value& right) {
  switch (op) {
    case BinaryOp::kPlus: return NaslPlus(left, right);
    case BinaryOp::kMinus: return NaslMinus(left, right);
    case BinaryOp::kLess: return Value::Bool(NaslCompare(left, right) < 0);
    case BinaryOp::kGreater: return Value::Bool(NaslCompare(left, right) > 0);
    case BinaryOp::kEqual: return Value::Bool(NaslCompare(left, right) == 0);
    case BinaryOp::kNotEqual: return Value::Bool(NaslCompare(left, right) != 0);
    case BinaryOp::kGreaterEq: return Value::Bool(NaslCompare(left, right) >= 0);
    case BinaryOp::kLessEq: return Value::Bool(NaslCompare(left, right) <= 0);
    case BinaryOp::kSubstr:
    case BinaryOp::kNotSubstr: {
      const bool found = right.ToStr().find(left.ToStr()) != std::string::npos;
      return Value::Bool(op == BinaryOp::kSubstr ? found : !found);
    }
    case BinaryOp::kAnd: return Value::Bool(left.Truthy() && right.Truthy());
    case BinaryOp::kOr: return Value::Bool(left.Truthy() || right.Truthy());
    default: return IntOp(op, left.ToInt(), right.ToInt());
  }
}

Value ApplyCompound(AssignOp op, const Value& left, const Value& right) {
  switch (op) {
    case AssignOp::kPlus: return NaslPlus(left, right);
    case AssignOp::kMinus: return NaslMinus(left, right);
    case AssignOp::kMul: return ApplyBinary(BinaryOp::kMul, left, right);
    case AssignOp::kDiv: return ApplyBinary(BinaryOp::kDiv, left, right);
    case AssignOp::kMod: return ApplyBinary(BinaryOp::kMod, left, right);
    case AssignOp::kShiftLeft: return ApplyBinary(BinaryOp::kShiftLeft, left, right);
    case AssignOp::kShiftRight: return ApplyBinary(BinaryOp::kShiftRight, left, right);
    case AssignOp::kShiftRightUnsigned:
      return ApplyBinary(BinaryOp::kShiftRightUnsigned, left, right);
    case AssignOp::kAssign: return right;
  }
  return right;
}

}  // namespace ttmtrack::nasl::runner
