#include "cli/help_formatter.hpp"

#include <algorithm>
#include <numeric>

#include "cli/format/terminal_text.hpp"

namespace ttmtrack::cli {
namespace {

// Levenshtein distance over bytes: command names are ASCII.
std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string_view Summary(const std::string& description) {
  return std::string_view(description).substr(0, description.find("\n\n"));
}

}  // namespace

HelpFormatter::HelpFormatter(std::size_t width) : width_(width) { column_width(24); }

std::string HelpFormatter::Entry(const std::string& name, std::string_view text) const {
  std::string out = "  " + name;
  if (text.empty()) return out + "\n";
  if (out.size() + 2 > column_width_) {
    out += "\n";
    out.append(column_width_, ' ');
  } else {
    out.append(column_width_ - out.size(), ' ');
  }
  // Wrapped to the columns beside the names; continuation lines start under the first.
  const std::string wrapped =
      WrapText(text, width_ > column_width_ + 20 ? width_ - column_width_ : 20);
  for (std::size_t i = 0; i < wrapped.size(); ++i) {
    out += wrapped[i];
    const bool next_blank = i + 1 < wrapped.size() && wrapped[i + 1] == '\n';
    if (wrapped[i] == '\n' && !next_blank) out.append(column_width_, ' ');
  }
  return out + "\n";
}

std::string HelpFormatter::make_description(const CLI::App* app) const {
  const std::string description = app->get_description();
  if (description.empty()) return {};
  return WrapText(description, width_) + "\n\n";
}

std::string HelpFormatter::make_subcommand(const CLI::App* sub) const {
  return Entry(sub->get_display_name(true), Summary(sub->get_description()));
}

std::string HelpFormatter::make_option(const CLI::Option* opt, bool is_positional) const {
  return Entry(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt));
}

std::string HelpFormatter::make_footer(const CLI::App* app) const {
  const std::string footer = app->get_footer();
  if (footer.empty()) return {};
  return WrapText(footer, width_) + "\n";
}

void SetLongDescription(CLI::App& command, std::string_view long_text) {
  command.description(command.get_description() + "\n\n" + std::string(long_text));
}

std::vector<std::string> SubcommandNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

std::string NearestName(std::string_view word, const std::vector<std::string>& known) {
  std::string best;
  std::size_t best_distance = std::min<std::size_t>(3, std::max<std::size_t>(1, word.size() / 3));
  for (const std::string& name : known) {
    const std::size_t distance = EditDistance(word, name);
    // A prefix ("stat", "hist") is a typo too, however far its length is from the name's.
    const bool prefix = word.size() >= 2 && name.compare(0, word.size(), word) == 0;
    if (prefix) return name;
    if (distance <= best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  return best;
}

void CheckCommandName(const CLI::App& app, const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") return;
    if (!arg.empty() && arg[0] == '-') {
      // An option of the program itself that takes a value, given apart ("--db PATH").
      if (arg.find('=') == std::string::npos) {
        const CLI::Option* option = app.get_option_no_throw(arg);
        if (option != nullptr && option->get_type_size() > 0) ++i;
      }
      continue;
    }
    const std::vector<std::string> names = SubcommandNames(app);
    if (std::find(names.begin(), names.end(), arg) != names.end()) return;
    std::string message = "unknown command '" + arg + "'";
    const std::string nearest = NearestName(arg, names);
    if (!nearest.empty()) message += " (did you mean '" + nearest + "'?)";
    throw CLI::ParseError(message, CLI::ExitCodes::ExtrasError);
  }
}

}  // namespace ttmtrack::cli
