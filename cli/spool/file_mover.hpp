#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ttmtrack::cli {

// Moves `file` into `folder` (created when missing) under its own name, or — when that is taken
// — the name with a number before its extensions (scan.nessus -> scan.2.nessus, scan.xml.gz ->
// scan.2.xml.gz). Never overwrites anything: the rename itself refuses an existing name
// (renameat2 RENAME_NOREPLACE). When `sidecar_suffix` is given, NAME+suffix must be free too
// (failed/ keeps FILE.error beside FILE). Across filesystems the file is copied under a hidden
// name, flushed, renamed into place, and only then removed from where it was. Returns the new
// path. Throws ttmtrack::Error (kIo) naming the path and the system's reason; the file is then
// where it was.
std::filesystem::path MoveIntoFolder(const std::filesystem::path& file,
                                     const std::filesystem::path& folder,
                                     std::string_view sidecar_suffix = {});

// `name` with `number` inserted before its extensions: ("scan.xml.gz", 2) -> "scan.2.xml.gz";
// a leading dot does not start an extension.
std::string NumberedName(const std::string& name, int number);

}  // namespace ttmtrack::cli
