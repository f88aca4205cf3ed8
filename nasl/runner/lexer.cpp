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

// Every punctuation and operator token by its spelling. LexOperator takes the longest spelling
// the source continues with (maximal munch, as the original lexer does).
constexpr std::array<std::pair<std::string_view, TokenKind>, 48> kOperators = {{
    {"(", TokenKind::kLParen},     {")", TokenKind::kRParen},      {"{", TokenKind::kLBrace},
    {"}", TokenKind::kRBrace},     {"[", TokenKind::kLBracket},    {"]", TokenKind::kRBracket},
    {",", TokenKind::kComma},      {";", TokenKind::kSemicolon},   {":", TokenKind::kColon},
    {".", TokenKind::kDot},        {"=", TokenKind::kAssign},      {"+=", TokenKind::kPlusEq},
    {"-=", TokenKind::kMinusEq},   {"*=", TokenKind::kMulEq},      {"/=", TokenKind::kDivEq},
    {"%=", TokenKind::kModEq},     {"<<=", TokenKind::kShlEq},     {">>=", TokenKind::kShrEq},
    {">>>=", TokenKind::kShruEq},  {"||", TokenKind::kOrOr},       {"&&", TokenKind::kAndAnd},
    {"!", TokenKind::kNot},        {"~", TokenKind::kTilde},       {"<", TokenKind::kLess},
    {">", TokenKind::kGreater},    {"==", TokenKind::kEqEq},       {"!=", TokenKind::kNotEq},
    {">=", TokenKind::kGreaterEq}, {"<=", TokenKind::kLessEq},     {"><", TokenKind::kMatch},
    {">!<", TokenKind::kNoMatch},  {"=~", TokenKind::kReMatch},    {"!~", TokenKind::kReNoMatch},
    {"|", TokenKind::kPipe},       {"^", TokenKind::kCaret},       {"&", TokenKind::kAmp},
    {"<<", TokenKind::kShl},       {">>", TokenKind::kShr},        {">>>", TokenKind::kShru},
    {"+", TokenKind::kPlus},       {"-", TokenKind::kMinus},       {"*", TokenKind::kStar},
    {"/", TokenKind::kSlash},      {"%", TokenKind::kPercent},     {"**", TokenKind::kPow},
    {"++", TokenKind::kPlusPlus},  {"--", TokenKind::kMinusMinus}, {"=>", TokenKind::kArrow},
}};

}  // namespace

std::string TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEof: return "end of file";
    case TokenKind::kIdent: return "identifier";
    case TokenKind::kInt: return "integer";
    case TokenKind::kString:
    case TokenKind::kData: return "string";
    default: break;
  }
  for (const auto& [word, keyword] : kKeywords) {
    if (keyword == kind) return "'" + std::string(word) + "'";
  }
  for (const auto& [spelling, op] : kOperators) {
    if (op == kind) return "'" + std::string(spelling) + "'";
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
  const std::string_view rest = source_.substr(pos_);
  if (rest.starts_with(">!") && !rest.starts_with(">!<")) {
    Fail(start, "invalid operator '>!' (did you mean '>!<'?)");
  }
  Token token{.kind = TokenKind::kEof, .location = start};
  std::size_t longest = 0;
  for (const auto& [spelling, kind] : kOperators) {
    if (spelling.size() > longest && rest.starts_with(spelling)) {
      longest = spelling.size();
      token.kind = kind;
    }
  }
  if (longest == 0) Fail(start, "unexpected character " + Shown(rest.front()));
  for (std::size_t i = 0; i < longest; ++i) Advance();
  return token;
}

}  // namespace ttmtrack::nasl::runner
