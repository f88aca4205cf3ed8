#pragma once

namespace ttmtrack::db::sql {

class Connection;

// Begins a write transaction on construction (ConnectionBackend::BeginWrite: the write lock is
// taken at once); rolls back in the destructor unless Commit() was called. This is what makes
// "one file, one transaction; nothing stored on failure" hold on every path, exceptions
// included. Borrows the Connection, which must outlive it. Not copyable or movable.
class WriteTransaction {
 public:
  explicit WriteTransaction(Connection& connection);
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  ~WriteTransaction();

  void Commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

}  // namespace ttmtrack::db::sql
