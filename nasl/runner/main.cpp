#include <iostream>
#include <string>
#include <vector>

#include "nasl/runner/command_line.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  return ttmtrack::nasl::runner::RunCommandLine(args, std::cout, std::cerr);
}
