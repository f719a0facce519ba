// Schema of the manager's stock work and reports: version 3.
#include "pos/store/migrations.hpp"

namespace waserda::store {

std::vector<Migration> stock_migrations() { return {}; }

}  // namespace waserda::store
