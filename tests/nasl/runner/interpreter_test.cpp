#include "nasl/runner/interpreter.hpp"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "nasl/runner/operators.hpp"
#include "test_support.hpp"

namespace ttmtrack::nasl::runner {
namespace {

using testing::Output;
using testing::RunBody;

TEST(InterpreterTest, IntegerArithmetic) {
  EXPECT_EQ(Output("display(1 + 2 * 3, ' ', 7 / 2, ' ', -7 % 3, ' ', 2 ** 10, ' ', 5 - 8);"),
            "7 3 -1 1024 -3");
  EXPECT_EQ(Output("display(1 / 0, ' ', 1 % 0);"), "0 0");  // no crash, as in the original
  EXPECT_EQ(Output("display(6 & 3, ' ', 6 | 3, ' ', 6 ^ 3, ' ', ~0, ' ', 1 << 4, ' ', -16 >> 2);"),
            "2 7 5 -1 16 -4");
  EXPECT_EQ(Output("display(-1 >>> 28);"), "15");  // a 32-bit unsigned shift
  EXPECT_EQ(Output("display(2 ** -1, ' ', 1 ** -5);"), "0 1");
}

TEST(InterpreterTest, IntegerOverflowWrapsInsteadOfBeingUndefined) {
  EXPECT_EQ(Output("x = 0x7fffffffffffffff; x++; display(x);"), "-9223372036854775808");
  EXPECT_EQ(Output("display(-9223372036854775807 - 1 - 1);"), "9223372036854775807");
}

TEST(InterpreterTest, PlusConcatenatesWhenEitherSideIsAString) {
  EXPECT_EQ(Output("display(\"a\" + 1, ' ', 1 + \"a\", ' ', 1 + 2);"), "a1 1a 3");
  EXPECT_EQ(Output("x = NULL + 5; y = \"s\" + NULL; display(x, ' ', y, ' ', isnull(NULL + NULL));"),
            "5 s 1");
}

TEST(InterpreterTest, MinusOnStringsRemovesTheFirstOccurrence) {
  EXPECT_EQ(Output("display(\"abcabc\" - \"b\", ' ', \"abc\" - \"x\", ' ', \"abc\" - \"\");"),
            "acabc abc abc");
  EXPECT_EQ(Output("display(12345 - \"3\");"), "1245");
}

TEST(InterpreterTest, ArithmeticOnStringsUsesStrtolBaseZero) {
  EXPECT_EQ(Output("display(\"0x10\" * 1, ' ', \"010\" * 1, ' ', \"12abc\" * 2, ' ', \"x\" * 3);"),
            "16 8 24 0");
}

TEST(InterpreterTest, ComparisonRules) {
  // int vs string compares as strings; NULL is 0 or "".
  EXPECT_EQ(Output("display(10 < \"9\", ' ', 10 < 9, ' ', \"10\" == 10, ' ', NULL == 0, ' ',"
                   " NULL == \"\", ' ', \"abc\" < \"abd\", ' ', \"ab\" < \"abc\");"),
            "1 0 1 1 1 1 1");
  EXPECT_EQ(Output("display(\"a\" >< \"cat\", ' ', \"x\" >< \"cat\", ' ', \"x\" >!< \"cat\");"),
            "1 0 1");
}

TEST(InterpreterTest, TruthinessFollowsCell2bool) {
  EXPECT_EQ(Output("if (\"0\") display('a'); if (0) display('b'); if (\"\") display('c');"
                   " if (NULL) display('d'); if (make_list()) display('e');"),
            "ae");
  EXPECT_EQ(Output("display(5 && \"x\", ' ', 0 || NULL, ' ', !\"\");"), "1 0 1");
}

TEST(InterpreterTest, ShortCircuitEvaluation) {
  EXPECT_EQ(Output("function f() { display('called'); return 1; }\n"
                   "if (0 && f()) display('no'); if (1 || f()) display('yes');"),
            "yes");
}

TEST(InterpreterTest, UndefinedVariablesAreNull) {
  EXPECT_EQ(Output("display(isnull(never_set), ' ', isnull(0), ' ', never_set + 1);"), "1 0 1");
}

TEST(InterpreterTest, IndexingStringsGivesOneByte) {
  EXPECT_EQ(Output("s = \"hello\"; d = 'a\\0b'; display(s[1], s[4], isnull(s[9]), ' ',"
                   " ord(d[1]), d[2]);"),
            "eo1 0b");
}

TEST(InterpreterTest, ArraysHaveSeparateIntegerAndStringKeys) {
  EXPECT_EQ(Output("a[1] = \"int\"; a[\"1\"] = \"str\"; display(a[1], ' ', a[\"1\"], ' ',"
                   " max_index(a), ' ', isnull(a[2]));"),
            "int str 2 1");
  EXPECT_EQ(Output("l = [1, 'b' => 2]; display(l[0], l['b']);"), "12");
}

TEST(InterpreterTest, ArraysAreCopiedOnAssignment) {
  EXPECT_EQ(Output("a[0] = 1; b = a; b[0] = 2; display(a[0], b[0]);"), "12");
}

TEST(InterpreterTest, MakeListFlattensAndSkipsNull) {
  EXPECT_EQ(Output("l = make_list(1, NULL, make_list(2, 3), \"x\");"
                   " display(max_index(l)); foreach v (l) display(' ', v);"),
            "4 1 2 3 x");
}

TEST(InterpreterTest, KeysListsIntegerKeysThenStringKeys) {
  EXPECT_EQ(Output("a[\"b\"] = 1; a[3] = 1; a[\"a\"] = 1; foreach k (keys(a)) display(k, ',');"),
            "3,a,b,");
}

TEST(InterpreterTest, FunctionsWithNamedArgumentsAndReturn) {
  EXPECT_EQ(Output("function f(a, b) { if (isnull(b)) b = 10; return a * b; }\n"
                   "display(f(a:2, b:3), ' ', f(a:2));"),
            "6 20");
  EXPECT_EQ(Output("function g() { return _FCT_ANON_ARGS[1]; }\ndisplay(g(\"x\", \"y\"));"), "y");
  EXPECT_EQ(Output("function h() { return; }\ndisplay(isnull(h()));"), "1");
}

TEST(InterpreterTest, ScopingIsDynamicWithLocalAndGlobalVariables) {
  // An undeclared assignment in a function creates a local; local_var shadows; global_var
  // reaches the global context; reads climb to the caller (dynamic scoping).
  EXPECT_EQ(Output("x = 1;\n"
                   "function set_local() { local_var x; x = 2; return x; }\n"
                   "function set_outer() { x = 3; }\n"
                   "function fresh() { fresh_var = 5; }\n"
                   "function read_caller() { return caller_var; }\n"
                   "function caller() { local_var caller_var; caller_var = 'seen'; "
                   "return read_caller(); }\n"
                   "function mk_global() { global_var gv; gv = 9; }\n"
                   "display(set_local(), x); set_outer(); display(x); fresh();"
                   " display(isnull(fresh_var), caller()); mk_global(); display(gv);"),
            "2131seen9");
}

TEST(InterpreterTest, RecursionWorksAndIsBounded) {
  EXPECT_EQ(Output("function fact(n) { if (n <= 1) return 1; return n * fact(n:n - 1); }\n"
                   "display(fact(n:10));"),
            "3628800");
  const RunResult r = RunBody("function loop(n) { return loop(n:n); }\nloop(n:1);");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("nested deeper"), std::string::npos);
}

TEST(InterpreterTest, LoopsBreakAndContinue) {
  EXPECT_EQ(Output("for (i = 0; i < 10; i++) { if (i == 2) continue; if (i == 5) break;"
                   " display(i); }"),
            "0134");
  EXPECT_EQ(Output("i = 0; while (i < 3) { display(i); i++; }"), "012");
  EXPECT_EQ(Output("i = 0; repeat { display(i); i++; } until (i >= 3);"), "012");
  EXPECT_EQ(Output("i = 5; repeat i++; until 1; display(i);"), "6");  // runs at least once
  EXPECT_EQ(Output("foreach v (make_list(1, 2, 3)) { if (v == 2) continue; display(v); }"), "13");
  EXPECT_EQ(Output("n = 0; function f() { n++; }\nf() x 4; display(n);"), "4");
}

TEST(InterpreterTest, ReturnLeavesNestedLoops) {
  EXPECT_EQ(Output("function f() { foreach a (make_list(1,2)) { while (1) { return a * 10; } } }\n"
                   "display(f());"),
            "10");
}

TEST(InterpreterTest, IncrementsAndCompoundAssignments) {
  EXPECT_EQ(Output("i = 1; display(i++, i, ++i, i--, --i);"), "12331");
  EXPECT_EQ(Output("s = \"a\"; s += \"b\"; s += 1; n = 10; n -= 3; n *= 2; n /= 4; n %= 3;"
                   " n <<= 3; display(s, ' ', n);"),
            "ab1 0");
  EXPECT_EQ(Output("a[\"k\"] += 5; a[\"k\"]++; display(a[\"k\"]);"), "6");
}

TEST(InterpreterTest, StringBuiltins) {
  EXPECT_EQ(Output("display(strlen(\"abc\"), strlen(NULL), strlen(42));"), "300");
  EXPECT_EQ(Output("display(substr(\"abcdef\", 2), ' ', substr(\"abcdef\", 1, 3), ' ',"
                   " substr(\"abc\", 1, 99));"),
            "cdef bcd bc");
  EXPECT_EQ(Output("display(hexstr('A\\x00z'), ' ', ord(\"A\"), ' ', ord('\\xff'));"),
            "41007a 65 255");
  EXPECT_EQ(Output("display(int(\"42abc\"), ' ', int(\"0x10\"), ' ', int(NULL));"), "42 0 0");
}

TEST(InterpreterTest, UnixtimeIsSecondsSinceTheEpoch) {
  const auto before = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  const std::int64_t t = std::stoll(Output("display(unixtime());"));
  EXPECT_GE(t, before);
  EXPECT_LE(t, before + 5);
}

TEST(InterpreterTest, StringDecodesEscapesOfPureStringsOnly) {
  EXPECT_EQ(Output("x = string(\"a\\tb\\x41\", 'c\\\\n'); display(strlen(x), ' ', x);"),
            "7 a\tbAc\\n");
  EXPECT_EQ(Output("display(strlen(\"a\\n\"), ' ', strlen('a\\n'));"), "3 2");
  EXPECT_EQ(Output("display(hexstr(raw_string(0x41, 256 + 0x42, \"\\x43\", 'D')));"), "41424344");
}

TEST(InterpreterTest, DisplayMasksUnprintableBytes) {
  EXPECT_EQ(Output("display('a\\x01b\\n');"), "a.b\n");
}

TEST(InterpreterTest, RegexBuiltinsFollowPosixExtendedSemantics) {
  EXPECT_EQ(
      Output(
          "display(ereg(pattern:\"b+c\", string:\"aabbcc\"), ereg(pattern:\"^b\", string:\"ab\"),"
          " ereg(pattern:\"HELLO\", string:\"hello\", icase:TRUE),"
          " ereg(pattern:\"HELLO\", string:\"hello\"));"),
      "1010");
  // ereg looks at the first line only, unless multiline.
  EXPECT_EQ(Output("s = 'one\\ntwo'; display(ereg(pattern:\"two\", string:s),"
                   " ereg(pattern:\"two\", string:s, multiline:TRUE));"),
            "01");
  EXPECT_EQ(
      Output("display(ereg_replace(pattern:\"([0-9]+)\", replace:\"<\\1>\", string:\"a1b22\"));"),
      "a<1>b<22>");
  EXPECT_EQ(Output("display(\"SSH-2.0\" =~ \"^ssh-[0-9]\", \"x\" !~ \"y\");"),
            "11");  // =~ ignores case
}

TEST(InterpreterTest, RegexMatchesSubjectsContainingNulBytes) {
  EXPECT_EQ(Output("display(ereg(pattern:\"after\", string:'before\\0after'));"), "1");
}

TEST(InterpreterTest, BadRegexInABuiltinIsARecordedError) {
  const RunResult r = RunBody("x = ereg(pattern:\"(\", string:\"a\");\ndisplay(isnull(x));");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("test.nasl:2:5: ereg(): regcomp() failed"), std::string::npos)
      << r.errors[0];
  EXPECT_EQ(r.display, (std::vector<std::string>{"1"}));
}

