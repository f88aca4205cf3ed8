#include "cli/spool/run_lock.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include <sys/file.h>

#include "core/error.hpp"

namespace ttmtrack::cli {
namespace {

std::string ReadHolder(int fd) {
  char buffer[32] = {};
  const ssize_t got = ::pread(fd, buffer, sizeof(buffer) - 1, 0);
  std::string pid(buffer, got > 0 ? static_cast<std::size_t>(got) : 0);
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid;
}

}  // namespace

RunLock::RunLock(const std::string& path, std::chrono::seconds timeout) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (fd_ < 0) {
    throw Error(Error::Kind::kIo, std::string("cannot open the run lock: ") + std::strerror(errno),
                {.file = path});
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    if (error == EINTR) continue;
    if (error != EWOULDBLOCK || std::chrono::steady_clock::now() >= deadline) {
      const std::string holder = ReadHolder(fd_);
      ::close(fd_);
      if (error != EWOULDBLOCK) {
        throw Error(Error::Kind::kIo, std::string("cannot lock: ") + std::strerror(error),
                    {.file = path});
      }
      throw Error(Error::Kind::kBusy,
                  "another ttmtrack run or import --from is working on this database" +
                      (holder.empty() ? std::string() : " (pid " + holder + ")") + "; waited " +
                      std::to_string(timeout.count()) +
                      " s (lock.timeout-seconds); try again later",
                  {.file = path});
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  // The PID is a courtesy for the next waiter's message; failing to write it changes nothing.
  if (::ftruncate(fd_, 0) == 0) {
    [[maybe_unused]] const ssize_t written = ::pwrite(fd_, pid.data(), pid.size(), 0);
  }
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

}  // namespace ttmtrack::cli
