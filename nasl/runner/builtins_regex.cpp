// Regular-expression built-ins (ereg, ereg_replace) and split(), following
// openvas-scanner's nasl_text_utils.c: POSIX extended syntax, `icase:` for REG_ICASE, NUL
// bytes escaped unless `rnul: FALSE`, and ereg() looking only at the first line unless
// `multiline: TRUE`.
#include <string>
#include <vector>

#include "nasl/runner/builtin.hpp"
#include "nasl/runner/interpreter.hpp"
#include "nasl/runner/posix_regex.hpp"

namespace ttmtrack::nasl::runner {
namespace {

constexpr std::size_t kGroups = 16;  // NS in the original: \0 .. \15

struct RegexCall {
  std::string subject;
  std::unique_ptr<PosixRegex> re;
};

// Reads string:/pattern:/icase:/rnul: and compiles; nullopt (NULL result) when an argument
// is missing or the pattern is bad (which is also recorded).
std::optional<RegexCall> Prepare(Interpreter& in, const CallArgs& args, const char* fn,
                                 int extra_flags) {
  const auto pattern = StrArg(args.Named("pattern"));
  const auto subject = StrArg(args.Named("string"));
  if (!pattern || !subject) return std::nullopt;
  const int flags = extra_flags | (args.IntOr("icase", 0) != 0 ? REG_ICASE : 0);
  std::string error;
  auto re = PosixRegex::Compile(*pattern, flags, &error);
  if (!re) {
    in.Error(std::string(fn) + "(): regcomp() failed for pattern '" + *pattern + "': " + error);
    return std::nullopt;
  }
  RegexCall call;
  call.re = std::move(re);
  call.subject =
      args.IntOr("rnul", 1) != 0 ? EscapeNul(*subject) : subject->substr(0, subject->find('\0'));
  return call;
}

Value FnEreg(Interpreter& in, const CallArgs& args) {
  auto call = Prepare(in, args, "ereg", REG_NOSUB);
  if (!call) return {};
  std::string subject = call->subject;
  if (args.IntOr("multiline", 0) == 0) subject = subject.substr(0, subject.find('\n'));
  if (subject.empty() && call->subject.find('\n') == 0) return Value::Int(0);
  return Value::Bool(call->re->Search(subject.c_str()));
}

Value FnEregReplace(Interpreter& in, const CallArgs& args) {
  const auto replace = StrArg(args.Named("replace"));
  if (!args.Has("pattern") || !replace) {
    in.Error("ereg_replace(): usage: ereg_replace(string:, pattern:, replace:, icase:)");
    return {};
  }
  auto call = Prepare(in, args, "ereg_replace", 0);
  if (!call) return {};
  const std::string& s = call->subject;
  std::string out;
  std::size_t pos = 0;
  std::vector<regmatch_t> m(kGroups);
  while (pos <= s.size() && call->re->Search(s.c_str() + pos, &m, pos > 0 ? REG_NOTBOL : 0)) {
    const auto so = static_cast<std::size_t>(m[0].rm_so);
    const auto eo = static_cast<std::size_t>(m[0].rm_eo);
    out += s.substr(pos, so);
    for (std::size_t i = 0; i < replace->size(); ++i) {
      const char c = (*replace)[i];
      const char d = i + 1 < replace->size() ? (*replace)[i + 1] : '\0';
      if (c == '\\' && d >= '0' && d <= '9' && m[static_cast<std::size_t>(d - '0')].rm_so >= 0) {
        const regmatch_t& g = m[static_cast<std::size_t>(d - '0')];
        out += s.substr(pos + static_cast<std::size_t>(g.rm_so),
                        static_cast<std::size_t>(g.rm_eo - g.rm_so));
        ++i;
      } else {
        out.push_back(c);
      }
    }
    if (so == eo) {
      // An empty match: copy one character and move on, so the loop advances.
      if (pos + so >= s.size()) {
        pos = s.size() + 1;
        break;
      }
      out.push_back(s[pos + so]);
      pos += so + 1;
    } else {
      pos += eo;
    }
  }
  if (pos < s.size()) out += s.substr(pos);
  return Value::Data(out);
}

// split(str, sep: s, keep: TRUE): pieces ending with the separator (kept unless keep: FALSE);
// without sep, lines ending in "\n" or "\r\n".
Value FnSplit(Interpreter& in, const CallArgs& args) {
  const auto s = StrArg(args.Positional(0));
  if (!s || s->empty()) return {};
  const bool keep = args.IntOr("keep", 1) != 0;
  Array a;
  std::int64_t j = 0;
  const auto sep = StrArg(args.Named("sep"));
  if (sep && sep->empty()) {
    in.Error("split(): invalid empty 'sep' parameter");
    return {};
  }
  std::size_t start = 0;
  while (start < s->size()) {
    std::size_t at;
    std::size_t sep_len;
    if (sep) {
      at = s->find(*sep, start);
      sep_len = sep->size();
    } else {
      at = s->find('\n', start);
      sep_len = 1;
      if (at != std::string::npos && at > start && (*s)[at - 1] == '\r') {
        --at;
        sep_len = 2;
      }
    }
    if (at == std::string::npos) {
      a.indexed[j++] = Value::Data(s->substr(start));
      break;
    }
    a.indexed[j++] = Value::Data(s->substr(start, at - start + (keep ? sep_len : 0)));
    start = at + sep_len;
  }
  return Value::FromArray(std::move(a));
}

}  // namespace

void AddRegexBuiltins(std::vector<BuiltinSpec>& out) {
  constexpr Availability kBoth = Availability::kBoth;
  out.insert(out.end(), {
                            {"ereg", FnEreg, kBoth},
                            {"ereg_replace", FnEregReplace, kBoth},
                            {"split", FnSplit, kBoth},
                        });
}

}  // namespace ttmtrack::nasl::runner
