#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/cli_app.hpp"
#include "cli/journal_stream.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const int code = ttmtrack::cli::RunMain(args, std::cout, std::cerr, isatty(STDERR_FILENO) == 1,
                                          ttmtrack::cli::IsJournalStream(STDERR_FILENO));
  std::cout.flush();
  // A full disk or closed pipe shows up as a failed stdout: say so instead of exiting 0.
  if (!std::cout) {
    std::cerr << "ttmtrack: cannot write to standard output\n";
    return code == 0 ? 74 : code;
  }
  return code;
}
