#pragma once

namespace ttmtrack::cli {

// True when `fd` is the stream systemd connected to the journal: $JOURNAL_STREAM holds
// "DEVICE:INODE" of that stream and they match fd's (systemd.exec(5), "JOURNAL_STREAM"). Lines
// written there may then start with a syslog priority such as "<3>" (sd-daemon(3)), which
// journald strips and records as the line's priority; anywhere else the prefix would be noise.
bool IsJournalStream(int fd);

// "<N>" for a syslog priority (3 error, 4 warning, 6 info) when `journal`, else "".
const char* JournalPrefix(bool journal, int priority);

}  // namespace ttmtrack::cli
