#include "cli/command_options.hpp"

#include <algorithm>
#include <cctype>

#include <CLI/CLI.hpp>

namespace ttmtrack::cli {

CLI::Option* RestrictTo(CLI::Option* option, std::vector<std::string> choices) {
  std::string joined;
  for (const std::string& choice : choices) joined += (joined.empty() ? "" : "|") + choice;
  option->type_name(joined);
  return option->transform(CLI::Validator(
      [choices = std::move(choices), joined](std::string& value) -> std::string {
        std::string folded = value;
        std::transform(folded.begin(), folded.end(), folded.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        for (const std::string& choice : choices) {
          if (folded == choice) {
            value = choice;
            return {};
          }
        }
        return "'" + value + "' is not one of " + joined;
      },
      ""));
}

CLI::Option* AddFormatOption(CLI::App& command, OutputFormat& format,
                             const std::vector<OutputFormat>& allowed,
                             const std::string& description) {
  std::vector<std::string> texts;
  texts.reserve(allowed.size());
  for (const OutputFormat value : allowed) texts.emplace_back(core::ToText(value));
  CLI::Option* option = command.add_option_function<std::string>(
      "--format",
      [&format](const std::string& text) {
        // RestrictTo has already replaced the text by one of the allowed spellings.
        format = core::FromText<OutputFormat>(text).value_or(OutputFormat::kTable);
      },
      description);
  return RestrictTo(option, std::move(texts));
}

CLI::Option* AddPortOption(CLI::App& command, std::optional<std::uint16_t>& port,
                           const std::string& description) {
  // The range is checked on the text, before CLI11 converts it to the 16-bit type.
  return command.add_option("--port", port, description)
      ->type_name("1-65535")
      ->check(CLI::Range(1, 65535).description(""));
}

}  // namespace ttmtrack::cli
