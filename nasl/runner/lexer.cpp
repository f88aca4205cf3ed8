#include "nasl/runner/lexer.hpp"

#include <array>
#include <utility>

#include "core/ascii_text.hpp"
#include "core/error.hpp"

namespace ttmtrack::nasl::runner {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A printable rendering of one source byte for error messages.
std::string Shown(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7f) return std::string("'") + c + "'";
  return "byte 0x" + core::HexLower(std::string_view(&c, 1));
}

constexpr std::array<std::pair<std::string_view, TokenKind>, 15> kKeywords = {{
    {"if", TokenKind::kIf},
    {"else", TokenKind::kElse},
    {"for", TokenKind::kFor},
    {"while", TokenKind::kWhile},
    {"repeat", TokenKind::kRepeat},
    {"until", TokenKind::kUntil},
    {"foreach", TokenKind::kForeach},
    {"function", TokenKind::kFunction},
    {"return", TokenKind::kReturn},
    {"x", TokenKind::kRep},
    {"include", TokenKind::kInclude},
    {"break", TokenKind::kBreak},
    {"continue", TokenKind::kContinue},
    {"local_var", TokenKind::kLocalVar},
    {"global_var", TokenKind::kGlobalVar},
}};

}  // namespace

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEof: return "end of file";
    case TokenKind::kIdent: return "identifier";
    case TokenKind::kInt: return "integer";
    case TokenKind::kString: return "string";
    case TokenKind::kData: return "string";
    case TokenKind::kIf: return "'if'";
    case TokenKind::kElse: return "'else'";
    case TokenKind::kFor: return "'for'";
    case TokenKind::kWhile: return "'while'";
    case TokenKind::kRepeat: return "'repeat'";
    case TokenKind::kUntil: return "'until'";
    case TokenKind::kForeach: return "'foreach'";
    case TokenKind::kFunction: return "'function'";
    case TokenKind::kReturn: return "'return'";
    case TokenKind::kRep: return "'x'";
    case TokenKind::kInclude: return "'include'";
    case TokenKind::kBreak: return "'break'";
    case TokenKind::kContinue: return "'continue'";
    case TokenKind::kLocalVar: return "'local_var'";
    case TokenKind::kGlobalVar: return "'global_var'";
    case TokenKind::kLParen: return "'('";
    case TokenKind::kRParen: return "')'";
    case TokenKind::kLBrace: return "'{'";
    case TokenKind::kRBrace: return "'}'";
    case TokenKind::kLBracket: return "'['";
    case TokenKind::kRBracket: return "']'";
    case TokenKind::kComma: return "','";
    case TokenKind::kSemicolon: return "';'";
    case TokenKind::kColon: return "':'";
    case TokenKind::kDot: return "'.'";
    case TokenKind::kAssign: return "'='";
    case TokenKind::kPlusEq: return "'+='";
    case TokenKind::kMinusEq: return "'-='";
    case TokenKind::kMulEq: return "'*='";
    case TokenKind::kDivEq: return "'/='";
    case TokenKind::kModEq: return "'%='";
    case TokenKind::kShlEq: return "'<<='";
    case TokenKind::kShrEq: return "'>>='";
    case TokenKind::kShruEq: return "'>>>='";
    case TokenKind::kOrOr: return "'||'";
    case TokenKind::kAndAnd: return "'&&'";
    case TokenKind::kNot: return "'!'";
    case TokenKind::kTilde: return "'~'";
    case TokenKind::kLess: return "'<'";
    case TokenKind::kGreater: return "'>'";
    case TokenKind::kEqEq: return "'=='";
    case TokenKind::kNotEq: return "'!='";
    case TokenKind::kGreaterEq: return "'>='";
    case TokenKind::kLessEq: return "'<='";
    case TokenKind::kMatch: return "'><'";
    case TokenKind::kNoMatch: return "'>!<'";
    case TokenKind::kReMatch: return "'=~'";
    case TokenKind::kReNoMatch: return "'!~'";
    case TokenKind::kPipe: return "'|'";
    case TokenKind::kCaret: return "'^'";
    case TokenKind::kAmp: return "'&'";
    case TokenKind::kShl: return "'<<'";
    case TokenKind::kShr: return "'>>'";
    case TokenKind::kShru: return "'>>>'";
    case TokenKind::kPlus: return "'+'";
    case TokenKind::kMinus: return "'-'";
    case TokenKind::kStar: return "'*'";
    case TokenKind::kSlash: return "'/'";
    case TokenKind::kPercent: return "'%'";
    case TokenKind::kPow: return "'**'";
    case TokenKind::kPlusPlus: return "'++'";
    case TokenKind::kMinusMinus: return "'--'";
    case TokenKind::kArrow: return "'=>'";
  }
  return "token";
}

