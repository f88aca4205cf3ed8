#include "nasl/runner/parser.hpp"

#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

#include "core/error.hpp"
#include "nasl/runner/lexer.hpp"
#include "nasl/runner/posix_regex.hpp"

// Recursive descent for statements, precedence climbing for expressions. Precedence levels,
// lowest first, as declared in openvas-scanner's nasl_grammar.y:
//   assignment (right) < || < && < comparisons, ><, >!<, =~, !~ (non-associative)
//   < | < ^ < & < shifts (non-associative) < + - < * / % < ! < unary - ~ < ** (right) < ++ --
// Note that comparisons bind looser than | ^ &, unlike C. An assignment is a primary
// expression whose right side extends as far as possible, which is how the LALR grammar
// resolves `lvalue = expr` inside an expression.
namespace ttmtrack::nasl::runner {
namespace {

enum class Assoc { kLeft, kRight, kNone };

struct BinaryInfo {
  int level;
  Assoc assoc;
  BinaryOp op;
};

constexpr int kLevelOr = 2;
constexpr int kLevelCompare = 4;
constexpr int kLevelNot = 11;
constexpr int kLevelUnary = 12;
constexpr int kMaxDepth = 1000;

std::optional<BinaryInfo> BinaryFor(TokenKind kind) {
  switch (kind) {
    case TokenKind::kOrOr: return BinaryInfo{kLevelOr, Assoc::kLeft, BinaryOp::kOr};
    case TokenKind::kAndAnd: return BinaryInfo{3, Assoc::kLeft, BinaryOp::kAnd};
    case TokenKind::kLess: return BinaryInfo{kLevelCompare, Assoc::kNone, BinaryOp::kLess};
    case TokenKind::kGreater: return BinaryInfo{kLevelCompare, Assoc::kNone, BinaryOp::kGreater};
    case TokenKind::kEqEq: return BinaryInfo{kLevelCompare, Assoc::kNone, BinaryOp::kEqual};
    case TokenKind::kNotEq: return BinaryInfo{kLevelCompare, Assoc::kNone, BinaryOp::kNotEqual};
    case TokenKind::kGreaterEq:
      return BinaryInfo{kLevelCompare, Assoc::kNone, BinaryOp::kGreaterEq};
    case TokenKind::kLessEq: return BinaryInfo{kLevelCompare, Assoc::kNone, BinaryOp::kLessEq};
    case TokenKind::kMatch: return BinaryInfo{kLevelCompare, Assoc::kNone, BinaryOp::kSubstr};
    case TokenKind::kNoMatch: return BinaryInfo{kLevelCompare, Assoc::kNone, BinaryOp::kNotSubstr};
    case TokenKind::kPipe: return BinaryInfo{5, Assoc::kLeft, BinaryOp::kBitOr};
    case TokenKind::kCaret: return BinaryInfo{6, Assoc::kLeft, BinaryOp::kBitXor};
    case TokenKind::kAmp: return BinaryInfo{7, Assoc::kLeft, BinaryOp::kBitAnd};
    case TokenKind::kShl: return BinaryInfo{8, Assoc::kNone, BinaryOp::kShiftLeft};
    case TokenKind::kShr: return BinaryInfo{8, Assoc::kNone, BinaryOp::kShiftRight};
    case TokenKind::kShru: return BinaryInfo{8, Assoc::kNone, BinaryOp::kShiftRightUnsigned};
    case TokenKind::kPlus: return BinaryInfo{9, Assoc::kLeft, BinaryOp::kPlus};
    case TokenKind::kMinus: return BinaryInfo{9, Assoc::kLeft, BinaryOp::kMinus};
    case TokenKind::kStar: return BinaryInfo{10, Assoc::kLeft, BinaryOp::kMul};
    case TokenKind::kSlash: return BinaryInfo{10, Assoc::kLeft, BinaryOp::kDiv};
    case TokenKind::kPercent: return BinaryInfo{10, Assoc::kLeft, BinaryOp::kMod};
    case TokenKind::kPow: return BinaryInfo{13, Assoc::kRight, BinaryOp::kPow};
    default: return std::nullopt;
  }
}

std::optional<AssignOp> AssignFor(TokenKind kind) {
  switch (kind) {
    case TokenKind::kAssign: return AssignOp::kAssign;
    case TokenKind::kPlusEq: return AssignOp::kPlus;
    case TokenKind::kMinusEq: return AssignOp::kMinus;
    case TokenKind::kMulEq: return AssignOp::kMul;
    case TokenKind::kDivEq: return AssignOp::kDiv;
    case TokenKind::kModEq: return AssignOp::kMod;
    case TokenKind::kShlEq: return AssignOp::kShiftLeft;
    case TokenKind::kShrEq: return AssignOp::kShiftRight;
    case TokenKind::kShruEq: return AssignOp::kShiftRightUnsigned;
    default: return std::nullopt;
  }
}

bool IsIdentifier(TokenKind kind) { return kind == TokenKind::kIdent || kind == TokenKind::kRep; }
bool IsStringToken(TokenKind kind) {
  return kind == TokenKind::kString || kind == TokenKind::kData;
}

std::string Describe(const Token& token) {
  std::string name = TokenKindName(token.kind);
  if (token.kind == TokenKind::kIdent) return name + " '" + token.text + "'";
  if (token.kind == TokenKind::kInt) return name + " " + std::to_string(token.int_value);
  return name;
}

std::string Where(Location l) { return std::to_string(l.line) + ":" + std::to_string(l.column); }

ExprPtr MakeExpr(Expr::Kind kind, Location location) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->location = location;
  return e;
}

StmtPtr MakeStmt(Stmt::Kind kind, Location location) {
  auto s = std::make_unique<Stmt>();
  s->kind = kind;
  s->location = location;
  return s;
}

class Parser {
 public:
  Parser(std::string_view source, std::string file_name)
      : lexer_(source, file_name), file_name_(std::move(file_name)) {
    current_ = lexer_.Next();
    next_ = lexer_.Next();
  }

