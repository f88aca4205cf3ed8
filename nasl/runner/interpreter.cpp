#include "nasl/runner/interpreter.hpp"

#include <cstring>
#include <utility>

#include "nasl/runner/operators.hpp"
#include "nasl/runner/posix_regex.hpp"

namespace ttmtrack::nasl::runner {
namespace {

// Deep recursion in a script must not overflow the C++ stack.
constexpr int kMaxCallDepth = 256;

struct StepLimitExceeded {};
struct CallDepthExceeded {};

}  // namespace

Interpreter::Interpreter(const Program& program, const BuiltinTable& builtins, Session& session)
    : program_(program), builtins_(builtins), session_(session) {
  frames_.push_back(std::make_unique<Frame>());
}

void Interpreter::SetGlobal(const std::string& name, Value value) {
  frames_.front()->vars[name] = std::move(value);
}

std::int64_t Interpreter::Run() {
  try {
    ExecList(program_.statements);
  } catch (const ExitRequest& exit) {
    return exit.code;
  } catch (const StepLimitExceeded&) {
    Error("script stopped after " + std::to_string(session_.options().max_steps) +
          " steps (endless loop?)");
  } catch (const CallDepthExceeded&) {
    Error("script stopped: function calls nested deeper than " + std::to_string(kMaxCallDepth));
  }
  return 0;
}

void Interpreter::Error(const std::string& message) {
  session_.RecordError(program_.file + ":" + std::to_string(location_.line) + ":" +
                       std::to_string(location_.column) + ": " + message);
}

bool Interpreter::IsDefined(const std::string& name) const {
  return functions_.count(name) > 0 || builtins_.Find(name) != nullptr;
}

void Interpreter::Step(Location location) {
  location_ = location;
  if (++steps_ > session_.options().max_steps) throw StepLimitExceeded{};
}

Interpreter::Flow Interpreter::ExecList(const std::vector<StmtPtr>& list) {
  for (const auto& stmt : list) {
    const Flow flow = Exec(*stmt);
    if (flow != Flow::kNormal) return flow;
  }
  return Flow::kNormal;
}

bool Interpreter::LoopBodyStops(const Stmt& body, Flow* result) {
  const Flow flow = Exec(body);
  if (flow == Flow::kBreak) {
    *result = Flow::kNormal;
    return true;
  }
  if (flow == Flow::kReturn) {
    *result = Flow::kReturn;
    return true;
  }
  return false;
}

Interpreter::Flow Interpreter::Exec(const Stmt& stmt) {
  Step(stmt.location);
  Flow result = Flow::kNormal;
  switch (stmt.kind) {
    case Stmt::Kind::kEmpty: return Flow::kNormal;
    case Stmt::Kind::kExpr: Eval(*stmt.expr); return Flow::kNormal;
    case Stmt::Kind::kBlock: return ExecList(stmt.body);
    case Stmt::Kind::kIf:
      if (Eval(*stmt.expr).Truthy()) return Exec(*stmt.then_branch);
      return stmt.else_branch ? Exec(*stmt.else_branch) : Flow::kNormal;
    case Stmt::Kind::kFor: return ExecFor(stmt);
    case Stmt::Kind::kWhile:
      while (Eval(*stmt.expr).Truthy()) {
        if (LoopBodyStops(*stmt.then_branch, &result)) break;
      }
      return result;
    case Stmt::Kind::kRepeat:
      do {
        if (LoopBodyStops(*stmt.then_branch, &result)) return result;
      } while (!Eval(*stmt.expr).Truthy());
      return result;
    case Stmt::Kind::kForeach: return ExecForeach(stmt);
    case Stmt::Kind::kReturn:
      return_value_ = stmt.expr ? Eval(*stmt.expr) : Value();
      return Flow::kReturn;
    case Stmt::Kind::kBreak: return Flow::kBreak;
    case Stmt::Kind::kContinue: return Flow::kContinue;
    case Stmt::Kind::kLocal:
    case Stmt::Kind::kGlobal:
    case Stmt::Kind::kFunction: Declare(stmt); return Flow::kNormal;
    case Stmt::Kind::kInclude:
      Error("include(\"" + stmt.name +
            "\") is not supported by this runner: the plugin must not depend on include files");
      return Flow::kNormal;
    case Stmt::Kind::kRepeatCall: {
      const std::int64_t n = Eval(*stmt.expr).ToInt();
      for (std::int64_t i = 0; i < n; ++i) Eval(*stmt.init);
      return Flow::kNormal;
    }
  }
  return Flow::kNormal;
}

Interpreter::Flow Interpreter::ExecFor(const Stmt& stmt) {
  Flow result = Flow::kNormal;
  if (stmt.init) Eval(*stmt.init);
  while (Eval(*stmt.expr).Truthy()) {
    if (LoopBodyStops(*stmt.then_branch, &result)) break;
    if (stmt.step) Eval(*stmt.step);
  }
  return result;
}

Interpreter::Flow Interpreter::ExecForeach(const Stmt& stmt) {
  const Value collection = Eval(*stmt.expr);
  std::vector<Value> items;
  if (collection.IsArray()) {
    collection.array().ForEach([&](const Value&, const Value& v) { items.push_back(v); });
  } else if (!collection.IsNull()) {
    items.push_back(collection);  // a scalar iterates once, as in nasl_array_iterator
  }
  Flow result = Flow::kNormal;
  for (auto& item : items) {
    FindOrCreate(stmt.name) = std::move(item);
    if (LoopBodyStops(*stmt.then_branch, &result)) break;
  }
  return result;
}

void Interpreter::Declare(const Stmt& stmt) {
  if (stmt.kind == Stmt::Kind::kFunction) {
    if (IsDefined(stmt.name)) {
      Error("function '" + stmt.name + "' is already defined");
      return;
    }
    functions_[stmt.name] = &stmt;
    return;
  }
  Frame& frame = stmt.kind == Stmt::Kind::kLocal ? *frames_.back() : *frames_.front();
  for (const auto& name : stmt.names) frame.vars.try_emplace(name);
}

Value* Interpreter::Find(const std::string& name) {
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    const auto found = (*it)->vars.find(name);
    if (found != (*it)->vars.end()) return &found->second;
  }
  return nullptr;
}

