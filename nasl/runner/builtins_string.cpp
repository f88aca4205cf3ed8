// String built-ins and the language-level ones (exit, isnull, defined_func, typeof), with the
// argument conventions of openvas-scanner's nasl_text_utils.c and nasl_misc_funcs.c.
#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <random>
#include <string>
#include <thread>

#include "nasl/runner/builtin.hpp"
#include "nasl/runner/interpreter.hpp"

namespace ttmtrack::nasl::runner {
namespace {

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The escapes string() decodes in "pure" strings: \n \t \r \\ \xHH. An unknown escape is
// dropped with an error, as the original does.
std::string DecodePure(Interpreter& in, const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out.push_back(s[i]);
      continue;
    }
    const char e = s[i + 1];
    ++i;
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case '\\': out.push_back('\\'); break;
      case 'x':
        if (i + 2 < s.size() && Hex(s[i + 1]) >= 0 && Hex(s[i + 2]) >= 0) {
          out.push_back(static_cast<char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2])));
          i += 2;
        } else {
          in.Error("string(): buggy hex value skipped");
        }
        break;
      default: in.Error(std::string("string(): unknown escape sequence '\\") + e + "'");
    }
  }
  return out;
}

std::string StringOf(Interpreter& in, const CallArgs& args) {
  std::string out;
  for (const auto& v : args.positional) {
    if (v.type() == Value::Type::kString) {
      out += DecodePure(in, v.str());
    } else if (!v.IsNull()) {
      out += v.ToStr();
    }
  }
  return out;
}

Value FnString(Interpreter& in, const CallArgs& args) { return Value::Data(StringOf(in, args)); }

Value FnRawString(Interpreter& in, const CallArgs& args) {
  std::string out;
  for (const auto& v : args.positional) {
    if (v.IsInt()) {
      out.push_back(static_cast<char>(v.int_value() & 0xff));
    } else if (v.type() == Value::Type::kString) {
      out += DecodePure(in, v.str());
    } else if (v.IsString()) {
      out += v.str();
    }
  }
  return Value::Data(out);
}

Value FnStrcat(Interpreter&, const CallArgs& args) {
  std::string out;
  for (const auto& v : args.positional) {
    if (const auto s = StrArg(v)) out += *s;
  }
  return Value::Data(out);
}

Value FnDisplay(Interpreter& in, const CallArgs& args) {
  std::string text = StringOf(in, args);
  for (char& c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (!std::isprint(u) && !std::isspace(u)) c = '.';
  }
  in.session().RecordDisplay(text);
  return Value::Int(static_cast<std::int64_t>(text.size()));
}

Value FnOrd(Interpreter& in, const CallArgs& args) {
  const auto s = StrArg(args.Positional(0));
  if (!s) {
    in.Error("ord(): the given char or string is NULL");
    return Value();
  }
  return Value::Int(s->empty() ? 0 : static_cast<unsigned char>((*s)[0]));
}

Value FnHex(Interpreter&, const CallArgs& args) {
  const Value v = args.Positional(0);
  if (v.IsNull()) return Value();
  static constexpr char kDigits[] = "0123456789abcdef";
  const auto byte = static_cast<unsigned char>(v.ToIntArg() & 0xff);
  return Value::String(std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0xf]);
}

Value FnHexstr(Interpreter&, const CallArgs& args) {
  const auto s = StrArg(args.Positional(0));
  if (!s) return Value();
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const char c : *s) {
    const auto u = static_cast<unsigned char>(c);
    out.push_back(kDigits[u >> 4]);
    out.push_back(kDigits[u & 0xf]);
  }
  return Value::String(out);
}

Value FnStrstr(Interpreter&, const CallArgs& args) {
  const auto a = StrArg(args.Positional(0));
  const auto b = StrArg(args.Positional(1));
  if (!a || !b || b->size() > a->size()) return Value();
  const auto at = a->find(*b);
  if (at == std::string::npos) return Value();
  return Value::Data(a->substr(at));
}

Value FnSubstr(Interpreter& in, const CallArgs& args) {
  const Value source = args.Positional(0);
  const auto s = StrArg(source);
  if (!s) {
    in.Error("substr(): the given string is NULL");
    return Value();
  }
  const std::int64_t size = static_cast<std::int64_t>(s->size());
  const std::int64_t start = args.Positional(1).IsNull() ? -1 : args.Positional(1).ToIntArg();
  std::int64_t end = args.Positional(2).IsNull() ? size - 1 : args.Positional(2).ToIntArg();
  if (start < 0) {
    in.Error("substr(): idx_start must be given and not negative");
    return Value();
  }
  if (end >= size) end = size - 1;
  std::string out;
  if (start <= end) {
    out = s->substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start + 1));
  }
  return source.type() == Value::Type::kString ? Value::String(out) : Value::Data(out);
}