  Program ParseProgram() {
    Program program;
    program.file = file_name_;
    while (current_.kind != TokenKind::kEof) {
      if (current_.kind == TokenKind::kFunction) {
        program.statements.push_back(ParseFunction());
      } else {
        program.statements.push_back(ParseStatement());
      }
    }
    return program;
  }

 private:
  Token Take() {
    Token taken = std::move(current_);
    previous_end_ = taken.end;
    current_ = std::move(next_);
    next_ = lexer_.Next();  // at the end the lexer keeps returning kEof
    return taken;
  }

  bool At(TokenKind kind) const { return current_.kind == kind; }

  [[noreturn]] void Fail(Location where, const std::string& message) const {
    throw Error(Error::Kind::kBadInput, message,
                ErrorContext{.file = file_name_, .line = where.line, .column = where.column});
  }

  [[noreturn]] void Unexpected(const std::string& expected) const {
    Fail(current_.location,
         "syntax error: unexpected " + Describe(current_) + ", expected " + expected);
  }

  Token Expect(TokenKind kind, const std::string& context = {}) {
    if (!At(kind)) {
      std::string what = TokenKindName(kind);
      if (!context.empty()) what += " " + context;
      Unexpected(what);
    }
    return Take();
  }

  // A missing ';' is reported where it belongs: just after the previous token, which is
  // usually on the line the author has to fix.
  void ExpectSemicolon() {
    if (At(TokenKind::kSemicolon)) {
      Take();
      return;
    }
    Fail(previous_end_, "syntax error: missing ';' before " + Describe(current_) + " at " +
                            Where(current_.location));
  }

  std::string ExpectIdentifier(const std::string& what) {
    if (!IsIdentifier(current_.kind)) Unexpected(what);
    return Take().text;
  }

  StmtPtr ParseFunction() {
    auto stmt = MakeStmt(Stmt::Kind::kFunction, Take().location);
    stmt->name = ExpectIdentifier("function name");
    Expect(TokenKind::kLParen, "after the function name");
    stmt->names = ParseNameList(TokenKind::kRParen);
    Expect(TokenKind::kRParen, "after the parameters");
    if (!At(TokenKind::kLBrace)) Unexpected("'{' (function body)");
    stmt->then_branch = ParseBlock();
    return stmt;
  }

