// Row readers shared by the store's repositories: one definition of how a row becomes a core type.
#pragma once

#include "pos/core/catalog.hpp"
#include "pos/store/database.hpp"

namespace waserda::store {

// The item columns, aliased `i`, in the order read_item reads them.
extern const char* const kItemCols;
// Reads an item from `st`, its columns starting at `first`.
core::Item read_item(const Statement& st, int first = 0);

}  // namespace waserda::store
