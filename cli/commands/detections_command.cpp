#include "cli/commands/detections_command.hpp"

#include <CLI/CLI.hpp>

#include "cli/format/json_rows.hpp"
#include "cli/format/row_writer.hpp"
#include "cli/store_access.hpp"
#include "core/error.hpp"

namespace ttmtrack::cli {

CLI::App* SetupDetectionsCommand(CLI::App& app, DetectionsOptions& options) {
  CLI::App* command = app.add_subcommand(
      "detections", "List c564e5ab detections as the scans reported them (raw observations)");
  command->add_option("--host", options.host, "Only this host (IP address)");
  command->add_option("--port", options.port, "Only this port");
  command->add_option("--scan", options.scan_id, "Only this scan (ID from `ttmtrack scans`)");
  command->add_flag("--all", options.include_unmatched,
                    "Also list stored detections that no enabled rule matches any more");
  command->add_option("--format", options.format, "table, json or csv")
      ->transform(CLI::CheckedTransformer(OutputFormatNames(), CLI::ignore_case));
  return command;
}

int RunDetectionsCommand(const DetectionsOptions& options, const CommandContext& context) {
  db::Store store = OpenStore(context, StoreMode::kMustExist);
  db::DetectionFilter filter;
  if (options.host) filter.ip = *options.host;
  filter.port = options.port;
  filter.scan_id = options.scan_id;
  filter.include_unmatched = options.include_unmatched;
  auto writer = MakeRowWriter(options.format,
                              {{"scan_time", "SCAN TIME"},
                               {"scanner", "SCANNER"},
                               {"ip", "IP"},
                               {"hostname", "HOST NAME", 30},
                               {"port", "PORT"},
                               {"protocol", "PROTO"},
                               {"plugin_id", "PLUGIN", 26},
                               {"plugin_name", "PLUGIN NAME", 40},
                               {"tier", "TIER"},
                               {"output", "OUTPUT", 50}},
                              context.out);
  for (const db::DetectionRow& detection : store.ListDetections(filter)) {
    writer->Row(DetectionJson(detection));
  }
  writer->Finish();
  return exit_code::kOk;
}

}  // namespace ttmtrack::cli