  // identifier {, identifier}, possibly empty (local_var; is accepted by the grammar).
  std::vector<std::string> ParseNameList(TokenKind terminator) {
    std::vector<std::string> names;
    if (At(terminator)) return names;
    names.push_back(ExpectIdentifier("identifier"));
    while (At(TokenKind::kComma)) {
      Take();
      names.push_back(ExpectIdentifier("identifier after ','"));
    }
    return names;
  }

  StmtPtr ParseBlock() {
    const Token open = Take();
    auto block = MakeStmt(Stmt::Kind::kBlock, open.location);
    while (!At(TokenKind::kRBrace)) {
      if (At(TokenKind::kEof)) {
        Fail(current_.location,
             "syntax error: unexpected end of file, expected '}' to close the "
             "block opened at " +
                 Where(open.location));
      }
      if (At(TokenKind::kFunction)) {
        Fail(current_.location, "syntax error: a function can only be declared at top level");
      }
      block->body.push_back(ParseStatement());
    }
    Take();
    return block;
  }

  StmtPtr ParseStatement() {
    const DepthGuard guard(this);
    const Location at = current_.location;
    switch (current_.kind) {
      case TokenKind::kLBrace: return ParseBlock();
      case TokenKind::kIf: return ParseIf();
      case TokenKind::kFor: return ParseFor();
      case TokenKind::kWhile: {
        Take();
        auto stmt = MakeStmt(Stmt::Kind::kWhile, at);
        stmt->expr = ParseCondition("while");
        stmt->then_branch = ParseLoopBody();
        return stmt;
      }
      case TokenKind::kRepeat: {
        Take();
        auto stmt = MakeStmt(Stmt::Kind::kRepeat, at);
        stmt->then_branch = ParseLoopBody();
        Expect(TokenKind::kUntil, "after the repeat body");
        stmt->expr = ParseExpression();
        ExpectSemicolon();
        return stmt;
      }
      case TokenKind::kForeach: {
        Take();
        auto stmt = MakeStmt(Stmt::Kind::kForeach, at);
        stmt->name = ExpectIdentifier("loop variable after 'foreach'");
        stmt->expr = ParseCondition("foreach");
        stmt->then_branch = ParseLoopBody();
        return stmt;
      }
      case TokenKind::kFunction:
        Fail(at, "syntax error: a function can only be declared at top level");
      case TokenKind::kEof: Unexpected("statement");
      default: break;
    }
    auto stmt = ParseSimpleStatement();
    ExpectSemicolon();
    return stmt;
  }

  StmtPtr ParseLoopBody() {
    if (At(TokenKind::kEof)) Unexpected("statement (loop body)");
    return ParseStatement();
  }

  ExprPtr ParseCondition(const char* keyword) {
    Expect(TokenKind::kLParen, std::string("after '") + keyword + "'");
    auto expr = ParseExpression();
    Expect(TokenKind::kRParen, std::string("to close the '") + keyword + "' condition");
    return expr;
  }

  StmtPtr ParseIf() {
    auto stmt = MakeStmt(Stmt::Kind::kIf, Take().location);
    stmt->expr = ParseCondition("if");
    stmt->then_branch = ParseLoopBody();
    if (At(TokenKind::kElse)) {
      Take();
      stmt->else_branch = ParseLoopBody();
    }
    return stmt;
  }

  StmtPtr ParseFor() {
    auto stmt = MakeStmt(Stmt::Kind::kFor, Take().location);
    Expect(TokenKind::kLParen, "after 'for'");
    if (!At(TokenKind::kSemicolon)) stmt->init = ParseStatementExpression();
    Expect(TokenKind::kSemicolon, "after the for-loop initialisation");
    stmt->expr = ParseExpression();
    Expect(TokenKind::kSemicolon, "after the for-loop condition");
    if (!At(TokenKind::kRParen)) stmt->step = ParseStatementExpression();
    Expect(TokenKind::kRParen, "to close the for-loop header");
    stmt->then_branch = ParseLoopBody();
    return stmt;
  }

