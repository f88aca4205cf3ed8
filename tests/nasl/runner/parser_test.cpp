#include "nasl/runner/parser.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace ttmtrack::nasl::runner {
namespace {

namespace fs = std::filesystem;

const char* OpName(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr: return "||";
    case BinaryOp::kAnd: return "&&";
    case BinaryOp::kLess: return "<";
    case BinaryOp::kGreater: return ">";
    case BinaryOp::kEqual: return "==";
    case BinaryOp::kNotEqual: return "!=";
    case BinaryOp::kGreaterEq: return ">=";
    case BinaryOp::kLessEq: return "<=";
    case BinaryOp::kSubstr: return "><";
    case BinaryOp::kNotSubstr: return ">!<";
    case BinaryOp::kBitOr: return "|";
    case BinaryOp::kBitXor: return "^";
    case BinaryOp::kBitAnd: return "&";
    case BinaryOp::kShiftLeft: return "<<";
    case BinaryOp::kShiftRight: return ">>";
    case BinaryOp::kShiftRightUnsigned: return ">>>";
    case BinaryOp::kPlus: return "+";
    case BinaryOp::kMinus: return "-";
    case BinaryOp::kMul: return "*";
    case BinaryOp::kDiv: return "/";
    case BinaryOp::kMod: return "%";
    case BinaryOp::kPow: return "**";
  }
  return "?";
}

// The tree as an S-expression, so tests can state the shape they expect.
std::string Sexp(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::kInt: return std::to_string(e.int_value);
    case Expr::Kind::kString: return "\"" + e.text + "\"";
    case Expr::Kind::kData: return "'" + e.text + "'";
    case Expr::Kind::kVariable: return e.text;
    case Expr::Kind::kIndex: return e.text + "[" + Sexp(*e.children[0]) + "]";
    case Expr::Kind::kCall: {
      std::string out = "(call " + e.text;
      for (const auto& a : e.arguments) {
        out += " " + (a.name.empty() ? "" : a.name + ":") + Sexp(*a.value);
      }
      return out + ")";
    }
    case Expr::Kind::kAssign:
      return "(=" + std::to_string(static_cast<int>(e.assign_op)) + " " + Sexp(*e.children[0]) +
             " " + Sexp(*e.children[1]) + ")";
    case Expr::Kind::kIncrement:
      return std::string("(") + (e.prefix ? "pre" : "post") + (e.delta > 0 ? "++ " : "-- ") +
             Sexp(*e.children[0]) + ")";
    case Expr::Kind::kUnary: {
      const char* op =
          e.unary_op == UnaryOp::kNot ? "!" : (e.unary_op == UnaryOp::kNegate ? "neg" : "~");
      return std::string("(") + op + " " + Sexp(*e.children[0]) + ")";
    }
    case Expr::Kind::kBinary:
      return std::string("(") + OpName(e.binary_op) + " " + Sexp(*e.children[0]) + " " +
             Sexp(*e.children[1]) + ")";
    case Expr::Kind::kRegexMatch:
      return std::string("(") + (e.negated ? "!~ " : "=~ ") + Sexp(*e.children[0]) + " /" + e.text +
             "/)";
    case Expr::Kind::kList: {
      std::string out = "[";
      for (const auto& el : e.elements) {
        out += (out.size() > 1 ? " " : "") + (el.has_key ? el.key + "=>" : "") + Sexp(*el.value);
      }
      return out + "]";
    }
  }
  return "?";
}

// The right-hand side of the single assignment statement `source`.
std::string Rhs(const std::string& source) {
  const Program p = ParseSource(source, "t.nasl");
  EXPECT_EQ(p.statements.size(), 1u);
  const Expr& assign = *p.statements.at(0)->expr;
  EXPECT_EQ(assign.kind, Expr::Kind::kAssign);
  return Sexp(*assign.children.at(1));
}

struct Failure {
  int line;
  int column;
  std::string message;
};

Failure ParseFailure(const std::string& source) {
  try {
    ParseSource(source, "bad.nasl");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kBadInput);
    EXPECT_EQ(e.context().file, "bad.nasl");
    return {static_cast<int>(e.context().line), static_cast<int>(e.context().column), e.message()};
  }
  ADD_FAILURE() << "parsed without error: " << source;
  return {};
}

std::vector<fs::path> NaslFilesUnder(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".nasl") out.push_back(entry.path());
  }
  return out;
}

TEST(ParserTest, ArithmeticFollowsNaslPrecedence) {
  EXPECT_EQ(Rhs("x = 1 + 2 * 3 - 4;"), "(- (+ 1 (* 2 3)) 4)");
  EXPECT_EQ(Rhs("x = 10 / 2 % 3;"), "(% (/ 10 2) 3)");
}

