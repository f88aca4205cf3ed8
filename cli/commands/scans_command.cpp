#include "cli/commands/scans_command.hpp"

#include <CLI/CLI.hpp>

#include "cli/command_options.hpp"
#include "cli/format/json_rows.hpp"
#include "cli/format/row_writer.hpp"
#include "cli/help_formatter.hpp"
#include "cli/store_access.hpp"
#include "core/enum_text.hpp"
#include "core/error.hpp"

namespace ttmtrack::cli {

CLI::App* SetupScansCommand(CLI::App& app, ScansOptions& options) {
  CLI::App* command = app.add_subcommand("scans", "List imported scans, oldest first");
  SetLongDescription(
      *command,
      "Every imported scan, oldest first, with what its export states about its coverage. "
      "The columns:\n"
      "  ID: the handle of detections --scan.\n"
      "  HOSTS, RESULTS, DETECTIONS: what the export holds (DETECTIONS: results a rule counts "
      "as c564e5ab).\n"
      "  PLUGIN ON: was a ttm_cmd detection plugin enabled? yes when the scan reported "
      "c564e5ab on some host or its plugin set holds a rule's plugin; no when the plugin set "
      "leaves them out. OpenVAS exports (and Nessus exports without a plugin set) do not say: "
      "then the setting coverage.plugin-unknown decides, shown as \"yes (assumed)\" (assume, "
      "the default) or \"unknown\" (strict: such a scan proves nothing).\n"
      "  PORTS: the port range scanned. Where the export does not say (OpenVAS), "
      "coverage.port-unknown decides: \"all (assumed)\" or \"unknown\".\n"
      "  COMPLETE EXPORT: could the export show every c564e5ab result? no when an OpenVAS "
      "export's result filter or paging could hide one (it then proves nothing); \"yes "
      "(assumed)\" when the export states no filter, as Nessus exports never do.\n"
      "--format json adds the basis of each judgement (plugin_enabled_basis, export_basis; "
      "docs/json.md); ttmtrack config describe explains the settings.");
  AddFormatOption(*command, options.format);
  return command;
}

namespace {

// What the table shows for a judgement the export does not state: the setting decides.
std::string Unstated(db::Store& store, const char* key, const char* assumed) {
  const auto policy = core::FromText<core::UnknownCoverage>(store.GetSetting(key));
  return policy == core::UnknownCoverage::kNotCovered ? "unknown" : assumed;
}

}  // namespace

int RunScansCommand(const ScansOptions& options, const CommandContext& context) {
  db::Store store = OpenStore(context, StoreMode::kMustExist);
  Column plugin_on{"plugin_enabled", "PLUGIN ON"};
  plugin_on.null_text = Unstated(store, "coverage.plugin-unknown", "yes (assumed)");
  Column ports{"port_range", "PORTS", 20};
  ports.null_text = Unstated(store, "coverage.port-unknown", "all (assumed)");
  Column complete{"export_complete", "COMPLETE EXPORT"};
  complete.null_text = "yes (assumed)";  // core/lifecycle.cpp, I13: no filter stated
  auto writer = MakeRowWriter(options.format,
                              {{"scan_id", "ID"},
                               {"scan_time", "SCAN TIME"},
                               {"scanner", "SCANNER"},
                               {"scan_name", "NAME", 30},
                               {"file", "FILE", 40, ShowBaseName("file")},
                               {"hosts", "HOSTS"},
                               {"results", "RESULTS"},
                               {"detections", "DETECTIONS"},
                               plugin_on,
                               ports,
                               complete},
                              context.out);
  for (const db::ScanRow& scan : store.ListScans()) writer->Row(ScanJson(scan));
  writer->Finish();
  return exit_code::kOk;
}

}  // namespace ttmtrack::cli
