#include "cli/journal_stream.hpp"

#include <cstdlib>
#include <string>

#include <sys/stat.h>

namespace ttmtrack::cli {

bool IsJournalStream(int fd) {
  const char* value = std::getenv("JOURNAL_STREAM");
  if (value == nullptr) return false;
  struct stat st {};
  if (fstat(fd, &st) != 0) return false;
  const std::string expected = std::to_string(static_cast<unsigned long long>(st.st_dev)) + ":" +
                               std::to_string(static_cast<unsigned long long>(st.st_ino));
  return expected == value;
}

const char* JournalPrefix(bool journal, int priority) {
  if (!journal) return "";
  switch (priority) {
    case 3: return "<3>";
    case 4: return "<4>";
    default: return "<6>";
  }
}

}  // namespace ttmtrack::cli
