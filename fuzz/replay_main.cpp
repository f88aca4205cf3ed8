// Runs the fuzz harness's read (ReadOnce, importer_fuzzer.cpp) over files, so builds without
// libFuzzer (GCC, the ASan CI build) exercise it too, and checks what each input must do:
//
//   replay --seeds DIR         each file is a whole export: the reader reaches the end of its
//                              scan, raises no error and prints nothing on stderr;
//   replay --regressions DIR   each input FILE has FILE.expected beside it, whose first line the
//                              error must contain (the named error the fix gives), and nothing
//                              reaches stderr (libxml2 once printed there, see README.md);
//   replay PATH                any outcome but a crash (the committed test inputs, which the
//                              importer's own tests check one by one).
//
// Prints each failure and a closing line "replay: N passed, N failed"; exits 1 when any input
// failed or none was found, 66 when an argument cannot be read. A crash in the harness is a
// crash here, and ctest reports it.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/read_once.hpp"

namespace {

enum class Expectation { kAnyOutcome, kWholeScan, kNamedError };

constexpr std::string_view kExpectedSuffix = ".expected";

std::optional<std::string> ReadFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What the harness wrote to descriptor 2 while `read` ran.
template <typename Read>
std::string CaptureStderr(Read read) {
  std::fflush(stderr);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> capture(std::tmpfile(), std::fclose);
  const int saved = ::dup(2);
  if (!capture || saved < 0) {
    read();
    return "(stderr could not be captured)";
  }
  ::dup2(fileno(capture.get()), 2);
  read();
  std::fflush(stderr);
  ::dup2(saved, 2);
  ::close(saved);
  std::rewind(capture.get());
  std::string text;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, capture.get())) > 0;) {
    text.append(buffer, n);
  }
  return text;
}

// Empty when `file` did what `expectation` asks; otherwise what went wrong.
std::string Check(const std::filesystem::path& file, const std::string& bytes,
                  Expectation expectation) {
  ttmtrack::fuzz::ReadOutcome outcome;
  const std::string err = CaptureStderr([&] {
    outcome =
        ttmtrack::fuzz::ReadOnce(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  });
  switch (expectation) {
    case Expectation::kAnyOutcome: return {};
    case Expectation::kWholeScan:
      if (!outcome.error.empty()) return "a seed was rejected: " + outcome.error;
      if (!outcome.ended) return "a seed did not reach the end of its scan";
      break;
    case Expectation::kNamedError: {
      const std::optional<std::string> expected =
          ReadFile(file.string() + std::string(kExpectedSuffix));
      if (!expected) return "no " + file.filename().string() + std::string(kExpectedSuffix);
      const std::string want = expected->substr(0, expected->find('\n'));
      if (outcome.error.find(want) == std::string::npos) {
        return "expected the error '" + want + "', got " +
               (outcome.error.empty() ? std::string("none") : "'" + outcome.error + "'");
      }
      break;
    }
  }
  if (!err.empty()) return "wrote to stderr: " + err;
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  int passed = 0;
  int failed = 0;
  Expectation expectation = Expectation::kAnyOutcome;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seeds" || arg == "--regressions") {
      expectation = arg == "--seeds" ? Expectation::kWholeScan : Expectation::kNamedError;
      continue;
    }
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(arg)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(arg)) {
        if (entry.is_regular_file() && !entry.path().string().ends_with(kExpectedSuffix)) {
          files.push_back(entry.path());
        }
      }
      std::sort(files.begin(), files.end());
    } else {
      files.emplace_back(arg);
    }
    for (const auto& file : files) {
      const std::optional<std::string> bytes = ReadFile(file);
      if (!bytes) {
        std::cerr << "cannot read " << file << "\n";
        return 66;
      }
      const std::string problem = Check(file, *bytes, expectation);
      if (problem.empty()) {
        ++passed;
      } else {
        ++failed;
        std::cerr << file.string() << ": " << problem << "\n";
      }
    }
    expectation = Expectation::kAnyOutcome;  // a mode applies to the one path after it
  }
  std::cout << "replay: " << passed << " passed, " << failed << " failed\n";
  return failed == 0 && passed > 0 ? 0 : 1;
}
