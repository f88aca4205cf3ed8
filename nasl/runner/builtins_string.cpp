// String built-ins, the language-level ones (exit, isnull, defined_func) and unixtime, with
// the argument conventions of openvas-scanner's nasl_text_utils.c and nasl_misc_funcs.c.
#include <cctype>
#include <chrono>
#include <string>

#include "core/ascii_text.hpp"
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
    return {};
  }
  return Value::Int(s->empty() ? 0 : static_cast<unsigned char>((*s)[0]));
}

Value FnHexstr(Interpreter&, const CallArgs& args) {
  const auto s = StrArg(args.Positional(0));
  if (!s) return {};
  return Value::String(core::HexLower(*s));
}

Value FnSubstr(Interpreter& in, const CallArgs& args) {
  const Value source = args.Positional(0);
  const auto s = StrArg(source);
  if (!s) {
    in.Error("substr(): the given string is NULL");
    return {};
  }
  const auto size = static_cast<std::int64_t>(s->size());
  const std::int64_t start = args.Positional(1).IsNull() ? -1 : args.Positional(1).ToIntArg();
  std::int64_t end = args.Positional(2).IsNull() ? size - 1 : args.Positional(2).ToIntArg();
  if (start < 0) {
    in.Error("substr(): idx_start must be given and not negative");
    return {};
  }
  if (end >= size) end = size - 1;
  std::string out;
  if (start <= end) {
    out = s->substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start + 1));
  }
  return source.type() == Value::Type::kString ? Value::String(out) : Value::Data(out);
}

Value FnStrlen(Interpreter&, const CallArgs& args) {
  const Value v = args.Positional(0);
  return Value::Int(v.IsString() ? static_cast<std::int64_t>(v.str().size()) : 0);
}

Value FnInt(Interpreter&, const CallArgs& args) {
  return Value::Int(args.Positional(0).ToIntArg());
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

Value FnUnixtime(Interpreter&, const CallArgs&) {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return Value::Int(std::chrono::duration_cast<std::chrono::seconds>(now).count());
}

}  // namespace

void AddStringBuiltins(std::vector<BuiltinSpec>& out) {
  constexpr Availability kBoth = Availability::kBoth;
  out.insert(out.end(), {
                            {"string", FnString, kBoth},
                            {"raw_string", FnRawString, kBoth},
                            {"display", FnDisplay, kBoth},
                            {"ord", FnOrd, kBoth},
                            {"hexstr", FnHexstr, kBoth},
                            {"substr", FnSubstr, kBoth},
                            {"strlen", FnStrlen, kBoth},
                            {"int", FnInt, kBoth},
                            {"isnull", FnIsnull, kBoth},
                            {"defined_func", FnDefinedFunc, kBoth},
                            {"exit", FnExit, kBoth},
                            {"unixtime", FnUnixtime, kBoth},
                        });
}

}  // namespace ttmtrack::nasl::runner