Lexer::Lexer(std::string_view source, std::string file_name)
    : source_(source), file_name_(std::move(file_name)) {}

char Lexer::Peek(std::size_t ahead) const {
  return pos_ + ahead < source_.size() ? source_[pos_ + ahead] : '\0';
}

char Lexer::Advance() {
  const char c = source_[pos_++];
  if (c == '\n') {
    ++line_;
    column_ = 1;
  } else {
    ++column_;
  }
  return c;
}

void Lexer::Fail(Location where, const std::string& message) const {
  throw Error(Error::Kind::kBadInput, message,
              ErrorContext{.file = file_name_, .line = where.line, .column = where.column});
}

void Lexer::SkipSpaceAndComments() {
  while (pos_ < source_.size()) {
    const char c = Peek();
    if (IsSpace(c)) {
      Advance();
    } else if (c == '#') {
      while (pos_ < source_.size() && Peek() != '\n') Advance();
    } else {
      return;
    }
  }
}

Token Lexer::Next() {
  SkipSpaceAndComments();
  const Location start{line_, column_};
  Token token;
  const char c = Peek();
  if (pos_ >= source_.size()) {
    token = Token{.kind = TokenKind::kEof, .location = start};
  } else if (IsDigit(c)) {
    token = LexNumber(start);
  } else if (IsAlpha(c)) {
    token = LexIdentifier(start);
  } else if (c == '"') {
    token = LexPureString(start);
  } else if (c == '\'') {
    token = LexDataString(start);
  } else {
    token = LexOperator(start);
  }
  token.end = Location{line_, column_};
  return token;
}

Token Lexer::LexNumber(Location start) {
  Token token{.kind = TokenKind::kInt, .location = start};
  std::uint64_t value = 0;
  bool overflow = false;
  auto accumulate = [&](std::uint64_t base, int digit) {
    if (value > (UINT64_MAX - static_cast<std::uint64_t>(digit)) / base) overflow = true;
    value = value * base + static_cast<std::uint64_t>(digit);
  };
  if (Peek() == '0' && (Peek(1) == 'x' || Peek(1) == 'X')) {
    Advance();
    Advance();
    if (HexDigit(Peek()) < 0) Fail(start, "invalid hexadecimal constant: no digit after 0x");
    while (HexDigit(Peek()) >= 0) accumulate(16, HexDigit(Advance()));
  } else {
    // A leading 0 means octal, unless an 8 or 9 follows: the original lexer then falls back
    // to decimal for the whole number.
    std::size_t end = pos_;
    bool decimal = source_[pos_] != '0';
    while (end < source_.size() && IsDigit(source_[end])) {
      if (source_[end] >= '8') decimal = true;
      ++end;
    }
    const std::uint64_t base = decimal ? 10 : 8;
    while (pos_ < end) accumulate(base, Advance() - '0');
  }
  if (overflow || value > static_cast<std::uint64_t>(INT64_MAX)) {
    Fail(start, "integer constant is too large");
  }
  token.int_value = static_cast<std::int64_t>(value);
  return token;
}

Token Lexer::LexPureString(Location start) {
  Advance();  // opening quote
  Token token{.kind = TokenKind::kString, .location = start};
  while (true) {
    if (pos_ >= source_.size()) Fail(start, "unterminated string (missing closing \")");
    const char c = Advance();
    if (c == '"') break;
    token.text.push_back(c);
  }
  return token;
}

Token Lexer::LexDataString(Location start) {
  Advance();  // opening quote
  Token token{.kind = TokenKind::kData, .location = start};
  while (true) {
    if (pos_ >= source_.size()) Fail(start, "unterminated string (missing closing ')");
    const char c = Advance();
    if (c == '\'') break;
    if (c != '\\') {
      token.text.push_back(c);
      continue;
    }
    const Location escape{line_, column_ - 1};
    if (pos_ >= source_.size()) Fail(start, "unterminated string (missing closing ')");
    const char e = Advance();
    switch (e) {
      case '\n': break;  // an escaped newline joins the lines
      case '\\': token.text.push_back('\\'); break;
      case '\'': token.text.push_back('\''); break;
      case '"': token.text.push_back('"'); break;
      case 'n': token.text.push_back('\n'); break;
      case 't': token.text.push_back('\t'); break;
      case 'r': token.text.push_back('\r'); break;
      case 'f': token.text.push_back('\f'); break;
      case 'v': token.text.push_back('\v'); break;
      case '0': token.text.push_back('\0'); break;
      case 'x': {
        const int hi = HexDigit(Peek());
        const int lo = hi < 0 ? -1 : HexDigit(Peek(1));
        if (hi < 0 || lo < 0) Fail(escape, "invalid \\x escape: two hexadecimal digits expected");
        Advance();
        Advance();
        token.text.push_back(static_cast<char>(hi * 16 + lo));
        break;
      }
      default: Fail(escape, "unknown escape sequence \\" + std::string(1, e));
    }
  }
  return token;
}

