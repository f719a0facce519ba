#include "pos/core/manager_service.hpp"
#include "pos/core/members_service.hpp"
#include "pos/store/inventory_store.hpp"
#include "pos/store/members_store.hpp"
#include "pos/store/reports_store.hpp"
#include "pos/ui/services.hpp"

namespace waserda::ui {

namespace {

class SqliteBackOffice final : public BackOffice {
public:
    SqliteBackOffice(store::SqliteStore& store, core::Shop& shop)
        : inventory_(store), reports_(store), members_store_(store),
          manager_(shop, inventory_, reports_), members_(shop, members_store_) {}
    core::ManagerService& manager() override { return manager_; }
    core::MembersService& members() override { return members_; }

private:
    store::SqliteInventoryStore inventory_;
    store::SqliteReportsStore reports_;
    store::SqliteMembersStore members_store_;
    core::ManagerService manager_;
    core::MembersService members_;
};

}  // namespace

std::unique_ptr<BackOffice> make_back_office(store::SqliteStore& store, core::Shop& shop) {
    return std::make_unique<SqliteBackOffice>(store, shop);
}

}  // namespace waserda::ui
