#include "db/sqlite/transaction.hpp"

#include <sqlite3.h>

#include "db/sqlite/database.hpp"

namespace ttmtrack::db::sqlite {

Transaction::Transaction(Database& db) : db_(db) { db_.Exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) {
    // A failed rollback leaves SQLite to roll back on close; nothing more can be done in a
    // destructor, and throwing here would terminate.
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::Commit() {
  db_.Exec("COMMIT");
  done_ = true;
}

}  // namespace ttmtrack::db::sqlite
