#pragma once

#include <cstdint>

#include "nasl/runner/ast.hpp"
#include "nasl/runner/value.hpp"

// NASL's operator semantics (openvas-scanner exec.c), as pure functions:
// - `+`: NULL + x is x; if either side is a string the result is a string (data if either is
//   data), integers written in decimal; otherwise integer addition;
// - `-`: the same typing; on strings it removes the first occurrence of the right side;
// - `* / % ** & | ^ << >> >>> ~` and unary `-` work on integers (strings converted as strtol
//   base 0); division and modulo by zero give 0; `>>>` is a 32-bit unsigned shift;
// - comparisons follow cell_cmp: int vs string compares as strings, NULL is 0 or "";
// - `><` is "left is a substring of right".
// Integer arithmetic wraps around (two's complement) instead of being undefined.
namespace ttmtrack::nasl::runner {

std::int64_t WrapAdd(std::int64_t a, std::int64_t b);
std::int64_t WrapNegate(std::int64_t a);

Value NaslPlus(const Value& a, const Value& b);
Value NaslMinus(const Value& a, const Value& b);
// cell_cmp: negative, zero or positive.
std::int64_t NaslCompare(const Value& a, const Value& b);

// REQUIRES: op is neither kAnd nor kOr (they short-circuit in the interpreter).
Value ApplyBinary(BinaryOp op, const Value& left, const Value& right);
// `a op= b`. REQUIRES: op != kAssign.
Value ApplyCompound(AssignOp op, const Value& left, const Value& right);

}  // namespace ttmtrack::nasl::runner
