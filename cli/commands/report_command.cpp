#include "cli/commands/report_command.hpp"

#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/command_options.hpp"
#include "cli/evidence_pack.hpp"
#include "cli/format/terminal_text.hpp"
#include "cli/help_formatter.hpp"
#include "cli/report_output.hpp"
#include "cli/store_access.hpp"
#include "core/error.hpp"
#include "core/host_key.hpp"
#include "reports/report_writer.hpp"

namespace ttmtrack::cli {

CLI::App* SetupReportCommand(CLI::App& app, ReportCommandOptions& options) {
  CLI::App* command = app.add_subcommand(
      "report", "Write the auditors' HTML remediation report (summary and one page per host)");
  SetLongDescription(
      *command,
      "Write DIR/index.html (hosts scanned, exposures by state, open exposures over time, every "
      "exposed host, most urgent first) and DIR/hosts/<ip>.html for every host that ever had an "
      "exposure: identity, evidence, the timeline of outcomes, what proves the state, and the "
      "remediation with firewall rules for the actual port. Self-contained files (no "
      "JavaScript, no external requests), print-friendly. The same database and "
      "--generated-at give byte-identical files.");
  command->add_option("--out", options.out_dir, "Output folder (default: report)")
      ->type_name("DIR");
  command->add_option("--host", options.host, "Write only this host's page (IP address)")
      ->type_name("IP");
  RestrictTo(
      command->add_option("--format", options.format, "html (default), or json for other tools"),
      core::AllTexts<reports::ReportFormat>());
  command
      ->add_option("--trusted-net", options.trusted_nets,
                   "A network (CIDR) allowed to reach the port after the fix; repeatable. "
                   "Default: the config file's report.trusted-networks; without either, the "
                   "rules show a <TRUSTED_NETWORK> placeholder")
      ->type_name("CIDR");
  command
      ->add_option("--generated-at", options.generated_at,
                   "Fix the report time (ISO 8601, e.g. 2026-03-01T09:00:00Z; without a "
                   "zone: UTC) for reproducible output; default $SOURCE_DATE_EPOCH, else now")
      ->type_name("TIME");
  command
      ->add_option("--pack", options.pack,
                   "Also write FILE.zip: the HTML report, its JSON form, the triage records "
                   "and MANIFEST.sha256 (with the SHA-256 of every source export); "
                   "byte-identical for the same database and --generated-at")
      ->type_name("FILE");
  command
      ->add_option("--jobs", options.jobs,
                   "Threads rendering host pages (default 0: one per CPU); the files are the "
                   "same whatever the number")
      ->check(CLI::Range(0U, 256U))
      ->type_name("N");
  return command;
}

int RunReportCommand(const ReportCommandOptions& options, const CommandContext& context) {
  const reports::ReportOptions render = ReportOptionsFor({.trusted_nets = options.trusted_nets,
                                                          .generated_at = options.generated_at,
                                                          .format = options.format},
                                                         context);
  db::Store store = OpenStore(context, StoreMode::kMustExist);
  if (options.host) {
    reports::ReportWriter writer(options.out_dir, render);
    const std::string ip = core::HostKey(*options.host);
    const std::optional<core::HostReport> host = store.BuildHostReport(ip, render.generated_at);
    if (!host) {
      throw Error(Error::Kind::kNoInput, "no scan ever reported host " + ip);
    }
    context.out << "wrote " << SafeTerminalText(writer.WriteHost(*host).string()) << '\n';
    return exit_code::kOk;
  }
  if (options.pack && (options.host || render.format != reports::ReportFormat::kHtml)) {
    throw Error(Error::Kind::kUsage,
                "--pack packs the whole HTML report: not with --host or "
                "--format json (the pack holds the JSON form too)");
  }
  const WrittenReport written = WriteReportFolder(store, options.out_dir, render, options.jobs);
  const std::size_t hosts = written.host_pages;
  context.out << "wrote " << SafeTerminalText(written.index.string()) << " and " << hosts
              << " host page" << (hosts == 1 ? "" : "s") << " in "
              << SafeTerminalText((std::filesystem::path(options.out_dir) / "hosts").string())
              << '\n';
  if (options.pack) {
    WriteEvidencePack(store, options.out_dir, *options.pack, render);
    context.out << "wrote " << SafeTerminalText(*options.pack) << '\n';
  }
  return exit_code::kOk;
}

}  // namespace ttmtrack::cli