  // The `simple_instr` of the grammar, without its ';'.
  StmtPtr ParseSimpleStatement() {
    const Location at = current_.location;
    switch (current_.kind) {
      case TokenKind::kSemicolon: return MakeStmt(Stmt::Kind::kEmpty, at);
      case TokenKind::kBreak: Take(); return MakeStmt(Stmt::Kind::kBreak, at);
      case TokenKind::kContinue: Take(); return MakeStmt(Stmt::Kind::kContinue, at);
      case TokenKind::kReturn: {
        Take();
        auto stmt = MakeStmt(Stmt::Kind::kReturn, at);
        if (!At(TokenKind::kSemicolon)) stmt->expr = ParseExpression();
        return stmt;
      }
      case TokenKind::kInclude: {
        Take();
        auto stmt = MakeStmt(Stmt::Kind::kInclude, at);
        Expect(TokenKind::kLParen, "after 'include'");
        if (!IsStringToken(current_.kind)) Unexpected("string (file name to include)");
        stmt->name = Take().text;
        Expect(TokenKind::kRParen, "after the included file name");
        return stmt;
      }
      case TokenKind::kLocalVar:
      case TokenKind::kGlobalVar: {
        const bool local = Take().kind == TokenKind::kLocalVar;
        auto stmt = MakeStmt(local ? Stmt::Kind::kLocal : Stmt::Kind::kGlobal, at);
        stmt->names = ParseNameList(TokenKind::kSemicolon);
        return stmt;
      }
      default: break;
    }
    auto expr = ParseStatementExpression();
    if (expr->kind == Expr::Kind::kCall && At(TokenKind::kRep)) {
      Take();
      auto stmt = MakeStmt(Stmt::Kind::kRepeatCall, at);
      stmt->init = std::move(expr);
      stmt->expr = ParseExpression();
      return stmt;
    }
    auto stmt = MakeStmt(Stmt::Kind::kExpr, at);
    stmt->expr = std::move(expr);
    return stmt;
  }

  // An assignment, an increment or a call: the only expressions that stand as statements.
  ExprPtr ParseStatementExpression() {
    const Token start = current_;
    if (!IsIdentifier(start.kind) && !At(TokenKind::kPlusPlus) && !At(TokenKind::kMinusMinus)) {
      Unexpected("statement");
    }
    auto expr = ParsePrimary();
    if (expr->kind != Expr::Kind::kAssign && expr->kind != Expr::Kind::kIncrement &&
        expr->kind != Expr::Kind::kCall) {
      if (AssignFor(current_.kind) || At(TokenKind::kSemicolon)) {
        Fail(start.location,
             "syntax error: a statement must be an assignment, an increment or a call");
      }
      Unexpected("assignment operator, '++', '--' or '('");
    }
    return expr;
  }

  ExprPtr ParseExpression() { return ParseBinary(kLevelOr); }

  // Untrusted input must not exhaust the C++ stack: every recursive production passes here.
  struct DepthGuard {
    explicit DepthGuard(Parser* p) : parser(p) {
      if (++parser->depth_ > kMaxDepth) {
        parser->Fail(parser->current_.location,
                     "syntax error: nesting deeper than " + std::to_string(kMaxDepth) + " levels");
      }
    }
    ~DepthGuard() { --parser->depth_; }
    Parser* parser;
  };

