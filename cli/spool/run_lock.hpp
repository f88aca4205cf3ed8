#pragma once

#include <chrono>
#include <string>

namespace ttmtrack::cli {

// Keeps two `ttmtrack run` / `import --from` apart: an exclusive flock(2) on a lock file beside
// the database (DATABASE.lock, or the config's lock.file). The kernel drops the lock when the
// process ends however it ends, so a crashed run never leaves a stale lock. The file itself is
// never removed (removing it would let two processes lock two different files). Plain
// `ttmtrack import FILE...` and the reading commands do not take it: SQLite keeps those safe.
//
// Not copyable; movable is not needed. Releases the lock on destruction.
class RunLock {
 public:
  // Takes the lock, waiting up to `timeout` for a holder to finish (0: do not wait). The file
  // records the holder's PID for the message the next waiter prints. Throws ttmtrack::Error:
  // kBusy (exit 75) when another process still holds it after `timeout` (the message names the
  // file and the holder's PID), kIo when the file cannot be opened or created.
  RunLock(const std::string& path, std::chrono::seconds timeout);
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;
  ~RunLock();

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace ttmtrack::cli
