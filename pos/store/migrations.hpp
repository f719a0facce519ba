// Numbered schema migrations. PRAGMA user_version holds the number applied last; each migration
// runs in its own transaction, so a failing one leaves the database as it was.
#pragma once

#include "pos/store/database.hpp"

#include <string>
#include <vector>

namespace waserda::store {

struct Migration {
    int version;
    std::string name;
    std::string sql;
};

const std::vector<Migration>& migrations();
// The parts, one per owner, merged in version order by migrations().
std::vector<Migration> books_migrations();    // 1
std::vector<Migration> members_migrations();  // 2: credit, payroll deduction, consignment, SHU
std::vector<Migration> stock_migrations();    // 3: suppliers, goods receipts, opname, reports
int schema_version(Database& db);
int latest_schema_version();
// Applies every migration newer than the database. Returns the version reached.
core::Result<int> migrate(Database& db);

}  // namespace waserda::store