TEST(ParserTest, PowerIsRightAssociativeAndBindsTighterThanUnaryMinus) {
  EXPECT_EQ(Rhs("x = 2 ** 3 ** 2;"), "(** 2 (** 3 2))");
  EXPECT_EQ(Rhs("x = -2 ** 2;"), "(neg (** 2 2))");
  EXPECT_EQ(Rhs("x = ~a * b;"), "(* (~ a) b)");
}

TEST(ParserTest, NotBindsTighterThanComparisonAndArithmetic) {
  EXPECT_EQ(Rhs("x = !a == b;"), "(== (! a) b)");
  EXPECT_EQ(Rhs("x = !a + b;"), "(+ (! a) b)");
}

TEST(ParserTest, ComparisonsBindLooserThanBitwiseOperatorsUnlikeC) {
  EXPECT_EQ(Rhs("x = a | b == c;"), "(== (| a b) c)");
  EXPECT_EQ(Rhs("x = a & 1 != 0;"), "(!= (& a 1) 0)");
  EXPECT_EQ(Rhs("x = a | b ^ c & d;"), "(| a (^ b (& c d)))");
}

TEST(ParserTest, LogicalOperatorsAreLeftAssociativeWithAndTighterThanOr) {
  EXPECT_EQ(Rhs("x = a || b && c || d;"), "(|| (|| a (&& b c)) d)");
}

TEST(ParserTest, MatchOperatorsAreComparisons) {
  EXPECT_EQ(Rhs("x = \"a\" >< s + t;"), "(>< \"a\" (+ s t))");
  EXPECT_EQ(Rhs("x = a >!< b;"), "(>!< a b)");
  EXPECT_EQ(Rhs("x = r =~ \"^SSH-\" && y;"), "(&& (=~ r /^SSH-/) y)");
  EXPECT_EQ(Rhs("x = r !~ 'a+';"), "(!~ r /a+/)");
}

TEST(ParserTest, ShiftsIncludingUnsigned) {
  EXPECT_EQ(Rhs("x = a << 2 + 1;"), "(<< a (+ 2 1))");
  EXPECT_EQ(Rhs("x = a >>> 1;"), "(>>> a 1)");
}

TEST(ParserTest, AssignmentIsAnExpressionWhoseRightSideExtendsFully) {
  EXPECT_EQ(Rhs("x = (y = 3) + 1;"), "(+ (=0 y 3) 1)");
  EXPECT_EQ(Rhs("x = y = z = 7;"), "(=0 y (=0 z 7))");
  EXPECT_EQ(Rhs("x = a == b = 3 + 1;"), "(== a (=0 b (+ 3 1)))");
}

TEST(ParserTest, CompoundAssignmentsAndIncrements) {
  const Program p = ParseSource("a += 1; a -= 1; a <<= 2; a >>>= 3; a++; --a; b[i]++;", "t");
  ASSERT_EQ(p.statements.size(), 7u);
  EXPECT_EQ(p.statements[0]->expr->assign_op, AssignOp::kPlus);
  EXPECT_EQ(p.statements[1]->expr->assign_op, AssignOp::kMinus);
  EXPECT_EQ(p.statements[2]->expr->assign_op, AssignOp::kShiftLeft);
  EXPECT_EQ(p.statements[3]->expr->assign_op, AssignOp::kShiftRightUnsigned);
  EXPECT_EQ(Sexp(*p.statements[4]->expr), "(post++ a)");
  EXPECT_EQ(Sexp(*p.statements[5]->expr), "(pre-- a)");
  EXPECT_EQ(Sexp(*p.statements[6]->expr), "(post++ b[i])");
}

TEST(ParserTest, IntegerLiteralsInEveryBase) {
  EXPECT_EQ(Rhs("x = 0x1F;"), "31");
  EXPECT_EQ(Rhs("x = 017;"), "15");
  EXPECT_EQ(Rhs("x = 09;"), "9");  // a leading 0 followed by 8 or 9 falls back to decimal
  EXPECT_EQ(Rhs("x = 0;"), "0");
}

TEST(ParserTest, Ipv4LiteralIsAPureString) {
  EXPECT_EQ(Rhs("x = 192.168.0.1;"), "\"192.168.0.1\"");
}

TEST(ParserTest, PureStringsKeepBackslashesAndDataStringsDecodeThem) {
  const Program p = ParseSource(R"(a = "x\ny"; b = 'x\ny\x41\t\\\'\0';)", "t");
  EXPECT_EQ(p.statements[0]->expr->children[1]->text, "x\\ny");
  EXPECT_EQ(p.statements[1]->expr->children[1]->text, std::string("x\nyA\t\\'\0", 8));
}

TEST(ParserTest, ListLiteralsWithKeys) {
  EXPECT_EQ(Rhs("x = [1, \"two\", 'k' => 3];"), "[1 \"two\" k=>3]");
}

