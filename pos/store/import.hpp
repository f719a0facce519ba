// Writing checked CSV imports: all or nothing, in one transaction, with their outbox events.
#pragma once

#include "pos/core/catalog_io.hpp"
#include "pos/core/shop.hpp"
#include "pos/store/sqlite_store.hpp"

namespace waserda::store {

// Saves the items (by SKU: new or updated) and brings each listed item's on-hand to the file's
// stock figure through an adjustment move. Refuses an import that still has problems.
core::Status import_items(SqliteStore& store, core::Shop& shop, const core::ItemImport& import);
// Saves the members (by number) and brings each listed savings balance to the file's figure
// through deposit (or sukarela withdrawal) entries noted "impor CSV".
core::Status import_members(SqliteStore& store, core::Shop& shop, const core::MemberImport& import);

}  // namespace waserda::store
