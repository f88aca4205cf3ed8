#pragma once

namespace ttmtrack::db::sqlite {

class Database;

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless Commit() was called. This
// is what makes "one file, one transaction; nothing stored on failure" hold on every path,
// exceptions included. Borrows the Database, which must outlive it. Not movable.
class Transaction {
 public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  void Commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace ttmtrack::db::sqlite