Value& Interpreter::FindOrCreate(const std::string& name) {
  if (Value* v = Find(name)) return *v;
  return frames_.back()->vars[name];
}

Value Interpreter::Eval(const Expr& expr) {
  Step(expr.location);
  switch (expr.kind) {
    case Expr::Kind::kInt: return Value::Int(expr.int_value);
    case Expr::Kind::kString: return Value::String(expr.text);
    case Expr::Kind::kData: return Value::Data(expr.text);
    case Expr::Kind::kVariable: {
      const Value* v = Find(expr.text);
      return v ? *v : Value();
    }
    case Expr::Kind::kIndex: return EvalIndex(expr);
    case Expr::Kind::kCall: return EvalCall(expr);
    case Expr::Kind::kAssign: return EvalAssign(expr);
    case Expr::Kind::kIncrement: return EvalIncrement(expr);
    case Expr::Kind::kUnary: {
      const Value operand = Eval(*expr.children[0]);
      switch (expr.unary_op) {
        case UnaryOp::kNot: return Value::Bool(!operand.Truthy());
        case UnaryOp::kNegate: return Value::Int(WrapNegate(operand.ToInt()));
        case UnaryOp::kBitNot: return Value::Int(~operand.ToInt());
      }
      return {};
    }
    case Expr::Kind::kBinary: return EvalBinary(expr);
    case Expr::Kind::kRegexMatch: return EvalRegexMatch(expr);
    case Expr::Kind::kList: return EvalList(expr);
  }
  return {};
}

Value Interpreter::EvalIndex(const Expr& expr) {
  const Value index = Eval(*expr.children[0]);
  return ReadLvalue(expr, index);
}

Value Interpreter::ReadLvalue(const Expr& lvalue, const Value& index) {
  const Value* base = Find(lvalue.text);
  if (lvalue.kind == Expr::Kind::kVariable) return base ? *base : Value();
  if (base == nullptr || base->IsNull()) return {};
  if (base->IsString()) {
    // s[i] on a string is its i-th byte.
    const std::int64_t i = index.ToInt();
    if (i < 0 || static_cast<std::size_t>(i) >= base->str().size()) return {};
    const std::string one(1, base->str()[static_cast<std::size_t>(i)]);
    return base->type() == Value::Type::kString ? Value::String(one) : Value::Data(one);
  }
  if (!base->IsArray()) {
    Error("cannot index '" + lvalue.text + "' of type " + base->TypeName());
    return {};
  }
  const Array& a = base->array();
  if (index.IsString()) {
    const auto it = a.named.find(index.str());
    return it == a.named.end() ? Value() : it->second;
  }
  const auto it = a.indexed.find(index.ToInt());
  return it == a.indexed.end() ? Value() : it->second;
}

Value& Interpreter::Slot(const Expr& lvalue, const Value& index) {
  Value& base = FindOrCreate(lvalue.text);
  if (lvalue.kind == Expr::Kind::kVariable) return base;
  if (!base.IsArray() && !base.IsNull()) {
    Error("'" + lvalue.text + "' of type " + base.TypeName() +
          " is turned into an array by an indexed assignment");
  }
  Array& a = base.MutableArray();
  if (index.IsString()) return a.named[index.str()];
  return a.indexed[index.ToInt()];
}

