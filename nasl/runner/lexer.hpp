#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "nasl/runner/ast.hpp"

// Tokenizer for NASL2. Facts from openvas-scanner's lexer: `#` comments run to end of line;
// "..." strings are taken verbatim (newlines included); '...' strings decode \n \t \r \f \v
// \\ \' \" \0 \xHH and an escaped newline; integers are decimal, octal (leading 0) or hex (0x);
// `x` is the repetition keyword but may also name a variable; TRUE/FALSE/NULL are predefined
// variables, not keywords. Where the original lexer guesses (a lone `0x`, `>!` not followed by
// `<`, an unknown escape, end of file inside a string) this one reports an error instead.
namespace ttmtrack::nasl::runner {

enum class TokenKind {
  kEof,
  kIdent,
  kInt,
  kString,  // "..."
  kData,    // '...'
  // keywords
  kIf,
  kElse,
  kFor,
  kWhile,
  kRepeat,
  kUntil,
  kForeach,
  kFunction,
  kReturn,
  kRep,  // x
  kInclude,
  kBreak,
  kContinue,
  kLocalVar,
  kGlobalVar,
  // punctuation
  kLParen,
  kRParen,
  kLBrace,
  kRBrace,
  kLBracket,
  kRBracket,
  kComma,
  kSemicolon,
  kColon,
  kDot,
  // operators
  kAssign,
  kPlusEq,
  kMinusEq,
  kMulEq,
  kDivEq,
  kModEq,
  kShlEq,
  kShrEq,
  kShruEq,
  kOrOr,
  kAndAnd,
  kNot,
  kTilde,
  kLess,
  kGreater,
  kEqEq,
  kNotEq,
  kGreaterEq,
  kLessEq,
  kMatch,      // ><
  kNoMatch,    // >!<
  kReMatch,    // =~
  kReNoMatch,  // !~
  kPipe,
  kCaret,
  kAmp,
  kShl,
  kShr,
  kShru,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
  kPow,
  kPlusPlus,
  kMinusMinus,
  kArrow,  // =>
};

// How a token kind is shown in a syntax error ("';'", "identifier", "end of file").
std::string TokenKindName(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::kEof;
  Location location;
  Location end;      // just past the token's last character
  std::string text;  // identifier name or decoded string contents
  std::int64_t int_value = 0;
};

// Produces tokens on demand. Holds a view of the source: the caller keeps it alive.
// Next() throws Error(kBadInput) with {file, line, column} at a lexical error.
class Lexer {
 public:
  Lexer(std::string_view source, std::string file_name);

  Token Next();

 private:
  char Peek(std::size_t ahead = 0) const;
  char Advance();
  void SkipSpaceAndComments();
  Token LexNumber(Location start);
  Token LexPureString(Location start);
  Token LexDataString(Location start);
  Token LexIdentifier(Location start);
  Token LexOperator(Location start);
  [[noreturn]] void Fail(Location where, const std::string& message) const;

  std::string_view source_;
  std::string file_name_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace ttmtrack::nasl::runner
