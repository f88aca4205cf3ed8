#include "db/sqlite/observed_vfs.hpp"

#include <sqlite3.h>

#include <atomic>
#include <cstddef>

#include "core/error.hpp"

namespace ttmtrack::db::sqlite {
namespace {

// What SQLite allocates for a file opened through the shim: this header, then the default
// VFS's own file object, which `real` points at.
struct ObservedFile {
  sqlite3_file base;  // first: SQLite sees an ObservedFile as a sqlite3_file
  const ObservedVfs* owner;
  const char* write_phase;  // nullptr: a file that is not observed
  const char* sync_phase;
  sqlite3_file* real;
};

// Keeps the default VFS's file object aligned for any member it has.
constexpr std::size_t kHeaderSize = (sizeof(ObservedFile) + alignof(std::max_align_t) - 1) /
                                    alignof(std::max_align_t) * alignof(std::max_align_t);

ObservedFile* Observed(sqlite3_file* file) { return reinterpret_cast<ObservedFile*>(file); }
sqlite3_file* Real(sqlite3_file* file) { return Observed(file)->real; }
const sqlite3_io_methods& RealMethods(sqlite3_file* file) { return *Real(file)->pMethods; }

sqlite3_vfs* RealVfs(sqlite3_vfs* vfs) {
  return static_cast<const ObservedVfs*>(vfs->pAppData)->real();
}

// The shim's file methods: each forwards to the default VFS's file; writes and syncs of the
// observed files tell the observer first.
const sqlite3_io_methods kObservedMethods = {
    3,
    [](sqlite3_file* f) { return RealMethods(f).xClose(Real(f)); },
    [](sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
      return RealMethods(f).xRead(Real(f), buffer, amount, offset);
    },
    [](sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
      if (Observed(f)->write_phase != nullptr) Observed(f)->owner->Notify(Observed(f)->write_phase);
      return RealMethods(f).xWrite(Real(f), buffer, amount, offset);
    },
    [](sqlite3_file* f, sqlite3_int64 size) { return RealMethods(f).xTruncate(Real(f), size); },
    [](sqlite3_file* f, int flags) {
      if (Observed(f)->sync_phase != nullptr) Observed(f)->owner->Notify(Observed(f)->sync_phase);
      return RealMethods(f).xSync(Real(f), flags);
    },
    [](sqlite3_file* f, sqlite3_int64* size) { return RealMethods(f).xFileSize(Real(f), size); },
    [](sqlite3_file* f, int lock) { return RealMethods(f).xLock(Real(f), lock); },
    [](sqlite3_file* f, int lock) { return RealMethods(f).xUnlock(Real(f), lock); },
    [](sqlite3_file* f, int* out) { return RealMethods(f).xCheckReservedLock(Real(f), out); },
    [](sqlite3_file* f, int op, void* arg) {
      return RealMethods(f).xFileControl(Real(f), op, arg);
    },
    [](sqlite3_file* f) { return RealMethods(f).xSectorSize(Real(f)); },
    [](sqlite3_file* f) { return RealMethods(f).xDeviceCharacteristics(Real(f)); },
    [](sqlite3_file* f, int page, int page_size, int extend, void volatile** out) {
      return RealMethods(f).xShmMap(Real(f), page, page_size, extend, out);
    },
    [](sqlite3_file* f, int offset, int n, int flags) {
      return RealMethods(f).xShmLock(Real(f), offset, n, flags);
    },
    [](sqlite3_file* f) { RealMethods(f).xShmBarrier(Real(f)); },
    [](sqlite3_file* f, int delete_flag) { return RealMethods(f).xShmUnmap(Real(f), delete_flag); },
    [](sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
      return RealMethods(f).xFetch(Real(f), offset, amount, out);
    },
    [](sqlite3_file* f, sqlite3_int64 offset, void* p) {
      return RealMethods(f).xUnfetch(Real(f), offset, p);
    },
};

int Open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  ObservedFile* observed = Observed(file);
  observed->owner = static_cast<const ObservedVfs*>(vfs->pAppData);
  observed->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kHeaderSize);
  observed->write_phase = nullptr;
  observed->sync_phase = nullptr;
  if ((flags & SQLITE_OPEN_MAIN_DB) != 0) {
    observed->write_phase = "db-write";
    observed->sync_phase = "db-sync";
  } else if ((flags & SQLITE_OPEN_WAL) != 0) {
    observed->write_phase = "wal-write";
    observed->sync_phase = "wal-sync";
  }
  const int rc = RealVfs(vfs)->xOpen(RealVfs(vfs), name, observed->real, flags, out_flags);
  // SQLite calls xClose whenever pMethods is set, even after a failed open: mirror the real
  // file, whose methods are set exactly when it needs closing.
  file->pMethods = observed->real->pMethods != nullptr ? &kObservedMethods : nullptr;
  return rc;
}

