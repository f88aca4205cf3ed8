#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

// The syntax tree of one NASL file, as the parser builds it and the interpreter walks it.
// Node shapes follow the NASL2 grammar of openvas-scanner (nasl_grammar.y): there is no ternary
// operator, no map literal, and an index applies only to a variable name (`a[i]`, never
// `f()[i]` or `a[i][j]`). A Program owns its whole tree; nodes are immutable after parsing, so
// a Program can be walked from several threads at once.
namespace ttmtrack::nasl::runner {

// 1-based position of a node's first character in its file.
struct Location {
  int line = 0;
  int column = 0;
};

enum class BinaryOp {
  kOr,                  // ||
  kAnd,                 // &&
  kLess,                // <
  kGreater,             // >
  kEqual,               // ==
  kNotEqual,            // !=
  kGreaterEq,           // >=
  kLessEq,              // <=
  kSubstr,              // ><  (left is a substring of right)
  kNotSubstr,           // >!<
  kBitOr,               // |
  kBitXor,              // ^
  kBitAnd,              // &
  kShiftLeft,           // <<
  kShiftRight,          // >>  (arithmetic)
  kShiftRightUnsigned,  // >>>
  kPlus,
  kMinus,
  kMul,
  kDiv,
  kMod,
  kPow,  // **
};

enum class UnaryOp { kNot, kNegate, kBitNot };

// `=` and the compound forms; a compound assignment applies its binary operator first.
enum class AssignOp {
  kAssign,
  kPlus,
  kMinus,
  kMul,
  kDiv,
  kMod,
  kShiftLeft,
  kShiftRight,
  kShiftRightUnsigned
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// One argument of a call: `expr` (name empty) or `name: expr`.
struct Argument {
  std::string name;
  ExprPtr value;
};

// One element of a `[...]` list literal: an atom, optionally keyed (`"k" => atom`).
struct ArrayElement {
  std::string key;  // empty: positional
  bool has_key = false;
  ExprPtr value;
};

struct Expr {
  enum class Kind {
    kInt,         // int_value
    kString,      // text: a "..." pure string (no escapes)
    kData,        // text: a '...' data string (escapes decoded)
    kVariable,    // text: name
    kIndex,       // text: array name; children[0]: index
    kCall,        // text: function name; arguments
    kAssign,      // assign_op; children[0]: lvalue (kVariable or kIndex); children[1]: value
    kIncrement,   // children[0]: lvalue; prefix; delta = +1 or -1
    kUnary,       // unary_op; children[0]
    kBinary,      // binary_op; children[0], children[1]
    kRegexMatch,  // children[0]: subject; text: pattern; negated for !~
    kList,        // elements
  };

  Kind kind;
  Location location;
  std::int64_t int_value = 0;
  std::string text;
  BinaryOp binary_op = BinaryOp::kPlus;
  UnaryOp unary_op = UnaryOp::kNot;
  AssignOp assign_op = AssignOp::kAssign;
  bool prefix = false;
  bool negated = false;
  int delta = 0;
  std::vector<ExprPtr> children;
  std::vector<Argument> arguments;
  std::vector<ArrayElement> elements;
};

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;

struct Stmt {
  enum class Kind {
    kEmpty,    // `;`
    kExpr,     // expr: an assignment, increment or call (the only expression statements)
    kBlock,    // body
    kIf,       // expr: condition; then_branch; else_branch (may be null)
    kFor,      // init, expr: condition, step (init/step may be null); then_branch: body
    kWhile,    // expr: condition; then_branch: body
    kRepeat,   // then_branch: body; expr: until-condition
    kForeach,  // name: loop variable; expr: collection; then_branch: body
    kReturn,   // expr (may be null)
    kBreak,
    kContinue,
    kLocal,       // names
    kGlobal,      // names
    kInclude,     // name: included file
    kFunction,    // name; names: parameters; then_branch: body block
    kRepeatCall,  // init: the call; expr: repetition count (`f() x 3;`)
  };

  Kind kind;
  Location location;
  ExprPtr expr;
  ExprPtr init;
  ExprPtr step;
  StmtPtr then_branch;
  StmtPtr else_branch;
  std::vector<StmtPtr> body;
  std::string name;
  std::vector<std::string> names;
};

struct Program {
  std::string file;  // as given to the parser; used in messages
  std::vector<StmtPtr> statements;
};

}  // namespace ttmtrack::nasl::runner