TEST(InterpreterTest, SplitKeepsSeparatorsByDefault) {
  EXPECT_EQ(
      Output("l = split(\"a,b,,c\", sep:\",\"); display(max_index(l), ':', l[0], l[2], l[3]);"),
      "4:a,,c");
  EXPECT_EQ(Output("l = split('x\\r\\ny\\nz', keep:FALSE); display(l[0], '|', l[1], '|', l[2]);"),
            "x|y|z");
}

TEST(InterpreterTest, UndefinedFunctionReturnsNullAndRecordsAnError) {
  const RunResult r = RunBody("x = no_such_function(1);\ndisplay(isnull(x));");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "test.nasl:2:5: Undefined function 'no_such_function'");
  EXPECT_EQ(r.display, (std::vector<std::string>{"1"}));
}

TEST(InterpreterTest, FunctionsAreDefinedWhenTheirDeclarationRuns) {
  const RunResult r = RunBody(
      "display(defined_func(\"late\"));\nlate();\n"
      "function late() { display('late'); }\nlate();");
  EXPECT_EQ(r.display, (std::vector<std::string>{"0", "late"}));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("Undefined function 'late'"), std::string::npos);
}

TEST(InterpreterTest, ExitStopsTheRun) {
  const RunResult r = RunBody("display('a'); exit(3); display('b');");
  EXPECT_EQ(r.display, (std::vector<std::string>{"a"}));
  EXPECT_TRUE(r.errors.empty());
}

TEST(InterpreterTest, EndlessLoopIsStoppedWithAnError) {
  RunOptions run;
  run.script_path = "loop.nasl";
  run.source = std::string(testing::kHeader) + "while (1) x++;";
  run.max_steps = 100'000;
  const RunResult r = RunPlugin(run);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("steps"), std::string::npos);
}

TEST(InterpreterTest, IncludeIsReportedNotFollowed) {
  const RunResult r = RunBody("include(\"misc_func.inc\");");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("misc_func.inc"), std::string::npos);
}

TEST(InterpreterTest, OperatorHelpersMatchTheOriginalRules) {
  EXPECT_EQ(NaslCompare(Value::Int(10), Value::String("9")), -1);
  EXPECT_EQ(NaslCompare(Value(), Value::Int(-1)), 1);
  // Data wins over pure in a mixed concatenation.
  EXPECT_EQ(NaslPlus(Value::Data("a"), Value::String("b")).type(), Value::Type::kData);
  EXPECT_EQ(NaslPlus(Value::String("a"), Value::String("b")).type(), Value::Type::kString);
  EXPECT_EQ(NaslMinus(Value(), Value::Int(4)).int_value(), -4);
}

}  // namespace
}  // namespace ttmtrack::nasl::runner
