#include "cli/commands/detections_command.hpp"

#include <CLI/CLI.hpp>

#include "cli/command_options.hpp"
#include "cli/format/json_rows.hpp"
#include "cli/format/row_writer.hpp"
#include "cli/help_formatter.hpp"
#include "cli/store_access.hpp"
#include "core/error.hpp"

namespace ttmtrack::cli {

CLI::App* SetupDetectionsCommand(CLI::App& app, DetectionsOptions& options) {
  CLI::App* command = app.add_subcommand(
      "detections", "List c564e5ab detections as the scans reported them (raw observations)");
  SetLongDescription(*command,
                     "Every scan result a rule matched, oldest first. The table shows the first "
                     "line of each plugin output, control characters as visible escapes (\\n, "
                     "\\x1b); --format json or csv carries the whole output, verbatim.");
  command->add_option("--host", options.host, "Only this host (IP address)")->type_name("IP");
  AddPortOption(*command, options.port, "Only this port");
  command->add_option("--scan", options.scan_id, "Only this scan (ID from `ttmtrack scans`)");
  command->add_flag("--all", options.include_unmatched,
                    "Also list stored detections that no enabled rule matches any more");
  AddFormatOption(*command, options.format);
  return command;
}

int RunDetectionsCommand(const DetectionsOptions& options, const CommandContext& context) {
  db::Store store = OpenStore(context, StoreMode::kMustExist);
  db::DetectionFilter filter;
  if (options.host) filter.ip = *options.host;
  filter.port = options.port;
  filter.scan_id = options.scan_id;
  filter.include_unmatched = options.include_unmatched;
  // Plugin IDs (OIDs) and the names of one detection's plugins differ at the end.
  Column plugin_id{"plugin_id", "PLUGIN", 26};
  plugin_id.cut = Column::Cut::kMiddle;
  Column plugin_name{"plugin_name", "PLUGIN NAME", 36};
  plugin_name.cut = Column::Cut::kMiddle;
  // The whole first line, wrapped on a terminal; the host's name is in json and csv.
  Column output{"output", "OUTPUT (first line)", 0, ShowFirstLine("output")};
  output.wrap = true;
  auto writer = MakeRowWriter(options.format,
                              {{"scan_time", "SCAN TIME"},
                               {"scanner", "SCANNER"},
                               {"ip", "IP"},
                               {"port", "PORT"},
                               {"protocol", "PROTO"},
                               plugin_id,
                               plugin_name,
                               {"tier", "TIER"},
                               output},
                              context.out);
  for (const db::DetectionRow& detection : store.ListDetections(filter)) {
    writer->Row(DetectionJson(detection));
  }
  writer->Finish();
  return exit_code::kOk;
}

}  // namespace ttmtrack::cli
