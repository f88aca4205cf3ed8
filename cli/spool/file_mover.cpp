#include "cli/spool/file_mover.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/error.hpp"

namespace ttmtrack::cli {
namespace {

[[noreturn]] void ThrowIo(const std::string& what, const std::filesystem::path& path, int error) {
  throw Error(Error::Kind::kIo, what + ": " + std::strerror(error), {.file = path.string()});
}

// rename(2) that refuses to replace `to`: 0, or the errno (EEXIST when `to` exists).
int RenameNoReplace(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) return errno;
  // A filesystem without RENAME_NOREPLACE: link(2) refuses an existing name as well.
  if (::link(from.c_str(), to.c_str()) != 0) return errno;
  if (::unlink(from.c_str()) != 0) {
    const int error = errno;
    ::unlink(to.c_str());
    return error;
  }
  return 0;
}

// Copies `from` to the new file `to` (O_EXCL) and flushes it to disk.
void CopyFlushed(const std::filesystem::path& from, const std::filesystem::path& to) {
  const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) ThrowIo("cannot read", from, errno);
  const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (out < 0) {
    const int error = errno;
    ::close(in);
    ThrowIo("cannot create", to, error);
  }
  char buffer[1 << 16];
  int error = 0;
  for (;;) {
    const ssize_t got = ::read(in, buffer, sizeof(buffer));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      if (got < 0) error = errno;
      break;
    }
    for (ssize_t done = 0; done < got && error == 0;) {
      const ssize_t put = ::write(out, buffer + done, static_cast<std::size_t>(got - done));
      if (put < 0 && errno != EINTR) error = errno;
      if (put > 0) done += put;
    }
    if (error != 0) break;
  }
  if (error == 0 && ::fsync(out) != 0) error = errno;
  ::close(in);
  if (::close(out) != 0 && error == 0) error = errno;
  if (error != 0) {
    ::unlink(to.c_str());
    ThrowIo("cannot copy", to, error);
  }
}

bool Free(const std::filesystem::path& path) {
  std::error_code ignored;
  return !std::filesystem::exists(std::filesystem::symlink_status(path, ignored));
}

}  // namespace

std::string NumberedName(const std::string& name, int number) {
  const std::size_t dot = name.find('.', 1);
  const std::string suffix = "." + std::to_string(number);
  if (dot == std::string::npos) return name + suffix;
  return name.substr(0, dot) + suffix + name.substr(dot);
}

std::filesystem::path MoveIntoFolder(const std::filesystem::path& file,
                                     const std::filesystem::path& folder,
                                     std::string_view sidecar_suffix) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) ThrowIo("cannot create the folder", folder, error.value());
  const std::string name = file.filename().string();
  std::filesystem::path source = file;  // what gets renamed into place
  bool copied = false;
  for (int number = 1; number < 10000; ++number) {
    std::filesystem::path target = folder / (number == 1 ? name : NumberedName(name, number));
    if (!sidecar_suffix.empty() && !Free(target.string() + std::string(sidecar_suffix))) continue;
    const int rc = RenameNoReplace(source, target);
    if (rc == 0) {
      if (copied && ::unlink(file.c_str()) != 0) ThrowIo("copied, but cannot remove", file, errno);
      return target;
    }
    if (rc == EEXIST) continue;
    if (rc == EXDEV && !copied) {
      // Another filesystem: copy under a hidden name first, so that no reader of `folder` ever
      // sees a partial file under the final name; then retry this name.
      source = folder / ("." + name + ".moving-" + std::to_string(::getpid()));
      ::unlink(source.c_str());
      CopyFlushed(file, source);
      copied = true;
      --number;
      continue;
    }
    if (copied) ::unlink(source.c_str());
    ThrowIo("cannot move into " + folder.string(), file, rc);
  }
  if (copied) ::unlink(source.c_str());
  ThrowIo("no free name for it in " + folder.string(), file, EEXIST);
}

}  // namespace ttmtrack::cli