Token Lexer::LexIdentifier(Location start) {
  const std::size_t begin = pos_;
  while (pos_ < source_.size() && IsAlnum(Peek())) Advance();
  Token token{.kind = TokenKind::kIdent, .location = start};
  token.text = std::string(source_.substr(begin, pos_ - begin));
  for (const auto& [word, kind] : kKeywords) {
    if (token.text == word) token.kind = kind;
  }
  return token;
}

Token Lexer::LexOperator(Location start) {
  const char c = Advance();
  Token token{.kind = TokenKind::kEof, .location = start};
  auto pick = [&](char next, TokenKind yes, TokenKind no) {
    if (Peek() == next) {
      Advance();
      return yes;
    }
    return no;
  };
  switch (c) {
    case '(': token.kind = TokenKind::kLParen; break;
    case ')': token.kind = TokenKind::kRParen; break;
    case '{': token.kind = TokenKind::kLBrace; break;
    case '}': token.kind = TokenKind::kRBrace; break;
    case '[': token.kind = TokenKind::kLBracket; break;
    case ']': token.kind = TokenKind::kRBracket; break;
    case ',': token.kind = TokenKind::kComma; break;
    case ';': token.kind = TokenKind::kSemicolon; break;
    case ':': token.kind = TokenKind::kColon; break;
    case '.': token.kind = TokenKind::kDot; break;
    case '~': token.kind = TokenKind::kTilde; break;
    case '^': token.kind = TokenKind::kCaret; break;
    case '/': token.kind = pick('=', TokenKind::kDivEq, TokenKind::kSlash); break;
    case '%': token.kind = pick('=', TokenKind::kModEq, TokenKind::kPercent); break;
    case '&': token.kind = pick('&', TokenKind::kAndAnd, TokenKind::kAmp); break;
    case '|': token.kind = pick('|', TokenKind::kOrOr, TokenKind::kPipe); break;
    case '+':
      token.kind = Peek() == '+' ? (Advance(), TokenKind::kPlusPlus)
                                 : pick('=', TokenKind::kPlusEq, TokenKind::kPlus);
      break;
    case '-':
      token.kind = Peek() == '-' ? (Advance(), TokenKind::kMinusMinus)
                                 : pick('=', TokenKind::kMinusEq, TokenKind::kMinus);
      break;
    case '*':
      token.kind = Peek() == '*' ? (Advance(), TokenKind::kPow)
                                 : pick('=', TokenKind::kMulEq, TokenKind::kStar);
      break;
    case '!':
      token.kind = Peek() == '~' ? (Advance(), TokenKind::kReNoMatch)
                                 : pick('=', TokenKind::kNotEq, TokenKind::kNot);
      break;
    case '=':
      if (Peek() == '=') {
        Advance();
        token.kind = TokenKind::kEqEq;
      } else if (Peek() == '~') {
        Advance();
        token.kind = TokenKind::kReMatch;
      } else {
        token.kind = pick('>', TokenKind::kArrow, TokenKind::kAssign);
      }
      break;
    case '<':
      if (Peek() == '<') {
        Advance();
        token.kind = pick('=', TokenKind::kShlEq, TokenKind::kShl);
      } else {
        token.kind = pick('=', TokenKind::kLessEq, TokenKind::kLess);
      }
      break;
    case '>':
      if (Peek() == '=') {
        Advance();
        token.kind = TokenKind::kGreaterEq;
      } else if (Peek() == '<') {
        Advance();
        token.kind = TokenKind::kMatch;
      } else if (Peek() == '!') {
        if (Peek(1) != '<') Fail(start, "invalid operator '>!' (did you mean '>!<'?)");
        Advance();
        Advance();
        token.kind = TokenKind::kNoMatch;
      } else if (Peek() == '>') {
        Advance();
        if (Peek() == '>') {
          Advance();
          token.kind = pick('=', TokenKind::kShruEq, TokenKind::kShru);
        } else {
          token.kind = pick('=', TokenKind::kShrEq, TokenKind::kShr);
        }
      } else {
        token.kind = TokenKind::kGreater;
      }
      break;
    default: Fail(start, "unexpected character " + Shown(c));
  }
  return token;
}

}  // namespace ttmtrack::nasl::runner
