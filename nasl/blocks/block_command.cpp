#include "nasl/blocks/block_command.hpp"

#include <exception>
#include <fstream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "core/error.hpp"
#include "nasl/blocks/probe_blocks.hpp"

namespace ttmtrack::nasl::blocks {
namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Error::Kind::kNoInput, "cannot read the file", Error::Context{.file = path});
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Replaces `path` through a temporary file and a rename, so a plugin is never half-written.
void WriteText(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".ttm-nasl-block.tmp";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) throw Error(Error::Kind::kIo, "cannot write", Error::Context{.file = tmp});
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw Error(Error::Kind::kIo, "cannot replace the file", Error::Context{.file = path});
  }
}

// Every file is looked at, even after a failure; the worst exit code wins.
int Check(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
  int status = exit_code::kOk;
  for (const std::string& file : files) {
    try {
      const std::vector<FoundBlock> blocks = FindBlocks(ReadText(file), file);
      bool file_ok = !blocks.empty();
      if (blocks.empty()) err << file << ": no generated block (expected at least ttm-signature)\n";
      for (const FoundBlock& block : blocks) {
        if (block.current) continue;
        file_ok = false;
        err << file << ':' << block.line << ": block " << BlockName(block.kind)
            << " differs from its rendering; run: ttm-nasl-block update " << file << '\n';
      }
      if (file_ok) {
        out << file << ": " << blocks.size() << " block(s) current\n";
      } else {
        status = std::max(status, exit_code::kDataErr);
      }
    } catch (const Error& e) {
      err << "ttm-nasl-block: " << e.what() << '\n';
      status = std::max(status, e.ExitCode());
    }
  }
  return status;
}

int Update(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
  int status = exit_code::kOk;
  for (const std::string& file : files) {
    try {
      const std::string text = ReadText(file);
      const std::string updated = UpdateBlocks(text, file);
      if (updated == text) continue;
      WriteText(file, updated);
      out << file << ": updated\n";
    } catch (const Error& e) {
      err << "ttm-nasl-block: " << e.what() << '\n';
      status = std::max(status, e.ExitCode());
    }
  }
  return status;
}

}  // namespace

int RunBlockCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app{
      "ttm-nasl-block: the GENERATED blocks of the ttm_cmd plugins (probe, reply signature, "
      "reply classifier, report helpers), rendered from ttmtrack's C++ definition",
      "ttm-nasl-block"};
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok; 64 usage; 65 a block differs (check) or its markers are malformed; "
      "66 a file cannot be read; 74 a file cannot be written.");

  std::string block_name;
  auto* print_cmd = app.add_subcommand("print", "Print one block as the C++ definition renders it");
  std::vector<std::string> names;
  for (BlockKind kind : kAllBlockKinds) names.emplace_back(BlockName(kind));
  print_cmd->add_option("block", block_name, "ttm-signature, ttm-classifier or ttm-report")
      ->required()
      ->check(CLI::IsMember(names));
  std::vector<std::string> check_files;
  auto* check_cmd =
      app.add_subcommand("check", "Fail (65) when a block of a file differs from its rendering");
  check_cmd->add_option("files", check_files, ".nasl files")->required();
  std::vector<std::string> update_files;
  auto* update_cmd = app.add_subcommand("update", "Rewrite the blocks of the files in place");
  update_cmd->add_option("files", update_files, ".nasl files")->required();

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, out, err);
    return code == 0 ? exit_code::kOk : exit_code::kUsage;
  }
  try {
    if (print_cmd->parsed()) {
      for (BlockKind kind : kAllBlockKinds) {
        if (BlockName(kind) == block_name) out << RenderBlock(kind);
      }
      return exit_code::kOk;
    }
    if (check_cmd->parsed()) return Check(check_files, out, err);
    return Update(update_files, out, err);
  } catch (const std::exception& e) {
    err << "ttm-nasl-block: internal error: " << e.what() << '\n';
    return exit_code::kSoftware;
  }
}

}  // namespace ttmtrack::nasl::blocks