std::atomic<int> next_id{0};

}  // namespace

ObservedVfs::ObservedVfs(sql::PhaseObserver observer)
    : observer_(std::move(observer)),
      name_("ttmtrack-observed-" + std::to_string(next_id++)),
      real_(sqlite3_vfs_find(nullptr)),
      vfs_(std::make_unique<sqlite3_vfs>()) {
  if (real_ == nullptr || real_->iVersion < 3) {
    throw Error(Error::Kind::kInternal, "SQLite has no default VFS of version 3 to observe");
  }
  vfs_->iVersion = 3;
  vfs_->szOsFile = static_cast<int>(kHeaderSize) + real_->szOsFile;
  vfs_->mxPathname = real_->mxPathname;
  vfs_->zName = name_.c_str();
  vfs_->pAppData = this;
  vfs_->xOpen = Open;
  // Everything else goes to the default VFS, called with itself as its VFS.
  vfs_->xDelete = [](sqlite3_vfs* v, const char* name, int sync_dir) {
    return RealVfs(v)->xDelete(RealVfs(v), name, sync_dir);
  };
  vfs_->xAccess = [](sqlite3_vfs* v, const char* name, int flags, int* out) {
    return RealVfs(v)->xAccess(RealVfs(v), name, flags, out);
  };
  vfs_->xFullPathname = [](sqlite3_vfs* v, const char* name, int size, char* out) {
    return RealVfs(v)->xFullPathname(RealVfs(v), name, size, out);
  };
  vfs_->xDlOpen = [](sqlite3_vfs* v, const char* name) {
    return RealVfs(v)->xDlOpen(RealVfs(v), name);
  };
  vfs_->xDlError = [](sqlite3_vfs* v, int size, char* out) {
    RealVfs(v)->xDlError(RealVfs(v), size, out);
  };
  vfs_->xDlSym = [](sqlite3_vfs* v, void* handle, const char* symbol) {
    return RealVfs(v)->xDlSym(RealVfs(v), handle, symbol);
  };
  vfs_->xDlClose = [](sqlite3_vfs* v, void* handle) { RealVfs(v)->xDlClose(RealVfs(v), handle); };
  vfs_->xRandomness = [](sqlite3_vfs* v, int size, char* out) {
    return RealVfs(v)->xRandomness(RealVfs(v), size, out);
  };
  vfs_->xSleep = [](sqlite3_vfs* v, int us) { return RealVfs(v)->xSleep(RealVfs(v), us); };
  vfs_->xCurrentTime = [](sqlite3_vfs* v, double* out) {
    return RealVfs(v)->xCurrentTime(RealVfs(v), out);
  };
  vfs_->xGetLastError = [](sqlite3_vfs* v, int size, char* out) {
    return RealVfs(v)->xGetLastError(RealVfs(v), size, out);
  };
  vfs_->xCurrentTimeInt64 = [](sqlite3_vfs* v, sqlite3_int64* out) {
    return RealVfs(v)->xCurrentTimeInt64(RealVfs(v), out);
  };
  // xSetSystemCall and friends stay null: only SQLite's own tests replace system calls.
  const int rc = sqlite3_vfs_register(vfs_.get(), /*makeDflt=*/0);
  if (rc != SQLITE_OK) throw Error(Error::Kind::kInternal, "cannot register the observed VFS");
}

ObservedVfs::~ObservedVfs() { sqlite3_vfs_unregister(vfs_.get()); }

}  // namespace ttmtrack::db::sqlite
