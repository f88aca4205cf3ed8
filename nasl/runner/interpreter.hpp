#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "nasl/runner/ast.hpp"
#include "nasl/runner/builtin.hpp"
#include "nasl/runner/session.hpp"
#include "nasl/runner/value.hpp"

// Tree-walking evaluator for one execution of a NASL program, with the semantics of
// openvas-scanner's exec.c:
// - scoping is dynamic: a function call opens a context whose parent is the caller's, reads
//   climb to the global context, an assignment to an unknown name creates it in the current
//   context, local_var declares in the current one and global_var in the global one;
// - named arguments become variables of the callee; positional ones are in _FCT_ANON_ARGS;
// - functions are declared when their declaration is executed;
// - an undefined function logs an error and yields NULL; an undefined variable is NULL.
// Run-time errors never throw: they are recorded in the Session and evaluation goes on.
// Holds references to the program, the built-ins and the session, which must outlive it.
// Not thread-safe.
namespace ttmtrack::nasl::runner {

class Interpreter {
 public:
  Interpreter(const Program& program, const BuiltinTable& builtins, Session& session);

  // Executes the program to its end, or to exit(). Returns the exit code (0 at the end).
  // A script exceeding options().max_steps is stopped, with an error recorded.
  std::int64_t Run();

  void SetGlobal(const std::string& name, Value value);

  Session& session() { return session_; }

  // Records "FILE:LINE:COL: message" at the node being evaluated.
  void Error(const std::string& message);

  // Line of the node being evaluated (for recorded calls).
  int line() const { return location_.line; }

  // defined_func(): a user function already declared, or a built-in of the profile.
  bool IsDefined(const std::string& name) const;

  // Thrown by exit(); caught by Run().
  struct ExitRequest {
    std::int64_t code;
  };

 private:
  enum class Flow { kNormal, kBreak, kContinue, kReturn };

  struct Frame {
    std::unordered_map<std::string, Value> vars;
    Frame* up = nullptr;
  };

  Flow Exec(const Stmt& stmt);
  Flow ExecList(const std::vector<StmtPtr>& list);
  Flow ExecFor(const Stmt& stmt);
  Flow ExecForeach(const Stmt& stmt);
  // Runs a loop body; returns true when the loop must stop (break or return).
  bool LoopBodyStops(const Stmt& body, Flow* result);
  void Declare(const Stmt& stmt);

  Value Eval(const Expr& expr);
  Value EvalIndex(const Expr& expr);
  Value EvalCall(const Expr& expr);
  Value CallUser(const Stmt& function, CallArgs args);
  Value EvalAssign(const Expr& expr);
  Value EvalIncrement(const Expr& expr);
  Value EvalBinary(const Expr& expr);
  Value EvalRegexMatch(const Expr& expr);
  Value EvalList(const Expr& expr);

  Value* Find(const std::string& name);
  Value& FindOrCreate(const std::string& name);
  // The storage an lvalue designates (creating the variable or element); `index` is the
  // already evaluated index for kIndex.
  Value& Slot(const Expr& lvalue, const Value& index);
  Value ReadLvalue(const Expr& lvalue, const Value& index);

  void Step(Location location);

  const Program& program_;
  const BuiltinTable& builtins_;
  Session& session_;
  std::map<std::string, const Stmt*> functions_;
  std::vector<std::unique_ptr<Frame>> frames_;  // frames_[0] is the global context
  Value return_value_;
  Location location_;
  std::int64_t steps_ = 0;
  int call_depth_ = 0;
};

}  // namespace ttmtrack::nasl::runner