Value FnInsstr(Interpreter& in, const CallArgs& args) {
  const auto s1 = StrArg(args.Positional(0));
  const auto s2 = StrArg(args.Positional(1));
  const std::int64_t i1 = args.Positional(2).IsNull() ? -1 : args.Positional(2).ToIntArg();
  const std::int64_t size = s1 ? static_cast<std::int64_t>(s1->size()) : 0;
  std::int64_t i2 = args.Positional(3).IsNull() ? -1 : args.Positional(3).ToIntArg();
  if (i2 > size || i2 == -1) i2 = size - 1;
  if (!s1 || !s2 || i1 < 0 || i2 < 0) {
    in.Error("insstr(): usage: insstr(str1, str2, idx_start [,idx_end])");
    return Value();
  }
  if (i1 >= size) {
    in.Error("insstr(): cannot insert string2 after end of string1");
    return Value();
  }
  std::string out = s1->substr(0, static_cast<std::size_t>(i1)) + *s2;
  if (i2 >= i1 && i2 < size - 1) out += s1->substr(static_cast<std::size_t>(i2 + 1));
  return Value::Data(out);
}

Value CaseMap(const CallArgs& args, int (*map)(int)) {
  const auto s = StrArg(args.Positional(0));
  if (!s) return Value();
  std::string out = *s;
  for (char& c : out) c = static_cast<char>(map(static_cast<unsigned char>(c)));
  return Value::Data(out);
}

Value FnTolower(Interpreter&, const CallArgs& args) { return CaseMap(args, ::tolower); }
Value FnToupper(Interpreter&, const CallArgs& args) { return CaseMap(args, ::toupper); }

Value FnCrap(Interpreter& in, const CallArgs& args) {
  const std::int64_t named = args.IntOr("length", -1);
  const std::int64_t positional = args.Positional(0).IsNull() ? -1 : args.Positional(0).ToIntArg();
  if (named < 0 && positional < 0) {
    in.Error("crap(): invalid or missing 'length' argument");
    return Value();
  }
  if (named >= 0 && positional >= 0) {
    in.Error("crap(): cannot set both unnamed and named 'length'");
    return Value();
  }
  const auto length = static_cast<std::size_t>(named >= 0 ? named : positional);
  if (length > (64u << 20)) {
    in.Error("crap(): length " + std::to_string(length) + " is too large for this runner");
    return Value();
  }
  if (length == 0) return Value();
  const auto data = StrArg(args.Named("data"));
  if (data && data->empty()) {
    in.Error("crap(): invalid null 'data' parameter");
    return Value();
  }
  const std::string unit = data ? *data : "X";
  std::string out;
  out.reserve(length);
  while (out.size() < length) out += unit;
  out.resize(length);
  return Value::Data(out);
}

Value FnStrlen(Interpreter&, const CallArgs& args) {
  const Value v = args.Positional(0);
  return Value::Int(v.IsString() ? static_cast<std::int64_t>(v.str().size()) : 0);
}

Value FnChomp(Interpreter&, const CallArgs& args) {
  const auto s = StrArg(args.Positional(0));
  if (!s) return Value();
  std::string out = s->substr(0, s->find('\0'));
  while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
  return Value::Data(out);
}

Value FnInt(Interpreter&, const CallArgs& args) {
  return Value::Int(args.Positional(0).ToIntArg());
}

Value FnStridx(Interpreter& in, const CallArgs& args) {
  const auto a = StrArg(args.Positional(0));
  const auto b = StrArg(args.Positional(1));
  const std::int64_t start = args.Positional(2).IsNull() ? 0 : args.Positional(2).ToIntArg();
  if (!a || !b || start < 0 || start > static_cast<std::int64_t>(a->size())) {
    in.Error("stridx(): usage: stridx(string, substring [, start])");
    return Value::Int(-1);
  }
  const auto at = a->find(*b, static_cast<std::size_t>(start));
  return Value::Int(at == std::string::npos ? -1 : static_cast<std::int64_t>(at));
}

