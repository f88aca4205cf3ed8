#include <iostream>
#include <string>
#include <vector>

#include "nasl/blocks/block_command.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  return ttmtrack::nasl::blocks::RunBlockCommand(args, std::cout, std::cerr);
}
