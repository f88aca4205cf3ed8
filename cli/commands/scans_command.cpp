#include "cli/commands/scans_command.hpp"

#include <CLI/CLI.hpp>

#include "cli/format/json_rows.hpp"
#include "cli/format/row_writer.hpp"
#include "cli/store_access.hpp"
#include "core/error.hpp"

namespace ttmtrack::cli {

CLI::App* SetupScansCommand(CLI::App& app, ScansOptions& options) {
  CLI::App* command = app.add_subcommand("scans", "List imported scans, oldest first");
  command->add_option("--format", options.format, "table, json or csv")
      ->transform(CLI::CheckedTransformer(OutputFormatNames(), CLI::ignore_case));
  return command;
}

int RunScansCommand(const ScansOptions& options, const CommandContext& context) {
  db::Store store = OpenStore(context, StoreMode::kMustExist);
  auto writer = MakeRowWriter(options.format,
                              {{"scan_id", "ID"},
                               {"scan_time", "SCAN TIME"},
                               {"scanner", "SCANNER"},
                               {"scan_name", "NAME", 30},
                               {"file", "FILE", 40, ShowBaseName("file")},
                               {"hosts", "HOSTS"},
                               {"results", "RESULTS"},
                               {"detections", "DETECTIONS"},
                               {"plugin_enabled", "PLUGIN ON"},
                               {"export_complete", "COMPLETE EXPORT"},
                               {"port_range", "PORTS", 20}},
                              context.out);
  for (const db::ScanRow& scan : store.ListScans()) writer->Row(ScanJson(scan));
  writer->Finish();
  return exit_code::kOk;
}

}  // namespace ttmtrack::cli