TEST(ParserTest, CallsTakePositionalAndNamedArguments) {
  EXPECT_EQ(Rhs("x = f(1, a:2, b: g());"), "(call f 1 a:2 b:(call g))");
}

TEST(ParserTest, XIsRepetitionAfterACallAndANameElsewhere) {
  const Program p = ParseSource("send(socket:s, data:d) x 3;\nx = x + 1;", "t");
  ASSERT_EQ(p.statements.size(), 2u);
  EXPECT_EQ(p.statements[0]->kind, Stmt::Kind::kRepeatCall);
  EXPECT_EQ(Sexp(*p.statements[0]->expr), "3");
  EXPECT_EQ(Sexp(*p.statements[1]->expr), "(=0 x (+ x 1))");
}

TEST(ParserTest, StatementKindsAndLocations) {
  const Program p = ParseSource(
      "function f(a, b) { local_var c; return a; }\n"
      "global_var g;\n"
      "include(\"x.inc\");\n"
      "foreach i (l) ;\n"
      "repeat i++; until i > 3;\n",
      "t");
  ASSERT_EQ(p.statements.size(), 5u);
  EXPECT_EQ(p.statements[0]->kind, Stmt::Kind::kFunction);
  EXPECT_EQ(p.statements[0]->names, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(p.statements[1]->kind, Stmt::Kind::kGlobal);
  EXPECT_EQ(p.statements[2]->kind, Stmt::Kind::kInclude);
  EXPECT_EQ(p.statements[2]->name, "x.inc");
  EXPECT_EQ(p.statements[3]->kind, Stmt::Kind::kForeach);
  EXPECT_EQ(p.statements[4]->kind, Stmt::Kind::kRepeat);
  EXPECT_EQ(p.statements[4]->location.line, 5);
  EXPECT_EQ(p.statements[4]->location.column, 1);
}

TEST(ParserTest, DanglingElseBindsToTheNearestIf) {
  const Program p = ParseSource("if (a) if (b) x = 1; else x = 2;", "t");
  ASSERT_EQ(p.statements.size(), 1u);
  EXPECT_EQ(p.statements[0]->else_branch, nullptr);
  EXPECT_NE(p.statements[0]->then_branch->else_branch, nullptr);
}

TEST(ParserTest, AcceptsEveryValidInput) {
  const auto files = NaslFilesUnder(fs::path(TTMTRACK_NASL_DATA_DIR) / "valid");
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    EXPECT_NO_THROW(ParseFile(file.string())) << file;
  }
}

struct InvalidCase {
  const char* file;
  int line;
  int column;
  const char* fragment;
};

TEST(ParserTest, RejectsEachInvalidInputAtItsLineAndColumn) {
  const InvalidCase cases[] = {
      {"unterminated-string.nasl", 2, 5, "unterminated string"},
      {"unterminated-data-string.nasl", 3, 5, "unterminated string"},
      {"bad-hex-escape.nasl", 2, 11, "\\x escape"},
      {"missing-semicolon.nasl", 2, 6, "missing ';' before identifier 'c' at 3:1"},
      {"unbalanced-open-brace.nasl", 6, 1, "expected '}' to close the block opened at 1:8"},
      {"unbalanced-close-brace.nasl", 2, 1, "unexpected '}'"},
      {"bad-operator.nasl", 1, 7, "invalid operator '>!'"},
      {"bad-character.nasl", 2, 7, "unexpected character '@'"},
      {"chained-comparison.nasl", 1, 11, "do not chain"},
      {"function-in-block.nasl", 2, 3, "only be declared at top level"},
      {"expression-statement.nasl", 2, 3, "unexpected '+'"},
      {"bad-regex.nasl", 2, 12, "cannot compile regular expression"},
      {"unclosed-call.nasl", 1, 11, "expected ',' or ')' to close the call of f()"},
      {"unclosed-paren.nasl", 1, 11, "expected ')' to close the '(' at 1:5"},
      {"bad-hex-number.nasl", 1, 5, "no digit after 0x"},
      {"list-trailing-comma.nasl", 1, 11, "unexpected ']'"},
      {"double-index.nasl", 1, 9, "'['"},
  };
  const fs::path dir = fs::path(TTMTRACK_NASL_DATA_DIR) / "invalid";
  EXPECT_EQ(NaslFilesUnder(dir).size(), std::size(cases))
      << "a file without a case, or a case without a file";
  for (const auto& c : cases) {
    const std::string path = (dir / c.file).string();
    try {
      ParseFile(path);
      ADD_FAILURE() << c.file << " parsed";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::kBadInput) << c.file;
      EXPECT_EQ(e.context().line, c.line) << e.what();
      EXPECT_EQ(e.context().column, c.column) << e.what();
      EXPECT_NE(e.message().find(c.fragment), std::string::npos) << e.what();
      const std::string prefix =
          path + ":" + std::to_string(c.line) + ":" + std::to_string(c.column) + ": ";
      EXPECT_EQ(std::string(e.what()).rfind(prefix, 0), 0u) << e.what();
    }
  }
}

