#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace ttmtrack::cli {

// The help pages of `ttmtrack` (and, through help2man, its man pages), as git prints them: the
// overview lists each command with one short line, `COMMAND --help` shows the command's whole
// description; every paragraph and option description is wrapped to `width` columns.
//
// A command's description is its summary line, optionally followed by "\n\n" and the long text
// (SetLongDescription): the overview shows the summary only. Thread-compatible; CLI11 shares
// one instance between an app and the subcommands created after it is set.
class HelpFormatter final : public CLI::Formatter {
 public:
  explicit HelpFormatter(std::size_t width);

  std::string make_description(const CLI::App* app) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_option(const CLI::Option* opt, bool is_positional) const override;
  std::string make_footer(const CLI::App* app) const override;

 private:
  // `name` in the first column, `text` wrapped beside it.
  std::string Entry(const std::string& name, std::string_view text) const;

  std::size_t width_;
};

// Appends the long text to the command's description (its summary line, given to
// add_subcommand): `COMMAND --help` shows both, the overview only the summary.
void SetLongDescription(CLI::App& command, std::string_view long_text);

// The names of `app`'s subcommands.
std::vector<std::string> SubcommandNames(const CLI::App& app);

// Throws CLI::ParseError (exit 64) when the first word of `args` that is not an option of `app`
// (or an option's value) is no subcommand of it: "unknown command 'stats' (did you mean
// 'status'?)". CLI11 alone would say that a subcommand is required. `args` are in the order
// typed.
void CheckCommandName(const CLI::App& app, const std::vector<std::string>& args);

// The known word closest to `word` by edit distance when it is close enough to be a typo
// (at most a third of the word's length, and at most 3 edits); empty otherwise.
std::string NearestName(std::string_view word, const std::vector<std::string>& known);

}  // namespace ttmtrack::cli