  ExprPtr ParseBinary(int min_level) {
    const DepthGuard guard(this);
    auto left = ParseUnary();
    int last_nonassoc_level = -1;
    // A left-associative chain builds a tree as deep as it is long; evaluating (and freeing)
    // it recurses that deep, so the chain is bounded too.
    int operators = 0;
    while (true) {
      if (++operators > kMaxDepth * 5) {
        Fail(current_.location, "syntax error: more than " + std::to_string(kMaxDepth * 5) +
                                    " operators in one expression");
      }
      if (At(TokenKind::kReMatch) || At(TokenKind::kReNoMatch)) {
        if (kLevelCompare < min_level) break;
        if (last_nonassoc_level == kLevelCompare) NonAssociative();
        const Token op = Take();
        auto e = MakeExpr(Expr::Kind::kRegexMatch, op.location);
        e->negated = op.kind == TokenKind::kReNoMatch;
        if (!IsStringToken(current_.kind)) Unexpected("string (regular expression)");
        const Token pattern = Take();
        // The real parser compiles the pattern here and counts a failure as a parse error.
        std::string error;
        if (!PosixRegex::Compile(pattern.text, REG_NOSUB | REG_ICASE, &error)) {
          Fail(pattern.location,
               "cannot compile regular expression \"" + pattern.text + "\": " + error);
        }
        e->text = pattern.text;
        e->children.push_back(std::move(left));
        left = std::move(e);
        last_nonassoc_level = kLevelCompare;
        continue;
      }
      const auto info = BinaryFor(current_.kind);
      if (!info || info->level < min_level) break;
      if (info->assoc == Assoc::kNone && last_nonassoc_level == info->level) NonAssociative();
      const Token op = Take();
      auto right = ParseBinary(info->assoc == Assoc::kRight ? info->level : info->level + 1);
      auto e = MakeExpr(Expr::Kind::kBinary, op.location);
      e->binary_op = info->op;
      e->children.push_back(std::move(left));
      e->children.push_back(std::move(right));
      left = std::move(e);
      last_nonassoc_level = info->assoc == Assoc::kNone ? info->level : -1;
    }
    return left;
  }

  [[noreturn]] void NonAssociative() const {
    Fail(current_.location, "syntax error: unexpected " + Describe(current_) +
                                ": comparison and shift operators do not chain; add parentheses");
  }

  ExprPtr ParseUnary() {
    const Token op = current_;
    UnaryOp unary;
    int operand_level;
    switch (op.kind) {
      case TokenKind::kNot: unary = UnaryOp::kNot, operand_level = kLevelNot + 1; break;
      case TokenKind::kMinus: unary = UnaryOp::kNegate, operand_level = kLevelUnary + 1; break;
      case TokenKind::kTilde: unary = UnaryOp::kBitNot, operand_level = kLevelUnary + 1; break;
      default: return ParsePrimary();
    }
    Take();
    auto e = MakeExpr(Expr::Kind::kUnary, op.location);
    e->unary_op = unary;
    e->children.push_back(ParseBinary(operand_level));
    return e;
  }

  ExprPtr ParsePrimary() {
    const Token& t = current_;
    switch (t.kind) {
      case TokenKind::kLParen: {
        const Token open = Take();
        auto e = ParseExpression();
        if (!At(TokenKind::kRParen)) {
          Unexpected("')' to close the '(' at " + Where(open.location));
        }
        Take();
        return e;
      }
      case TokenKind::kInt: return ParseNumberOrAddress();
      case TokenKind::kString:
      case TokenKind::kData: {
        auto e = MakeExpr(t.kind == TokenKind::kString ? Expr::Kind::kString : Expr::Kind::kData,
                          t.location);
        e->text = Take().text;
        return e;
      }
      case TokenKind::kLBracket: return ParseList();
      case TokenKind::kPlusPlus:
      case TokenKind::kMinusMinus: {
        const Token op = Take();
        if (!IsIdentifier(current_.kind)) Unexpected("variable after " + Describe(op));
        auto e = MakeExpr(Expr::Kind::kIncrement, op.location);
        e->prefix = true;
        e->delta = op.kind == TokenKind::kPlusPlus ? 1 : -1;
        e->children.push_back(ParseLvalue());
        return e;
      }
      default: break;
    }
    if (!IsIdentifier(t.kind)) Unexpected("expression");
    if (next_.kind == TokenKind::kLParen) return ParseCall();
    auto lvalue = ParseLvalue();
    if (const auto assign = AssignFor(current_.kind)) {
      const Token op = Take();
      auto e = MakeExpr(Expr::Kind::kAssign, op.location);
      e->assign_op = *assign;
      e->children.push_back(std::move(lvalue));
      e->children.push_back(ParseExpression());
      return e;
    }
    if (At(TokenKind::kPlusPlus) || At(TokenKind::kMinusMinus)) {
      const Token op = Take();
      auto e = MakeExpr(Expr::Kind::kIncrement, op.location);
      e->delta = op.kind == TokenKind::kPlusPlus ? 1 : -1;
      e->children.push_back(std::move(lvalue));
      return e;
    }
    return lvalue;
  }

