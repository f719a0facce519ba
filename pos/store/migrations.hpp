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
int schema_version(Database& db);
int latest_schema_version();
// Applies every migration newer than the database. Returns the version reached.
core::Result<int> migrate(Database& db);

}  // namespace waserda::store