TEST(ParserTest, MissingSemicolonIsReportedAfterThePreviousTokenEvenAcrossComments) {
  const Failure f = ParseFailure("a = f(1)   # trailing comment\n\n  b = 2;\n");
  EXPECT_EQ(f.line, 1);
  EXPECT_EQ(f.column, 9);
  EXPECT_NE(f.message.find("missing ';'"), std::string::npos);
}

TEST(ParserTest, UnterminatedStringPointsAtItsOpeningQuote) {
  const Failure f = ParseFailure("x = 1;\ny = \"abc\n\n\n");
  EXPECT_EQ(f.line, 2);
  EXPECT_EQ(f.column, 5);
}

TEST(ParserTest, RejectsConstructsOutsideTheGrammar) {
  EXPECT_EQ(ParseFailure("x = a ? b : c;").line, 1);            // no ternary
  EXPECT_EQ(ParseFailure("x = {\"a\": 1};").line, 1);           // no map literal
  EXPECT_EQ(ParseFailure("x = f()[0];").line, 1);               // no index on a call
  EXPECT_EQ(ParseFailure("x = [a, b];").column, 6);             // list elements are constants
  EXPECT_EQ(ParseFailure("x = [];").column, 6);                 // no empty list literal
  EXPECT_EQ(ParseFailure("x = a << 1 << 2;").column, 12);       // shifts do not chain
  EXPECT_EQ(ParseFailure("for (;;) x = 1;").column, 7);         // the condition is required
  EXPECT_EQ(ParseFailure("include(name);").column, 9);          // include takes a string
  EXPECT_EQ(ParseFailure("x = \"a\" =~ pattern;").column, 12);  // =~ takes a string literal
}

TEST(ParserTest, ReportsUnexpectedEndOfFile) {
  const Failure f = ParseFailure("if (a)\n");
  EXPECT_EQ(f.line, 2);
  EXPECT_NE(f.message.find("end of file"), std::string::npos);
}

TEST(ParserTest, HugeIntegerIsRejected) {
  EXPECT_NE(ParseFailure("x = 99999999999999999999999;").message.find("too large"),
            std::string::npos);
}

TEST(ParserTest, HostileNestingIsAnErrorNotAStackOverflow) {
  const std::string parens =
      "x = " + std::string(100000, '(') + "1" + std::string(100000, ')') + ";";
  EXPECT_NE(ParseFailure(parens).message.find("nesting deeper"), std::string::npos);
  const std::string blocks = std::string(100000, '{') + std::string(100000, '}');
  EXPECT_NE(ParseFailure(blocks).message.find("nesting deeper"), std::string::npos);
  std::string chain = "x = 1";
  for (int i = 0; i < 100000; ++i) chain += " + 1";
  EXPECT_NE(ParseFailure(chain + ";").message.find("operators in one expression"),
            std::string::npos);
  std::string unary = "x = ";
  for (int i = 0; i < 100000; ++i) unary += "- ";
  EXPECT_NE(ParseFailure(unary + "1;").message.find("nesting deeper"), std::string::npos);
}

// Mutated copies of the valid inputs: each either parses or fails with kBadInput and a
// position inside the text; none may crash (the ASan build runs this too).
TEST(ParserTest, MutatedInputsParseOrFailCleanly) {
  std::vector<std::string> seeds;
  for (const auto& file : NaslFilesUnder(fs::path(TTMTRACK_NASL_DATA_DIR) / "valid")) {
    std::ifstream in(file, std::ios::binary);
    seeds.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ASSERT_FALSE(seeds.empty());
  std::mt19937 rng(20261125);
  const std::string alphabet = "(){}[];,:=<>!~+-*/%&|^\"'#x0 \n\\a1.";
  int accepted = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = seeds[rng() % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text.erase(at, 1 + rng() % 3); break;
        case 1: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
        default: text[at] = static_cast<char>(rng() % 256); break;
      }
    }
    try {
      ParseSource(text, "mutant.nasl");
      ++accepted;
    } catch (const Error& e) {
      ASSERT_EQ(e.kind(), Error::Kind::kBadInput) << e.what();
      ASSERT_GE(e.context().line, 1);
      ASSERT_GE(e.context().column, 1);
    }
  }
  // Most single-byte edits break NASL; some (inside comments and strings) do not.
  EXPECT_GT(accepted, 0);
  EXPECT_LT(accepted, 3000);
}

TEST(ParserTest, MissingFileIsNoInput) {
  try {
    ParseFile("/nonexistent/plugin.nasl");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::kNoInput);
  }
}

}  // namespace
}  // namespace ttmtrack::nasl::runner