  // identifier or identifier[expr]
  ExprPtr ParseLvalue() {
    const Token name = Take();
    if (!At(TokenKind::kLBracket)) {
      auto e = MakeExpr(Expr::Kind::kVariable, name.location);
      e->text = name.text;
      return e;
    }
    const Token open = Take();
    auto e = MakeExpr(Expr::Kind::kIndex, name.location);
    e->text = name.text;
    e->children.push_back(ParseExpression());
    if (!At(TokenKind::kRBracket)) Unexpected("']' to close the '[' at " + Where(open.location));
    Take();
    return e;
  }

  ExprPtr ParseCall() {
    const Token name = Take();
    const Token open = Take();
    auto e = MakeExpr(Expr::Kind::kCall, name.location);
    e->text = name.text;
    if (At(TokenKind::kRParen)) {
      Take();
      return e;
    }
    while (true) {
      Argument arg;
      if (IsIdentifier(current_.kind) && next_.kind == TokenKind::kColon) {
        arg.name = Take().text;
        Take();
      }
      arg.value = ParseExpression();
      e->arguments.push_back(std::move(arg));
      if (At(TokenKind::kComma)) {
        Take();
        continue;
      }
      if (At(TokenKind::kRParen)) break;
      Unexpected("',' or ')' to close the call of " + name.text + "() at " + Where(open.location));
    }
    Take();
    return e;
  }

  ExprPtr ParseNumberOrAddress() {
    const Token first = Take();
    auto e = MakeExpr(Expr::Kind::kInt, first.location);
    e->int_value = first.int_value;
    if (!At(TokenKind::kDot)) return e;
    // An IPv4 literal, INTEGER '.' INTEGER '.' INTEGER '.' INTEGER, is a string constant.
    std::string address = std::to_string(first.int_value);
    for (int i = 0; i < 3; ++i) {
      Expect(TokenKind::kDot, "in IP address");
      address += "." + std::to_string(Expect(TokenKind::kInt, "in IP address").int_value);
    }
    e->kind = Expr::Kind::kString;
    e->text = address;
    return e;
  }

  // '[' atom-or-keyed {, ...} ']' — elements are constants only, as in the grammar.
  ExprPtr ParseList() {
    const Token open = Take();
    auto e = MakeExpr(Expr::Kind::kList, open.location);
    while (true) {
      ArrayElement element;
      if (IsStringToken(current_.kind) && next_.kind == TokenKind::kArrow) {
        element.key = Take().text;
        element.has_key = true;
        Take();
      }
      element.value = ParseAtom();
      e->elements.push_back(std::move(element));
      if (At(TokenKind::kComma)) {
        Take();
        continue;
      }
      if (At(TokenKind::kRBracket)) break;
      Unexpected("',' or ']' to close the list opened at " + Where(open.location));
    }
    Take();
    return e;
  }

  ExprPtr ParseAtom() {
    const Token& t = current_;
    if (t.kind == TokenKind::kInt) {
      auto e = MakeExpr(Expr::Kind::kInt, t.location);
      e->int_value = Take().int_value;
      return e;
    }
    if (IsStringToken(t.kind)) {
      auto e = MakeExpr(t.kind == TokenKind::kString ? Expr::Kind::kString : Expr::Kind::kData,
                        t.location);
      e->text = Take().text;
      return e;
    }
    Unexpected("integer or string constant (list elements must be constants)");
  }

  Lexer lexer_;
  std::string file_name_;
  Token current_;
  Token next_;
  Location previous_end_{1, 1};
  int depth_ = 0;
};

}  // namespace

Program ParseSource(std::string_view source, const std::string& file_name) {
  Parser parser(source, file_name);
  return parser.ParseProgram();
}

Program ParseFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(Error::Kind::kNoInput, "cannot open NASL file", ErrorContext{.file = path});
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw Error(Error::Kind::kNoInput, "cannot read NASL file", {.file = path});
  return ParseSource(text.str(), path);
}

}  // namespace ttmtrack::nasl::runner
