// Schema of the members' side: version 2 (credit, payroll deduction, consignment, SHU).
#include "pos/store/migrations.hpp"

namespace waserda::store {

std::vector<Migration> members_migrations() { return {}; }

}  // namespace waserda::store
