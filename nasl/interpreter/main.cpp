#include <iostream>
#include <string>
#include <vector>

#include "nasl/interpreter/cli.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  return ttmtrack::nasl::RunCli(args, std::cout, std::cerr);
}