Value FnStrReplace(Interpreter& in, const CallArgs& args) {
  const auto s = StrArg(args.Named("string"));
  const auto find = StrArg(args.Named("find"));
  if (!s || !find) {
    in.Error("str_replace(): missing argument: str_replace(string: s, find: f, replace: r)");
    return Value();
  }
  if (find->empty()) {
    in.Error("str_replace(): illegal 'find' argument value");
    return Value();
  }
  const std::string replace = StrArg(args.Named("replace")).value_or("");
  const std::int64_t count = args.IntOr("count", 0);
  std::string out;
  std::size_t pos = 0;
  std::int64_t n = 0;
  while (true) {
    const auto at = s->find(*find, pos);
    if (at == std::string::npos) break;
    out += s->substr(pos, at - pos) + replace;
    pos = at + find->size();
    if (count > 0 && ++n >= count) break;
  }
  out += s->substr(pos);
  return Value::Data(out);
}

Value FnTypeof(Interpreter&, const CallArgs& args) {
  const Value v = args.Positional(0);
  switch (v.type()) {
    case Value::Type::kNull: return Value::String("undef");
    case Value::Type::kInt: return Value::String("int");
    case Value::Type::kString: return Value::String("string");
    case Value::Type::kData: return Value::String("data");
    case Value::Type::kArray: return Value::String("array");
  }
  return Value();
}

Value FnIsnull(Interpreter&, const CallArgs& args) {
  return Value::Bool(args.Positional(0).IsNull());
}

Value FnDefinedFunc(Interpreter& in, const CallArgs& args) {
  const auto name = StrArg(args.Positional(0));
  return Value::Bool(name && in.IsDefined(*name));
}

Value FnExit(Interpreter&, const CallArgs& args) {
  throw Interpreter::ExitRequest{args.Positional(0).ToIntArg()};
}

Value FnMatch(Interpreter& in, const CallArgs& args) {
  const auto s = StrArg(args.Named("string"));
  const auto pattern = StrArg(args.Named("pattern"));
  if (!s || !pattern) {
    in.Error("match(): parameters 'string' and 'pattern' are required");
    return Value();
  }
  const int flags = args.IntOr("icase", 0) != 0 ? FNM_CASEFOLD : 0;
  return Value::Bool(fnmatch(pattern->c_str(), s->c_str(), flags) == 0);
}

Value FnRand(Interpreter&, const CallArgs&) {
  static thread_local std::mt19937 engine{std::random_device{}()};
  return Value::Int(static_cast<std::int64_t>(engine() & 0x7fffffff));
}

Value FnUnixtime(Interpreter&, const CallArgs&) {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return Value::Int(std::chrono::duration_cast<std::chrono::seconds>(now).count());
}

Value FnSleep(Interpreter&, const CallArgs& args) {
  const std::int64_t s = std::clamp<std::int64_t>(args.Positional(0).ToIntArg(), 0, 60);
  std::this_thread::sleep_for(std::chrono::seconds(s));
  return Value();
}

Value FnUsleep(Interpreter&, const CallArgs& args) {
  const std::int64_t us = std::clamp<std::int64_t>(args.Positional(0).ToIntArg(), 0, 60'000'000);
  std::this_thread::sleep_for(std::chrono::microseconds(us));
  return Value();
}

}  // namespace

void AddStringBuiltins(std::vector<BuiltinSpec>& out) {
  const Availability kBoth = Availability::kBoth;
  out.insert(out.end(), {
                            {"string", FnString, kBoth},
                            {"raw_string", FnRawString, kBoth},
                            {"strcat", FnStrcat, kBoth},
                            {"display", FnDisplay, kBoth},
                            {"ord", FnOrd, kBoth},
                            {"hex", FnHex, kBoth},
                            {"hexstr", FnHexstr, kBoth},
                            {"strstr", FnStrstr, kBoth},
                            {"substr", FnSubstr, kBoth},
                            {"insstr", FnInsstr, kBoth},
                            {"tolower", FnTolower, kBoth},
                            {"toupper", FnToupper, kBoth},
                            {"crap", FnCrap, kBoth},
                            {"strlen", FnStrlen, kBoth},
                            {"chomp", FnChomp, kBoth},
                            {"int", FnInt, kBoth},
                            {"stridx", FnStridx, kBoth},
                            {"str_replace", FnStrReplace, kBoth},
                            {"typeof", FnTypeof, kBoth},
                            {"isnull", FnIsnull, kBoth},
                            {"defined_func", FnDefinedFunc, kBoth},
                            {"exit", FnExit, kBoth},
                            {"match", FnMatch, kBoth},
                            {"rand", FnRand, kBoth},
                            {"unixtime", FnUnixtime, kBoth},
                            {"sleep", FnSleep, kBoth},
                            {"usleep", FnUsleep, kBoth},
                        });
}

}  // namespace ttmtrack::nasl::runner