Value Interpreter::EvalAssign(const Expr& expr) {
  const Expr& lvalue = *expr.children[0];
  const Value index = lvalue.kind == Expr::Kind::kIndex ? Eval(*lvalue.children[0]) : Value();
  const Value right = Eval(*expr.children[1]);
  Value result;
  if (expr.assign_op == AssignOp::kAssign) {
    result = right;
  } else {
    result = ApplyCompound(expr.assign_op, ReadLvalue(lvalue, index), right);
  }
  Slot(lvalue, index) = result;
  return result;
}

Value Interpreter::EvalIncrement(const Expr& expr) {
  const Expr& lvalue = *expr.children[0];
  const Value index = lvalue.kind == Expr::Kind::kIndex ? Eval(*lvalue.children[0]) : Value();
  const std::int64_t old_value = ReadLvalue(lvalue, index).ToInt();
  const std::int64_t new_value = WrapAdd(old_value, expr.delta);
  Slot(lvalue, index) = Value::Int(new_value);
  return Value::Int(expr.prefix ? new_value : old_value);
}

Value Interpreter::EvalBinary(const Expr& expr) {
  // && and || short-circuit and yield 0/1 (exec.c EXPR_AND/EXPR_OR).
  if (expr.binary_op == BinaryOp::kAnd) {
    return Value::Bool(Eval(*expr.children[0]).Truthy() && Eval(*expr.children[1]).Truthy());
  }
  if (expr.binary_op == BinaryOp::kOr) {
    return Value::Bool(Eval(*expr.children[0]).Truthy() || Eval(*expr.children[1]).Truthy());
  }
  const Value left = Eval(*expr.children[0]);
  const Value right = Eval(*expr.children[1]);
  return ApplyBinary(expr.binary_op, left, right);
}

Value Interpreter::EvalRegexMatch(const Expr& expr) {
  const Value subject = Eval(*expr.children[0]);
  std::string error;
  // The parser has already checked that the pattern compiles.
  const auto re = PosixRegex::Compile(expr.text, REG_NOSUB | REG_ICASE, &error);
  if (!re) {
    Error("bad regular expression: " + error);
    return {};
  }
  const bool hit = re->Search(subject.ToStr().c_str());
  return Value::Bool(expr.negated ? !hit : hit);
}

Value Interpreter::EvalList(const Expr& expr) {
  Array a;
  std::int64_t next = 0;
  for (const auto& element : expr.elements) {
    Value v = Eval(*element.value);
    if (element.has_key) {
      a.named[element.key] = std::move(v);
    } else {
      a.indexed[next++] = std::move(v);
    }
  }
  return Value::FromArray(std::move(a));
}

Value Interpreter::EvalCall(const Expr& expr) {
  CallArgs args;
  for (const auto& arg : expr.arguments) {
    Value v = Eval(*arg.value);
    if (arg.name.empty()) {
      args.positional.push_back(std::move(v));
    } else {
      args.named.emplace_back(arg.name, std::move(v));
    }
  }
  location_ = expr.location;
  if (const auto it = functions_.find(expr.text); it != functions_.end()) {
    return CallUser(*it->second, std::move(args));
  }
  if (const BuiltinFn fn = builtins_.Find(expr.text)) {
    Value result = fn(*this, args);
    location_ = expr.location;
    return result;
  }
  Error("Undefined function '" + expr.text + "'");
  return {};
}

Value Interpreter::CallUser(const Stmt& function, CallArgs args) {
  if (call_depth_ >= kMaxCallDepth) throw CallDepthExceeded{};
  auto frame = std::make_unique<Frame>();
  for (auto& [name, value] : args.named) frame->vars[name] = std::move(value);
  if (!args.positional.empty()) {
    Array anon;
    for (std::size_t i = 0; i < args.positional.size(); ++i) {
      anon.indexed[static_cast<std::int64_t>(i)] = std::move(args.positional[i]);
    }
    frame->vars["_FCT_ANON_ARGS"] = Value::FromArray(std::move(anon));
  }
  frames_.push_back(std::move(frame));
  ++call_depth_;
  return_value_ = Value();
  struct PopFrame {
    Interpreter* self;
    ~PopFrame() {
      self->frames_.pop_back();
      --self->call_depth_;
    }
  } pop{this};
  const Flow flow = Exec(*function.then_branch);
  Value result = flow == Flow::kReturn ? std::move(return_value_) : Value();
  return_value_ = Value();
  return result;
}

}  // namespace ttmtrack::nasl::runner
