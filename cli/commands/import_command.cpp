#include "cli/commands/import_command.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/format/terminal_text.hpp"
#include "cli/import_progress.hpp"
#include "cli/store_access.hpp"
#include "core/error.hpp"
#include "importer/export_reader.hpp"

namespace ttmtrack::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string SummaryLine(const std::string& file, const db::ImportResult& result) {
  if (result.status == db::ImportStatus::kAlreadyImported) {
    return fmt::format("{}: already imported as scan {}; nothing to do", file, result.scan_id);
  }
  const db::LifecycleCounts& c = result.lifecycle;
  std::string line = fmt::format(
      "{}: imported as scan {} ({} hosts, {} results, {} detections); exposures: {} new, {} "
      "still open, {} verified fixed, {} reopened, {} not checked",
      file, result.scan_id, result.hosts, result.results, result.detections, c.new_exposures,
      c.still_open, c.verified_fixed, c.reopened, c.not_checked);
  if (c.still_fixed > 0) line += fmt::format(", {} still fixed", c.still_fixed);
  if (result.learned_rules > 0) {
    line += fmt::format("; learned {} plugin ID rule{}", result.learned_rules,
                        result.learned_rules == 1 ? "" : "s");
  }
  return line;
}

Json SummaryJson(const std::string& file, const db::ImportResult& result) {
  Json j;
  j["file"] = file;
  j["status"] =
      result.status == db::ImportStatus::kAlreadyImported ? "already-imported" : "imported";
  j["scan_id"] = result.scan_id;
  j["hosts"] = result.hosts;
  j["results"] = result.results;
  j["detections"] = result.detections;
  j["learned_rules"] = result.learned_rules;
  const db::LifecycleCounts& c = result.lifecycle;
  j["exposures"] = {{"new", c.new_exposures},
                    {"still_open", c.still_open},
                    {"verified_fixed", c.verified_fixed},
                    {"reopened", c.reopened},
                    {"still_fixed", c.still_fixed},
                    {"not_checked", c.not_checked}};
  j["error"] = nullptr;
  return j;
}

Json FailureJson(const std::string& file, const Error& error) {
  Json j;
  j["file"] = file;
  j["status"] = "failed";
  j["scan_id"] = nullptr;
  j["error"] = error.what();
  j["line"] = error.context().line > 0 ? Json(error.context().line) : Json();
  j["column"] = error.context().column > 0 ? Json(error.context().column) : Json();
  j["exit_code"] = error.ExitCode();
  return j;
}

}  // namespace

CLI::App* SetupImportCommand(CLI::App& app, ImportOptions& options) {
  CLI::App* command = app.add_subcommand(
      "import", "Import Nessus v2 (.nessus) and OpenVAS/GVM XML exports, plain or gzip");
  command->description(
      "Import Nessus v2 (.nessus) and OpenVAS/GVM report XML exports, plain or gzip-compressed "
      "(the format is recognised from the content, not the file name). Each file is one "
      "transaction: a malformed, truncated or hostile file is reported as FILE:LINE:COL and "
      "stores nothing, while the other files still import. Importing the same bytes again is a "
      "no-op. After each file the lifecycle of every exposure is recomputed.");
  command->add_option("files", options.files, "Export files to import")->required();
  command->add_option("--format", options.format, "Output: table (one line per file) or json")
      ->transform(CLI::CheckedTransformer(OutputFormatNames(), CLI::ignore_case));
  return command;
}

int RunImportCommand(const ImportOptions& options, const CommandContext& context) {
  db::Store store = OpenStore(context, StoreMode::kCreate);
  importer::ReadOptions read_options;
  read_options.nessus_local_utc_offset_seconds = store.NessusUtcOffsetSeconds();
  int exit_code = exit_code::kOk;
  Json report = Json::array();
  for (const std::string& file : options.files) {
    ImportProgress progress(file, context);
    read_options.progress = progress.Callback();
    try {
      const std::string sha256 = importer::Sha256OfFile(file);
      const db::ImportResult result = store.ImportScan(sha256, [&](core::ScanSink& sink) {
        importer::ReadExport(file, sha256, read_options, sink);
      });
      progress.Done();
      if (options.format == OutputFormat::kJson) {
        report.push_back(SummaryJson(file, result));
      } else {
        context.out << SafeTerminalText(SummaryLine(file, result)) << '\n' << std::flush;
      }
    } catch (const Error& error) {
      // One bad file must not stop the others (STYLE.md §3: the per-file catch). The
      // transaction has rolled back: the database is exactly as before this file.
      progress.Done();
      context.err << SafeTerminalText(error.what()) << '\n' << std::flush;
      if (options.format == OutputFormat::kJson) report.push_back(FailureJson(file, error));
      if (exit_code == exit_code::kOk) exit_code = error.ExitCode();
    }
  }
  if (options.format == OutputFormat::kJson) {
    context.out << report.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  }
  return exit_code;
}

}  // namespace ttmtrack::cli
