#include "db/sql/write_transaction.hpp"

#include "db/sql/connection.hpp"

namespace ttmtrack::db::sql {

WriteTransaction::WriteTransaction(Connection& connection) : connection_(connection) {
  connection_.backend().BeginWrite();
}

WriteTransaction::~WriteTransaction() {
  if (!done_) connection_.backend().Rollback();
}

void WriteTransaction::Commit() {
  connection_.backend().Commit();
  done_ = true;
}

}  // namespace ttmtrack::db::sql
